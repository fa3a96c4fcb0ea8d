package edu.rush.gme.content;

import static org.assertj.core.api.Assertions.assertThat;

import edu.rush.gme.App;
import edu.rush.gme.ContentFixture;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What is derived from the visible content is built once per version and visibility, and a preview asked in between does not throw the public one away. */
class PerSnapshotDayTest {

    @TempDir
    Path temp;

    @Test
    void the_public_value_and_a_previews_are_both_kept() {
        ContentFixture content = ContentFixture.minimal(temp)
                .write("news/draft.md", "---\ntitle: Draft\ndate: 2026-11-20\nsummary: S.\ndraft: true\n---\nB.\n");
        ContentSnapshot snapshot = new ContentLoader(content.dir(), ContentFixture.CLOCK, App.CONTENT_TYPES).load();
        ContentSnapshot preview = snapshot.showing("content/news/draft.md");
        Instant now = ContentFixture.CLOCK.instant();
        Instant later = now.plusSeconds(86_400 * 10);
        AtomicInteger builds = new AtomicInteger();
        PerSnapshotDay<Integer> derived = new PerSnapshotDay<>((s, at) -> {
            builds.incrementAndGet();
            return s.list(edu.rush.gme.news.NewsStory.TYPE, at).size();
        });
        for (int i = 0; i < 3; i++) {
            assertThat(derived.get(snapshot, now)).isZero();
            assertThat(derived.get(preview, now)).isEqualTo(1);
        }
        assertThat(builds).hasValue(2);
        assertThat(preview.version()).isNotEqualTo(snapshot.version());
        assertThat(preview.isPreview()).isTrue();
        assertThat(snapshot.isPreview()).isFalse();
        // A third key (the site as of a later day) takes the place of the oldest.
        derived.get(snapshot, later);
        derived.get(preview, now);
        assertThat(builds).hasValue(3);
        derived.get(snapshot, now);
        assertThat(builds).hasValue(4);
    }
}
