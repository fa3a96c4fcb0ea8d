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
            + " i.name, i.email, i.applicant_type, i.graduation_year, i.message, i.spam, m.sent_at, m.gave_up_at, m.id AS mail_id"
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
                        content, delivery, sentAt));
            }
        }
        return inquiries;
    }
}
