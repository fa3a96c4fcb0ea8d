package edu.rush.gme.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/**
 * A large catalog's index is written in parts at once (one per core) and joined: it must be the
 * index one writer makes, page for page and answer for answer, whatever the number of parts.
 */
class IndexPartsTest {

    private static final String[] WORDS = ("cardiology surgery pediatrics research rotation clinic simulation resident fellowship "
            + "chicago hospital trauma oncology neurology radiology wellness mentor curriculum night float elective global health "
            + "transplant imaging critical care quality improvement community underserved teaching conference").split(" ");

    private static List<SearchDocument> catalog(int size) {
        Random random = new Random(42);
        List<SearchDocument> documents = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String specialty = WORDS[random.nextInt(WORDS.length)];
            StringBuilder body = new StringBuilder();
            // Pages of different lengths, so parts differ in size and flush at different places.
            int sentences = 2 + random.nextInt(12);
            for (int sentence = 0; sentence < sentences; sentence++) {
                for (int w = 0; w < 8; w++) {
                    body.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
                }
                body.setLength(body.length() - 1);
                body.append(". ");
            }
            documents.add(new SearchDocument(SearchDocument.PROGRAM, "/programs/p-" + i, "Program " + i + " in " + specialty,
                    "Residency", i % 3 == 0 ? "Fellowship" : "Residency", specialty, "Department of " + specialty, "",
                    "A " + specialty + " program.", "", body.toString().trim()));
        }
        return documents;
    }

    /** The pages' addresses by document number. */
    private static List<String> urlsInOrder(ByteBuffersDirectory directory, int segments) throws Exception {
        List<String> urls = new ArrayList<>();
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            assertThat(reader.leaves()).as("segments").hasSize(segments);
            StoredFields stored = reader.storedFields();
            for (int doc = 0; doc < reader.maxDoc(); doc++) {
                urls.add(stored.document(doc).get(SearchFields.URL));
            }
        }
        return urls;
    }

    @Test
    void an_index_written_in_parts_is_the_index_one_writer_makes() throws Exception {
        SearchAnalyzers analyzers = new SearchAnalyzers("");
        List<SearchDocument> documents = catalog(5_000);
        // A small buffer, so each writer flushes several segments and merges them: the order must survive that too.
        ByteBuffersDirectory alone = SearchIndex.written(documents, analyzers, 1, 0.5);
        ByteBuffersDirectory inParts = SearchIndex.written(documents, analyzers, 3, 1.5);

        List<String> order = documents.stream().map(SearchDocument::url).toList();
        assertThat(urlsInOrder(alone, 1)).as("one writer keeps the order pages were given in").isEqualTo(order);
        assertThat(urlsInOrder(inParts, 3)).as("the parts put together in the same order").isEqualTo(order);

        SearchIndex one = new SearchIndex(alone, analyzers);
        SearchIndex joined = new SearchIndex(inParts, analyzers);
        for (String query : List.of("cardiology", "night float", "simulaton", "trauma surgery research", "program 4999", "chicag")) {
            for (int page = 1; page <= 2; page++) {
                assertThat(joined.search(query, null, null, page)).as(query + ", page " + page)
                        .isEqualTo(one.search(query, null, null, page));
            }
            assertThat(joined.search(query, SearchDocument.PROGRAM, "Fellowship", 1)).isEqualTo(one.search(query, SearchDocument.PROGRAM, "Fellowship", 1));
        }
        assertThat(joined.suggest("cardi", 8)).isEqualTo(one.suggest("cardi", 8));
        assertThat(joined.search("cardiology", null, null, 1).total()).isPositive();
    }
}
