package edu.rush.gme.program;

import edu.rush.gme.content.Page;
import edu.rush.gme.csv.Spreadsheet;
import java.util.ArrayList;
import java.util.List;

/**
 * Programs as a CSV spreadsheet: one row per program, one column per fact in the same order as the
 * program page ("Not reported" where a fact is missing). Coordinators use it to update other
 * directories from the same data. Cells that a spreadsheet would run as a formula are neutralized.
 */
public final class ProgramSpreadsheet {

    private ProgramSpreadsheet() {
    }

    public static String csv(List<Page<Program>> programs, String baseUrl, java.time.LocalDate today) {
        List<String> header = new ArrayList<>(List.of("Slug", "Title", "URL"));
        header.addAll(ProgramFacts.labels());
        header.addAll(List.of("Related programs", "Tags"));
        List<List<String>> rows = new ArrayList<>();
        for (Page<Program> program : programs) {
            List<String> row = new ArrayList<>(List.of(program.slug(), program.title(), baseUrl + program.url()));
            ProgramFacts.of(program, today).forEach(fact -> row.add(fact.shown()));
            row.add(String.join("; ", program.data().relatedOrEmpty()));
            row.add(String.join("; ", program.data().tagsOrEmpty()));
            rows.add(row);
        }
        return Spreadsheet.write(header, rows);
    }
}
