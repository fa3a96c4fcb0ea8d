package edu.rush.gme.search;

import static edu.rush.gme.search.SegmentedIndex.WORDS;
import static edu.rush.gme.search.SegmentedIndex.words;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FloatDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;
import org.junit.jupiter.api.Test;

/**
 * The pages a query matches, read as bits, are the pages Lucene's own search visits, and their counts
 * by kind and program type are the counts of those pages: over random queries built of every kind of
 * clause a search uses (and some it does not), on an index of several segments with deleted pages.
 */
class MatchingPagesTest {

    private static final List<String> KINDS = List.of(SearchDocument.PROGRAM, SearchDocument.NEWS, SearchDocument.PAGE, "event");
    private static final List<String> TYPES = List.of("residency", "fellowship", "allied-health");

    @Test
    void the_pages_and_counts_are_those_of_lucenes_own_search() throws Exception {
        Random random = new Random(7);
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
            // Several segments (no merging), and deleted pages in them.
            SegmentedIndex.write(directory, 2_000, 300, 7, (i, doc) -> {
                doc.add(new TextField("title", words(random, 1 + random.nextInt(3)), Field.Store.NO));
                doc.add(new TextField("body", words(random, 5 + random.nextInt(40)), Field.Store.NO));
                String kind = KINDS.get(random.nextInt(KINDS.size()));
                doc.add(new SortedDocValuesField(SearchFields.KIND, new BytesRef(kind)));
                doc.add(new StringField(SearchFields.KIND, kind, Field.Store.YES));
                if (kind.equals(SearchDocument.PROGRAM)) {
                    String type = TYPES.get(random.nextInt(TYPES.size()));
                    doc.add(new SortedDocValuesField(SearchFields.PROGRAM_TYPE, new BytesRef(type)));
                    doc.add(new StringField(SearchFields.PROGRAM_TYPE, type, Field.Store.YES));
                }
                doc.add(new FloatDocValuesField("boost", 1.6f));
            });
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                assertThat(reader.leaves()).hasSizeGreaterThan(3);
                assertThat(reader.hasDeletions()).isTrue();
                IndexSearcher searcher = new IndexSearcher(reader);
                MatchingPages matching = new MatchingPages(searcher);
                // Each page's kind and type, read once.
                String[] kindOf = new String[reader.maxDoc()];
                String[] typeOf = new String[reader.maxDoc()];
                StoredFields stored = searcher.storedFields();
                for (int doc = 0; doc < reader.maxDoc(); doc++) {
                    kindOf[doc] = stored.document(doc).get(SearchFields.KIND);
                    typeOf[doc] = stored.document(doc).get(SearchFields.PROGRAM_TYPE);
                }
                int nonEmpty = 0;
                Map<Query, TreeSet<Integer>> asked = new LinkedHashMap<>();
                for (int round = 0; round < 500; round++) {
                    Query query = searcher.rewrite(query(random, 3));
                    TreeSet<Integer> expected = visited(searcher, query);
                    FixedBitSet pages = matching.of(query);
                    assertThat(set(pages)).as(query.toString()).isEqualTo(expected);
                    asked.put(query, expected);
                    MatchingPages.FacetCounts counts = matching.count(pages);
                    Map<String, Long> kinds = new LinkedHashMap<>();
                    Map<String, Long> types = new LinkedHashMap<>();
                    KINDS.subList(0, 3).forEach(k -> kinds.put(k, 0L));
                    TYPES.forEach(t -> types.put(t, 0L));
                    for (int doc : expected) {
                        kinds.merge(kindOf[doc], 1L, Long::sum);
                        if (typeOf[doc] != null) {
                            types.merge(typeOf[doc], 1L, Long::sum);
                        }
                    }
                    assertThat(counts.kinds()).as(query.toString()).containsExactlyEntriesOf(kinds);
                    assertThat(counts.types()).containsExactlyEntriesOf(types);
                    assertThat(counts.total()).isEqualTo(expected.size());
                    String kind = KINDS.get(random.nextInt(KINDS.size()));
                    String type = random.nextBoolean() ? null : TYPES.get(random.nextInt(TYPES.size()));
                    long filtered = expected.stream().filter(doc -> kind.equals(kindOf[doc]) && (type == null || type.equals(typeOf[doc]))).count();
                    assertThat(matching.count(pages, kind, type)).isEqualTo(filtered);
                    assertThat(matching.count(pages, null, null)).isEqualTo(expected.size());
                    if (!expected.isEmpty()) {
                        nonEmpty++;
                    }
                }
                // The queries are not all empty (nor all everything).
                assertThat(nonEmpty).isBetween(150, 490);
                // Questions as a search builds them, of the same few words in ever new combinations: every
                // word (each the best of its fields), or any of them, beside bonuses that only score.
                for (int round = 0; round < 300; round++) {
                    BooleanQuery.Builder question = new BooleanQuery.Builder();
                    Occur each = random.nextInt(3) == 0 ? Occur.SHOULD : random.nextBoolean() ? Occur.MUST : Occur.FILTER;
                    for (int words = 2 + random.nextInt(2); words > 0; words--) {
                        question.add(word(random), each);
                    }
                    if (random.nextInt(4) == 0) {
                        question.add(word(random), Occur.MUST_NOT);
                    }
                    Query query = searcher.rewrite(new KindBoostQuery(new BooleanQuery.Builder().add(question.build(), Occur.MUST)
                            .add(new TermQuery(new Term("title", WORDS.get(random.nextInt(WORDS.size())))), Occur.SHOULD).build(), "boost", 1.6f));
                    TreeSet<Integer> expected = visited(searcher, query);
                    assertThat(set(matching.of(query))).as(query.toString()).isEqualTo(expected);
                    asked.put(query, expected);
                }
                // Asked again, in another order, once every word's pages are kept: the same pages (no
                // query changed a set kept for a word it shares with another).
                List<Query> again = new ArrayList<>(asked.keySet());
                java.util.Collections.shuffle(again, random);
                for (Query query : again) {
                    assertThat(set(matching.of(query))).as(query.toString()).isEqualTo(asked.get(query));
                }
                assertThat(matching.count(pages(searcher, matching), "no-such-kind", null)).isZero();
            }
        }
    }

    private static FixedBitSet pages(IndexSearcher searcher, MatchingPages matching) throws IOException {
        return matching.of(searcher.rewrite(new MatchAllDocsQuery()));
    }

    /** A random query of the shapes a search builds (any or every word, each the best of its fields, phrases, synonyms, boosts) and others. */
    private static Query query(Random random, int depth) {
        int shape = depth == 0 ? random.nextInt(3) : random.nextInt(9);
        String word = WORDS.get(random.nextInt(WORDS.size()));
        String field = random.nextBoolean() ? "title" : "body";
        switch (shape) {
            case 0:
                return new TermQuery(new Term(field, word));
            case 1:
                return new PhraseQuery(random.nextInt(2), field, word, WORDS.get(random.nextInt(WORDS.size())));
            case 2:
                return new SynonymQuery.Builder(field).addTerm(new Term(field, word)).addTerm(new Term(field, WORDS.get(random.nextInt(WORDS.size())))).build();
            case 3:
                return new BoostQuery(query(random, depth - 1), 1 + random.nextInt(5));
            case 4:
                return new ConstantScoreQuery(query(random, depth - 1));
            case 5:
                return new KindBoostQuery(query(random, depth - 1), "boost", 1.6f);
            case 6: {
                List<Query> each = new ArrayList<>();
                for (int i = 1 + random.nextInt(3); i > 0; i--) {
                    each.add(query(random, depth - 1));
                }
                return new DisjunctionMaxQuery(each, 0.1f);
            }
            default: {
                BooleanQuery.Builder bool = new BooleanQuery.Builder();
                int clauses = 1 + random.nextInt(4);
                int optional = 0;
                for (int i = 0; i < clauses; i++) {
                    Occur occur = Occur.values()[random.nextInt(Occur.values().length)];
                    optional += occur == Occur.SHOULD ? 1 : 0;
                    bool.add(query(random, depth - 1), occur);
                }
                if (random.nextInt(4) == 0) {
                    bool.setMinimumNumberShouldMatch(random.nextInt(optional + 1));
                }
                return bool.build();
            }
        }
    }

    /** A word as a search asks for it: the best of its fields, each with a synonym sometimes. */
    private static Query word(Random random) {
        String word = WORDS.get(random.nextInt(WORDS.size()));
        Query inBody = random.nextInt(3) == 0
                ? new SynonymQuery.Builder("body").addTerm(new Term("body", word)).addTerm(new Term("body", WORDS.get(word.length() % WORDS.size()))).build()
                : new TermQuery(new Term("body", word));
        return new DisjunctionMaxQuery(List.of(new BoostQuery(new TermQuery(new Term("title", word)), 5f), inBody), 0.1f);
    }

    /** The pages Lucene's search visits for a query. */
    private static TreeSet<Integer> visited(IndexSearcher searcher, Query query) throws IOException {
        TreeSet<Integer> docs = new TreeSet<>();
        searcher.search(query, new SimpleCollector() {
            private int base;

            @Override
            protected void doSetNextReader(org.apache.lucene.index.LeafReaderContext context) {
                base = context.docBase;
            }

            @Override
            public void collect(int doc) {
                docs.add(base + doc);
            }

            @Override
            public ScoreMode scoreMode() {
                return ScoreMode.COMPLETE_NO_SCORES;
            }
        });
        return docs;
    }

    private static TreeSet<Integer> set(FixedBitSet bits) {
        TreeSet<Integer> docs = new TreeSet<>();
        for (int doc = bits.nextSetBit(0); doc != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS;
                doc = doc + 1 < bits.length() ? bits.nextSetBit(doc + 1) : org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS) {
            docs.add(doc);
        }
        return docs;
    }
}
