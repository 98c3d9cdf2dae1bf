package dev.wirewatch.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wirewatch extract} on files (plain and gzipped) and URLs, one line per input, errors as fields. */
class ExtractCommandTest {

    private static final String PAGE = """
            <html lang="en"><head><title>Quay reopens</title><link rel="canonical" href="quay.html">
            <meta property="article:published_time" content="2026-02-01T09:30:00Z"></head>
            <body><nav><a href="/">Home</a></nav><article>
            <p>The quay reopened on Sunday, a week after the storm, the port said in a statement on its website.</p>
            <p>Ships waiting offshore began to dock within the hour, and the backlog should clear by Wednesday.</p>
            </article><footer>Port News, all rights reserved</footer></body></html>""";

    @TempDir
    Path dir;

    @Test
    void filesPlainAndGzippedGiveOneLineEachInInputOrder() throws Exception {
        Path plain = Files.writeString(dir.resolve("quay.html"), PAGE);
        Path gzipped = dir.resolve("quay.html.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gzipped))) {
            out.write(PAGE.getBytes(StandardCharsets.UTF_8));
        }
        List<JsonNode> rows = StdinCommand.run("", "extract", "--base-url", "https://port.example/news/",
                plain.toString(), gzipped.toString(), dir.resolve("missing.html").toString());
        assertEquals(3, rows.size());
        for (JsonNode row : rows.subList(0, 2)) {
            assertTrue(row.get("text").asText().startsWith("The quay reopened on Sunday"), row.toString());
            assertFalse(row.get("text").asText().contains("Home"), row.toString());
            assertEquals("Quay reopens", row.get("title").asText());
            assertEquals("2026-02-01T09:30:00Z", row.get("publishedAt").asText());
            assertEquals("en", row.get("language").asText());
            assertEquals("https://port.example/news/quay.html", row.get("canonicalUrl").asText());
            assertFalse(row.has("error"), row.toString());
        }
        assertEquals(plain.toString(), rows.get(0).get("source").asText());
        assertEquals(gzipped.toString(), rows.get(1).get("source").asText());
        assertTrue(rows.get(2).get("error").asText().startsWith("no such file"), rows.get(2).toString());
    }

    @Test
    void pagesWithoutTextAndNonHtmlFilesGetAReasonNotAStackTrace() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.html"), "<html><body><script>app()</script></body></html>");
        Path pdf = Files.writeString(dir.resolve("doc.html"), "%PDF-1.4 binary");
        List<JsonNode> rows = StdinCommand.run("", "extract", empty.toString(), pdf.toString());
        assertEquals("no article text found on the page", rows.get(0).get("error").asText());
        assertEquals("not an HTML page (a PDF document)", rows.get(1).get("error").asText());
    }

    @Test
    void urlsAreFetchedOnlyWhenPrivateNetworksAreAllowed() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/quay", exchange -> {
            byte[] body = PAGE.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/image", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "image/png");
            exchange.sendResponseHeaders(200, 4);
            exchange.getResponseBody().write(new byte[] {1, 2, 3, 4});
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            List<JsonNode> refused = StdinCommand.run("", "extract", base + "/quay");
            assertTrue(refused.get(0).get("error").asText().contains("allowPrivateNetworks"), refused.toString());
            List<JsonNode> rows = StdinCommand.run("", "extract", "--allow-private-networks", base + "/quay",
                    base + "/image");
            assertTrue(rows.get(0).get("text").asText().startsWith("The quay reopened"), rows.toString());
            assertEquals(base + "/quay.html", rows.get(0).get("canonicalUrl").asText());
            assertEquals("not an HTML page (content type image/png)", rows.get(1).get("error").asText());
        } finally {
            server.stop(0);
        }
    }
}
