package edu.rush.gme.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.FloatDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;
import org.jsoup.nodes.Entities;

/**
 * One immutable, in-memory Lucene index over the visible pages of one content snapshot (and day).
 * It is built whole before it is used and never changed, so searches need no locking and a new
 * index replaces an old one in a single reference swap.
 */
public final class SearchIndex {

    /** The longest query read; the rest of a longer one is ignored. */
    public static final int MAX_QUERY_CHARS = 200;
    static final int PAGE_SIZE = 10;
    private static final int MAX_TOKENS = 12;
    private static final int SNIPPET_CHARS = 220;

    /** Programs rank above news and pages that match as well. */
    private static final Map<String, Float> KIND_BOOST = Map.of(
            SearchDocument.PROGRAM, 1.6f, SearchDocument.PAGE, 1.0f, SearchDocument.NEWS, 0.9f);

    /** Body text is stored with offsets, so the highlighter can cut snippets without re-analysing it. */
    private static final FieldType BODY_TYPE = new FieldType(TextField.TYPE_STORED);

    static {
        BODY_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        BODY_TYPE.freeze();
    }

    private final SearchAnalyzers analyzers;
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final UnifiedHighlighter highlighter;
    /** Spelling suggestions one edit away for short words, two for words of eight letters or more. */
    private final DirectSpellChecker oneEdit = spellChecker(1);
    private final DirectSpellChecker twoEdits = spellChecker(2);
    private final int size;

