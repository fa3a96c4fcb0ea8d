package edu.rush.gme.program;

import edu.rush.gme.content.Page;
import edu.rush.gme.program.Program.Application;
import edu.rush.gme.program.Program.ApplicationSystem;
import edu.rush.gme.program.Program.Contact;
import edu.rush.gme.program.Program.Interviews;
import edu.rush.gme.program.Program.Requirements;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every fact an applicant looks for, in one fixed order, for the program page, the side-by-side
 * comparison and the CSV export alike. A missing fact stays in its place as "Not reported".
 */
public final class ProgramFacts {

    public static final String OVERVIEW = "Overview";
    public static final String APPLY = "How to apply";
    public static final String ELIGIBILITY = "Eligibility";
    public static final String CONTACTS = "Contacts";
    public static final String CURRENCY = "Currency";

    /** The application window's fact, decided per day, follows the application system. */
    public static final String WINDOW = "applicationWindow";
    private static final String WINDOW_LABEL = "Application window";
    private static final String WINDOW_AFTER = "applicationSystem";

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);

    /** What a comparison and the spreadsheet show for a fact that does not apply to a program's type. */
    public static final String DOES_NOT_APPLY = "Does not apply";

    /** The program types a fact means something for. */
    private static final Set<ProgramType> ALL = EnumSet.allOf(ProgramType.class);
    /**
     * Physicians' training only: allied health residencies (pharmacy, psychology, physics, nursing,
     * physical therapy, physician assistants) are not in the NRMP Match, do not apply through ERAS, take
     * no USMLE or COMLEX, and have no rules for graduation year or US clinical experience, which are
     * rules for international medical graduates.
     */
    static final Set<ProgramType> PHYSICIANS = EnumSet.of(ProgramType.RESIDENCY, ProgramType.FELLOWSHIP);

    private record Definition(String key, String label, String group, Set<ProgramType> appliesTo, Function<Program, String> value) {
        Definition(String key, String label, String group, Function<Program, String> value) {
            this(key, label, group, ALL, value);
        }

        boolean appliesTo(ProgramType type) {
            return type == null || appliesTo.contains(type);
        }
    }

    private static final List<Definition> DEFINITIONS = List.of(
            new Definition("type", "Program type", OVERVIEW, p -> p.type() == null ? null : p.type().label()),
            new Definition("specialty", "Specialty", OVERVIEW, Program::specialty),
            new Definition("department", "Department", OVERVIEW, Program::department),
            new Definition("sites", "Training sites", OVERVIEW, p -> join(p.sites(), "; ")),
            new Definition("length", "Length", OVERVIEW, p -> p.lengthYears() == null ? null : years(p.lengthYears())),
            new Definition("positions", "Positions per year", OVERVIEW, p -> p.positionsPerYear() == null ? null : String.valueOf(p.positionsPerYear())),
            new Definition("entryLevel", "Entry level", OVERVIEW, Program::entryLevel),
            new Definition("accreditation", "Accreditation", OVERVIEW, ProgramFacts::accreditation),
            new Definition("applicationSystem", "Application system", APPLY, p -> application(p, a -> a.system() == null ? null : a.system().label())),
            new Definition("applicationOpens", "Applications open", APPLY, p -> application(p, a -> date(a.opens()))),
            new Definition("applicationDeadline", "Application deadline", APPLY, p -> application(p, a -> date(a.deadline()))),
            new Definition("signals", "ERAS preference signals", APPLY, PHYSICIANS, ProgramFacts::signals),
            new Definition("nrmpTracks", "NRMP tracks", APPLY, PHYSICIANS, p -> p.nrmpTracks() == null ? null
                    : p.nrmpTracks().isEmpty() ? "None (not in the NRMP Match)"
                    : p.nrmpTracks().stream().map(t -> t.name() + " " + t.code()).collect(Collectors.joining("; "))),
            new Definition("interviewFormat", "Interview format", APPLY, p -> interviews(p, i -> i.format() == null ? null : i.format().label())),
            new Definition("interviewMonths", "Interview months", APPLY, p -> interviews(p, i -> join(i.months(), ", "))),
            new Definition("visas", "Visa sponsorship", ELIGIBILITY, ProgramFacts::visas),
            new Definition("exams", "Licensing exams accepted", ELIGIBILITY, PHYSICIANS, ProgramFacts::exams),
            new Definition("minimumScores", "Minimum scores", ELIGIBILITY, PHYSICIANS, p -> requirements(p, Requirements::minimumScores)),
            new Definition("graduation", "Time since graduation", ELIGIBILITY, PHYSICIANS, p -> requirements(p, r -> r.yearsSinceGraduation() == null ? null
                    : "Graduated within the last " + years(r.yearsSinceGraduation()))),
            new Definition("usce", "US clinical experience", ELIGIBILITY, PHYSICIANS, p -> requirements(p, r -> r.usceRequired() == null ? null
                    : r.usceRequired() ? "Required" : "Not required")),
            new Definition("director", "Program director", CONTACTS, Program::director),
            new Definition("coordinator", "Program coordinator", CONTACTS, p -> contact(p, Contact::name)),
            new Definition("coordinatorEmail", "Coordinator e-mail", CONTACTS, p -> contact(p, Contact::email)),
            new Definition("coordinatorPhone", "Coordinator phone", CONTACTS, p -> contact(p, Contact::phone)),
            new Definition("cycle", "Recruitment cycle", CURRENCY, Program::cycle),
            new Definition("verified", "Facts last verified", CURRENCY, p -> date(p.verified())));

    private ProgramFacts() {
    }

    /**
     * Every fact of a program, in the fixed order, with its application window as it stands on
     * {@code today}, for comparisons and spreadsheets whose rows and columns are the same for every
     * program: a fact that does not apply to the program's type says so.
     */
    public static List<Fact> of(Page<Program> page, LocalDate today) {
        List<Fact> facts = new ArrayList<>(DEFINITIONS.size() + 1);
        for (Definition d : DEFINITIONS) {
            if (!d.appliesTo(page.data().type())) {
                facts.add(new Fact(d.key(), d.label(), d.group(), DOES_NOT_APPLY, false));
                continue;
            }
            String value = d.value().apply(page.data());
            facts.add(new Fact(d.key(), d.label(), d.group(), value == null || value.isBlank() ? null : value, true));
            if (d.key().equals(WINDOW_AFTER)) {
                facts.add(new Fact(WINDOW, WINDOW_LABEL, APPLY, ApplicationWindow.of(page.data(), today).text(today), true));
            }
        }
        return facts;
    }

    /**
     * The facts of the program's own page by group, in order: only those that apply to its type, and
     * none that the page already shows elsewhere (the program type is its heading's kicker; the
     * application window stands above the list in words; NRMP tracks, when there are some, are a
     * table of their own).
     */
    public static Map<String, List<Fact>> forPage(Page<Program> page, LocalDate today) {
        Map<String, List<Fact>> groups = new LinkedHashMap<>();
        for (Fact fact : of(page, today)) {
            boolean shownElsewhere = fact.key().equals("type") || fact.key().equals(WINDOW)
                    || (fact.key().equals("nrmpTracks") && !page.data().tracks().isEmpty());
            if (fact.applies() && !shownElsewhere) {
                groups.computeIfAbsent(fact.group(), g -> new ArrayList<>()).add(fact);
            }
        }
        return groups;
    }

    /** Every fact by its key, for templates that show a few of them (the finder's result cards). */
    public static Map<String, Fact> byKey(Page<Program> page, LocalDate today) {
        Map<String, Fact> facts = new LinkedHashMap<>();
        of(page, today).forEach(fact -> facts.put(fact.key(), fact));
        return facts;
    }

    /** The labels in order (the comparison's rows, the CSV's columns). */
    public static List<String> labels() {
        List<String> labels = new ArrayList<>(DEFINITIONS.size() + 1);
        for (Definition d : DEFINITIONS) {
            labels.add(d.label());
            if (d.key().equals(WINDOW_AFTER)) {
                labels.add(WINDOW_LABEL);
            }
        }
        return labels;
    }

    static String years(int n) {
        return n + (n == 1 ? " year" : " years");
    }

    static String date(LocalDate date) {
        return date == null ? null : DATE.format(date);
    }

    private static String join(List<String> values, String separator) {
        return values == null || values.isEmpty() ? null : String.join(separator, values);
    }

    private static String accreditation(Program p) {
        if (p.accreditation() == null) {
            return null;
        }
        String id = p.accreditation().acgmeId();
        String accreditor = p.accreditation().accreditor();
        if (id != null) {
            return "ACGME, program " + id;
        }
        return accreditor;
    }

    private static String application(Program p, Function<Application, String> value) {
        return p.application() == null ? null : value.apply(p.application());
    }

    private static String interviews(Program p, Function<Interviews, String> value) {
        return p.interviews() == null ? null : value.apply(p.interviews());
    }

    private static String requirements(Program p, Function<Requirements, String> value) {
        return p.requirements() == null ? null : value.apply(p.requirements());
    }

    private static String contact(Program p, Function<Contact, String> value) {
        return p.coordinator() == null ? null : value.apply(p.coordinator());
    }

    private static String signals(Program p) {
        Application a = p.application();
        if (a == null) {
            return null;
        }
        if (a.system() != null && a.system() != ApplicationSystem.ERAS) {
            return "Does not apply (" + a.system().label() + ")";
        }
        return a.signals() == null ? null : a.signals() ? "Accepted" : "Not used";
    }

    private static String visas(Program p) {
        if (p.visas() == null) {
            return null;
        }
        if (p.visas().isEmpty()) {
            return "None: the program does not sponsor visas";
        }
        return p.visas().stream().map(Program.Visa::key).collect(Collectors.joining(" and "));
    }

    private static String exams(Program p) {
        Requirements r = p.requirements();
        if (r == null || (r.usmle() == null && r.comlex() == null)) {
            return null;
        }
        boolean usmle = Boolean.TRUE.equals(r.usmle());
        boolean comlex = Boolean.TRUE.equals(r.comlex());
        if (usmle && comlex) {
            return "USMLE or COMLEX";
        }
        if (usmle) {
            return "USMLE only";
        }
        return comlex ? "COMLEX only" : "Neither USMLE nor COMLEX";
    }
}
