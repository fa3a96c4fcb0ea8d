package edu.rush.gme.search;

import com.github.benmanes.caffeine.cache.Cache;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;

/**
 * Which pages a query matches, one bit per page, and how many of them are of each kind and program
 * type: a results page's total and the counts beside its filters.
 *
 * <p>Lucene counts by walking the query's scorers, a heap of them for every OR: a word is the best of
 * seven fields, each with the word's synonyms, and a question no page answers whole is any of its
 * words, thousands of pages at 10,000 programs, each passed through two or three heaps. Here each
 * term's (or phrase's) pages are read once, straight into a bit set, and the query's ORs and NOTs
 * become the same operations on bit sets (an AND of several clauses still leaps through Lucene's own
 * conjunction, which reads only the pages the clauses might share); the counts are then
 * intersections with one bit set per kind and program type, made when the index opens. The same
 * pages as Lucene's own matching, by construction (Boolean clauses as {@code BooleanQuery} reads
 * them), and checked against it by {@code MatchingPagesTest}: scores play no part in which pages match.
 *
 * <p>A word's pages (the word in any of its fields, with its synonyms: one {@code DisjunctionMaxQuery})
 * are kept once read, for as long as this index serves, in at most {@link #WORDS_BYTES}: applicants
 * ask for the same few hundred words ("surgery", "visa", "pediatrics") in ever new combinations, and
 * a question of known words is then a few ANDs and ORs of bit sets. A set returned may be one of
 * those kept: callers never change it.
 */
final class MatchingPages {

    /** The kinds and program types always counted, in this order (zero when none), then any other, in the index's order. */
    private static final List<String> KINDS = List.of(SearchDocument.PROGRAM, SearchDocument.NEWS, SearchDocument.PAGE);
    private static final List<String> TYPES = List.of("residency", "fellowship", "allied-health");

    /**
     * At most this much memory for the words already read: a 64th of the heap, 1 to 4 MB (2 MB in a
     * 256 MiB container). A word weighs its bits (1.25 KB at 10,000 pages) and its query ({@link Kept#bytes}).
     */
    static final long WORDS_BYTES = SearchService.shareOfHeap(64, 1L << 20, 4L << 20);

    private final IndexSearcher searcher;
    private final int maxDoc;
    /** The pages of each word already read; equal queries (same fields, terms, weights) are the same word. */
    private final Cache<Query, FixedBitSet> words;
    private final Map<String, FixedBitSet> kinds;
    private final Map<String, FixedBitSet> types;
    /** No page: the pages of a kind or type no page has. */
    private final FixedBitSet none;

    MatchingPages(IndexSearcher searcher) throws IOException {
        this.searcher = searcher;
        this.maxDoc = searcher.getIndexReader().maxDoc();
        this.words = Kept.inBytes(WORDS_BYTES, (Query word, FixedBitSet pages) -> Kept.bytes(word) + pages.ramBytesUsed());
        this.kinds = pagesByValue(SearchFields.KIND);
        this.types = pagesByValue(SearchFields.PROGRAM_TYPE);
        this.none = new FixedBitSet(maxDoc);
    }

