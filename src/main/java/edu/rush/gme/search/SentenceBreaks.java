package edu.rush.gme.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.text.BreakIterator;
import java.text.CharacterIterator;
import java.text.StringCharacterIterator;

/**
 * Sentence boundaries for snippets, found by a few rules looked at only near each match: a sentence
 * starts at the first character after the spaces (of any width) that follow '?' or '!', or '.' unless
 * that character is lowercase or a digit ("e.g. residents", "Report No. 90"; "3.5 years" has no
 * space), with any closing quotes or brackets before the spaces; after a line end; after each
 * paragraph separator (U+2029, also Lucene's separator between a field's values). For prose these are
 * the boundaries of the JDK's sentence instance, which highlighting used before: the same 1,747
 * boundaries in all the bodies and summaries of the real content (2026-12-01), and
 * {@code SentenceBreaksTest} holds the two to the same answers on program-page prose, blank lines and
 * spaces of every width. One difference on purpose: the JDK runs a line without a full stop into the
 * next ("Curriculum\nResidents rotate"), here a line ends a sentence. The JDK's table-driven iterator
 * was a sixth to a fifth of a search's CPU with the C1 compiler (docs/performance.md, "Snippets'
 * sentences").
 *
 * <p>Written by hand: Lucene's {@code CustomSeparatorBreakIterator} breaks at every '.', including
 * "e.g." and "3.5", and ICU's iterator would add a large dependency for the same table-driven work.
 * Lucene's highlighter asks only {@link #preceding} and {@link #following} around each match; the rest
 * of {@link BreakIterator} is answered from those two.
 */
final class SentenceBreaks extends BreakIterator {

    private String text = "";
    private int current;
    /** Where sentences start in texts met before, by the text (the very object: a text Snippets keeps); null: none kept. */
    private final Cache<String, int[]> known;
    /** Where the sentences of this text start, in order (not 0 nor its end); null: found by looking near each offset. */
    private int[] starts;

    /** Sentences found by looking near each offset asked, each time. */
    SentenceBreaks() {
        this(null);
    }

    /** Sentences of a text met before read from where they were found then (the same answers, by binary search). */
    SentenceBreaks(Cache<String, int[]> known) {
        this.known = known;
    }

    /**
     * Where sentences start in texts met before, for {@link #SentenceBreaks(Cache)}: held as long as
     * the text itself is (a text Snippets keeps comes back for every question whose best pages it is
     * in), at most {@code texts} of them.
     */
    static Cache<String, int[]> known(int texts) {
        return Caffeine.newBuilder().executor(Runnable::run).weakKeys().maximumSize(texts).build();
    }

    @Override
    public void setText(String newText) {
        text = newText;
        current = 0;
        starts = known == null ? null : known.get(newText, SentenceBreaks::starts);
    }

    /** Where the sentences of a text start, in order: every place after 0 and before its end where one does. */
    static int[] starts(String text) {
        SentenceBreaks scan = new SentenceBreaks();
        scan.setText(text);
        int[] starts = new int[16];
        int count = 0;
        for (int p = scan.scannedAfter(0); p > 0; p = scan.scannedAfter(p)) {
            if (count == starts.length) {
                starts = java.util.Arrays.copyOf(starts, count * 2);
            }
            starts[count++] = p;
        }
        return java.util.Arrays.copyOf(starts, count);
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
        if (before == PARAGRAPH) {
            // Lucene's separator between the values of a field, and Unicode's paragraph end: always a break.
            return true;
        }
        char at = text.charAt(p);
        if (!isSpace(before) || isSpace(at) || at == PARAGRAPH) {
            // A sentence starts at the first character after the spaces (and line ends) that close the last.
            return false;
        }
        int i = p - 1;
        boolean lineEnd = isLineEnd(before);
        while (i > 0 && isSpace(text.charAt(i - 1))) {
            lineEnd |= isLineEnd(text.charAt(i - 1));
            i--;
        }
        if (lineEnd) {
            return true;
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
        return end == '.' && !Character.isLowerCase(at) && !Character.isDigit(at);
    }

    private static final char PARAGRAPH = '\u2029';

    /**
     * Whether a sentence may start after this character: only after a space or a line or paragraph
     * end, all of them at most ' ' or beyond ASCII. A cheap first test for the scans below (most
     * characters are letters), which then ask {@link #isBreak}.
     */
    private static boolean mayBreakAfter(char c) {
        return c <= ' ' || c >= '\u0080';
    }

    /**
     * Whether {@code p} may start a sentence, on a first look: not after a character that could not
     * come just before one ({@link #mayBreakAfter}), nor after the one space between two words ("the
     * residents": one space, with a letter, a digit or a comma before it, closes no sentence). Most
     * positions are answered here; the rest by {@link #isBreak}.
     */
    private boolean mayBreakAt(int p) {
        char before = text.charAt(p - 1);
        if (before == ' ' && p >= 2) {
            char word = text.charAt(p - 2);
            return !(word >= 'a' && word <= 'z' || word >= 'A' && word <= 'Z' || word >= '0' && word <= '9' || word == ',');
        }
        return mayBreakAfter(before);
    }

    private static boolean isLineEnd(char c) {
        return c == '\n' || c == '\r' || c == '\u2028' || c == '\u0085';
    }

    /** Spaces of any width (no-break, em, thin, ideographic...), tabs and line ends. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\u000B' || c == '\f' || isLineEnd(c) || (c != PARAGRAPH && Character.isSpaceChar(c));
    }

    private static boolean isClosing(char c) {
        return c == '"' || c == '\'' || c == ')' || c == ']' || c == '}' || c == '\u2019' || c == '\u201D' || c == '\u00BB';
    }

    @Override
    public int following(int offset) {
        checkOffset(offset);
        int next = starts != null ? keptAfter(offset) : scannedAfter(offset);
        if (next > 0) {
            return current = next;
        }
        current = text.length();
        return offset < text.length() ? current : DONE;
    }

    @Override
    public int preceding(int offset) {
        checkOffset(offset);
        int before = starts != null ? keptBefore(offset) : scannedBefore(offset);
        if (before > 0) {
            return current = before;
        }
        current = 0;
        return offset > 0 ? 0 : DONE;
    }

    /** The first sentence start after {@code offset} (not the text's end), by a look at each place; -1 if none. */
    private int scannedAfter(int offset) {
        for (int p = offset + 1; p < text.length(); p++) {
            if (mayBreakAt(p) && isBreak(p)) {
                return p;
            }
        }
        return -1;
    }

    /** The last sentence start before {@code offset} (not 0), by a look at each place; -1 if none. */
    private int scannedBefore(int offset) {
        for (int p = offset - 1; p > 0; p--) {
            if (mayBreakAt(p) && isBreak(p)) {
                return p;
            }
        }
        return -1;
    }

    /** The same as {@link #scannedAfter}, from the starts kept for this text. */
    private int keptAfter(int offset) {
        int at = java.util.Arrays.binarySearch(starts, offset + 1);
        at = at >= 0 ? at : -at - 1;
        return at < starts.length ? starts[at] : -1;
    }

    /** The same as {@link #scannedBefore}, from the starts kept for this text. */
    private int keptBefore(int offset) {
        int at = java.util.Arrays.binarySearch(starts, offset - 1);
        at = at >= 0 ? at : -at - 2;
        return at >= 0 ? starts[at] : -1;
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
