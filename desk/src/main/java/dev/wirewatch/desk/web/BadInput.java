package dev.wirewatch.desk.web;

/**
 * A request whose input cannot be used: answered 400 with {@code {"error", "position"}} by the API, shown beside
 * the form by pages. {@code position} is the character offset in a query, or -1 when there is none.
 */
final class BadInput extends RuntimeException {

    final int position;
    final String field;

    BadInput(String field, String message, int position) {
        super(message, null, false, false);
        this.field = field;
        this.position = position;
    }

    BadInput(String field, String message) {
        this(field, message, -1);
    }
}
