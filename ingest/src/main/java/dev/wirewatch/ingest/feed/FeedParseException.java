package dev.wirewatch.ingest.feed;

/**
 * A feed document that is not RSS or Atom Rome can read (malformed XML, a DOCTYPE, an HTML page).
 */
public final class FeedParseException extends Exception {

    public FeedParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
