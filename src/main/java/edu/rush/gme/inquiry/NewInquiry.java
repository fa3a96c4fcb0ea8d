package edu.rush.gme.inquiry;

/**
 * A checked inquiry, ready to store: who it goes to was looked up in the content when it arrived.
 *
 * @param programSlug null for a question to the GME office
 * @param recipient   the coordinator's (or the office's) e-mail address; null when the content has none
 */
public record NewInquiry(String programSlug, String programTitle, String recipient, String name, String email,
                         ApplicantType applicantType, Integer graduationYear, String message, boolean spam) {
}
