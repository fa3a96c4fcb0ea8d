package edu.rush.gme.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.HashSet;
import java.util.Set;
import java.util.function.ToLongBiFunction;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.RamUsageEstimator;

/**
 * What an index keeps of its own work for as long as it serves (its words' pages, the texts of the
 * pages shown, the words a half-typed word may become). The index never changes, so nothing kept
 * goes stale, and a new index keeps its own. Each is held in so many bytes, weighed entry by entry,
 * and tidied on the searching thread: a search should not wake a pool thread to tidy a cache.
 */
final class Kept {

    /** A term query in a kept query: the query, its term, the term's bytes and a boost around it. */
    private static final long BYTES_PER_TERM = 160;

    private Kept() {
    }

    /** A cache of at most {@code bytes}, each entry weighing what {@code weight} says. */
    static <K, V> Cache<K, V> inBytes(long bytes, ToLongBiFunction<K, V> weight) {
        return Caffeine.newBuilder().executor(Runnable::run).maximumWeight(bytes)
                .<K, V>weigher((key, value) -> (int) Math.min(Integer.MAX_VALUE, weight.applyAsLong(key, value))).build();
    }

    /**
     * A kept query, in bytes: at least the 1 KB Lucene's own query cache counts for one
     * ({@link RamUsageEstimator#sizeOf(Query)}), more for one of many terms (a word's seven fields, synonyms).
     */
    static long bytes(Query query) {
        Set<Term> terms = new HashSet<>();
        query.visit(QueryVisitor.termCollector(terms));
        return Math.max(RamUsageEstimator.sizeOf(query), BYTES_PER_TERM * terms.size());
    }
}
