package dev.wirewatch.ingest.extract;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the bytes of a page into text, choosing the charset the way browsers do: the HTTP header, then a byte order
 * mark, then the XML declaration, then {@code <meta charset>} (or its {@code http-equiv} form) near the top; a page
 * that says nothing is UTF-8 when its bytes are valid UTF-8 and windows-1252 otherwise.
 *
 * <p>Stateless and thread safe.
 */
final class PageDecoder {

    /** How far into the page a {@code <meta charset>} is looked for; browsers look at the first 1024 bytes. */
    private static final int SNIFF_BYTES = 4096;
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Pattern HEADER_CHARSET = Pattern.compile("charset\\s*=\\s*[\"']?([\\w.:-]+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern XML_DECLARATION = Pattern.compile(
            "^\\s*<\\?xml[^>]*encoding\\s*=\\s*[\"']([\\w.:-]+)[\"']", Pattern.CASE_INSENSITIVE);
    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]+charset\\s*=\\s*[\"']?([\\w.:-]+)", Pattern.CASE_INSENSITIVE);

    private PageDecoder() {
    }

    /** The page as text; {@code contentType} (the HTTP header, may be null) takes precedence. */
    static String decode(byte[] body, int length, String contentType) {
        Charset charset = declaredCharset(body, length, contentType);
        if (charset == null) {
            String utf8 = strictUtf8(body, length);
            if (utf8 != null) {
                return utf8;
            }
            charset = WINDOWS_1252;
        }
        int offset = bomLength(body, length, charset);
        return new String(body, offset, length - offset, charset);
    }

    /** The charset {@link #decode} reads the page with. */
    static Charset charsetOf(byte[] body, int length, String contentType) {
        Charset charset = declaredCharset(body, length, contentType);
        if (charset != null) {
            return charset;
        }
        return strictUtf8(body, length) != null ? StandardCharsets.UTF_8 : WINDOWS_1252;
    }

    /** The charset the header, BOM, XML declaration or meta tag names, or null when none does. */
    private static Charset declaredCharset(byte[] body, int length, String contentType) {
        Charset charset = fromHeader(contentType);
        if (charset != null) {
            return charset;
        }
        charset = fromBom(body, length);
        if (charset != null) {
            return charset;
        }
        String head = new String(body, 0, Math.min(length, SNIFF_BYTES), StandardCharsets.ISO_8859_1);
        charset = named(XML_DECLARATION.matcher(head));
        if (charset == null) {
            charset = named(META_CHARSET.matcher(head));
        }
        if (charset != null && charset.name().startsWith("UTF-16")) {
            return StandardCharsets.UTF_8; // a page declaring UTF-16 in ASCII bytes cannot be UTF-16; browsers agree
        }
        return charset;
    }

    /** The charset named in a Content-Type header, or null when none is named or the name is unknown. */
    static Charset fromHeader(String contentType) {
        return contentType == null ? null : named(HEADER_CHARSET.matcher(contentType));
    }

    private static Charset named(Matcher m) {
        if (!m.find()) {
            return null;
        }
        String name = m.group(1);
        try {
            // browsers read a page labelled ISO-8859-1 as windows-1252, a superset with the curly quotes
            return name.equalsIgnoreCase("iso-8859-1") || name.equalsIgnoreCase("latin1")
                    ? WINDOWS_1252 : Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null; // an unknown name: the next source in the chain decides
        }
    }

    private static Charset fromBom(byte[] b, int length) {
        if (length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        if (length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    private static int bomLength(byte[] b, int length, Charset charset) {
        Charset bom = fromBom(b, length);
        if (bom == null || !bom.equals(charset)) {
            return 0;
        }
        return bom.equals(StandardCharsets.UTF_8) ? 3 : 2;
    }

    /**
     * The bytes as UTF-8 text, or null when they are not UTF-8. A sequence cut off at the end (a truncated page) does
     * not count against them and is dropped.
     */
    private static String strictUtf8(byte[] body, int length) {
        int bom = length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF
                ? 3 : 0;
        String lenient = new String(body, bom, length - bom, StandardCharsets.UTF_8); // the JDK's fast path
        if (lenient.indexOf('\uFFFD') < 0) {
            return lenient;
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body, bom, length - bom);
        CharBuffer out = CharBuffer.allocate(length - bom);
        CoderResult result = decoder.decode(in, out, false);
        if (result.isError()) {
            return null;
        }
        out.flip();
        return out.toString();
    }
}
