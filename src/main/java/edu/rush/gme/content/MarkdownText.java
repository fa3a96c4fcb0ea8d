package edu.rush.gme.content;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.CodeBlock;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlockBase;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.HtmlInlineBase;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.ParagraphItemContainer;
import com.vladsch.flexmark.ast.RefNode;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ast.TextBase;
import com.vladsch.flexmark.ast.ThematicBreak;
import com.vladsch.flexmark.ext.tables.TableCaption;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableSeparator;
import com.vladsch.flexmark.ext.typographic.TypographicQuotes;
import com.vladsch.flexmark.ext.typographic.TypographicSmarts;
import com.vladsch.flexmark.parser.ListOptions;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * A body's words for the search index, read from Flexmark's syntax tree: each heading, paragraph,
 * list item without paragraphs, table cell and quote without paragraphs, in order, as the page
 * shows its text (entities and typographic quotes as characters, images' addresses and markup
 * left out), headings, cells and items closed with a full stop so snippets read as sentences.
 * <p>
 * It gives what the rendered page's elements give (MarkdownTextTest holds the two side by side)
 * without writing HTML and parsing it again: at 10,000 programs that round trip was three fifths of
 * the time to index them. Raw HTML blocks are the exception, read by Jsoup as before.
 */
final class MarkdownText {

    /** The elements whose text is taken from raw HTML blocks, as from rendered pages. */
    static final String BLOCKS = "h1, h2, h3, h4, h5, h6, p, li:not(:has(p)), td, th, blockquote:not(:has(p))";

    private final ListOptions lists;
    private final Document document;
    private final StringBuilder out = new StringBuilder();

    private MarkdownText(Document document) {
        this.document = document;
        this.lists = ListOptions.get(document);
    }

    /** The text of a parsed body. */
    static String of(Document document) {
        MarkdownText text = new MarkdownText(document);
        text.blocks(document);
        return text.out.toString().strip();
    }

    /** Whether an HTML block's text is closed with a full stop when it has none: headings, table cells and list items. */
    static boolean closesSentence(Element block) {
        return block.tagName().matches("h\\d|td|th|li");
    }

    /** Appends a block's words as one sentence-like unit (the full stop rule of headings, cells and items). */
    static void append(StringBuilder out, String words, boolean closed) {
        if (words.isEmpty()) {
            return;
        }
        out.append(words);
        if (closed) {
            char last = words.charAt(words.length() - 1);
            if (last != '.' && last != '!' && last != '?' && last != ':' && last != ';') {
                out.append('.');
            }
        }
        out.append(' ');
    }

