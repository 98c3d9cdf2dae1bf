package dev.wirewatch.query;

/**
 * A topic query that does not parse, with the character position of the problem (0-based).
 */
public final class QuerySyntaxException extends Exception {

    private final int position;

    public QuerySyntaxException(String message, int position) {
        super(message + " at position " + position);
        this.position = position;
    }

    public int position() {
        return position;
    }
}
