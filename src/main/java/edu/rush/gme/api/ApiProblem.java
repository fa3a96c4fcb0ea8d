package edu.rush.gme.api;

import io.javalin.http.HttpStatus;

/** A request the API refuses, with the parameter at fault: answered as a problem document (RFC 9457). */
final class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final String parameter;

    ApiProblem(HttpStatus status, String title, String parameter, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.parameter = parameter;
    }

    /** A parameter the API does not take, or a value it cannot use (400). */
    static ApiProblem badParameter(String parameter, String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid parameter", parameter, detail);
    }

    HttpStatus status() {
        return status;
    }

    String title() {
        return title;
    }

    /** The parameter at fault (a query parameter, or {@code type} / {@code slug} of the path). */
    String parameter() {
        return parameter;
    }
}
