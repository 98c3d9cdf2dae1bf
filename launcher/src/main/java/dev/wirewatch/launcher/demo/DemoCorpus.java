package dev.wirewatch.launcher.demo;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The bundled demo corpus (resources under {@code /demo}): fictional sites, each with a page template full of its
 * own boilerplate, and the articles they publish, some of them republications of the same text.
 *
 * <p>Immutable once loaded; thread safe.
 */
public final class DemoCorpus {

    /** A fictional news site; {@code format} is {@code rss} or {@code atom}. */
    public record Site(String id, String name, String format) {
        /** The feed path on the demo server. */
        public String feedPath() {
            return "/" + id + (format.equals("atom") ? "/atom.xml" : "/rss.xml");
        }
    }

    /** One published article: where, which text, when, and an optional headline that overrides the text's own. */
    public record Entry(String site, String slug, String text, Instant published, String title, String author) {
        /** The page path on the demo server. */
        public String path() {
            return "/" + site + "/" + slug + ".html";
        }
    }

    /** A text of the corpus: headline and paragraphs. */
    public record Text(String headline, List<String> paragraphs) {
    }

    private record Manifest(List<Site> sites, List<Entry> articles) {
    }

    private final Map<String, Site> sites;
    private final List<Entry> entries;
    private final Map<String, Text> texts;
    private final Map<String, String> templates;

    private DemoCorpus(Map<String, Site> sites, List<Entry> entries, Map<String, Text> texts,
                       Map<String, String> templates) {
        this.sites = sites;
        this.entries = entries;
        this.texts = texts;
        this.templates = templates;
    }

    /** Loads the corpus from the class path. */
    public static DemoCorpus load() {
        Manifest manifest;
        try {
            manifest = YAMLMapper.builder().addModule(new JavaTimeModule())
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build()
                    .readValue(resource("corpus.yml"), Manifest.class);
        } catch (IOException e) {
            throw new UncheckedIOException("the bundled demo corpus is unreadable", e);
        }
        Map<String, Site> sites = manifest.sites().stream()
                .collect(Collectors.toMap(Site::id, Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new));
        Map<String, Text> texts = manifest.articles().stream().map(Entry::text).distinct()
                .collect(Collectors.toMap(Function.identity(), DemoCorpus::readText));
        Map<String, String> templates = sites.keySet().stream()
                .collect(Collectors.toMap(Function.identity(), id -> readResource("sites/" + id + ".html")));
        return new DemoCorpus(sites, List.copyOf(manifest.articles()), texts, templates);
    }

    public List<Site> sites() {
        return List.copyOf(sites.values());
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The site's articles, newest first, as a feed lists them. */
    public List<Entry> entriesOf(String siteId) {
        return entries.stream().filter(e -> e.site().equals(siteId))
                .sorted((a, b) -> b.published().compareTo(a.published())).toList();
    }

    public Optional<Entry> entryAt(String path) {
        return entries.stream().filter(e -> e.path().equals(path)).findFirst();
    }

    public Site site(String id) {
        return sites.get(id);
    }

    public Text text(String id) {
        return texts.get(id);
    }

    /** The headline an entry is published under. */
    public String headline(Entry entry) {
        return entry.title() != null ? entry.title() : texts.get(entry.text()).headline();
    }

    /** The article page of {@code entry} inside its site's boilerplate. */
    public String renderPage(Entry entry, String baseUrl) {
        Text text = texts.get(entry.text());
        String body = text.paragraphs().stream().map(p -> "<p>" + escape(p) + "</p>")
                .collect(Collectors.joining("\n  "));
        return templates.get(entry.site())
                .replace("{{title}}", escape(headline(entry)))
                .replace("{{author}}", escape(entry.author() == null ? sites.get(entry.site()).name() : entry.author()))
                .replace("{{date}}", entry.published().toString().substring(0, 10))
                .replace("{{canonical}}", baseUrl + entry.path())
                .replace("{{body}}", body);
    }

    private static Text readText(String id) {
        String[] blocks = readResource("texts/" + id + ".txt").strip().split("\\n\\s*\\n");
        return new Text(blocks[0].strip(), Arrays.stream(blocks).skip(1).map(b -> b.strip().replaceAll("\\s+", " "))
                .toList());
    }

    private static String readResource(String name) {
        try (InputStream in = resource(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("the bundled demo resource " + name + " is unreadable", e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = DemoCorpus.class.getResourceAsStream("/demo/" + name);
        if (in == null) {
            throw new IOException("missing bundled demo resource /demo/" + name);
        }
        return in;
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
