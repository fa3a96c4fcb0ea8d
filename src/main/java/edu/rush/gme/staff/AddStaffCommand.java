package edu.rush.gme.staff;

import edu.rush.gme.db.Database;
import edu.rush.gme.db.DatabaseException;
import edu.rush.gme.db.DatabaseSettings;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code add-staff EMAIL --role ROLE [--programs SLUG,SLUG]}: adds a staff account (or gives an
 * existing one this role and a new link) and prints a one-time link to set the password, valid for
 * three days. A coordinator needs the programs whose inquiries and registrations they see.
 */
public final class AddStaffCommand {

    public static final String COMMAND = "add-staff";
    public static final String USAGE = "usage: java -jar gme-site.jar add-staff EMAIL --role " + String.join("|",
            Arrays.stream(Role.values()).map(Role::key).toList()) + " [--programs SLUG,SLUG]";

    private AddStaffCommand() {
    }

    /**
     * @param programSlugs the programs the content has (a coordinator's must be among them)
     * @param signingKey   the site's signing secret (keys session form tokens)
     */
    public static int run(DatabaseSettings databaseSettings, String baseUrl, Set<String> programSlugs, byte[] signingKey, Clock clock,
                          List<String> args, PrintStream out, PrintStream err) {
        String email = null;
        Role role = null;
        List<String> programs = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--role") || arg.equals("--programs")) {
                if (i + 1 >= args.size()) {
                    err.println(arg + " needs a value\n" + USAGE);
                    return 2;
                }
                String value = args.get(++i);
                if (arg.equals("--role")) {
                    Optional<Role> known = Role.byKey(value);
                    if (known.isEmpty()) {
                        err.println("unknown role '" + value + "': the roles are " + Role.keys() + "\n" + USAGE);
                        return 2;
                    }
                    role = known.get();
                } else {
                    for (String slug : value.split(",")) {
                        if (!slug.isBlank()) {
                            programs.add(slug.strip());
                        }
                    }
                }
            } else if (arg.startsWith("-") || email != null) {
                err.println("unknown argument '" + arg + "'\n" + USAGE);
                return 2;
            } else {
                email = arg;
            }
        }
        if (email == null || role == null) {
            err.println((email == null ? "the e-mail address is missing" : "--role is missing") + "\n" + USAGE);
            return 2;
        }
        if (role == Role.COORDINATOR && programs.isEmpty()) {
            err.println("a coordinator needs --programs: the slugs of the programs whose inquiries and registrations they see\n" + USAGE);
            return 2;
        }
        if (role != Role.COORDINATOR && !programs.isEmpty()) {
            err.println("--programs is for coordinators only (a " + role.key() + " sees every program)\n" + USAGE);
            return 2;
        }
        for (String slug : programs) {
            if (!programSlugs.contains(slug)) {
                err.println("no program has the slug '" + slug + "' (see content/programs/)");
                return 2;
            }
        }
        try (Database database = Database.open(databaseSettings)) {
            StaffService staff = new StaffService(database, clock, signingKey);
            String token = staff.addOrReset(email, role, programs, "add-staff command");
            out.println("Set-password link for " + email.strip() + " (" + role.label().toLowerCase(java.util.Locale.ROOT)
                    + "), valid for three days and once; send it to them only:");
            out.println(baseUrl + StaffController.SET_PASSWORD + "/" + token);
            return 0;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage() + "\n" + USAGE);
            return 2;
        } catch (DatabaseException e) {
            err.println(e.getMessage() + ": check GME_DATABASE_URL, GME_DATABASE_USER and GME_DATABASE_PASSWORD");
            return 1;
        }
    }
}
