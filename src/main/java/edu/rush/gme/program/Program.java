package edu.rush.gme.program;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonValue;
import edu.rush.gme.content.FrontMatter;
import edu.rush.gme.content.Meta;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A training program's own front matter: every fact an applicant looks for. A missing fact is
 * shown as "Not reported", never as a silent gap.
 *
 * @param sites            hospitals or campuses where trainees work
 * @param lengthYears      how many years the training lasts
 * @param positionsPerYear how many trainees start each year
 * @param entryLevel       the training year trainees enter at: PGY-1, PGY-2, ...
 * @param nrmpTracks       the program's tracks in the National Resident Matching Program
 * @param visas            visas the program sponsors; an empty list means none
 * @param related          slugs of related programs (a residency's fellowships, a fellowship's residency)
 * @param cycle            the recruitment season these facts are for, e.g. 2026-2027
 * @param verified         when these facts were last checked against their sources
 * @param website          the program's own page on RUSH's website
 * @param sources          the public pages these facts were taken from, RUSH's own first
 */
public record Program(
        ProgramType type,
        String specialty,
        String department,
        String summary,
        List<String> sites,
        Integer lengthYears,
        Integer positionsPerYear,
        String entryLevel,
        Accreditation accreditation,
        List<NrmpTrack> nrmpTracks,
        Application application,
        Interviews interviews,
        List<Visa> visas,
        Requirements requirements,
        String director,
        Contact coordinator,
        @JsonPropertyDescription("Shown as related programs on its page") List<String> related,
        List<String> tags,
        String cycle,
        @JsonPropertyDescription("The day its facts were last checked against the program's own pages") LocalDate verified,
        String website,
        List<String> sources) implements FrontMatter {

    static final Pattern ACGME_ID = Pattern.compile("\\d{10}");
    static final Pattern NRMP_CODE = Pattern.compile("\\d{4}\\d{3}[CMPARFS]\\d");
    static final Pattern ENTRY_LEVEL = Pattern.compile("PGY-[1-8]");
    static final Pattern CYCLE = Pattern.compile("(\\d{4})-(\\d{4})");

    /** Who accredits the program: an ACGME program id (10 digits), or another accreditor for allied health. */
    public record Accreditation(String acgmeId, String accreditor) {
    }

    /** One NRMP track: its code (institution, specialty, track type, track digit) and name. */
    public record NrmpTrack(String code, String name) {
    }

    /**
     * How and when to apply: {@code opens} and {@code deadline} are for the program's {@code cycle};
     * {@code next} holds the following cycle's window once it is announced.
     */
    public record Application(ApplicationSystem system, LocalDate opens, LocalDate deadline, Boolean signals, Window next) {
    }

    /** A later cycle's application window, e.g. {@code cycle: 2027-2028}. */
    public record Window(String cycle, LocalDate opens, LocalDate deadline) {
    }

    /** How and when interviews happen. */
    public record Interviews(InterviewFormat format, List<String> months) {
    }

    /** What an applicant must have. */
    public record Requirements(Boolean usmle, Boolean comlex, String minimumScores, Integer yearsSinceGraduation, Boolean usceRequired) {
    }

    /** A person to write to. */
    public record Contact(String name, String email, String phone) {
    }

    /** The application services programs use. */
    public enum ApplicationSystem {
        ERAS("ERAS"), SF_MATCH("SF Match"), PHORCAS("PhORCAS"), OTHER("other");

        private final String label;

        ApplicationSystem(String label) {
            this.label = label;
        }

        @JsonValue
        public String label() {
            return label;
        }
    }

    /** How interviews are held. */
    public enum InterviewFormat {
        VIRTUAL("virtual"), IN_PERSON("in-person"), HYBRID("hybrid");

        private final String key;

        InterviewFormat(String key) {
            this.key = key;
        }

        @JsonValue
        public String key() {
            return key;
        }

        public String label() {
            return this == IN_PERSON ? "In person" : key.substring(0, 1).toUpperCase(Locale.ROOT) + key.substring(1);
        }
    }

    /** Work visas a program can sponsor. */
    public enum Visa {
        J1("J-1"), H1B("H-1B");

        private final String key;

        Visa(String key) {
            this.key = key;
        }

        @JsonValue
        public String key() {
            return key;
        }
    }

    /** The same program with another list of related programs. */
    public Program withRelated(List<String> newRelated) {
        return new Program(type, specialty, department, summary, sites, lengthYears, positionsPerYear, entryLevel, accreditation,
                nrmpTracks, application, interviews, visas, requirements, director, coordinator, newRelated, tags, cycle, verified, website, sources);
    }

    public List<NrmpTrack> tracks() {
        return nrmpTracks == null ? List.of() : nrmpTracks;
    }

    public List<String> relatedOrEmpty() {
        return related == null ? List.of() : related;
    }

    public List<String> sourcesOrEmpty() {
        return sources == null ? List.of() : sources;
    }

    public List<String> tagsOrEmpty() {
        return tags == null ? List.of() : tags;
    }

    /** The last day facts for this cycle are current: June 30th of its second year (training starts July 1st). */
    public LocalDate cycleEnds() {
        return cycleEnds(cycle);
    }

    static LocalDate cycleEnds(String cycle) {
        if (cycle == null) {
            return null;
        }
        var matcher = CYCLE.matcher(cycle);
        return matcher.matches() ? LocalDate.of(Integer.parseInt(matcher.group(2)), 6, 30) : null;
    }

    public boolean isCyclePast(LocalDate today) {
        LocalDate ends = cycleEnds();
        return ends != null && today.isAfter(ends);
    }

    @Override
    public List<FieldProblem> validate(Meta meta) {
        List<FieldProblem> problems = new ArrayList<>();
        FieldProblem.require(problems, "type", type);
        FieldProblem.require(problems, "specialty", specialty);
        FieldProblem.require(problems, "summary", summary);
        FieldProblem.checkRange(problems, "lengthYears", lengthYears, 1, 8);
        FieldProblem.checkRange(problems, "positionsPerYear", positionsPerYear, 1, 200);
        if (entryLevel != null && !ENTRY_LEVEL.matcher(entryLevel).matches()) {
            problems.add(new FieldProblem("entryLevel", "'entryLevel' must be PGY-1 to PGY-8, got \"" + entryLevel + "\""));
        }
        validateAccreditation(problems);
        validateTracks(problems);
        validateApplication(problems);
        validateInterviews(problems);
        validateRequirements(problems);
        validateContact(problems);
        validateCycle(problems);
        validateLinks(problems);
        if (related != null) {
            for (int i = 0; i < related.size(); i++) {
                if (related.get(i) == null || related.get(i).isBlank()) {
                    problems.add(FieldProblem.missing("related[" + i + "]"));
                }
            }
        }
        return problems;
    }

    private void validateAccreditation(List<FieldProblem> problems) {
        if (accreditation == null) {
            return;
        }
        String id = accreditation.acgmeId();
        if (id != null && !ACGME_ID.matcher(id).matches()) {
            problems.add(new FieldProblem("accreditation.acgmeId", "'accreditation.acgmeId' must be the 10-digit ACGME program id"
                    + " (write it in quotes so leading zeros are kept), got \"" + id + "\""));
        }
        if (type == ProgramType.ALLIED_HEALTH && id != null) {
            problems.add(new FieldProblem("accreditation.acgmeId", "'accreditation.acgmeId' is for ACGME programs; "
                    + "an allied health program names its accreditor instead, like 'accreditor: ASHP'"));
        }
        if (type == ProgramType.ALLIED_HEALTH && (accreditation.accreditor() == null || accreditation.accreditor().isBlank())) {
            problems.add(FieldProblem.missing("accreditation.accreditor"));
        }
    }

    private void validateTracks(List<FieldProblem> problems) {
        for (int i = 0; i < tracks().size(); i++) {
            NrmpTrack track = tracks().get(i);
            String at = "nrmpTracks[" + i + "]";
            FieldProblem.require(problems, at + ".name", track.name());
            if (track.code() == null) {
                problems.add(FieldProblem.missing(at + ".code"));
            } else if (!NRMP_CODE.matcher(track.code()).matches()) {
                problems.add(new FieldProblem(at + ".code", "'" + at + ".code' must be an NRMP code like 1147140C0 (4-digit institution, "
                        + "3-digit specialty, one of the letters C, M, P, A, R, F, S, a track digit), got \"" + track.code() + "\""));
            }
        }
    }

    private void validateApplication(List<FieldProblem> problems) {
        if (application == null) {
            return;
        }
        if (application.opens() != null && application.deadline() != null && !application.deadline().isAfter(application.opens())) {
            problems.add(new FieldProblem("application.deadline", "'application.deadline' must be after 'application.opens'"));
        }
        Window next = application.next();
        if (next == null) {
            return;
        }
        if (next.cycle() == null) {
            problems.add(FieldProblem.missing("application.next.cycle"));
        } else if (!isCycle(next.cycle())) {
            problems.add(new FieldProblem("application.next.cycle", "'application.next.cycle' must be two consecutive years like 2027-2028, got \""
                    + next.cycle() + "\""));
        } else if (cycle != null && CYCLE.matcher(cycle).matches() && next.cycle().compareTo(cycle) <= 0) {
            problems.add(new FieldProblem("application.next.cycle", "'application.next.cycle' must come after 'cycle' (" + cycle + "), got \""
                    + next.cycle() + "\""));
        }
        if (next.opens() != null && next.deadline() != null && !next.deadline().isAfter(next.opens())) {
            problems.add(new FieldProblem("application.next.deadline", "'application.next.deadline' must be after 'application.next.opens'"));
        }
    }

    private void validateLinks(List<FieldProblem> problems) {
        if (website != null && !FieldProblem.isWebAddress(website)) {
            problems.add(new FieldProblem("website", "'website' must be a web address starting with https:// or http://, got \"" + website + "\""));
        }
        FieldProblem.checkWebAddresses(problems, "sources", sources);
    }

    private void validateInterviews(List<FieldProblem> problems) {
        if (interviews == null || interviews.months() == null) {
            return;
        }
        for (int i = 0; i < interviews.months().size(); i++) {
            String month = interviews.months().get(i);
            if (month == null || parseMonth(month) == null) {
                problems.add(new FieldProblem("interviews.months[" + i + "]", "'interviews.months[" + i + "]' must be a month name like October, got \""
                        + month + "\""));
            }
        }
    }

    static Month parseMonth(String name) {
        for (Month month : Month.values()) {
            if (month.name().equalsIgnoreCase(name.trim())) {
                return month;
            }
        }
        return null;
    }

    private void validateRequirements(List<FieldProblem> problems) {
        if (requirements != null) {
            FieldProblem.checkRange(problems, "requirements.yearsSinceGraduation", requirements.yearsSinceGraduation(), 0, 40);
        }
    }

    private void validateContact(List<FieldProblem> problems) {
        if (coordinator != null) {
            FieldProblem.checkEmail(problems, "coordinator.email", coordinator.email());
        }
    }

    private void validateCycle(List<FieldProblem> problems) {
        if (cycle == null) {
            return;
        }
        if (!isCycle(cycle)) {
            problems.add(new FieldProblem("cycle", "'cycle' must be two consecutive years like 2026-2027, got \"" + cycle + "\""));
        }
    }

    /** A recruitment cycle: two consecutive years, like 2026-2027. */
    static boolean isCycle(String value) {
        var matcher = CYCLE.matcher(value);
        return matcher.matches() && Integer.parseInt(matcher.group(2)) == Integer.parseInt(matcher.group(1)) + 1;
    }
}
