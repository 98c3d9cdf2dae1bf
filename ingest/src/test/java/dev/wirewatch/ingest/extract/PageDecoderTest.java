package dev.wirewatch.ingest.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The charset chain: header, BOM, XML declaration, meta, then UTF-8 validity. */
class PageDecoderTest {

    private static final Charset CP1251 = Charset.forName("windows-1251");
    private static final String RUSSIAN = "Ханой подписал контракт на Су-35";

    private static String decode(byte[] bytes, String contentType) {
        return PageDecoder.decode(bytes, bytes.length, contentType);
    }

    @Test
    void windows1251PageWithOnlyAMetaCharsetDecodes() {
        byte[] bytes = ("<html><head><meta charset=\"windows-1251\"></head><body><p>" + RUSSIAN + "</p></body></html>")
                .getBytes(CP1251);
        assertEquals(CP1251, PageDecoder.charsetOf(bytes, bytes.length, null));
        assertEquals(true, decode(bytes, null).contains(RUSSIAN));
    }

    @Test
    void httpEquivContentTypeMetaCounts() {
        byte[] bytes = ("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">"
                + "</head><body>" + RUSSIAN + "</body></html>").getBytes(CP1251);
        assertEquals(CP1251, PageDecoder.charsetOf(bytes, bytes.length, null));
    }

    @Test
    void headerBeatsMetaAndBom() {
        byte[] bytes = ("<meta charset=utf-8><p>" + RUSSIAN).getBytes(CP1251);
        assertEquals(CP1251, PageDecoder.charsetOf(bytes, bytes.length, "text/html; charset=windows-1251"));
    }

    @Test
    void bomBeatsXmlDeclarationAndMeta() {
        byte[] body = "<?xml version=\"1.0\" encoding=\"windows-1251\"?><p>Ок</p>".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[body.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bytes, 3, body.length);
        assertEquals(StandardCharsets.UTF_8, PageDecoder.charsetOf(bytes, bytes.length, null));
        assertEquals('<', decode(bytes, null).charAt(0));
    }

    @Test
    void xmlDeclarationBeatsMeta() {
        byte[] bytes = ("<?xml version=\"1.0\" encoding=\"koi8-r\"?><html><head><meta charset=\"utf-8\"></head>"
                + "<body>" + RUSSIAN + "</body></html>").getBytes(Charset.forName("koi8-r"));
        assertEquals(Charset.forName("koi8-r"), PageDecoder.charsetOf(bytes, bytes.length, null));
    }

    @Test
    void undeclaredPageIsUtf8WhenValidElseWindows1252() {
        byte[] utf8 = ("<p>" + RUSSIAN).getBytes(StandardCharsets.UTF_8);
        assertEquals(StandardCharsets.UTF_8, PageDecoder.charsetOf(utf8, utf8.length, null));
        byte[] latin = "<p>Caf\u00e9 au lait".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(Charset.forName("windows-1252"), PageDecoder.charsetOf(latin, latin.length, null));
    }

    @Test
    void utf8CutInTheMiddleOfACharacterIsStillUtf8() {
        byte[] utf8 = ("<p>" + RUSSIAN).getBytes(StandardCharsets.UTF_8);
        assertEquals(StandardCharsets.UTF_8, PageDecoder.charsetOf(utf8, utf8.length - 1, null));
    }

    @Test
    void iso88591LabelReadsAsWindows1252AndUnknownLabelsAreIgnored() {
        assertEquals(Charset.forName("windows-1252"), PageDecoder.fromHeader("text/html; charset=ISO-8859-1"));
        assertNull(PageDecoder.fromHeader("text/html; charset=no-such-charset"));
        assertNull(PageDecoder.fromHeader("text/html"));
    }
}
