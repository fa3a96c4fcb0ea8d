package edu.rush.gme.inquiry;

import edu.rush.gme.db.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Inquiries in the database (table {@code inquiry}), with the state of their e-mail from {@code mail_outbox}. */
final class InquiryRepository {

    private static final String SELECT = "SELECT i.id, i.reference, i.received_at, i.channel, i.program_slug, i.program_title, i.recipient,"
            + " i.name, i.email, i.applicant_type, i.graduation_year, i.message, i.spam, i.answered_at, i.answered_by, m.sent_at, m.gave_up_at, m.id AS mail_id"
            + " FROM inquiry i LEFT JOIN mail_outbox m ON m.inquiry_id = i.id AND m.purpose = 'notification'";

    private final Database database;

    InquiryRepository(Database database) {
        this.database = database;
    }

    /** Inserts the inquiry in the caller's transaction; returns its id. */
    long insert(Connection connection, String reference, Instant receivedAt, String channel, NewInquiry inquiry) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO inquiry (reference, received_at, program_slug, program_title, recipient, name, email, applicant_type,"
                        + " graduation_year, message, channel, spam) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
            insert.setString(1, reference);
            database.setInstant(insert, 2, receivedAt);
            insert.setString(3, inquiry.programSlug());
            insert.setString(4, inquiry.programTitle());
            insert.setString(5, inquiry.recipient() == null ? "" : inquiry.recipient());
            insert.setString(6, inquiry.name());
            insert.setString(7, inquiry.email());
            insert.setString(8, inquiry.applicantType() == null ? null : inquiry.applicantType().key());
            if (inquiry.graduationYear() == null) {
                insert.setNull(9, Types.INTEGER);
            } else {
                insert.setInt(9, inquiry.graduationYear());
            }
            insert.setString(10, inquiry.message());
            insert.setString(11, channel);
            insert.setBoolean(12, inquiry.spam());
            try (ResultSet keys = insert.executeQuery()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    Optional<Inquiry> findByReference(String reference) {
        return database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(SELECT + " WHERE i.reference = ?")) {
                select.setString(1, reference);
                List<Inquiry> found = read(select);
                return found.stream().findFirst();
            }
        });
    }

    /** Inquiries received from a time on (null: all), for one program (null: all), oldest first. */
    List<Inquiry> list(Instant since, String programSlug) {
        return database.inTransaction(connection -> {
            StringBuilder sql = new StringBuilder(SELECT).append(" WHERE 1 = 1");
            if (since != null) {
                sql.append(" AND i.received_at >= ?");
            }
            if (programSlug != null) {
                sql.append(" AND i.program_slug = ?");
            }
            sql.append(" ORDER BY i.received_at, i.id");
            try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
                int index = 1;
                if (since != null) {
                    database.setInstant(select, index++, since);
                }
                if (programSlug != null) {
                    select.setString(index, programSlug);
                }
                return read(select);
            }
        });
    }

    /** One page of the inquiries a selection finds, newest first, and how many it finds in all. */
    InquiryService.Found select(InquiryService.Selection selection, int offset, int limit) {
        List<Object> values = new ArrayList<>();
        String where = where(selection, values);
        return database.inTransaction(connection -> {
            int total;
            try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM inquiry i" + where)) {
                bind(count, values);
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    total = row.getInt(1);
                }
            }
            try (PreparedStatement select = connection.prepareStatement(SELECT + where + " ORDER BY i.received_at DESC, i.id DESC LIMIT "
                    + Math.max(0, limit) + " OFFSET " + Math.max(0, offset))) {
                bind(select, values);
                return new InquiryService.Found(total, read(select));
            }
        });
    }

    /** The WHERE clause of a selection, its values added to {@code values} in order. Only bound values: no text of the asker's in the SQL. */
    private static String where(InquiryService.Selection selection, List<Object> values) {
        StringBuilder sql = new StringBuilder(" WHERE 1 = 1");
        if (selection.allowedPrograms() != null) {
            if (selection.allowedPrograms().isEmpty()) {
                sql.append(" AND 1 = 0");
            } else {
                sql.append(" AND i.program_slug IN (").append(String.join(", ", java.util.Collections.nCopies(selection.allowedPrograms().size(), "?"))).append(")");
                values.addAll(selection.allowedPrograms());
            }
        }
        if (selection.program() != null) {
            if (selection.program().equals(InquiryForm.OFFICE)) {
                sql.append(" AND i.program_slug IS NULL");
            } else {
                sql.append(" AND i.program_slug = ?");
                values.add(selection.program());
            }
        }
        if (selection.answered() != null) {
            sql.append(selection.answered() ? " AND i.answered_at IS NOT NULL" : " AND i.answered_at IS NULL");
        }
        for (String word : selection.words()) {
            String like = "%" + word.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            sql.append(" AND (");
            List<String> columns = List.of("i.reference", "i.program_title", "i.name", "i.email", "i.message");
            for (int c = 0; c < columns.size(); c++) {
                sql.append(c == 0 ? "" : " OR ").append("LOWER(").append(columns.get(c)).append(") LIKE ? ESCAPE '\\'");
                values.add(like);
            }
            sql.append(")");
        }
        return sql.toString();
    }

    private static void bind(PreparedStatement statement, List<Object> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            statement.setString(i + 1, (String) values.get(i));
        }
    }

    /**
     * Marks an inquiry answered (at, by) or not answered (both null) and, in the same transaction when
     * it exists, does {@code also} (the audit entry); false when no inquiry has the reference.
     */
    boolean setAnswered(String reference, Instant at, String by, Database.Work<?> also) {
        return database.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE inquiry SET answered_at = ?, answered_by = ? WHERE reference = ?")) {
                database.setInstant(update, 1, at);
                update.setString(2, by);
                update.setString(3, reference);
                if (update.executeUpdate() != 1) {
                    return false;
                }
            }
            also.run(connection);
            return true;
        });
    }

    private List<Inquiry> read(PreparedStatement select) throws SQLException {
        List<Inquiry> inquiries = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                int year = row.getInt("graduation_year");
                Integer graduationYear = row.wasNull() ? null : year;
                String recipient = row.getString("recipient");
                NewInquiry content = new NewInquiry(row.getString("program_slug"), row.getString("program_title"),
                        recipient.isEmpty() ? null : recipient, row.getString("name"), row.getString("email"),
                        ApplicantType.byKey(row.getString("applicant_type")).orElse(null), graduationYear, row.getString("message"),
                        row.getBoolean("spam"));
                Instant sentAt = database.getInstant(row, "sent_at");
                row.getLong("mail_id");
                boolean hasMail = !row.wasNull();
                Inquiry.Delivery delivery = !hasMail ? Inquiry.Delivery.NOT_SENT
                        : sentAt != null ? Inquiry.Delivery.SENT
                        : database.getInstant(row, "gave_up_at") != null ? Inquiry.Delivery.FAILED
                        : Inquiry.Delivery.WAITING;
                inquiries.add(new Inquiry(row.getString("reference"), database.getInstant(row, "received_at"), row.getString("channel"),
                        content, delivery, sentAt, database.getInstant(row, "answered_at"), row.getString("answered_by")));
            }
        }
        return inquiries;
    }
}
