package dev.wirewatch.ingest.extract;

/**
 * What an extractor found on an article page.
 *
 * <p>Immutable. {@code text} is never null (empty when nothing was found): paragraphs separated by blank lines.
 * The other fields are null when the page does not say.
 */
public record ExtractedPage(String title, String text, String author, String language, String canonicalUrl) {

    public ExtractedPage {
        text = text == null ? "" : text;
    }
}
