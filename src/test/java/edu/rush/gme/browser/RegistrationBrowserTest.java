package edu.rush.gme.browser;

/** RegistrationInBrowser at desktop width (1280 x 900). */
class RegistrationBrowserTest extends RegistrationInBrowser {

    RegistrationBrowserTest() {
        super(1280, 900);
    }
}
