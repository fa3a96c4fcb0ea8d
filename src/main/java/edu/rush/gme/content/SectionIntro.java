package edu.rush.gme.content;

import java.util.List;

/**
 * A section's {@code _index.md} (content/news/_index.md): the title and the words above its list.
 * Only the common fields; every section has one, whatever its type.
 */
public record SectionIntro() implements FrontMatter {

    @Override
    public List<FieldProblem> validate(Meta meta) {
        return List.of();
    }
}
