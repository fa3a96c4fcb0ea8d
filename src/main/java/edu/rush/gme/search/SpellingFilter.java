package edu.rush.gme.search;

import java.io.IOException;
import java.util.Map;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Rewrites a British spelling to the American one, word for word ("paediatric" to "pediatric"),
 * so both find the same pages. Written by hand because Lucene's StemmerOverrideFilter would also
 * stop the stemmer that runs after it; this only replaces the text.
 */
final class SpellingFilter extends TokenFilter {

    private final Map<String, String> spellings;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    SpellingFilter(TokenStream input, Map<String, String> spellings) {
        super(input);
        this.spellings = spellings;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        String replacement = spellings.get(term.toString());
        if (replacement != null) {
            term.setEmpty().append(replacement);
        }
        return true;
    }
}
