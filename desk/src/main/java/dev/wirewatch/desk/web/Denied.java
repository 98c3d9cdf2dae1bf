package dev.wirewatch.desk.web;

/**
 * Ends a request early: a page asks the browser to sign in, an API call gets a status with a JSON error.
 *
 * <p>Immutable. {@code redirect} is non-null for pages (then {@code status} is 303).
 */
final class Denied extends RuntimeException {

    final int status;
    final String redirect;

    private Denied(int status, String message, String redirect) {
        super(message, null, false, false);
        this.status = status;
        this.redirect = redirect;
    }

    static Denied status(int status, String message) {
        return new Denied(status, message, null);
    }

    static Denied redirect(String to) {
        return new Denied(303, "sign in first", to);
    }
}
