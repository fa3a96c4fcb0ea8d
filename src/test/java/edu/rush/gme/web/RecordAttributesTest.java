package edu.rush.gme.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.attributes.AttributeResolver;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.loader.StringLoader;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A template reads a record's components through {@link RecordAttributes} exactly as Pebble's reflection reads them. */
class RecordAttributesTest {

    public record Card(String title, int positions, boolean visa, List<String> tags, Box<String> box) {
        /** An accessor written out by hand is still the one called. */
        @Override
        public String title() {
            return "[" + title + "]";
        }

        public String summary() {
            return title + " with " + positions;
        }
    }

    public record Box<T>(T inside) {
    }

    /** A record that is also a collection: Pebble reads it through the collection's methods first. */
    public record Pair(String first, String second) implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return List.of(first, second).iterator();
        }
    }

    private static final String TEMPLATE = "{{ card.title }}|{{ card.positions }}|{{ card.visa }}|{{ card.tags | join(',') }}|"
            + "{{ card.box.inside }}|{{ card.summary }}|{{ card.summary() }}|{{ card.title() }}|{{ pair.first }}|{{ map.title }}"
            + "|{% for c in cards %}{{ c.positions }};{% endfor %}|{{ card.hashCode() == card.hashCode() }}|{{ card.toString() }}";

    @Test
    void a_page_reads_the_same_values_with_and_without_it() throws Exception {
        Card card = new Card("Cardiology <b>", 7, true, List.of("heart", "echo"), new Box<>("stents"));
        Map<String, Object> model = Map.of("card", card, "pair", new Pair("a", "b"), "map", Map.of("title", "from a map"),
                "cards", List.of(card, new Card("Other", 2, false, List.of(), new Box<>(null))));
        String plain = render(engine(false), TEMPLATE, model);
        String fast = render(engine(true), TEMPLATE, model);
        assertThat(fast).isEqualTo(plain).startsWith("[Cardiology &lt;b&gt;]|7|true|heart,echo|stents|Cardiology <b> with 7".replace("<b>", "&lt;b&gt;"));
        // The values come from this resolver, not from Pebble's after it.
        assertThat(new RecordAttributes().resolve(card, "positions", null, null, null, "t", 1).evaluatedValue).isEqualTo(7);
        assertThat(new RecordAttributes().resolve(new Pair("a", "b"), "first", null, null, null, "t", 1)).isNull();
        assertThat(new RecordAttributes().resolve(card, "summary", null, null, null, "t", 1)).isNull();
        // Read twice, from the readers made the first time.
        assertThat(render(engine(true), TEMPLATE, model)).isEqualTo(plain);
    }

    @Test
    void a_name_that_is_no_component_is_still_pebbles_error() {
        Map<String, Object> model = Map.of("card", new Card("C", 1, false, List.of(), new Box<>("x")));
        for (boolean fast : new boolean[] {false, true}) {
            assertThatThrownBy(() -> render(engine(fast), "{{ card.nothing }}", model))
                    .isInstanceOf(PebbleException.class).hasMessageContaining("nothing");
        }
    }

    private static PebbleEngine engine(boolean withRecords) {
        PebbleEngine.Builder builder = new PebbleEngine.Builder().loader(new StringLoader()).strictVariables(true).autoEscaping(true);
        if (withRecords) {
            builder.extension(new AbstractExtension() {
                @Override
                public List<AttributeResolver> getAttributeResolver() {
                    return List.of(new RecordAttributes());
                }
            });
        }
        return builder.build();
    }

    private static String render(PebbleEngine engine, String template, Map<String, Object> model) throws Exception {
        StringWriter out = new StringWriter();
        engine.getTemplate(template).evaluate(out, model);
        return out.toString();
    }
}
