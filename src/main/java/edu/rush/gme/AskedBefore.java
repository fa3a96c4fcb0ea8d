package edu.rush.gme;

import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Whether a question (a search, an address with new finder filters) was asked lately, by a
 * fingerprint of its key in a fixed table: what decides that its answer is worth keeping. Most such
 * questions are asked once; kept on their first asking, each lived in the caches for a second or two
 * before newer ones pushed it out, long enough for the collector to move it to the old generation,
 * where it died: with the heap of a 256 MiB container and a flood of new searches at 10,000
 * programs, a full collection every two or three seconds (docs/performance.md, "Memory"). So an
 * answer is kept from its second asking, the doorkeeper of TinyLFU (Einziger, Friedman and Manes),
 * which Caffeine's own admission lacks. Used by the kept search results ({@code SearchService}) and
 * the page cache, for addresses with a query ({@code PageCache}).
 *
 * <p>Written here because it is a few lines with no allocation per question: a slot per fingerprint,
 * overwritten by a later question with the same slot. Two questions sharing a fingerprint make the
 * second kept at once, and an overwritten one is asked "first" again: either costs a search or a
 * render, never a wrong answer, as this only decides what is kept.
 */
public final class AskedBefore {

    /** 32,768 questions remembered at most (128 KB): minutes of a busy site's new questions. */
    private static final int SLOTS = 1 << 15;

    private final AtomicIntegerArray fingerprints = new AtomicIntegerArray(SLOTS);

    /** True when this key was asked lately; either way it is remembered now. */
    public boolean asked(Object key) {
        int hash = mix(key.hashCode());
        // 0 marks an empty slot, so no fingerprint is 0.
        int fingerprint = hash == 0 ? 1 : hash;
        int slot = (hash >>> 17 ^ hash) & (SLOTS - 1);
        if (fingerprints.get(slot) == fingerprint) {
            return true;
        }
        fingerprints.lazySet(slot, fingerprint);
        return false;
    }

    /** Spreads a hash code's bits (the finalizer of MurmurHash3), so keys with close hash codes use far-apart slots. */
    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
