package dev.wirewatch.ingest.extract;

import java.time.Instant;

/**
 * What the extractor found on an article page.
 *
 * <p>Immutable. {@code text} is never null (empty when nothing was found): paragraphs and headings separated by blank
 * lines. The other fields are null when the page does not say. {@code truncated} is true when the page was larger
 * than the extractor's input limit and only its beginning was read.
 */
public record ExtractedPage(String title, String text, String author, Instant publishedAt, String language,
                            String canonicalUrl, String leadImage, boolean truncated) {

    public ExtractedPage {
        text = text == null ? "" : text;
    }
}
