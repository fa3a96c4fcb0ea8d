package edu.rush.gme.search;

import com.github.benmanes.caffeine.cache.Cache;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TermToBytesRefAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.FloatDocValuesField;
import org.apache.lucene.document.NumericDocValuesField;
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
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.util.QueryBuilder;
import org.apache.lucene.util.graph.GraphTokenStreamFiniteStrings;
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

    /** Words longer than this are not corrected (the automaton of a long word costs, and it is no typo). */
    private static final int MAX_CORRECTED_CHARS = 30;
    /**
     * Where the words of a query are looked for, and what a match there is worth: the names of a
     * program (title, specialty, tags staff add) far above its department, summary, facts and body,
     * so "emergency" puts Emergency Medicine before a page that mentions emergencies.
     */
    static final Map<String, Float> RESULT_FIELDS = ordered(SearchFields.TITLE, 5f, SearchFields.SPECIALTY, 5f, SearchFields.TAGS, 4f,
            SearchFields.DEPARTMENT, 2f, SearchFields.SUMMARY, 1.5f, SearchFields.FACTS, 1f, SearchFields.BODY, 1f);
    /** Where suggestions look: a program's names only, not what its pages mention. */
    static final Map<String, Float> NAME_FIELDS = ordered(SearchFields.TITLE, 5f, SearchFields.SPECIALTY, 5f, SearchFields.TAGS, 4f,
            SearchFields.DEPARTMENT, 2f);
    /**
     * What a program gains when the whole query is in one of its names, in order (a word may come
     * between), whatever its length or how often other pages use the words: the best of these
     * counts. So the programs of a specialty, and the fellowships of its department, come before a
     * program that merely mentions it, however rare the word is in its summary or body.
     */
    private static final Map<String, Float> WHOLE_QUERY_FIELDS = ordered(SearchFields.TITLE, 20f, SearchFields.SPECIALTY, 20f,
            SearchFields.TAGS, 15f, SearchFields.DEPARTMENT, 10f);
    /** Several words together in the body count for more than the same words apart. */
    private static final float BODY_PHRASE_BOOST = 2f;
    /** A word's other fields add a tenth of their score to its best field's. */
    private static final float FIELD_TIE_BREAKER = 0.1f;
    /** A word being typed, completed from the words of titles. */
    private static final float COMPLETION_BOOST = 3f;
    /** A query that is a program's specialty or title: above any mix of matching words. */
    private static final float NAME_BOOST = 40f;
    private static final int MAX_NAME_KEYS = 16;
    /**
     * No program's name is longer: a longer query is not looked for whole in names or as a phrase in
     * the body (each synonym with a choice doubles the readings of a phrase: "im im im ..." has 2^n).
     */
    private static final int MAX_PHRASE_WORDS = 6;
    /** Phrases (and synonyms of several words) allow one word between, such as a dropped "and". */
    private static final int PHRASE_SLOP = 1;

    private static Map<String, Float> ordered(Object... fieldsAndBoosts) {
        Map<String, Float> map = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndBoosts.length; i += 2) {
            map.put((String) fieldsAndBoosts[i], (Float) fieldsAndBoosts[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }

    /** The stored field a hit shows when neither its body nor its summary says what was asked (the rest are doc values). */
    private static final Set<String> SUMMARY_FIELD = Set.of(SearchFields.SUMMARY);
    /** The same four as stored fields, for an index that lacks their doc values. */
    private static final Set<String> SHOWN_FIELDS = Set.of(SearchFields.KIND, SearchFields.URL, SearchFields.TITLE, "meta");
    /** Programs rank above news and pages that match as well. */
    private static final Map<String, Float> KIND_BOOST = Map.of(
            SearchDocument.PROGRAM, 1.6f, SearchDocument.PAGE, 1.0f, SearchDocument.NEWS, 0.9f);

    /** No page's boost is above this (what {@link KindBoostQuery} bounds scores with). */
    private static final float LARGEST_KIND_BOOST = java.util.Collections.max(KIND_BOOST.values());

    /** Body text is stored with offsets, so the highlighter can cut snippets without re-analysing it. */
    private static final FieldType BODY_TYPE = new FieldType(TextField.TYPE_STORED);

    static {
        BODY_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        BODY_TYPE.freeze();
    }

    private final SearchAnalyzers analyzers;
    private final ByteBuffersDirectory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final Snippets highlighter;
    /** Which pages a query matches, and their counts by kind and type. */
    private final MatchingPages matching;
    /** Each word's score on its pages, kept: what ranks a question of known words. */
    private final WordScores scores;
    /** The best pages of a question of kept words, added up from their kept scores. */
    private final KeptRanking ranking;
    /** Spelling suggestions one edit away for short words, two for words of eight letters or more. */
    private final DirectSpellChecker oneEdit = spellChecker(1);
    private final DirectSpellChecker twoEdits = spellChecker(2);
    private final int size;
    /**
     * Words of a field that start with what is being typed, as Lucene rewrites a prefix query (its
     * automaton compiled, the terms walked, the most frequent chosen): kept per index, which never
     * changes, in at most a 256th of the heap. A word half typed is typed again in the next question.
     */
    private final Cache<Started, Query> started = Kept.inBytes(SearchService.shareOfHeap(256, 256L << 10, 2L << 20),
            (Started key, Query words) -> Kept.bytes(words));

    /** The most frequent {@code most} words of {@code field} that start with {@code prefix}. */
    private record Started(String field, String prefix, int most) {
    }

    /** Whether a word needs no correction ({@link #isKnownWord}), in at most a 256th of the heap. */
    private final Cache<String, Boolean> knownWords = Kept.inBytes(SearchService.shareOfHeap(256, 256L << 10, 2L << 20),
            (String word, Boolean known) -> 64 + 2L * word.length());

    /** A word's name bonuses ({@link #addWordBonuses}), in at most a 256th of the heap. */
    private final Cache<String, List<Query>> wordBonuses = Kept.inBytes(SearchService.shareOfHeap(256, 256L << 10, 2L << 20),
            (String word, List<Query> bonuses) -> 2L * word.length() + bonuses.stream().mapToLong(Kept::bytes).sum());

    /** An index of these documents, in this order (which decides the order of equal scores), each asked for once. */
    public SearchIndex(Iterable<SearchDocument> documents, SearchAnalyzers analyzers) {
        this(written(documents, analyzers), analyzers);
    }

    /** An index written before (by {@link #directory()}, kept on disk by {@link IndexFiles}), with the analyzers it was written with. */
    SearchIndex(ByteBuffersDirectory directory, SearchAnalyzers analyzers) {
        this.analyzers = analyzers;
        this.directory = directory;
        try {
            this.reader = DirectoryReader.open(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.size = reader.numDocs();
        this.searcher = new IndexSearcher(reader);
        try {
            this.matching = new MatchingPages(searcher);
            this.scores = new WordScores(searcher, matching);
            this.ranking = new KeptRanking(searcher, SearchFields.BOOST);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Cache<String, int[]> sentences = SentenceBreaks.known(Snippets.SENTENCE_STARTS_KEPT);
        UnifiedHighlighter.Builder highlighting = UnifiedHighlighter.builder(searcher, analyzers.index())
                .withFormatter(new SnippetFormatter())
                .withMaxLength(20_000)
                // Snippets mark the words the body matched (stemmed words, synonyms, phrases; typos are
                // corrected before the query is built, and a word being typed is expanded to the body's
                // words it starts). Term-based highlighting keeps this under a millisecond for a page.
                .withWeightMatches(false)
                .withHandleMultiTermQuery(false)
                .withHighlightPhrasesStrictly(false)
                // A page that does not say what was asked shows its summary, not the opening of its body.
                .withMaxNoHighlightPassages(0)
                // Lucene's scores, without its 32 KB of scratch per sentence scored.
                .withScorer(new LeanPassageScorer())
                // Sentences found by SentenceBreaks' few rules rather than the JDK's state machine (a sixth of a search).
                // Where the sentences of a text start, kept with the texts Snippets keeps: found once per text.
                .withBreakIterator(() -> new SentenceBreaks(sentences));
        // Each word of the query looked up once per results page, not once per hit; the texts of pages shown lately kept.
        this.highlighter = new Snippets(highlighting);
    }

    public int size() {
        return size;
    }

    /**
     * An index in the heap, each of its files one byte array once written, read with plain array
     * access ({@link ByteArrayIndexInput}). (Lucene's default keeps a file as the list of blocks it was
     * written in, up to a hundred or more, and copies that list each time a query opens a term's
     * postings: dozens of times per search.) Written without compound files ({@link #writerConfig}),
     * so each of Lucene's files is read from its own array rather than as a slice of one large file.
     */
    static ByteBuffersDirectory newDirectory() {
        return new ByteBuffersDirectory(new org.apache.lucene.store.SingleInstanceLockFactory(), org.apache.lucene.store.ByteBuffersDataOutput::new,
                (name, output) -> new ByteArrayIndexInput(name, output.toArrayCopy()));
    }

    /** How this index is written: each of Lucene's files on its own, never packed into one compound file. */
    private static IndexWriterConfig writerConfig(SearchAnalyzers analyzers, org.apache.lucene.index.MergePolicy merges) {
        merges.setNoCFSRatio(0.0);
        return new IndexWriterConfig(analyzers.index()).setUseCompoundFile(false).setMergePolicy(merges);
    }

    private static ByteBuffersDirectory written(Iterable<SearchDocument> documents, SearchAnalyzers analyzers) {
        ByteBuffersDirectory directory = newDirectory();
        try (IndexWriter writer = new IndexWriter(directory, writerConfig(analyzers, new org.apache.lucene.index.TieredMergePolicy()))) {
            for (SearchDocument document : documents) {
                writer.addDocument(toLucene(document, analyzers));
            }
            writer.forceMerge(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return directory;
    }

    /** The index's files (to be kept on disk). */
    Directory directory() {
        return directory;
    }

    /**
     * Every page's body text as this index holds it, by URL: read in one pass in document order, so
     * each compressed block of stored fields is decompressed once (reading them one page at a time
     * decompressed a block per page: 5.4 s instead of a fraction of a second at 10,000 programs).
     */
    Map<String, String> bodies() {
        Map<String, String> bodies = new java.util.HashMap<>(size * 4 / 3 + 1);
        Set<String> fields = Set.of(SearchFields.URL, SearchFields.BODY);
        try {
            for (LeafReaderContext leaf : reader.leaves()) {
                org.apache.lucene.index.StoredFields stored = leaf.reader().storedFields();
                org.apache.lucene.util.Bits live = leaf.reader().getLiveDocs();
                for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                    if (live != null && !live.get(doc)) {
                        continue; // replaced or deleted by an update
                    }
                    Document document = stored.document(doc, fields);
                    bodies.put(document.get(SearchFields.URL), document.get(SearchFields.BODY));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bodies;
    }

    /**
     * Every page's {@link #fingerprint} by URL (pages deleted by an update left out), read once from
     * doc values: no stored field is decompressed.
     */
    synchronized Map<String, Long> fingerprints() {
        if (fingerprints == null) {
            Map<String, Long> read = new java.util.HashMap<>(size * 4 / 3 + 1);
            try {
                for (LeafReaderContext leaf : reader.leaves()) {
                    SortedDocValues urls = DocValues.getSorted(leaf.reader(), SearchFields.URL);
                    org.apache.lucene.index.NumericDocValues prints = DocValues.getNumeric(leaf.reader(), SearchFields.FINGERPRINT);
                    org.apache.lucene.util.Bits live = leaf.reader().getLiveDocs();
                    for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                        if ((live == null || live.get(doc)) && urls.advanceExact(doc) && prints.advanceExact(doc)) {
                            read.put(urls.lookupOrd(urls.ordValue()).utf8ToString(), prints.longValue());
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            fingerprints = read;
        }
        return fingerprints;
    }

    /** Guarded by this: read when a reload first compares with this index. */
    private Map<String, Long> fingerprints;

    /** The body text this index holds for a page, or null when it holds no page at that URL. */
    String body(String url) {
        try {
            TopDocs top = searcher.search(new TermQuery(new Term(SearchFields.URL, url)), 1);
            if (top.scoreDocs.length == 0) {
                return null;
            }
            return searcher.storedFields().document(top.scoreDocs[0].doc, Set.of(SearchFields.BODY)).get(SearchFields.BODY);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A new index: this one's files copied, with the given pages added or replaced (by URL) and the
     * pages at {@code removed} deleted. Only those pages are analyzed; the rest is Lucene's segments
     * as they were, so a save at 10,000 programs costs about one page instead of all of them. This
     * index is not changed (requests may be reading it).
     */
    SearchIndex updated(List<SearchDocument> changed, java.util.Collection<String> removed) {
        ByteBuffersDirectory copy = newDirectory();
        try {
            for (String file : directory.listAll()) {
                copy.copyFrom(directory, file, file, org.apache.lucene.store.IOContext.DEFAULT);
            }
            org.apache.lucene.index.TieredMergePolicy merges = new org.apache.lucene.index.TieredMergePolicy();
            merges.setForceMergeDeletesPctAllowed(0);
            IndexWriterConfig config = writerConfig(analyzers, merges).setOpenMode(IndexWriterConfig.OpenMode.APPEND);
            try (IndexWriter writer = new IndexWriter(copy, config)) {
                for (String url : removed) {
                    writer.deleteDocuments(new Term(SearchFields.URL, url));
                }
                for (SearchDocument document : changed) {
                    writer.updateDocument(new Term(SearchFields.URL, document.url()), toLucene(document, analyzers));
                }
                // The replaced and deleted pages merged away at once: what is found, counted, completed and
                // corrected is then exactly what a whole new index gives (rewriting the segment they were in
                // cost about 0.1 s at 10,000 programs).
                writer.forceMergeDeletes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SearchIndex next = new SearchIndex(copy, analyzers);
        Map<String, Long> prints = new java.util.HashMap<>(fingerprints());
        prints.keySet().removeAll(removed);
        for (SearchDocument document : changed) {
            prints.put(document.url(), fingerprint(document));
        }
        synchronized (next) {
            next.fingerprints = prints;
        }
        return next;
    }

    /** The analyzers this index was written with (an update must use the same). */
    SearchAnalyzers analyzers() {
        return analyzers;
    }

    /**
     * 64 bits of SHA-256 over everything indexed of a page, its body by the digest of its file (its
     * text is made from that file by this build), so two versions of a page differ here when they
     * would be indexed differently; stable between runs of a build, since it is kept in the index on
     * disk. A document without a source file is fingerprinted by its body text.
     */
    static long fingerprint(SearchDocument d) {
        java.security.MessageDigest sha;
        try {
            sha = java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
        for (String field : new String[] {d.kind(), d.url(), d.title(), d.meta(), d.programType(), d.specialty(), d.department(),
                d.tags(), d.summary(), d.facts(), d.source() != null ? d.source() : d.body()}) {
            if (field == null) {
                sha.update((byte) 1);
            } else {
                sha.update((byte) 0);
                sha.update(field.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
        }
        return java.nio.ByteBuffer.wrap(sha.digest()).getLong();
    }

    private static DirectSpellChecker spellChecker(int maxEdits) {
        DirectSpellChecker checker = new DirectSpellChecker();
        checker.setMaxEdits(maxEdits);
        checker.setMaxQueryLength(MAX_CORRECTED_CHARS);
        return checker;
    }

    private static Document toLucene(SearchDocument d, SearchAnalyzers analyzers) {
        Document doc = new Document();
        // Exact, stored: identifies the page and links to it.
        doc.add(new StringField(SearchFields.URL, d.url(), Field.Store.YES));
        // Read by URL without the stored fields: what a reload compares to tell changed pages (updated).
        doc.add(new SortedDocValuesField(SearchFields.URL, new BytesRef(d.url())));
        doc.add(new NumericDocValuesField(SearchFields.FINGERPRINT, fingerprint(d)));
        // Exact, stored: program / news / page, for the kind filter and its counts.
        doc.add(new StringField(SearchFields.KIND, d.kind(), Field.Store.YES));
        doc.add(new SortedDocValuesField(SearchFields.KIND, new BytesRef(d.kind())));
        // Stored only: the line under the title (type and specialty, or date).
        doc.add(new StoredField("meta", d.meta()));
        // The title and that line again as doc values, for the hits shown (see hits()).
        doc.add(new org.apache.lucene.document.BinaryDocValuesField(SearchFields.SHOWN_TITLE, new BytesRef(d.title())));
        doc.add(new org.apache.lucene.document.BinaryDocValuesField(SearchFields.SHOWN_META, new BytesRef(d.meta())));
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
        // Exact: the specialty and the title as their stemmed words, so a query that names the program
        // ("cardiology", "peds", "ob/gyn") puts it first. Two short analyses per program.
        for (String name : nonNull(d.specialty(), d.kind().equals(SearchDocument.PROGRAM) ? d.title() : null)) {
            String key = String.join(" ", tokens(analyzers.index(), SearchFields.SPECIALTY, name, MAX_TOKENS));
            if (!key.isEmpty()) {
                doc.add(new StringField(SearchFields.NAME, key, Field.Store.NO));
            }
        }
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
        return SPACES.matcher(trimmed).replaceAll(" ").strip();
    }

    /** Control characters and spaces, one or more: one space in a query. */
    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("[\\p{Cntrl}\\s]+");

    /**
     * What a search's results depend on, as one string: the words of the query as they are searched
     * (lowercased, accents folded, British spellings mapped, at most a dozen), so "Heart  Failure",
     * "heart failure" and "HEART FAILURE" have the same results; only the query shown differs.
     */
    public String searchedWords(String q) {
        return String.join(" ", words(normalize(q)));
    }

    public SearchResults search(String rawQuery, String kind, String programType, int page) {
        String q = normalize(rawQuery);
        if (q.isEmpty()) {
            return new SearchResults(q, kind, programType, List.of(), 0, Map.of(), Map.of(), 1, 1, null);
        }
        try {
            Plan plan = plan(q, false);
            while (true) {
                try {
                    return search(q, plan, kind, programType, page);
                } catch (IndexSearcher.TooManyClauses e) {
                    // Many words with many synonyms ("im im im ..."): the first half of them.
                    if (plan.words().size() == 1) {
                        return new SearchResults(q, kind, programType, List.of(), 0, Map.of(), Map.of(), 1, 1, null);
                    }
                    plan = plan.firstWords(plan.words().size() / 2);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One reading of the query: every word, else its last word completed, else any of its words. */
    private SearchResults search(String q, Plan plan, String kind, String programType, int page) throws IOException {
        Query built = plan == null ? null : matchQuery(plan, RESULT_FIELDS, Occur.MUST);
        if (built == null) {
            return new SearchResults(q, kind, programType, List.of(), 0, Map.of(), Map.of(), 1, 1, null);
        }
        // Expand prefix matches once; the counts, the page and the snippets all reuse the result.
        // Never more hits than documents: a page number in the millions must not overflow the count.
        int wanted = (int) Math.min((long) page * PAGE_SIZE, Math.max(1, searcher.getIndexReader().maxDoc()));
        Query match = searcher.rewrite(built);
        FixedBitSet pages = matching.of(match);
        if (MatchingPages.none(pages) && !plan.completeLast() && plan.last().length() >= 2) {
            // A word that means something ("uro" is urology) may still be the start of the word meant ("urogynecology").
            plan = plan.completingLast();
            // A word that starts no longer one would only find itself again, in pages just found to lack
            // the rest; unless a synonym rule reads it as other words ("rheum => rheumatology"), so that
            // the full query never looked for the word as written.
            if (analyzers.isSynonymWord(plan.last()) || startsALongerWord(plan.last())) {
                match = searcher.rewrite(matchQuery(plan, RESULT_FIELDS, Occur.MUST));
                pages = matching.of(match);
            }
        }
        if (MatchingPages.none(pages) && plan.words().size() > 1) {
            // No page has every word: rank the pages that have some of them rather than show nothing.
            match = searcher.rewrite(matchQuery(plan, RESULT_FIELDS, Occur.SHOULD));
            pages = matching.of(match);
        }
        MatchingPages.FacetCounts counts = matching.count(pages);
        long total = matching.count(pages, kind, programType);
        ScoreDoc[] all = total == 0 ? new ScoreDoc[0] : ranked(match, pages, kind, programType, wanted);
        int totalPages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int from = (int) Math.min(all.length, (long) (page - 1) * PAGE_SIZE);
        ScoreDoc[] pageDocs = java.util.Arrays.copyOfRange(all, from, all.length);
        // Snippets come from the words searched for, not from the kind and type filters.
        List<SearchResults.Hit> hits = hits(highlightQuery(match, plan), pageDocs, total);
        // The results are already those of the corrected words; the link says so and lets the reader keep them.
        String didYouMean = plan.corrected() && !MatchingPages.none(pages) ? plan.text() : null;
        return new SearchResults(q, kind, programType, hits, total, counts.kinds(), counts.types(), page, totalPages, didYouMean);
    }

    /**
     * The best {@code wanted} of the pages a query matches, within the filters. With each word's
     * scores read from those kept (WordScores): added up here when every word's are kept (KeptRanking),
     * else ranked by Lucene, skipping the pages whose scores cannot reach the best (they are bounded:
     * KindBoostQuery). The total and counts came from every match already.
     */
    private ScoreDoc[] ranked(Query match, FixedBitSet pages, String kind, String programType, int wanted) throws IOException {
        Query kept = scores.ranking(match);
        ScoreDoc[] added = ranking.top(kept, matching.within(pages, kind, programType), wanted);
        return added != null ? added
                : searcher.search(filtered(kept, kind, programType), new TopScoreDocCollectorManager(wanted, null, wanted)).scoreDocs;
    }

    /** The match, and the body's words that start with a word still being typed ("pedia": "pediatr"), to mark in snippets. */
    private Query highlightQuery(Query match, Plan plan) throws IOException {
        if (!plan.completeLast()) {
            return match;
        }
        return new BooleanQuery.Builder().add(match, Occur.SHOULD).add(startingWith(SearchFields.BODY, plan.last(), 10), Occur.SHOULD).build();
    }

    /** The words of a field that start with a prefix, the {@code most} most frequent, as Lucene rewrites a prefix query. */
    private Query startingWith(String field, String prefix, int most) {
        return started.get(new Started(field, prefix, most), key -> {
            try {
                return searcher.rewrite(new PrefixQuery(new Term(field, prefix), new MultiTermQuery.TopTermsBlendedFreqScoringRewrite(most)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private List<SearchResults.Hit> hits(Query query, ScoreDoc[] docs, long total) throws IOException {
        // The sentences of the body that say what was asked; else the summary, marked where it says it
        // (marked only for the pages whose body said nothing: most pages need no second look).
        String[] fromBody = docs.length == 0 ? new String[0] : marked(SearchFields.BODY, 2, query, docs, total);
        List<Integer> silent = new ArrayList<>();
        for (int i = 0; i < docs.length; i++) {
            if (!says(fromBody[i])) {
                silent.add(i);
            }
        }
        String[] fromSummary = new String[docs.length];
        if (!silent.isEmpty()) {
            String[] marked = marked(SearchFields.SUMMARY, 1, query, silent.stream().map(i -> docs[i]).toArray(ScoreDoc[]::new), total);
            for (int k = 0; k < marked.length; k++) {
                fromSummary[silent.get(k)] = marked[k];
            }
        }
        List<SearchResults.Hit> hits = new ArrayList<>();
        for (int i = 0; i < docs.length; i++) {
            String snippet = says(fromBody[i]) ? fromBody[i] : says(fromSummary[i]) ? fromSummary[i] : summaryStart(docs[i].doc);
            hits.add(shown(docs[i].doc, snippet));
        }
        return hits;
    }

    /** The start of a page's summary, escaped, for a hit whose body and summary say nothing of what was asked; "" without one. */
    private String summaryStart(int doc) throws IOException {
        String summary = searcher.storedFields().document(doc, SUMMARY_FIELD).get(SearchFields.SUMMARY);
        return summary == null ? "" : Entities.escape(shorten(summary));
    }

    /**
     * A hit as shown, read from doc values: its stored fields are compressed with its neighbours'
     * (a few kilobytes decompressed per read), and the highlighter has just read them for its body.
     */
    private SearchResults.Hit shown(int doc, String snippet) throws IOException {
        List<LeafReaderContext> leaves = reader.leaves();
        LeafReaderContext leaf = leaves.get(org.apache.lucene.index.ReaderUtil.subIndex(doc, leaves));
        int local = doc - leaf.docBase;
        SortedDocValues kind = DocValues.getSorted(leaf.reader(), SearchFields.KIND);
        SortedDocValues url = DocValues.getSorted(leaf.reader(), SearchFields.URL);
        org.apache.lucene.index.BinaryDocValues title = DocValues.getBinary(leaf.reader(), SearchFields.SHOWN_TITLE);
        org.apache.lucene.index.BinaryDocValues meta = DocValues.getBinary(leaf.reader(), SearchFields.SHOWN_META);
        if (!kind.advanceExact(local) || !url.advanceExact(local) || !title.advanceExact(local) || !meta.advanceExact(local)) {
            // An index written without them (none this build writes): the stored fields say the same.
            Document stored = searcher.storedFields().document(doc, SHOWN_FIELDS);
            return new SearchResults.Hit(stored.get(SearchFields.KIND), stored.get(SearchFields.URL), stored.get(SearchFields.TITLE),
                    stored.get("meta"), snippet);
        }
        return new SearchResults.Hit(kind.lookupOrd(kind.ordValue()).utf8ToString(), url.lookupOrd(url.ordValue()).utf8ToString(),
                title.binaryValue().utf8ToString(), meta.binaryValue().utf8ToString(), snippet);
    }

    /** One field's snippets for these documents, in their order (null where the field does not say what was asked). */
    private String[] marked(String field, int passages, Query query, ScoreDoc[] docs, long total) throws IOException {
        TopDocs ranked = new TopDocs(new org.apache.lucene.search.TotalHits(total, org.apache.lucene.search.TotalHits.Relation.EQUAL_TO), docs);
        return highlighter.highlightFields(new String[] {field}, query, ranked, new int[] {passages}).get(field);
    }

    /** Whether a snippet says something. */
    private static boolean says(String snippet) {
        return snippet != null && !snippet.isBlank();
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
     * What was typed, ready to search: its words (at most a dozen) with each unknown word replaced by
     * the closest word of the index, and whether the last word is to be completed.
     *
     * @param text         the words joined by spaces, as they are searched
     * @param corrected    whether a word was replaced
     * @param completeLast whether the last word also matches as the start of a word of a title
     */
    record Plan(List<String> words, String text, boolean corrected, boolean completeLast) {
        String last() {
            return words.get(words.size() - 1);
        }

        Plan completingLast() {
            return new Plan(words, text, corrected, true);
        }

        Plan firstWords(int count) {
            List<String> first = words.subList(0, count);
            return new Plan(first, String.join(" ", first), corrected, false);
        }

        /** The words before the last, joined; empty for one word. */
        String allButLast() {
            return String.join(" ", words.subList(0, words.size() - 1));
        }
    }

    /**
     * Reads a query the same way for the results and for the suggestions. A word is known when a
     * synonym rule starts with it or its stem is in the index; an unknown last word that starts a
     * word of a title is being typed ("pedia"); any other unknown word of four letters or more is
     * replaced by the closest word of titles, specialties and tags, one edit away (two from eight
     * letters), with Lucene's {@link DirectSpellChecker}: "cardiolgy" searches for "cardiology".
     *
     * @param suggesting the last word is always also completed, as the box asks at each keystroke
     * @return null when nothing is left to search for
     */
    Plan plan(String q, boolean suggesting) throws IOException {
        List<String> words = words(q);
        if (words.isEmpty()) {
            return null;
        }
        List<String> searched = new ArrayList<>();
        boolean corrected = false;
        boolean completeLast = false;
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            boolean last = i == words.size() - 1;
            if (isKnownWord(word)) {
                searched.add(word);
                continue;
            }
            if (last && word.length() >= 2 && startsAWord(word)) {
                completeLast = true;
                searched.add(word);
                continue;
            }
            String correction = correction(word);
            corrected |= correction != null;
            searched.add(correction == null ? word : correction);
        }
        if (suggesting && searched.get(searched.size() - 1).length() >= 2) {
            completeLast = true;
        }
        return new Plan(List.copyOf(searched), String.join(" ", searched), corrected, completeLast);
    }

    /**
     * A word of the index, or one the synonyms know, needs no correction; so does a word the analysis
     * drops ("the"). Kept per word: the index never changes, and the words come back question after question.
     */
    private boolean isKnownWord(String word) throws IOException {
        Boolean known = knownWords.getIfPresent(word);
        if (known == null) {
            known = lookedUp(word);
            knownWords.put(word, known);
        }
        return known;
    }

    private boolean lookedUp(String word) throws IOException {
        if (analyzers.isSynonymWord(word) || reader.docFreq(new Term(SearchFields.WORDS, word)) > 0) {
            return true;
        }
        List<String> stems = tokens(analyzers.query(), SearchFields.BODY, word, 8);
        if (stems.isEmpty()) {
            return true;
        }
        for (String stem : stems) {
            for (String field : RESULT_FIELDS.keySet()) {
                if (reader.docFreq(new Term(field, stem)) > 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether some word of a title, specialty or tag starts with this one. */
    private boolean startsAWord(String prefix) throws IOException {
        return startsAWord(prefix, false);
    }

    /** Whether a word of a title, specialty or tag starts with this one and is longer ("uro": "urogynecology"). */
    private boolean startsALongerWord(String prefix) throws IOException {
        return startsAWord(prefix, true);
    }

    private boolean startsAWord(String prefix, boolean longer) throws IOException {
        BytesRef start = new BytesRef(prefix);
        for (LeafReaderContext leaf : reader.leaves()) {
            org.apache.lucene.index.Terms terms = leaf.reader().terms(SearchFields.WORDS);
            if (terms == null) {
                continue;
            }
            org.apache.lucene.index.TermsEnum each = terms.iterator();
            org.apache.lucene.index.TermsEnum.SeekStatus found = each.seekCeil(start);
            BytesRef word = found == org.apache.lucene.index.TermsEnum.SeekStatus.END ? null
                    : longer && found == org.apache.lucene.index.TermsEnum.SeekStatus.FOUND ? each.next() : each.term();
            if (word != null && org.apache.lucene.util.StringHelper.startsWith(word, start)) {
                return true;
            }
        }
        return false;
    }

    /** The closest word of titles, specialties and tags, or null (short, long or hopeless words are left as they are). */
    private String correction(String word) throws IOException {
        if (word.length() < 4 || word.length() > MAX_CORRECTED_CHARS) {
            return null;
        }
        SuggestWord[] suggestions = (word.length() >= 8 ? twoEdits : oneEdit).suggestSimilar(new Term(SearchFields.WORDS, word), 1, reader,
                SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
        return suggestions.length > 0 && !suggestions[0].string.equals(word) ? suggestions[0].string : null;
    }

    /**
     * What a query matches, and how well.
     * <ul>
     *   <li>Which pages: those with every word (operator MUST; or, with SHOULD, any word) in any of
     *       {@code fields}, a word meaning itself or any of its synonyms (a synonym of several words is
     *       a phrase: "im" is "im" or "internal medicine"); a word being typed may instead start a word
     *       of a title.</li>
     *   <li>How well: each word scores by the best of its fields (a title or specialty far above the
     *       body, see {@link #RESULT_FIELDS}); then a fixed amount when the whole query is in a
     *       program's title, specialty, tags or department ({@link #WHOLE_QUERY_FIELDS}), more when
     *       it is the whole specialty or title ("cardiology" is the Cardiology fellowship's
     *       specialty), so a specialty's own programs come before programs that mention it; and,
     *       with every word required, the words together in the body.</li>
     * </ul>
     * Any of the words (SHOULD) is asked only once no page is found to have them all, so the phrase
     * could match no body: it is left out (its postings were still walked for every page).
     */
    Query matchQuery(Plan plan, Map<String, Float> fields, Occur operator) throws IOException {
        QueryBuilder builder = queryBuilder();
        Query full = spread(builder.createBooleanQuery(SearchFields.BODY, plan.text(), operator), fields);
        Query required = full;
        if (plan.completeLast()) {
            Query completion = new BoostQuery(startingWith(SearchFields.WORDS, plan.last(), 30), COMPLETION_BOOST);
            Query rest = plan.words().size() == 1 ? null
                    : spread(builder.createBooleanQuery(SearchFields.BODY, plan.allButLast(), operator), fields);
            Query completed = rest == null ? completion
                    : new BooleanQuery.Builder().add(rest, operator).add(completion, operator).build();
            required = full == null ? completed
                    : new BooleanQuery.Builder().add(full, Occur.SHOULD).add(completed, Occur.SHOULD).build();
        }
        if (required == null) {
            return null;
        }
        BooleanQuery.Builder scored = new BooleanQuery.Builder().add(required, Occur.MUST);
        if (plan.words().size() <= MAX_PHRASE_WORDS) {
            // With every word required, the query is a name as a whole; with any word, each word may be one
            // ("cardiology chicago" still puts the Cardiology fellowship first).
            if (operator == Occur.MUST) {
                addNameBonuses(builder, plan.text(), scored);
            } else {
                for (String word : plan.words()) {
                    addWordBonuses(builder, word, scored);
                }
            }
            // Any of the words is asked only when no page has them all (search), so no body has them together.
            if (operator == Occur.MUST && plan.words().size() > 1 && fields.containsKey(SearchFields.BODY)) {
                Query inBody = builder.createPhraseQuery(SearchFields.BODY, plan.text(), PHRASE_SLOP);
                if (inBody != null) {
                    scored.add(new BoostQuery(inBody, BODY_PHRASE_BOOST), Occur.SHOULD);
                }
            }
        }
        return new KindBoostQuery(scored.build(), SearchFields.BOOST, LARGEST_KIND_BOOST);
    }

    /** The fixed amounts for a text that is a program's whole name, or in one of its names. */
    private void addNameBonuses(QueryBuilder builder, String text, BooleanQuery.Builder scored) throws IOException {
        for (Query bonus : nameBonuses(builder, text)) {
            scored.add(bonus, Occur.SHOULD);
        }
    }

    /**
     * The same for one word of a question asked for any of its words: built once per word and
     * kept, as those words come back in question after question (and the same query objects make
     * the kept pages and scores quicker to find).
     */
    private void addWordBonuses(QueryBuilder builder, String word, BooleanQuery.Builder scored) throws IOException {
        List<Query> bonuses = wordBonuses.getIfPresent(word);
        if (bonuses == null) {
            bonuses = nameBonuses(builder, word);
            wordBonuses.put(word, bonuses);
        }
        for (Query bonus : bonuses) {
            scored.add(bonus, Occur.SHOULD);
        }
    }

    private List<Query> nameBonuses(QueryBuilder builder, String text) throws IOException {
        List<Query> bonuses = new ArrayList<>(2);
        List<Query> inNames = new ArrayList<>();
        // The text analysed once: the names' fields share one analysis (the query's analyzer differs
        // for the words field only), so the other fields get the same terms (inField), unless the
        // analysis made a shape inField does not move; then that field is analysed itself.
        Query analysed = null;
        for (Map.Entry<String, Float> name : WHOLE_QUERY_FIELDS.entrySet()) {
            Query inName = analysed == null ? null : inField(analysed, name.getKey());
            if (inName == null) {
                inName = builder.createPhraseQuery(name.getKey(), text, PHRASE_SLOP);
                if (inName == null) {
                    // Nothing left of the text once analysed (only words the analysis drops): the same in every name field.
                    break;
                }
                analysed = inName;
            }
            inNames.add(new BoostQuery(new ConstantScoreQuery(inName), name.getValue()));
        }
        if (!inNames.isEmpty()) {
            bonuses.add(new DisjunctionMaxQuery(inNames, 0f));
        }
        Query names = names(text);
        if (names != null) {
            bonuses.add(new BoostQuery(new ConstantScoreQuery(names), NAME_BOOST));
        }
        return List.copyOf(bonuses);
    }

    /**
     * Synonyms of several words become phrases that allow a word between ("obgyn" is "obstetrics
     * gynecology", which finds "Obstetrics and Gynecology" once "and" is dropped).
     */
    private QueryBuilder queryBuilder() {
        QueryBuilder builder = new QueryBuilder(analyzers.query()) {
            @Override
            protected Query analyzePhrase(String field, TokenStream stream, int slop) throws IOException {
                return super.analyzePhrase(field, stream, Math.max(slop, PHRASE_SLOP));
            }
        };
        builder.setAutoGenerateMultiTermSynonymsPhraseQuery(true);
        return builder;
    }

    /**
     * The same query over several fields: each term, synonym set or phrase becomes the best of its
     * matches in the fields, each field with its weight (and a little of the others), so every word
     * may be found in another field but counts once.
     */
    static Query spread(Query query, Map<String, Float> fields) {
        if (query == null) {
            return null;
        }
        if (query instanceof BooleanQuery bool) {
            BooleanQuery.Builder builder = new BooleanQuery.Builder().setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
            for (BooleanClause clause : bool.clauses()) {
                builder.add(spread(clause.getQuery(), fields), clause.getOccur());
            }
            return builder.build();
        }
        if (query instanceof BoostQuery boost) {
            return new BoostQuery(spread(boost.getQuery(), fields), boost.getBoost());
        }
        List<Query> each = new ArrayList<>();
        for (Map.Entry<String, Float> field : fields.entrySet()) {
            Query inField = inField(query, field.getKey());
            if (inField == null) {
                return query;
            }
            // A weight of 1 is no weight: Lucene would rewrite it away, rebuilding every level above it on each search.
            each.add(field.getValue() == 1f ? inField : new BoostQuery(inField, field.getValue()));
        }
        return new DisjunctionMaxQuery(each, FIELD_TIE_BREAKER);
    }

    /** A term, synonym or phrase query in another field; null for other queries. */
    private static Query inField(Query query, String field) {
        if (query instanceof TermQuery term) {
            return new TermQuery(new Term(field, term.getTerm().bytes()));
        }
        if (query instanceof SynonymQuery synonyms) {
            SynonymQuery.Builder builder = new SynonymQuery.Builder(field);
            synonyms.getTerms().forEach(term -> builder.addTerm(new Term(field, term.bytes())));
            return builder.build();
        }
        if (query instanceof PhraseQuery phrase) {
            PhraseQuery.Builder builder = new PhraseQuery.Builder().setSlop(phrase.getSlop());
            Term[] terms = phrase.getTerms();
            int[] positions = phrase.getPositions();
            for (int i = 0; i < terms.length; i++) {
                builder.add(new Term(field, terms[i].bytes()), positions[i]);
            }
            return builder.build();
        }
        if (query instanceof MultiPhraseQuery phrase) {
            MultiPhraseQuery.Builder builder = new MultiPhraseQuery.Builder().setSlop(phrase.getSlop());
            Term[][] terms = phrase.getTermArrays();
            int[] positions = phrase.getPositions();
            for (int i = 0; i < terms.length; i++) {
                Term[] moved = java.util.Arrays.stream(terms[i]).map(t -> new Term(field, t.bytes())).toArray(Term[]::new);
                builder.add(moved, positions[i]);
            }
            return builder.build();
        }
        return null;
    }

    /**
     * The programs whose specialty or title is exactly what was asked: each reading of the query
     * (with each synonym: "peds" reads "pediatr"; "im" reads "im" and "intern medicin") as one key.
     */
    private Query names(String text) throws IOException {
        // Two readings may make the same key ("kids" and "peds" both read "pediatr"): it is asked once,
        // as Lucene's rewrite would merge it, but counts against the limit as often as it was read.
        Set<String> asked = new LinkedHashSet<>();
        int keys = 0;
        try (TokenStream stream = analyzers.query().tokenStream(SearchFields.SPECIALTY, text)) {
            // The graph resets the stream itself.
            java.util.Iterator<TokenStream> readings = new GraphTokenStreamFiniteStrings(stream).getFiniteStrings();
            while (readings.hasNext() && keys < MAX_NAME_KEYS) {
                TokenStream reading = readings.next();
                TermToBytesRefAttribute term = reading.addAttribute(TermToBytesRefAttribute.class);
                List<String> words = new ArrayList<>();
                reading.reset();
                while (reading.incrementToken()) {
                    words.add(term.getBytesRef().utf8ToString());
                }
                reading.end();
                reading.close();
                if (!words.isEmpty() && words.size() <= MAX_TOKENS) {
                    asked.add(String.join(" ", words));
                    keys++;
                }
            }
            stream.end();
        }
        // One reading is that key itself, as Lucene would rewrite it: the query then needs no rewriting,
        // which otherwise rebuilds (and hashes) every level above it for each search.
        if (asked.size() <= 1) {
            return asked.isEmpty() ? null : new TermQuery(new Term(SearchFields.NAME, asked.iterator().next()));
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        asked.forEach(key -> any.add(new TermQuery(new Term(SearchFields.NAME, key)), Occur.SHOULD));
        return any.build();
    }

    /** The words of a query as written (lowercased, accents folded, British spellings mapped), at most a dozen. */
    List<String> words(String q) {
        return tokens(analyzers.words(), SearchFields.WORDS, q, MAX_TOKENS);
    }

    /** The terms an analyzer makes of a text for a field (the index's analyzers differ by field). */
    static List<String> tokens(Analyzer analyzer, String field, String text, int max) {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
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
     * Programs for what has been typed so far, read as the results page reads it (synonyms,
     * abbreviations, corrected typos) with the last word also as the start of a word, but found in
     * the program's names only (title, specialty, tags, department), best first: "im" gives Internal
     * Medicine, "peds" Pediatrics.
     */
    public List<Map<String, String>> suggest(String rawPrefix, int limit) {
        try {
            Plan plan = plan(normalize(rawPrefix), true);
            while (plan != null) {
                try {
                    return suggest(plan, limit);
                } catch (IndexSearcher.TooManyClauses e) {
                    plan = plan.words().size() == 1 ? null : plan.firstWords(plan.words().size() / 2);
                }
            }
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Map<String, String>> suggest(Plan plan, int limit) throws IOException {
        Query match = matchQuery(plan, NAME_FIELDS, Occur.MUST);
        if (match == null) {
            return List.of();
        }
        Query programs = new BooleanQuery.Builder().add(match, Occur.MUST)
                .add(new TermQuery(new Term(SearchFields.KIND, SearchDocument.PROGRAM)), Occur.FILTER).build();
        TopDocs top = searcher.search(programs, limit);
        List<Map<String, String>> titles = new ArrayList<>();
        for (ScoreDoc hit : top.scoreDocs) {
            // From doc values, as a results page's hits: no stored text decompressed per suggestion.
            SearchResults.Hit shown = shown(hit.doc, null);
            Map<String, String> title = new LinkedHashMap<>();
            title.put("title", shown.title());
            title.put("url", shown.url());
            title.put("meta", shown.meta());
            titles.add(title);
        }
        return titles;
    }
}
