package edu.rush.gme.search;

/** The names of the fields in the search index (each field's type is explained where it is added). */
final class SearchFields {
    static final String URL = "url";
    static final String KIND = "kind";
    static final String PROGRAM_TYPE = "programType";
    static final String TITLE = "title";
    static final String SPECIALTY = "specialty";
    static final String DEPARTMENT = "department";
    static final String TAGS = "tags";
    static final String SUMMARY = "summary";
    static final String FACTS = "facts";
    static final String BODY = "body";
    static final String WORDS = "words";
    static final String BOOST = "boost";
    /** A program's specialty and title as one exact key each, in the stemmed words of the query ("intern medicin"). */
    static final String NAME = "name";
    /** A number that changes when anything indexed of a page but its body changes ({@link SearchIndex#fingerprint}). */
    static final String FINGERPRINT = "fingerprint";
    /** A hit's title and the line under it, as doc values: read for the ten hits shown without decompressing their stored text again. */
    static final String SHOWN_TITLE = "shownTitle";
    static final String SHOWN_META = "shownMeta";

    private SearchFields() {
    }
}
