package edu.rush.gme.inquiry;

import java.time.Instant;

/**
 * A stored inquiry with where its e-mail stands and whether staff have marked it answered.
 *
 * @param answeredAt when a staff member marked it answered (null: not answered)
 * @param answeredBy who did (their address then; null: not answered)
 */
public record Inquiry(String reference, Instant receivedAt, String channel, NewInquiry content, Delivery delivery, Instant sentAt,
                      Instant answeredAt, String answeredBy) {

    public boolean isAnswered() {
        return answeredAt != null;
    }

    /** Where the e-mail to the coordinator stands. */
    public enum Delivery {
        SENT("sent"),
        WAITING("waiting to be sent"),
        FAILED("failed, see the server log"),
        NOT_SENT("not sent (no address, or marked as spam)");

        private final String label;

        Delivery(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
