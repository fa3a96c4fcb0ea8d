package edu.rush.gme.search;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.uhighlight.OffsetsEnum;
import org.apache.lucene.search.uhighlight.PostingsOffsetStrategy;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.util.BytesRef;

/**
 * Where the words searched for are in a page's body, from the index's offsets, as Lucene's
 * {@link PostingsOffsetStrategy} finds them, but with each word looked up once per results page
 * rather than once per hit: the highlighter visits the hits in the index's order, so each word's
 * postings move forward from one hit to the next. (Lucene's looks each word up in the terms
 * dictionary again and opens its postings again for every hit: a third of a snippet's cost.)
 * One instance serves one call of the highlighter, for one field.
 */
final class ForwardPostingsOffsets extends PostingsOffsetStrategy {

    private Terms terms;
    private TermsEnum termsEnum;
    /** Each word's postings, positioned at the last hit looked at or before the next; null: not in the field. */
    private final Map<BytesRef, PostingsEnum> postings = new HashMap<>();
    private int lastDoc = -1;

    ForwardPostingsOffsets(UHComponents components) {
        super(components);
    }

    @Override
    protected void createOffsetsEnumsForTerms(BytesRef[] words, Terms field, int doc, List<OffsetsEnum> results) throws IOException {
        if (field != terms || doc <= lastDoc) {
            // Another segment, or a hit before the last: start again (postings only move forward).
            terms = field;
            termsEnum = field.iterator();
            postings.clear();
        }
        lastDoc = doc;
        for (BytesRef word : words) {
            PostingsEnum each;
            if (postings.containsKey(word)) {
                each = postings.get(word);
            } else {
                each = termsEnum.seekExact(word) ? termsEnum.postings(null, PostingsEnum.OFFSETS) : null;
                postings.put(word, each);
            }
            if (each == null) {
                continue;
            }
            int at = each.docID() < doc ? each.advance(doc) : each.docID();
            if (at == doc) {
                results.add(new OffsetsEnum.OfPostings(word, each));
            }
        }
    }
}
