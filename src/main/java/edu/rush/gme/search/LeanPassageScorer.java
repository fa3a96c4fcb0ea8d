package edu.rush.gme.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;

/**
 * Lucene's passage score (BM25 of the passage's terms, times the position norm), computed without
 * a {@code BytesRefHash} per passage: Lucene's own {@link PassageScorer#score} makes one for every
 * sentence it considers, a 32 KB block each, which was most of what a search allocated at 10,000
 * programs (docs/performance.md). A passage has a handful of matches, so its distinct terms are found
 * by a linear scan, in order of first match as the hash numbered them: the sum is taken in the same
 * order, so every score, and so every snippet, is the same to the bit.
 */
final class LeanPassageScorer extends PassageScorer {

    @Override
    public float score(Passage passage, int contentLength) {
        int matches = passage.getNumMatches();
        BytesRef[] terms = passage.getMatchTerms();
        int[] freqsInDoc = passage.getMatchTermFreqsInDoc();
        BytesRef[] distinct = new BytesRef[matches];
        int[] inPassage = new int[matches];
        int[] inDoc = new int[matches];
        int size = 0;
        for (int i = 0; i < matches; i++) {
            int term = 0;
            while (term < size && !distinct[term].bytesEquals(terms[i])) {
                term++;
            }
            if (term == size) {
                distinct[size++] = terms[i];
                inDoc[term] = freqsInDoc[i];
            }
            inPassage[term]++;
        }
        double score = 0;
        for (int term = 0; term < size; term++) {
            score += tf(inPassage[term], passage.getLength()) * weight(contentLength, inDoc[term]);
        }
        score *= norm(passage.getStartOffset());
        return (float) score;
    }
}
