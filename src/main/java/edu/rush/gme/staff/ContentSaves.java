package edu.rush.gme.staff;

import java.nio.file.Path;

/** What happens around the web editor's writes to content files (history: a commit or a kept version). */
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

        /**
         * Told just before the editor overwrites a file, once it knows the file is the one staff
         * opened: a hand edit made outside the workspace since the last recorded version is recorded
         * first, under its own name, so the save does not swallow it.
         */
        default void aboutToWrite(Path file) {
        }

        /** An image was stored in the bundle of {@code page} (the page itself is unchanged). */
        default void added(Path image, Path page, StaffAccount author, String message) {
        }

        /**
         * An item that was one file ({@code news/x.md}) became a bundle ({@code news/x/index.md}) with
         * its first image: the same text under its new name, whose history continues the old one's.
         */
        default void bundled(Path from, Path to, Path image, StaffAccount author, String message) {
            saved(to, author, message);
        }

        /** The default: nothing more happens. */
        Listener NONE = (file, author, message) -> { };
    }
}