    public SearchIndex(List<SearchDocument> documents, SearchAnalyzers analyzers) {
        this.analyzers = analyzers;
        this.size = documents.size();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzers.index()))) {
            for (SearchDocument document : documents) {
                writer.addDocument(toLucene(document));
            }
            writer.forceMerge(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            this.reader = DirectoryReader.open(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.searcher = new IndexSearcher(reader);
        this.highlighter = UnifiedHighlighter.builder(searcher, analyzers.index())
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withMaxLength(20_000)
                // Snippets mark the words the body matched (stemmed words, synonyms, phrases); typo and
                // prefix matches are found in titles, which need no snippet. Term-based highlighting
                // keeps this under a millisecond for a page of results.
                .withWeightMatches(false)
                .withHandleMultiTermQuery(false)
                .withHighlightPhrasesStrictly(false)
                .build();
    }

    public int size() {
        return size;
    }

    private static DirectSpellChecker spellChecker(int maxEdits) {
        DirectSpellChecker checker = new DirectSpellChecker();
        checker.setMaxEdits(maxEdits);
        return checker;
    }

    private static Document toLucene(SearchDocument d) {
        Document doc = new Document();
        // Exact, stored: identifies the page and links to it.
        doc.add(new StringField(SearchFields.URL, d.url(), Field.Store.YES));
        // Exact, stored: program / news / page, for the kind filter and its counts.
        doc.add(new StringField(SearchFields.KIND, d.kind(), Field.Store.YES));
        doc.add(new SortedDocValuesField(SearchFields.KIND, new BytesRef(d.kind())));
        // Stored only: the line under the title (type and specialty, or date).
        doc.add(new StoredField("meta", d.meta()));
        if (d.programType() != null) {
            // Exact: residency / fellowship / allied-health, for the program type facet.
            doc.add(new StringField(SearchFields.PROGRAM_TYPE, d.programType(), Field.Store.NO));
            doc.add(new SortedDocValuesField(SearchFields.PROGRAM_TYPE, new BytesRef(d.programType())));
        }
        // Analyzed (stemmed) and stored: matched with the highest weight and shown as the link text.
        doc.add(new TextField(SearchFields.TITLE, d.title(), Field.Store.YES));
        // Analyzed (stemmed): the specialty and department applicants search by; tags staff add.
        addText(doc, SearchFields.SPECIALTY, d.specialty());
        addText(doc, SearchFields.DEPARTMENT, d.department());
        addText(doc, SearchFields.TAGS, d.tags());
        // Analyzed and stored: the teaser, matched and shown when the body gives no snippet.
        if (d.summary() != null) {
            doc.add(new TextField(SearchFields.SUMMARY, d.summary(), Field.Store.YES));
        }
        // Analyzed: program facts in words ("sponsors J-1 visas", "virtual interviews", "accepts COMLEX").
        addText(doc, SearchFields.FACTS, d.facts());
        // Analyzed, stored with offsets: the Markdown body as text, matched and cut into snippets.
        doc.add(new Field(SearchFields.BODY, d.body(), BODY_TYPE));
        // Unstemmed words of title, specialty and tags: typo tolerance, search as you type, "did you mean".
        doc.add(new TextField(SearchFields.WORDS, String.join(" ", nonNull(d.title(), d.specialty(), d.tags())), Field.Store.NO));
        // A per-document score multiplier: programs rank above news and pages.
        doc.add(new FloatDocValuesField(SearchFields.BOOST, KIND_BOOST.getOrDefault(d.kind(), 1f)));
        return doc;
    }

    private static void addText(Document doc, String field, String value) {
        if (value != null && !value.isBlank()) {
            doc.add(new TextField(field, value, Field.Store.NO));
        }
    }

    private static List<String> nonNull(String... values) {
        List<String> list = new ArrayList<>();
        for (String value : values) {
            if (value != null) {
                list.add(value);
            }
        }
        return list;
    }

    /** Cleans what was typed: no more than {@link #MAX_QUERY_CHARS}, spaces collapsed; never Lucene syntax. */
    public static String normalize(String q) {
        if (q == null) {
            return "";
        }
        String trimmed = q.length() > MAX_QUERY_CHARS ? q.substring(0, MAX_QUERY_CHARS) : q;
        return trimmed.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
    }

    public SearchResults search(String rawQuery, String kind, String programType, int page) {
        String q = normalize(rawQuery);
        if (q.isEmpty()) {
            return new SearchResults(q, kind, programType, List.of(), 0, Map.of(), Map.of(), 1, 1, null);
        }
        try {
            Query built = matchQuery(q);
            if (built == null) {
                return new SearchResults(q, kind, programType, List.of(), 0, Map.of(), Map.of(), 1, 1, suggestion(q));
            }
            // Expand typo and prefix matches once; the counts, the page and the snippets all reuse the result.
            Query match = searcher.rewrite(built);
            FacetCounts counts = searcher.search(match, FacetCounts.MANAGER);
            Map<String, Long> kindCounts = counts.kinds();
            Map<String, Long> typeCounts = counts.types();
            Query query = filtered(match, kind, programType);
            // In longs: a page number far past the end (page=300000000) must not overflow into a negative count.
            long wanted = (long) page * PAGE_SIZE;
            TopDocs top = searcher.search(query, (int) Math.min(wanted, Integer.MAX_VALUE));
            long total = top.totalHits.value;
            int totalPages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
            ScoreDoc[] all = top.scoreDocs;
            int from = (int) Math.min(all.length, wanted - PAGE_SIZE);
            ScoreDoc[] pageDocs = java.util.Arrays.copyOfRange(all, from, all.length);
            // Snippets come from the words searched for, not from the kind and type filters.
            List<SearchResults.Hit> hits = hits(match, pageDocs, total);
            String didYouMean = suggestion(q);
            return new SearchResults(q, kind, programType, hits, total, kindCounts, typeCounts, page, totalPages, didYouMean);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<SearchResults.Hit> hits(Query query, ScoreDoc[] docs, long total) throws IOException {
        TopDocs pageTop = new TopDocs(new org.apache.lucene.search.TotalHits(total, org.apache.lucene.search.TotalHits.Relation.EQUAL_TO), docs);
        String[] snippets = docs.length == 0 ? new String[0] : highlighter.highlight(SearchFields.BODY, query, pageTop, 2);
        List<SearchResults.Hit> hits = new ArrayList<>();
        for (int i = 0; i < docs.length; i++) {
            Document doc = searcher.storedFields().document(docs[i].doc);
            String snippet = snippets[i];
            if (snippet == null || snippet.isBlank()) {
                String summary = doc.get(SearchFields.SUMMARY);
                snippet = summary == null ? "" : Entities.escape(shorten(summary));
            }
            hits.add(new SearchResults.Hit(doc.get(SearchFields.KIND), doc.get(SearchFields.URL), doc.get(SearchFields.TITLE),
                    doc.get("meta"), snippet));
        }
        return hits;
    }

    private static String shorten(String text) {
        return text.length() <= SNIPPET_CHARS ? text : text.substring(0, text.lastIndexOf(' ', SNIPPET_CHARS)) + " …";
    }

    private static Query filtered(Query match, String kind, String programType) {
        if (kind == null && programType == null) {
            return match;
        }
        BooleanQuery.Builder builder = new BooleanQuery.Builder().add(match, Occur.MUST);
        if (kind != null) {
            builder.add(new TermQuery(new Term(SearchFields.KIND, kind)), Occur.FILTER);
        }
        if (programType != null) {
            builder.add(new TermQuery(new Term(SearchFields.PROGRAM_TYPE, programType)), Occur.FILTER);
        }
        return builder.build();
    }

    /**
     * What a query matches, and how well: the words (with synonyms, stemmed) in title, specialty,
     * tags, summary, department and body, by falling weight; the exact phrase in title or body;
     * words one or two typing errors away; and the last word as the start of a word.
     */
    Query matchQuery(String q) {
        return matchQuery(q, true);
    }

    /** @param tolerant with typo tolerance and prefix matching; without, only words (and synonyms) as typed */
    Query matchQuery(String q, boolean tolerant) {
        QueryBuilder builder = new QueryBuilder(analyzers.query());
        builder.setAutoGenerateMultiTermSynonymsPhraseQuery(true);
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        int clauses = 0;
        Object[][] fields = {{SearchFields.TITLE, 6f}, {SearchFields.SPECIALTY, 5f}, {SearchFields.TAGS, 3f},
                {SearchFields.SUMMARY, 2f}, {SearchFields.FACTS, 1f}, {SearchFields.DEPARTMENT, 0.5f}, {SearchFields.BODY, 1f}};
        for (Object[] field : fields) {
            Query fieldQuery = builder.createBooleanQuery((String) field[0], q, Occur.SHOULD);
            if (fieldQuery != null) {
                any.add(new BoostQuery(fieldQuery, (Float) field[1]), Occur.SHOULD);
                clauses++;
            }
        }
        List<String> words = words(q);
        if (words.size() > 1) {
            Query titlePhrase = builder.createPhraseQuery(SearchFields.TITLE, q, 1);
            Query bodyPhrase = builder.createPhraseQuery(SearchFields.BODY, q, 1);
            if (titlePhrase != null) {
                any.add(new BoostQuery(titlePhrase, 8f), Occur.SHOULD);
            }
            if (bodyPhrase != null) {
                any.add(new BoostQuery(bodyPhrase, 2f), Occur.SHOULD);
            }
        }
        boolean typingLastWord = !q.endsWith(" ");
        for (int i = 0; tolerant && i < words.size() && i < MAX_TOKENS; i++) {
            String word = words.get(i);
            if (word.length() >= 4 && !isKnownWord(word)) {
                int edits = word.length() >= 8 ? 2 : 1;
                any.add(new BoostQuery(new FuzzyQuery(new Term(SearchFields.WORDS, word), edits, 1, 10, true), 2f), Occur.SHOULD);
                clauses++;
            }
            if (i == words.size() - 1 && typingLastWord && word.length() >= 2) {
                // Completions share one term weight (a rare completion does not outrank a common one), so shorter titles
                // come first; at most the 30 best completions.
                any.add(new BoostQuery(new PrefixQuery(new Term(SearchFields.WORDS, word),
                        new MultiTermQuery.TopTermsBlendedFreqScoringRewrite(30)), 2.5f), Occur.SHOULD);
                clauses++;
            }
        }
        if (clauses == 0) {
            return null;
        }
        return FunctionScoreQuery.boostByValue(any.build(), DoubleValuesSource.fromFloatField(SearchFields.BOOST));
    }

    /** A word the index has (as written, or stemmed in any text) needs no typo tolerance, which is costly to compute. */
    private boolean isKnownWord(String word) {
        try {
            if (reader.docFreq(new Term(SearchFields.WORDS, word)) > 0) {
                return true;
            }
            List<String> stemmed = tokens(analyzers.index(), word, 1);
            if (stemmed.isEmpty()) {
                return true;
            }
            for (String field : List.of(SearchFields.BODY, SearchFields.SUMMARY, SearchFields.FACTS, SearchFields.TITLE)) {
                if (reader.docFreq(new Term(field, stemmed.get(0))) > 0) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Counts the hits of each kind and program type in one pass over the matching documents. */
    private static final class FacetCounts extends SimpleCollector {
        /** One collector per index slice (one here: the searcher has no executor), summed at the end. */
        static final CollectorManager<FacetCounts, FacetCounts> MANAGER = new CollectorManager<>() {
            @Override
            public FacetCounts newCollector() {
                return new FacetCounts();
            }

            @Override
            public FacetCounts reduce(java.util.Collection<FacetCounts> collectors) {
                FacetCounts total = new FacetCounts();
                for (FacetCounts part : collectors) {
                    part.kinds.forEach((key, count) -> total.kinds.merge(key, count, Long::sum));
                    part.types.forEach((key, count) -> total.types.merge(key, count, Long::sum));
                }
                return total;
            }
        };

        private final Map<String, Long> kinds = new LinkedHashMap<>();
        private final Map<String, Long> types = new LinkedHashMap<>();
        private SortedDocValues kind;
        private SortedDocValues type;

        FacetCounts() {
            for (String k : List.of(SearchDocument.PROGRAM, SearchDocument.NEWS, SearchDocument.PAGE)) {
                kinds.put(k, 0L);
            }
            for (String t : List.of("residency", "fellowship", "allied-health")) {
                types.put(t, 0L);
            }
        }

        @Override
        protected void doSetNextReader(LeafReaderContext context) throws IOException {
            kind = DocValues.getSorted(context.reader(), SearchFields.KIND);
            type = DocValues.getSorted(context.reader(), SearchFields.PROGRAM_TYPE);
        }

        @Override
        public void collect(int doc) throws IOException {
            if (kind.advanceExact(doc)) {
                kinds.merge(kind.lookupOrd(kind.ordValue()).utf8ToString(), 1L, Long::sum);
            }
            if (type.advanceExact(doc)) {
                types.merge(type.lookupOrd(type.ordValue()).utf8ToString(), 1L, Long::sum);
            }
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }

        Map<String, Long> kinds() {
            return kinds;
        }

        Map<String, Long> types() {
            return types;
        }
    }

    /** The words of a query as written (lowercased, accents folded, British spellings mapped), at most a dozen. */
    List<String> words(String q) {
        return tokens(analyzers.words(), q, MAX_TOKENS);
    }

    static List<String> tokens(Analyzer analyzer, String text, int max) {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(SearchFields.WORDS, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken() && tokens.size() < max) {
                tokens.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    /**
     * "Did you mean", when the words as typed find few pages: each word that finds nothing by itself
     * is replaced by the closest word of the index (one or two edits away), if that finds more.
     */
    String suggestion(String q) throws IOException {
        List<String> words = words(q);
        Query strict = matchQuery(q, false);
        int strictHits = strict == null ? 0 : searcher.count(strict);
        if (words.isEmpty() || strictHits >= 3) {
            return null;
        }
        List<String> corrected = new ArrayList<>();
        boolean changed = false;
        for (String word : words) {
            Query alone = matchQuery(word, false);
            boolean known = alone != null && searcher.count(alone) > 0
                    || searcher.count(new PrefixQuery(new Term(SearchFields.WORDS, word))) > 0;
            SuggestWord[] suggestions = known || word.length() < 3 ? new SuggestWord[0]
                    : (word.length() >= 8 ? twoEdits : oneEdit).suggestSimilar(new Term(SearchFields.WORDS, word), 1, reader,
                            SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
            if (suggestions.length > 0 && !suggestions[0].string.equals(word)) {
                corrected.add(suggestions[0].string);
                changed = true;
            } else {
                corrected.add(word);
            }
        }
        if (!changed) {
            return null;
        }
        String better = String.join(" ", corrected);
        Query alternative = matchQuery(better, false);
        return alternative != null && searcher.count(alternative) > strictHits ? better : null;
    }

    /** Program titles for what has been typed so far: every word must start a word of the title or specialty. */
    public List<Map<String, String>> suggest(String rawPrefix, int limit) {
        String prefix = normalize(rawPrefix);
        List<String> words = words(prefix);
        if (words.isEmpty()) {
            return List.of();
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(SearchFields.KIND, SearchDocument.PROGRAM)), Occur.FILTER);
        for (String word : words) {
            all.add(new PrefixQuery(new Term(SearchFields.WORDS, word)), Occur.MUST);
        }
        try {
            TopDocs top = searcher.search(all.build(), limit, new org.apache.lucene.search.Sort(
                    org.apache.lucene.search.SortField.FIELD_SCORE));
            List<Map<String, String>> titles = new ArrayList<>();
            for (ScoreDoc hit : top.scoreDocs) {
                Document doc = searcher.storedFields().document(hit.doc);
                titles.add(Map.of("title", doc.get(SearchFields.TITLE), "url", doc.get(SearchFields.URL), "meta", doc.get("meta")));
            }
            titles.sort(java.util.Comparator.comparing(m -> m.get("title")));
            return titles;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IndexSearcher.TooManyClauses e) {
            return List.of();
        }
    }
}
