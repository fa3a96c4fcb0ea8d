package edu.rush.gme.browser;

/**
 * RegistrationInBrowser at a phone's width (390 x 844, emulated): registering with the keyboard
 * alone, and axe-core's rules on every state of the event page, the form and the registrant's page,
 * where applicants most often register.
 */
class RegistrationPhoneBrowserTest extends RegistrationInBrowser {

    RegistrationPhoneBrowserTest() {
        super(390, 844);
    }
}
