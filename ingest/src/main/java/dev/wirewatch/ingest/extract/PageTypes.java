package dev.wirewatch.ingest.extract;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Tells a web page from other content before extraction: a declared content type other than HTML, or bytes that are
 * plainly binary (NUL bytes, PDF and image signatures), is refused with a reason rather than parsed into noise.
 *
 * <p>Stateless and thread safe.
 */
public final class PageTypes {

    private static final int SNIFF_BYTES = 1024;

    private PageTypes() {
    }

    /** Why {@code body} (served as {@code contentType}, may be null) is not an HTML page, or null when it may be one. */
    public static String rejection(byte[] body, String contentType) {
        if (contentType != null && !contentType.isBlank()) {
            String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
            boolean html = type.equals("text/html") || type.equals("application/xhtml+xml") || type.equals("text/plain")
                    || type.equals("application/octet-stream") || type.isEmpty();
            if (!html) {
                return "not an HTML page (content type " + type + ")";
            }
        }
        if (body.length == 0) {
            return "empty page";
        }
        String head = new String(body, 0, Math.min(body.length, SNIFF_BYTES), StandardCharsets.ISO_8859_1);
        if (head.startsWith("%PDF-")) {
            return "not an HTML page (a PDF document)";
        }
        if (head.startsWith("\u0089PNG") || head.startsWith("GIF8") || head.startsWith("\u00FF\u00D8\u00FF")
                || head.startsWith("PK\u0003\u0004")) {
            return "not an HTML page (binary content: image or archive)";
        }
        boolean utf16 = head.startsWith("\u00FE\u00FF") || head.startsWith("\u00FF\u00FE");
        if (!utf16 && head.indexOf('\0') >= 0) {
            return "not an HTML page (binary content)";
        }
        return null;
    }
}