    /** The pages with each value of a field, values in the index's (sorted) order. */
    private Map<String, FixedBitSet> pagesByValue(String field) throws IOException {
        Map<String, FixedBitSet> pages = new LinkedHashMap<>();
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            SortedDocValues values = DocValues.getSorted(leaf.reader(), field);
            Bits live = leaf.reader().getLiveDocs();
            List<FixedBitSet> byOrd = new ArrayList<>();
            for (int ord = 0; ord < values.getValueCount(); ord++) {
                byOrd.add(pages.computeIfAbsent(values.lookupOrd(ord).utf8ToString(), value -> new FixedBitSet(maxDoc)));
            }
            for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
                if (live == null || live.get(doc)) {
                    byOrd.get(values.ordValue()).set(leaf.docBase + doc);
                }
            }
        }
        return pages;
    }

    /**
     * The pages a query matches; the query rewritten first ({@link IndexSearcher#rewrite}), as for a
     * search. Not to be changed: it may be the set kept for a word.
     */
    FixedBitSet of(Query query) throws IOException {
        if (query instanceof BooleanQuery bool) {
            return ofBoolean(bool);
        }
        if (query instanceof DisjunctionMaxQuery any) {
            FixedBitSet known = words.getIfPresent(any);
            if (known != null) {
                return known;
            }
            FixedBitSet pages = new FixedBitSet(maxDoc);
            for (Query each : any.getDisjuncts()) {
                pages.or(of(each));
            }
            words.put(any, pages);
            return pages;
        }
        if (query instanceof BoostQuery boosted) {
            return of(boosted.getQuery());
        }
        if (query instanceof ConstantScoreQuery constant) {
            return of(constant.getQuery());
        }
        if (query instanceof KindBoostQuery boosted) {
            return of(boosted.query());
        }
        return read(query);
    }

    /** A word's pages if they are kept (it decided which pages a question matches lately), else null. Not to be changed. */
    FixedBitSet kept(DisjunctionMaxQuery word) {
        return words.getIfPresent(word);
    }

    /** As {@code BooleanQuery} matches: every required clause; else at least one optional clause; never an excluded one. */
    private FixedBitSet ofBoolean(BooleanQuery bool) throws IOException {
        List<Query> required = new ArrayList<>();
        List<Query> optional = new ArrayList<>();
        List<Query> excluded = new ArrayList<>();
        for (BooleanClause clause : bool.clauses()) {
            switch (clause.getOccur()) {
                case MUST, FILTER -> required.add(clause.getQuery());
                case SHOULD -> optional.add(clause.getQuery());
                case MUST_NOT -> excluded.add(clause.getQuery());
            }
        }
        int least = bool.getMinimumNumberShouldMatch();
        if (least == 0 && required.size() > 1 && required.stream().allMatch(DisjunctionMaxQuery.class::isInstance)) {
            // Every one of several words: the words' pages, kept once read, ANDed.
            FixedBitSet pages = of(required.get(0)).clone();
            for (int i = 1; i < required.size() && !none(pages); i++) {
                pages.and(of(required.get(i)));
            }
            return without(pages, excluded);
        }
        if (required.size() > 1 || least > 1 || (least > 0 && !required.isEmpty())) {
            // Every one of several clauses, not all of them words (the words before a half-typed one,
            // beside its completions): Lucene's own matching leaps from page to page, reading only the
            // pages each clause might share with the others, where bits would read all. (Some of
            // several optional clauses: no query here asks for it.)
            return read(bool);
        }
        if (!required.isEmpty()) {
            // One required clause (several went to Lucene above); optional clauses beside it only score.
            FixedBitSet pages = of(required.get(0));
            return excluded.isEmpty() ? pages : without(pages.clone(), excluded);
        }
        FixedBitSet pages = new FixedBitSet(maxDoc);
        for (Query each : optional) {
            pages.or(of(each));
        }
        return without(pages, excluded);
    }

    /** These pages (a set of the caller's own, changed) less those of any excluded clause. */
    private FixedBitSet without(FixedBitSet pages, List<Query> excluded) throws IOException {
        for (Query each : excluded) {
            if (none(pages)) {
                break;
            }
            pages.andNot(of(each));
        }
        return pages;
    }

    /** The pages of a term, a phrase or any other query, read through its own matching. */
    private FixedBitSet read(Query query) throws IOException {
        FixedBitSet pages = new FixedBitSet(maxDoc);
        Weight weight = query.createWeight(searcher, ScoreMode.COMPLETE_NO_SCORES, 1f);
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Scorer scorer = weight.scorer(leaf);
            if (scorer == null) {
                continue;
            }
            TwoPhaseIterator twoPhase = scorer.twoPhaseIterator();
            DocIdSetIterator each = twoPhase == null ? scorer.iterator() : TwoPhaseIterator.asDocIdSetIterator(twoPhase);
            Bits live = leaf.reader().getLiveDocs();
            for (int doc = each.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = each.nextDoc()) {
                if (live == null || live.get(doc)) {
                    pages.set(leaf.docBase + doc);
                }
            }
        }
        return pages;
    }

    /** Whether no page is in the set. */
    static boolean none(FixedBitSet pages) {
        return pages.length() == 0 || pages.nextSetBit(0) == DocIdSetIterator.NO_MORE_DOCS;
    }

    /** How many of these pages are of each kind and each program type. */
    FacetCounts count(FixedBitSet pages) {
        return new FacetCounts(counted(pages, kinds, KINDS), counted(pages, types, TYPES));
    }

    /** How many of these pages are of this kind and program type (either null: any). */
    long count(FixedBitSet pages, String kind, String programType) {
        FixedBitSet filter = filter(kind, programType);
        return filter == null ? pages.cardinality() : FixedBitSet.intersectionCount(pages, filter);
    }

    /** These pages of this kind and program type (either null: any): the set itself when both are null, else a new one. */
    FixedBitSet within(FixedBitSet pages, String kind, String programType) {
        FixedBitSet filter = filter(kind, programType);
        if (filter == null) {
            return pages;
        }
        FixedBitSet within = pages.clone();
        within.and(filter);
        return within;
    }

    /** The pages of this kind and program type (either null: any; none for a kind or type no page has); null: no filter. Not to be changed. */
    private FixedBitSet filter(String kind, String programType) {
        FixedBitSet ofKind = kind == null ? null : kinds.getOrDefault(kind, none);
        FixedBitSet ofType = programType == null ? null : types.getOrDefault(programType, none);
        if (ofKind == null || ofType == null) {
            return ofKind == null ? ofType : ofKind;
        }
        FixedBitSet both = ofKind.clone();
        both.and(ofType);
        return both;
    }

    private static Map<String, Long> counted(FixedBitSet pages, Map<String, FixedBitSet> byValue, List<String> always) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String value : always) {
            FixedBitSet with = byValue.get(value);
            counts.put(value, with == null ? 0 : FixedBitSet.intersectionCount(pages, with));
        }
        byValue.forEach((value, with) -> {
            if (!counts.containsKey(value)) {
                long count = FixedBitSet.intersectionCount(pages, with);
                if (count > 0) {
                    counts.put(value, count);
                }
            }
        });
        return counts;
    }

    /** A query's matches by kind and by program type. */
    record FacetCounts(Map<String, Long> kinds, Map<String, Long> types) {
        long total() {
            return kinds.values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
