package edu.rush.gme.staff;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import edu.rush.gme.db.Database;
import edu.rush.gme.mail.MailAddresses;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Staff accounts, their passwords (bcrypt, cost 12, at.favre.lib), one-time set-password links,
 * sessions and the audit log. Sessions live in the database, so that every server behind a load
 * balancer knows them and "sign out everywhere" is one statement; a cookie holds a random id, the
 * database only its SHA-256. Knows nothing of HTTP.
 */
public final class StaffService {

    /**
     * bcrypt's work factor: 12 (about a quarter second per hash on a server core). The system property
     * {@code gme.staff.bcryptCost} (4 to 31) sets another; the test suite uses 4. A stored hash keeps the
     * cost it was made with, so a hash made at one cost is checked at that cost.
     */
    static final int BCRYPT_COST = Math.max(4, Math.min(31, Integer.getInteger("gme.staff.bcryptCost", 12)));
    public static final int PASSWORD_MIN = 12;
    public static final int PASSWORD_MAX = 200;
    /** A session unused this long is over. */
    public static final Duration IDLE_TIMEOUT = Duration.ofMinutes(30);
    /** A session is over this long after sign-in, however busy. */
    public static final Duration ABSOLUTE_TIMEOUT = Duration.ofHours(12);
    static final Duration LINK_VALIDITY = Duration.ofDays(3);
    /** Failed sign-ins for one address (known or not) in {@link #LOCK_WINDOW} before it is locked for the rest of the window. */
    static final int FAILURES_BEFORE_LOCK = 10;
    static final Duration LOCK_WINDOW = Duration.ofMinutes(15);
    /** last_seen_at is written at most this often per session (not on every request). */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    private static final BCrypt.Version VERSION = BCrypt.Version.VERSION_2B;

    /** Audit actions. */
    public static final String SIGNED_IN = "signed-in";
    public static final String SIGN_IN_FAILED = "sign-in-failed";
    public static final String SIGNED_OUT = "signed-out";
    public static final String SIGNED_OUT_EVERYWHERE = "signed-out-everywhere";
    public static final String PASSWORD_SET = "password-set";
    public static final String ACCOUNT_ADDED = "account-added";
    public static final String LINK_ISSUED = "set-password-link-issued";

    /** The outcome of a sign-in: a new session's cookie value, or refused (the same for every reason), or locked for a while. */
    public sealed interface SignIn permits SignedIn, Refused, Locked {
    }

    public record SignedIn(String sessionId, StaffSession session) implements SignIn {
    }

    public record Refused() implements SignIn {
    }

    public record Locked(Duration retryAfter) implements SignIn {
    }

    private final Database database;
    private final Clock clock;
    private final byte[] csrfKey;
    private final SecureRandom random = new SecureRandom();
    /** Verified when the account is unknown, so that an unknown address takes as long as a wrong password; made at the first sign-in, not at start-up. */
    private volatile String decoyHash;

    /** @param key the site's signing secret (at least 32 bytes): keys the forms' tokens to each session */
    public StaffService(Database database, Clock clock, byte[] key) {
        this.database = database;
        this.clock = clock;
        this.csrfKey = hmac(key, "gme-staff-csrf".getBytes(StandardCharsets.UTF_8));
    }

    private String decoy() {
        String decoy = decoyHash;
        if (decoy == null) {
            decoy = hash(randomToken().toCharArray());
            decoyHash = decoy;
        }
        return decoy;
    }

    // --- accounts ---

