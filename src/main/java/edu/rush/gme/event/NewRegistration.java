package edu.rush.gme.event;

import edu.rush.gme.inquiry.ApplicantType;
import java.util.List;

/**
 * A registration checked and ready to store: for which event, who (name, e-mail), which kind of
 * applicant, the programs they are interested in (slugs, checked), what they need to take part
 * (accessibility, free text); spam when the form's trap field was filled in.
 */
public record NewRegistration(String eventSlug, String name, String email, ApplicantType applicantType,
                              List<String> programs, String accessibility, boolean spam) {
}
