package dev.wirewatch.launcher.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wirewatch.config.IngestSettings;
import dev.wirewatch.ingest.extract.ExtractedPage;
import dev.wirewatch.ingest.extract.PageExtractor;
import dev.wirewatch.ingest.extract.PageTypes;
import dev.wirewatch.ingest.fetch.FetchException;
import dev.wirewatch.ingest.fetch.Fetched;
import dev.wirewatch.ingest.fetch.HttpFetcher;
import dev.wirewatch.ingest.fetch.NetworkGuard;
import dev.wirewatch.model.json.Json;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wirewatch extract}: the article extractor of ingest on files or URLs, one JSON line per input, in input
 * order. A page that yields nothing gets an {@code error} with the reason; the command goes on with the next.
 */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Extract the article from each page (an .html or .html.gz file, or an http(s) URL) and write "
                + "{\"source\",\"title\",\"text\",\"author\",\"publishedAt\",\"language\",\"canonicalUrl\","
                + "\"leadImage\"} per input; \"error\" says why when nothing could be extracted.")
final class ExtractCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PATH_OR_URL", description = "pages to extract")
    List<String> inputs;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "resolve the links of file inputs against this URL (default: the file's own URI)")
    URI baseUrl;

    @Option(names = "--allow-private-networks",
            description = "let URL inputs reach loopback and private addresses (refused by default, as in ingest)")
    boolean allowPrivateNetworks;

    @Option(names = "--max-bytes", paramLabel = "BYTES",
            description = "read at most this much of each page (default: ${DEFAULT-VALUE}); larger pages are cut "
                    + "and marked \"truncated\"")
    int maxBytes = PageExtractor.DEFAULT_MAX_INPUT_BYTES;

    @Spec
    CommandSpec spec;

    private HttpFetcher fetcher;

    @Override
    public Integer call() throws IOException {
        if (maxBytes <= 0) {
            throw new ParameterException(spec.commandLine(), "--max-bytes must be positive, was " + maxBytes);
        }
        PageExtractor extractor = new PageExtractor(maxBytes);
        PrintWriter out = spec.commandLine().getOut();
        for (String input : inputs) {
            out.println(Json.mapper().writeValueAsString(extract(extractor, input)));
        }
        out.flush();
        return ExitCodes.OK;
    }

    private ObjectNode extract(PageExtractor extractor, String input) {
        ObjectNode line = Json.mapper().createObjectNode();
        line.put("source", input);
        try {
            Page page = isUrl(input) ? fetch(URI.create(input)) : read(Path.of(input));
            String rejection = PageTypes.rejection(page.body(), page.contentType());
            if (rejection != null) {
                return line.put("error", rejection);
            }
            ExtractedPage extracted = extractor.extract(page.body(), page.contentType(), page.baseUri());
            line.put("title", extracted.title());
            line.put("text", extracted.text());
            line.put("author", extracted.author());
            line.put("publishedAt", extracted.publishedAt() == null ? null : extracted.publishedAt().toString());
            line.put("language", extracted.language());
            line.put("canonicalUrl", extracted.canonicalUrl());
            line.put("leadImage", extracted.leadImage());
            if (extracted.truncated()) {
                line.put("truncated", true);
            }
            if (extracted.text().isBlank()) {
                line.put("error", "no article text found on the page");
            }
        } catch (NoSuchFileException e) {
            line.put("error", "no such file: " + input);
        } catch (IOException e) {
            line.put("error", "cannot read " + input + ": " + e.getMessage());
        } catch (FetchException e) {
            line.put("error", e.getMessage());
        } catch (IllegalArgumentException e) {
            line.put("error", "bad URL " + input + ": " + e.getMessage());
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // a page must never take the other inputs down with it; the reason is enough, no stack trace
            line.put("error", "extraction failed: " + e);
        }
        return line;
    }

    private static boolean isUrl(String input) {
        return input.startsWith("http://") || input.startsWith("https://");
    }

    private Page fetch(URI uri) throws FetchException {
        if (fetcher == null) {
            IngestSettings defaults = new IngestSettings(allowPrivateNetworks, null, (long) maxBytes, null, null,
                    null, null);
            fetcher = new HttpFetcher(new NetworkGuard(defaults.allowPrivateNetworks()), defaults.userAgent(),
                    defaults.maxBodyBytes(), defaults.connectTimeout(), defaults.requestTimeout());
        }
        Fetched fetched = fetcher.get(uri);
        return new Page(fetched.body(), fetched.contentType(), fetched.uri().toString());
    }

    /** Reads a file once, gunzipping it when it starts with the gzip signature; at most maxBytes + 1 are kept. */
    private Page read(Path path) throws IOException {
        byte[] body;
        try (InputStream file = new BufferedInputStream(Files.newInputStream(path))) {
            file.mark(2);
            boolean gzip = file.read() == 0x1F && file.read() == 0x8B;
            file.reset();
            try (InputStream in = gzip ? new GZIPInputStream(file) : file) {
                body = in.readNBytes(maxBytes + 1); // the cap holds after decompression too: no gzip bombs
            }
        }
        String base = baseUrl != null ? baseUrl.toString() : path.toAbsolutePath().toUri().toString();
        return new Page(body, null, base);
    }

    private record Page(byte[] body, String contentType, String baseUri) {
    }
}
