package edu.rush.gme.web;

import io.pebbletemplates.pebble.extension.AbstractNodeVisitor;
import io.pebbletemplates.pebble.extension.NodeVisitor;
import io.pebbletemplates.pebble.extension.NodeVisitorFactory;
import io.pebbletemplates.pebble.node.BodyNode;
import io.pebbletemplates.pebble.node.RenderableNode;
import io.pebbletemplates.pebble.node.TextNode;
import io.pebbletemplates.pebble.template.EvaluationContextImpl;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import io.pebbletemplates.pebble.template.PebbleTemplateImpl;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A template's static text (the markup between its tags), encoded to UTF-8 once when the template is
 * parsed, so that a page rendered to bytes ({@link Utf8Output}) copies it instead of encoding it
 * character by character on every page: that loop was 2.4% of an uncached finder page's samples,
 * most of it the template's own markup. Any other writer gets the characters, as from Pebble's own
 * text node. Text with a surrogate at either end (never in a well-formed template file: the tags
 * that end a text are ASCII) stays Pebble's, as does any text written while a printed value's high
 * surrogate waits for its other half, so the bytes are always those of the whole page encoded at once.
 */
final class EncodedText extends TextNode {

    private final byte[] utf8;

    private EncodedText(String text, int lineNumber) {
        super(text, lineNumber);
        this.utf8 = text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void render(PebbleTemplateImpl self, Writer writer, EvaluationContextImpl context) throws IOException {
        if (!(writer instanceof Utf8Output out) || !out.writeEncoded(utf8)) {
            super.render(self, writer, context);
        }
    }

    /** Whether this text can be encoded on its own: no half of a surrogate pair at either end. */
    static boolean encodable(char[] text) {
        return text.length == 0 || !Character.isSurrogate(text[0]) && !Character.isSurrogate(text[text.length - 1]);
    }

    /** Puts an {@link EncodedText} in place of each of a template's text nodes, as the template is parsed. */
    static final NodeVisitorFactory IN_EVERY_TEMPLATE = new NodeVisitorFactory() {
        @Override
        public NodeVisitor createVisitor(PebbleTemplate template) {
            return new AbstractNodeVisitor((PebbleTemplateImpl) template) {
                @Override
                public void visit(BodyNode node) {
                    List<RenderableNode> children = node.getChildren();
                    for (int i = 0; i < children.size(); i++) {
                        if (children.get(i).getClass() == TextNode.class) {
                            TextNode text = (TextNode) children.get(i);
                            if (encodable(text.getData())) {
                                children.set(i, new EncodedText(new String(text.getData()), text.getLineNumber()));
                            }
                        } else {
                            children.get(i).accept(this);
                        }
                    }
                }
            };
        }
    };
}
