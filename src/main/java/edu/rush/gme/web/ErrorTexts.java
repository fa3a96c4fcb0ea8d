package edu.rush.gme.web;

import java.util.Map;

/**
 * What a visitor reads when a request fails, per status: the same words whether the page comes
 * from Javalin (in the site's layout) or from Jetty itself (a minimal page in the site's style),
 * and the title of the problem document an API client gets.
 */
record ErrorTexts(String title, String explanation) {

    private static final Map<Integer, ErrorTexts> BY_STATUS = Map.ofEntries(
            Map.entry(400, new ErrorTexts("Bad request",
                    "The request could not be understood. Check the address, or go back and try again.")),
            Map.entry(403, new ErrorTexts("Not allowed", "This request is not allowed.")),
            Map.entry(404, new ErrorTexts("Page not found",
                    "We could not find the page you asked for. It may have moved, or the address may have a typo.")),
            Map.entry(405, new ErrorTexts("Method not allowed",
                    "This address cannot take that kind of request. Open it as a page, or use the form that sends to it.")),
            Map.entry(408, new ErrorTexts("Request took too long",
                    "What you sent arrived too slowly, so it was not saved. Please go back and send it again.")),
            Map.entry(413, new ErrorTexts("Too much to send",
                    "What you sent is larger than this site accepts, so it was not saved. Use your browser's Back button "
                            + "to return to what you wrote, shorten it, and send it again.")),
            Map.entry(414, new ErrorTexts("Address too long",
                    "The web address is longer than this site accepts. Check the link, or start again from the home page.")),
            Map.entry(415, new ErrorTexts("Unsupported content",
                    "What was sent is not in a form this address accepts.")),
            Map.entry(431, new ErrorTexts("Request too large",
                    "Your browser sent more information with the request than this site accepts, often too many cookies. "
                            + "Clear this site's cookies and try again.")),
            Map.entry(500, new ErrorTexts("Something went wrong",
                    "Sorry, this page could not be shown because of a problem on our side. It has been logged; please try again in a moment.")),
            Map.entry(501, new ErrorTexts("Not implemented",
                    "This site does not know that kind of request.")),
            Map.entry(503, new ErrorTexts("Site busy",
                    "The site is very busy just now. Please try again in a moment.")));

    static ErrorTexts of(int status) {
        ErrorTexts texts = BY_STATUS.get(status);
        if (texts != null) {
            return texts;
        }
        return status >= 500 ? BY_STATUS.get(500) : BY_STATUS.get(400);
    }
}