    /**
     * Adds an account (or, for an address that has one, sets its role and programs) and returns a
     * one-time link token to set the password, valid for {@link #LINK_VALIDITY}.
     */
    public String addOrReset(String email, Role role, List<String> programs, String by) {
        String address = email == null ? "" : email.strip();
        if (!MailAddresses.isDeliverable(address)) {
            throw new IllegalArgumentException("'" + email + "' is not an e-mail address like name@rush.edu");
        }
        Instant now = clock.instant();
        String token = randomToken();
        database.inTransaction(connection -> {
            // One statement that writes first (SQLite then holds its write lock for the whole transaction).
            long id;
            boolean added;
            try (PreparedStatement upsert = connection.prepareStatement(
                    "INSERT INTO staff_account (email, email_key, role, programs, created_at) VALUES (?, ?, ?, ?, ?)"
                            + " ON CONFLICT (email_key) DO UPDATE SET role = excluded.role, programs = excluded.programs, disabled_at = NULL"
                            + " RETURNING id, created_at")) {
                upsert.setString(1, address);
                upsert.setString(2, key(address));
                upsert.setString(3, role.key());
                upsert.setString(4, String.join(",", programs));
                database.setInstant(upsert, 5, now);
                try (ResultSet row = upsert.executeQuery()) {
                    row.next();
                    id = row.getLong("id");
                    added = now.equals(database.getInstant(row, "created_at"));
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO staff_password_link (token_hash, account_id, created_at, expires_at) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, sha256(token));
                insert.setLong(2, id);
                database.setInstant(insert, 3, now);
                database.setInstant(insert, 4, now.plus(LINK_VALIDITY));
                insert.executeUpdate();
            }
            audit(connection, id, address, added ? ACCOUNT_ADDED : LINK_ISSUED, "role " + role.key()
                    + (programs.isEmpty() ? "" : ", programs " + String.join(",", programs)) + (by == null ? "" : ", by " + by), null);
            return id;
        });
        return token;
    }

    /** The account a set-password link is for, while the link is unused and not expired. */
    public Optional<StaffAccount> accountForLink(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        return database.inTransaction(connection -> account(connection,
                "id = (SELECT account_id FROM staff_password_link WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?) AND disabled_at IS NULL",
                sha256(token), clock.instant()));
    }

    /** What is wrong with a new password, or null: 12 to 200 characters, not the address itself. */
    public static String passwordProblem(String password, String email) {
        if (password == null || password.isEmpty()) {
            return "Enter a password";
        }
        int length = password.codePointCount(0, password.length());
        if (length < PASSWORD_MIN) {
            return "Your password must be at least " + PASSWORD_MIN + " characters long; a few unrelated words make a good one";
        }
        if (length > PASSWORD_MAX) {
            return "Your password must be " + PASSWORD_MAX + " characters or fewer";
        }
        if (email != null && password.strip().equalsIgnoreCase(email.strip())) {
            return "Your password must not be your e-mail address";
        }
        return null;
    }

    /**
     * Sets the password through a link (once): the link is used up, every session of the account ends.
     * Empty when the link is not (or no longer) good.
     */
    public Optional<StaffAccount> setPassword(String token, String password, String address) {
        Optional<StaffAccount> account = accountForLink(token);
        if (account.isEmpty() || passwordProblem(password, account.get().email()) != null) {
            return Optional.empty();
        }
        String hash = hash(password.toCharArray());
        Instant now = clock.instant();
        return database.inTransaction(connection -> {
            try (PreparedStatement use = connection.prepareStatement(
                    "UPDATE staff_password_link SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?")) {
                database.setInstant(use, 1, now);
                use.setString(2, sha256(token));
                database.setInstant(use, 3, now);
                if (use.executeUpdate() != 1) {
                    return Optional.<StaffAccount>empty();
                }
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE staff_account SET password_hash = ? WHERE id = ?")) {
                update.setString(1, hash);
                update.setLong(2, account.get().id());
                update.executeUpdate();
            }
            endSessions(connection, account.get().id());
            audit(connection, account.get().id(), account.get().email(), PASSWORD_SET, null, address);
            return account(connection, "id = ?", account.get().id());
        });
    }

