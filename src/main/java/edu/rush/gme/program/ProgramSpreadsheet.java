package edu.rush.gme.program;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import edu.rush.gme.content.Page;
import java.util.ArrayList;
import java.util.List;

/**
 * Programs as a CSV spreadsheet: one row per program, one column per fact in the same order as the
 * program page ("Not reported" where a fact is missing). Coordinators use it to update other
 * directories from the same data. Cells that a spreadsheet would run as a formula are neutralized.
 */
public final class ProgramSpreadsheet {

    private static final CsvMapper CSV = new CsvMapper();

    private ProgramSpreadsheet() {
    }

    public static String csv(List<Page<Program>> programs, String baseUrl) {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        List<String> header = new ArrayList<>(List.of("Slug", "Title", "URL"));
        header.addAll(ProgramFacts.labels());
        header.addAll(List.of("Related programs", "Tags"));
        header.forEach(schema::addColumn);
        List<List<String>> rows = new ArrayList<>();
        for (Page<Program> program : programs) {
            List<String> row = new ArrayList<>(List.of(program.slug(), program.title(), baseUrl + program.url()));
            ProgramFacts.of(program).forEach(fact -> row.add(fact.shown()));
            row.add(String.join("; ", program.data().relatedOrEmpty()));
            row.add(String.join("; ", program.data().tagsOrEmpty()));
            rows.add(row.stream().map(ProgramSpreadsheet::neutralize).toList());
        }
        try {
            return CSV.writer(schema.build()).writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A cell starting with = + - @ would be a formula in Excel; a leading apostrophe keeps it text. */
    static String neutralize(String cell) {
        if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
            return "'" + cell;
        }
        return cell;
    }
}
