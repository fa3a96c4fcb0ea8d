package edu.rush.gme.staff;

import java.nio.file.Path;

/** What happens after the web editor has written a content file (history: a commit or a kept version). */
public final class ContentSaves {

    private ContentSaves() {
    }

    /** Told after every successful save or creation in the editor, once the file is on disk. */
    @FunctionalInterface
    public interface Listener {
        /**
         * @param file    the file written (inside the content folder)
         * @param author  who saved it
         * @param message what was done, for a commit message ("Saved content/news/x.md")
         */
        void saved(Path file, StaffAccount author, String message);

        /** The default: nothing more happens. */
        Listener NONE = (file, author, message) -> { };
    }
}