    public List<StaffAccount> accounts() {
        return database.inTransaction(connection -> {
            List<StaffAccount> accounts = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id, email, role, programs, password_hash, created_at, disabled_at FROM staff_account ORDER BY email_key");
                 ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    accounts.add(read(row));
                }
            }
            return accounts;
        });
    }

    // --- signing in ---

    /**
     * Checks an address and password. Unknown address, no password yet, disabled account and wrong
     * password all get the same answer in about the same time. After {@link #FAILURES_BEFORE_LOCK}
     * failures for one address within {@link #LOCK_WINDOW} (on any server: counted in the audit log),
     * it is locked until the window has passed, whether or not an account has that address.
     */
    public SignIn signIn(String email, String password, String address) {
        String typed = email == null ? "" : email.strip();
        String emailKey = key(typed);
        Instant now = clock.instant();
        Optional<Duration> locked = database.inTransaction(connection -> lockedFor(connection, emailKey, now));
        if (locked.isPresent()) {
            return new Locked(locked.get());
        }
        Optional<StaffAccount> account = database.inTransaction(connection -> account(connection, "email_key = ?", emailKey));
        String decoy = decoy();
        String hash = account.flatMap(a -> database.inTransaction(connection -> passwordHash(connection, a.id()))).orElse(decoy);
        boolean verified = password != null && !password.isEmpty() && password.length() <= PASSWORD_MAX * 2
                && BCrypt.verifyer(VERSION, LongPasswordStrategies.hashSha512(VERSION)).verify(password.toCharArray(), hash.toCharArray()).verified;
        boolean good = verified && account.isPresent() && account.get().isActive() && !hash.equals(decoy);
        if (!good) {
            database.inTransaction(connection -> {
                audit(connection, account.map(StaffAccount::id).orElse(null), emailKey, SIGN_IN_FAILED,
                        account.isEmpty() ? "no such account" : !account.get().isActive() ? "account disabled" : "wrong password", address);
                return null;
            });
            return new Refused();
        }
        String sessionId = randomToken();
        StaffSession session = database.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO staff_session (id_hash, account_id, created_at, last_seen_at, address) VALUES (?, ?, ?, ?, ?)")) {
                insert.setString(1, sha256(sessionId));
                insert.setLong(2, account.get().id());
                database.setInstant(insert, 3, now);
                database.setInstant(insert, 4, now);
                insert.setString(5, address);
                insert.executeUpdate();
            }
            audit(connection, account.get().id(), account.get().email(), SIGNED_IN, null, address);
            return new StaffSession(account.get(), now, now, csrfToken(sessionId));
        });
        return new SignedIn(sessionId, session);
    }

    private Optional<Duration> lockedFor(Connection connection, String emailKey, Instant now) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT at FROM audit_log WHERE account_email = ? AND action = ? AND at > ?"
                + " ORDER BY at DESC LIMIT " + FAILURES_BEFORE_LOCK)) {
            select.setString(1, emailKey);
            select.setString(2, SIGN_IN_FAILED);
            database.setInstant(select, 3, now.minus(LOCK_WINDOW));
            List<Instant> failures = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    failures.add(database.getInstant(row, "at"));
                }
            }
            if (failures.size() < FAILURES_BEFORE_LOCK) {
                return Optional.empty();
            }
            // Locked until the oldest of the last failures leaves the window.
            Instant until = failures.get(failures.size() - 1).plus(LOCK_WINDOW);
            return Optional.of(Duration.between(now, until));
        }
    }

    /**
     * The session a cookie value names, while it is neither idle too long nor too old and its
     * account is active; refreshes its last use.
     */
    public Optional<StaffSession> session(String sessionId) {
        if (sessionId == null || sessionId.isEmpty() || sessionId.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        String idHash = sha256(sessionId);
        record Found(long accountId, Instant created, Instant lastSeen, Optional<StaffAccount> account) {
        }
        // Read first, write (end or touch) in a transaction of its own that starts with the write:
        // a read transaction that turned into a write would fail on SQLite when another write came between.
        Optional<Found> found = database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT account_id, created_at, last_seen_at FROM staff_session WHERE id_hash = ?")) {
                select.setString(1, idHash);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.<Found>empty();
                    }
                    long accountId = row.getLong("account_id");
                    Instant created = database.getInstant(row, "created_at");
                    Instant lastSeen = database.getInstant(row, "last_seen_at");
                    return Optional.of(new Found(accountId, created, lastSeen, Optional.<StaffAccount>empty()));
                }
            }
        }).map(f -> new Found(f.accountId(), f.created(), f.lastSeen(),
                database.inTransaction(connection -> account(connection, "id = ?", f.accountId()))));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Found session = found.get();
        if (session.account().isEmpty() || !session.account().get().isActive() || !now.isBefore(session.lastSeen().plus(IDLE_TIMEOUT))
                || !now.isBefore(session.created().plus(ABSOLUTE_TIMEOUT))) {
            database.inTransaction(connection -> {
                deleteSession(connection, sessionId);
                return null;
            });
            return Optional.empty();
        }
        Instant lastSeen = session.lastSeen();
        if (!now.isBefore(lastSeen.plus(TOUCH_EVERY))) {
            database.inTransaction(connection -> {
                try (PreparedStatement touch = connection.prepareStatement("UPDATE staff_session SET last_seen_at = ? WHERE id_hash = ?")) {
                    database.setInstant(touch, 1, now);
                    touch.setString(2, idHash);
                    return touch.executeUpdate();
                }
            });
            lastSeen = now;
        }
        return Optional.of(new StaffSession(session.account().get(), session.created(), lastSeen, csrfToken(sessionId)));
    }

    /** Ends this session. */
    public void signOut(String sessionId, StaffAccount account, String address) {
        database.inTransaction(connection -> {
            deleteSession(connection, sessionId);
            audit(connection, account.id(), account.email(), SIGNED_OUT, null, address);
            return null;
        });
    }

    /** Ends every session of the account, on every browser. */
    public void signOutEverywhere(StaffAccount account, String address) {
        database.inTransaction(connection -> {
            int ended = endSessions(connection, account.id());
            audit(connection, account.id(), account.email(), SIGNED_OUT_EVERYWHERE, ended + " session(s) ended", address);
            return null;
        });
    }

    /** How many browsers are signed in to the account now. */
    public int sessionCount(StaffAccount account) {
        Instant now = clock.instant();
        return database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT COUNT(*) FROM staff_session WHERE account_id = ? AND last_seen_at > ? AND created_at > ?")) {
                select.setLong(1, account.id());
                database.setInstant(select, 2, now.minus(IDLE_TIMEOUT));
                database.setInstant(select, 3, now.minus(ABSOLUTE_TIMEOUT));
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getInt(1);
                }
            }
        });
    }

    /** Whether a form's token is this session's (compared in constant time). */
    public static boolean csrfMatches(StaffSession session, String token) {
        return token != null && MessageDigest.isEqual(session.csrfToken().getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }

    // --- audit ---

    /** One entry of the audit log. */
    public record AuditEntry(Instant at, String email, String action, String detail, String address) {
    }

    /** Appends to the audit log in its own transaction. */
    public void audit(StaffAccount account, String action, String detail, String address) {
        database.inTransaction(connection -> {
            audit(connection, account == null ? null : account.id(), account == null ? null : account.email(), action, detail, address);
            return null;
        });
    }

    /** Appends to the audit log in the caller's transaction (the entry stands or falls with what it records). */
    public void audit(Connection connection, StaffAccount account, String action, String detail, String address) throws SQLException {
        audit(connection, account == null ? null : account.id(), account == null ? null : account.email(), action, detail, address);
    }

    /** The newest entries first. */
    public List<AuditEntry> auditLog(int limit) {
        return database.inTransaction(connection -> {
            List<AuditEntry> entries = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT at, account_email, action, detail, address FROM audit_log ORDER BY at DESC, id DESC LIMIT " + Math.max(1, limit));
                 ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    entries.add(new AuditEntry(database.getInstant(row, "at"), row.getString("account_email"), row.getString("action"),
                            row.getString("detail"), row.getString("address")));
                }
            }
            return entries;
        });
    }

    /**
     * Which audit entries to show: whose (words of the address, null: anyone), which action (null: any),
     * from a time on and before a time (null: no bound).
     */
    public record AuditFilter(String who, String action, Instant from, Instant before) {
        public static final AuditFilter ALL = new AuditFilter(null, null, null, null);
    }

    /** One page of audit entries and how many the filter finds in all. */
    public record AuditPage(int total, List<AuditEntry> entries) {
    }

    /** The entries a filter finds, newest first, {@code limit} of them from {@code offset}. Reads only. */
    public AuditPage auditLog(AuditFilter filter, int offset, int limit) {
        List<String> texts = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (filter.who() != null && !filter.who().isBlank()) {
            where.append(" AND account_email LIKE ? ESCAPE '\\'");
            texts.add("%" + key(filter.who()).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (filter.action() != null && !filter.action().isBlank()) {
            where.append(" AND action = ?");
            texts.add(filter.action().strip());
        }
        if (filter.from() != null) {
            where.append(" AND at >= ?");
            times.add(filter.from());
        }
        if (filter.before() != null) {
            where.append(" AND at < ?");
            times.add(filter.before());
        }
        return database.inTransaction(connection -> {
            int total;
            try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM audit_log" + where)) {
                bindAuditFilter(count, texts, times);
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    total = row.getInt(1);
                }
            }
            List<AuditEntry> entries = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT at, account_email, action, detail, address FROM audit_log" + where
                    + " ORDER BY at DESC, id DESC LIMIT " + Math.max(0, limit) + " OFFSET " + Math.max(0, offset))) {
                bindAuditFilter(select, texts, times);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        entries.add(new AuditEntry(database.getInstant(row, "at"), row.getString("account_email"), row.getString("action"),
                                row.getString("detail"), row.getString("address")));
                    }
                }
            }
            return new AuditPage(total, entries);
        });
    }

    private void bindAuditFilter(PreparedStatement statement, List<String> texts, List<Instant> times) throws SQLException {
        int index = 1;
        for (String text : texts) {
            statement.setString(index++, text);
        }
        for (Instant time : times) {
            database.setInstant(statement, index++, time);
        }
    }

    /** The actions the log holds, for the filter's choice. */
    public List<String> auditActions() {
        return database.inTransaction(connection -> {
            List<String> actions = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT DISTINCT action FROM audit_log ORDER BY action");
                 ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    actions.add(row.getString(1));
                }
            }
            return actions;
        });
    }

    private void audit(Connection connection, Long accountId, String email, String action, String detail, String address) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO audit_log (at, account_id, account_email, action, detail, address) VALUES (?, ?, ?, ?, ?, ?)")) {
            database.setInstant(insert, 1, clock.instant());
            if (accountId == null) {
                insert.setNull(2, java.sql.Types.BIGINT);
            } else {
                insert.setLong(2, accountId);
            }
            insert.setString(3, email == null ? null : key(email));
            insert.setString(4, action);
            insert.setString(5, detail);
            insert.setString(6, address);
            insert.executeUpdate();
        }
    }

    // --- helpers ---

    private int endSessions(Connection connection, long accountId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM staff_session WHERE account_id = ?")) {
            delete.setLong(1, accountId);
            return delete.executeUpdate();
        }
    }

    private void deleteSession(Connection connection, String sessionId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM staff_session WHERE id_hash = ?")) {
            delete.setString(1, sha256(sessionId));
            delete.executeUpdate();
        }
    }

    private Optional<String> passwordHash(Connection connection, long accountId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT password_hash FROM staff_account WHERE id = ?")) {
            select.setLong(1, accountId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.ofNullable(row.getString(1)) : Optional.empty();
            }
        }
    }

    private Optional<StaffAccount> account(Connection connection, String where, Object... values) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, email, role, programs, password_hash, created_at, disabled_at FROM staff_account WHERE " + where)) {
            for (int i = 0; i < values.length; i++) {
                if (values[i] instanceof Instant instant) {
                    database.setInstant(select, i + 1, instant);
                } else if (values[i] instanceof Long number) {
                    select.setLong(i + 1, number);
                } else {
                    select.setString(i + 1, (String) values[i]);
                }
            }
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(read(row)) : Optional.empty();
            }
        }
    }

    private StaffAccount read(ResultSet row) throws SQLException {
        String programs = row.getString("programs");
        return new StaffAccount(row.getLong("id"), row.getString("email"), Role.byKey(row.getString("role")).orElseThrow(),
                programs == null || programs.isEmpty() ? List.of() : Arrays.asList(programs.split(",")),
                row.getString("password_hash") != null, database.getInstant(row, "created_at"), database.getInstant(row, "disabled_at"));
    }

    private static String hash(char[] password) {
        return BCrypt.with(VERSION, LongPasswordStrategies.hashSha512(VERSION)).hashToString(BCRYPT_COST, password);
    }

    private String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private String csrfToken(String sessionId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(csrfKey, sessionId.getBytes(StandardCharsets.UTF_8)));
    }

    static String key(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
