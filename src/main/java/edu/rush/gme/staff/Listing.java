package edu.rush.gme.staff;

import edu.rush.gme.csv.Spreadsheet;
import java.util.List;
import java.util.Locale;

/**
 * One list of the dashboard as rows of text cells (a cell may link somewhere): filtered by a word,
 * shown as a table, exported as CSV. Features fill it in the composition root; the workspace only shows it.
 */
public record Listing(List<String> columns, List<Row> rows) {

    /** A cell's text and, when it leads somewhere (a preview, a page), where. */
    public record Cell(String text, String link) {
        public static Cell of(Object text) {
            return new Cell(text == null ? "" : text.toString(), null);
        }

        public static Cell link(Object text, String link) {
            return new Cell(text == null ? "" : text.toString(), link);
        }
    }

    public record Row(List<Cell> cells) {
        public static Row of(Cell... cells) {
            return new Row(List.of(cells));
        }

        boolean contains(String word) {
            return cells.stream().anyMatch(cell -> cell.text().toLowerCase(Locale.ROOT).contains(word));
        }
    }

    /** The rows that contain every word of the filter (in any cell, case ignored); all rows for none. */
    public Listing filtered(String filter) {
        if (filter == null || filter.isBlank()) {
            return this;
        }
        List<String> words = List.of(filter.toLowerCase(Locale.ROOT).strip().split("\\s+"));
        return new Listing(columns, rows.stream().filter(row -> words.stream().allMatch(row::contains)).toList());
    }

    /** As CSV, formula-like cells neutralized (as every export of the site). */
    public String csv() {
        return Spreadsheet.write(columns, rows.stream().map(row -> row.cells().stream().map(Cell::text).toList()).toList());
    }
}
