package edu.rush.gme.csv;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.util.List;

/**
 * A CSV file that opens safely in a spreadsheet: a header row, then the rows, quoted where needed
 * (Jackson CSV), with every cell that Excel would run as a formula turned into text.
 */
public final class Spreadsheet {

    private static final CsvMapper CSV = new CsvMapper();

    private Spreadsheet() {
    }

    public static String write(List<String> header, List<List<String>> rows) {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        header.forEach(schema::addColumn);
        List<List<String>> safe = rows.stream().map(row -> row.stream().map(Spreadsheet::neutralize).toList()).toList();
        try {
            return CSV.writer(schema.build()).writeValueAsString(safe);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A cell starting with = + - @ (or a tab or return) would be a formula; a leading apostrophe keeps it text. */
    public static String neutralize(String cell) {
        if (cell == null) {
            return "";
        }
        if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
            return "'" + cell;
        }
        return cell;
    }
}
