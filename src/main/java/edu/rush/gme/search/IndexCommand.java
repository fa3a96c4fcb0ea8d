package edu.rush.gme.search;

import edu.rush.gme.content.ContentLoader;
import edu.rush.gme.content.ContentStore;
import edu.rush.gme.content.ContentTypes;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code java -jar gme-site.jar index}: builds the search index of the content folder and keeps it
 * where the server looks for kept indexes, then exits. The image runs it at build time, so its first
 * start reads the index instead of building it (or, over content mounted in place of the image's,
 * on another day, updates it with what differs); an operator can run it before switching traffic to
 * a new version. Kept only for a server run from its jar: an index names the build that wrote it.
 */
public final class IndexCommand {

    public static final String COMMAND = "index";
    static final String USAGE = "usage: java -jar gme-site.jar " + COMMAND
            + "   (the search index of GME_CONTENT_DIR, kept in the data folder's search-index for the next start)";

    private IndexCommand() {
    }

    /**
     * @param build the build the index is kept for ({@code BuildStamp.ofJar()}); empty when run from classes
     */
    public static int run(ContentTypes types, Path contentDir, Path dataDir, Optional<String> build, Clock clock, List<String> args,
                          PrintStream out, PrintStream err) {
        if (!args.isEmpty()) {
            err.println("index takes no arguments\n" + USAGE);
            return 2;
        }
        if (build.isEmpty()) {
            err.println("index keeps an index only for the server's jar (java -jar gme-site.jar index): run from classes, the code can change under the same name");
            return 2;
        }
        long start = System.nanoTime();
        Path folder = dataDir.resolve("search-index");
        IndexFiles files = IndexFiles.in(folder, build.get());
        ContentStore store = new ContentStore(new ContentLoader(contentDir, clock, types), clock);
        SearchService search = new SearchService(store, files);
        store.reload();
        int problems = store.snapshot().problems().size();
        int documents = search.prepare();
        // Written after the index is in use, by the service's own thread: waited for here.
        search.close(Duration.ofMinutes(2));
        String key = files.key(store.snapshot(), store.now());
        if (!java.nio.file.Files.isDirectory(folder.resolve(key))) {
            err.println("the search index could not be kept in " + folder + " (see the log above)");
            return 1;
        }
        out.printf("search index of %d pages kept in %s (%d ms)%s%n", documents, folder.resolve(key),
                (System.nanoTime() - start) / 1_000_000,
                problems == 0 ? "" : "; " + problems + " content problem(s): run validate");
        return 0;
    }
}
