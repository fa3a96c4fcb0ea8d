package edu.rush.gme.search;

import java.text.BreakIterator;
import java.text.CharacterIterator;
import java.text.StringCharacterIterator;

/**
 * Sentence boundaries for snippets, found by a few rules looked at only near each match: a sentence
 * starts after a line or paragraph end; after '?' or '!' (with any closing quotes or brackets) and
 * the spaces after it; after '.' likewise, unless what follows starts in lowercase or with a digit
 * ("e.g. residents", "Report No. 90", "3.5 years" has no space). For prose these are the boundaries
 * of the JDK's sentence instance, which highlighting used before: the same 1,747 boundaries over
 * every body and summary of the real content (2026-12-01), and {@code SentenceBreaksTest} holds the
 * two to the same answers on typical program-page prose. One difference on purpose: the JDK runs a
 * line without a full stop into the next ("Curriculum\nResidents rotate"), here a line ends a
 * sentence. The JDK's table-driven iterator was a sixth to a fifth of a search's CPU with the C1
 * compiler (docs/performance.md, "Snippets' sentences").
 *
 * <p>Written by hand: Lucene's {@code CustomSeparatorBreakIterator} breaks at every '.', including
 * "e.g." and "3.5", and ICU's iterator would add a large dependency for the same table-driven work.
 * Lucene's highlighter asks only {@link #preceding} and {@link #following} around each match; the rest
 * of {@link BreakIterator} is answered from those two.
 */
final class SentenceBreaks extends BreakIterator {

    private String text = "";
    private int current;

    @Override
    public void setText(String newText) {
        text = newText;
        current = 0;
    }

    @Override
    public void setText(CharacterIterator newText) {
        StringBuilder all = new StringBuilder(newText.getEndIndex() - newText.getBeginIndex());
        for (char c = newText.first(); c != CharacterIterator.DONE; c = newText.next()) {
            all.append(c);
        }
        setText(all.toString());
    }

    @Override
    public CharacterIterator getText() {
        return new StringCharacterIterator(text);
    }

    /** Whether a sentence starts at {@code p} (0 and the end always do). */
    boolean isBreak(int p) {
        int length = text.length();
        if (p <= 0 || p >= length) {
            return p == 0 || p == length;
        }
        char before = text.charAt(p - 1);
        if (isLineEnd(before)) {
            // "\r\n" is one line end: no sentence starts between its two characters.
            return !(before == '\r' && text.charAt(p) == '\n');
        }
        if (!isSpace(before) || isSpace(text.charAt(p)) || isLineEnd(text.charAt(p))) {
            return false;
        }
        int i = p - 1;
        while (i > 0 && isSpace(text.charAt(i - 1))) {
            i--;
        }
        while (i > 0 && isClosing(text.charAt(i - 1))) {
            i--;
        }
        if (i == 0) {
            return false;
        }
        char end = text.charAt(i - 1);
        if (end == '?' || end == '!') {
            return true;
        }
        char next = text.charAt(p);
        return end == '.' && !Character.isLowerCase(next) && !Character.isDigit(next);
    }

    private static boolean isLineEnd(char c) {
        return c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029' || c == '\u0085';
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\u00A0' || c == '\u000B' || c == '\f';
    }

    private static boolean isClosing(char c) {
        return c == '"' || c == '\'' || c == ')' || c == ']' || c == '}' || c == '\u2019' || c == '\u201D' || c == '\u00BB';
    }

    @Override
    public int following(int offset) {
        checkOffset(offset);
        for (int p = offset + 1; p <= text.length(); p++) {
            if (isBreak(p)) {
                return current = p;
            }
        }
        current = text.length();
        return DONE;
    }

    @Override
    public int preceding(int offset) {
        checkOffset(offset);
        for (int p = offset - 1; p >= 0; p--) {
            if (isBreak(p)) {
                return current = p;
            }
        }
        current = 0;
        return DONE;
    }

    private void checkOffset(int offset) {
        if (offset < 0 || offset > text.length()) {
            throw new IllegalArgumentException("offset " + offset + " outside the text (0 to " + text.length() + ")");
        }
    }

    @Override
    public int first() {
        return current = 0;
    }

    @Override
    public int last() {
        return current = text.length();
    }

    @Override
    public int next(int n) {
        int result = current;
        for (; n > 0 && result != DONE; n--) {
            result = next();
        }
        for (; n < 0 && result != DONE; n++) {
            result = previous();
        }
        return result;
    }

    @Override
    public int next() {
        return current >= text.length() ? DONE : following(current);
    }

    @Override
    public int previous() {
        return current <= 0 ? DONE : preceding(current);
    }

    @Override
    public int current() {
        return current;
    }
}