    private void blocks(Node parent) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof HtmlBlockBase html) {
                // Raw HTML as the page would have it: its elements' text, never its markup or scripts.
                Element body = Jsoup.parseBodyFragment(html.getChars().toString()).body();
                for (Element block : body.select(BLOCKS)) {
                    append(out, block.text().strip(), closesSentence(block));
                }
                continue;
            }
            boolean leaf = node instanceof Heading || node instanceof TableCell || isParagraph(node);
            if (leaf || ((node instanceof ListItem || node instanceof BlockQuote) && !hasParagraph(node))) {
                append(out, words(node), node instanceof Heading || node instanceof TableCell || node instanceof ListItem);
            }
            // A heading's, a cell's or a paragraph's children are inline: no block is inside them.
            if (!leaf && !(node instanceof TableCaption) && !(node instanceof TableSeparator)) {
                blocks(node);
            }
        }
    }

    /** Whether this is a paragraph the page shows as one (not the unwrapped text of a tight list's item). */
    private boolean isParagraph(Node node) {
        if (!(node instanceof Paragraph paragraph)) {
            return false;
        }
        return !(paragraph.getParent() instanceof ParagraphItemContainer container)
                || !container.isParagraphWrappingDisabled(paragraph, lists, document);
    }

    private boolean hasParagraph(Node parent) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            if (isParagraph(node) || hasParagraph(node)) {
                return true;
            }
            if (node instanceof HtmlBlockBase html && !Jsoup.parseBodyFragment(html.getChars().toString()).body().select("p").isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** A block's text with white space collapsed as a browser shows it. */
    private static String words(Node block) {
        StringBuilder raw = new StringBuilder();
        collect(block, raw);
        return collapse(raw);
    }

    private static void collect(Node parent, StringBuilder raw) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Text || node instanceof TextBase) {
                raw.append(node.getChars().unescape());
            } else if (node instanceof HtmlEntity) {
                raw.append(org.jsoup.parser.Parser.unescapeEntities(node.getChars().toString(), false));
            } else if (node instanceof TypographicSmarts smart) {
                raw.append(org.jsoup.parser.Parser.unescapeEntities(smart.getTypographicText(), false));
            } else if (node instanceof TypographicQuotes quotes) {
                raw.append(org.jsoup.parser.Parser.unescapeEntities(nonNull(quotes.getTypographicOpening()), false));
                collect(node, raw);
                raw.append(org.jsoup.parser.Parser.unescapeEntities(nonNull(quotes.getTypographicClosing()), false));
            } else if (node instanceof Code code) {
                raw.append(code.getText());
            } else if (node instanceof AutoLink || node instanceof MailLink) {
                raw.append(((com.vladsch.flexmark.ast.DelimitedLinkNode) node).getText().unescape());
            } else if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
                raw.append(' ');
            } else if (node instanceof FencedCodeBlock || node instanceof IndentedCodeBlock || node instanceof CodeBlock) {
                raw.append(' ').append(node instanceof FencedCodeBlock fenced ? fenced.getContentChars() : node.getChars()).append(' ');
            } else if (node instanceof HtmlBlockBase html) {
                raw.append(' ').append(Jsoup.parseBodyFragment(html.getChars().toString()).body().text()).append(' ');
            } else if (node instanceof RefNode ref && !ref.isDefined()) {
                // "[x]" with no link defined for it is text, brackets and all (what is inside still formatted).
                if (!ref.hasChildren()) {
                    raw.append(node.getChars().unescape());
                } else {
                    raw.append(node.getChars().baseSubSequence(node.getStartOffset(), node.getFirstChild().getStartOffset()).unescape());
                    collect(node, raw);
                    raw.append(node.getChars().baseSubSequence(node.getLastChild().getEndOffset(), node.getEndOffset()).unescape());
                }
            } else if (node instanceof HtmlInlineBase) {
                String tag = tagName(node.getChars().toString());
                if ((tag.equals("script") || tag.equals("style")) && !node.getChars().startsWith("</")) {
                    // A script's or a style's content is data, not text: skipped up to its closing tag.
                    Node end = node.getNext();
                    while (end != null && !(end instanceof HtmlInlineBase && end.getChars().startsWith("</")
                            && tagName(end.getChars().toString()).equals(tag))) {
                        end = end.getNext();
                    }
                    if (end == null) {
                        return;
                    }
                    node = end;
                } else if (tag.equals("br") || (!tag.isEmpty() && org.jsoup.parser.Tag.valueOf(tag).isBlock())) {
                    // A line break, or a block's edge: the page shows a space there.
                    raw.append(' ');
                }
            } else if (node instanceof Image || node instanceof ImageRef || node instanceof Reference
                    || node instanceof ThematicBreak || node instanceof TableCaption) {
                // Not text on the page: an image's description and address, markup, link definitions, rules.
                continue;
            } else if (node instanceof Block) {
                // A block inside a block (a list in an item, a paragraph in a quote): the page puts a space between them.
                raw.append(' ');
                collect(node, raw);
                raw.append(' ');
            } else {
                collect(node, raw);
            }
        }
    }

    /** The lower-case name of an HTML tag written as {@code <name ...>}, {@code </name>} or {@code <name/>}; empty for a comment. */
    private static String tagName(String tag) {
        int start = tag.startsWith("</") ? 2 : 1;
        int end = start;
        while (end < tag.length() && (Character.isLetterOrDigit(tag.charAt(end)) || tag.charAt(end) == '-')) {
            end++;
        }
        return tag.substring(start, end).toLowerCase(java.util.Locale.ROOT);
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }

    /** White space runs as one space, trimmed; invisible characters dropped (as Jsoup's text does). */
    static String collapse(CharSequence raw) {
        StringBuilder words = new StringBuilder(raw.length());
        boolean space = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == '\u00a0') {
                space = words.length() > 0;
            } else if (c != '\u200b' && c != '\u00ad') {
                if (space) {
                    words.append(' ');
                    space = false;
                }
                words.append(c);
            }
        }
        return words.toString();
    }
}
