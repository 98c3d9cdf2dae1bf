package dev.wirewatch.ingest.extract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wirewatch.model.json.Json;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads {@link PageMetadata} from a parsed page: JSON-LD article objects first (also inside {@code @graph}), then
 * OpenGraph and article meta tags, then microdata and plain HTML ({@code <h1>}, {@code <title>}, {@code lang}).
 *
 * <p>Stateless and thread safe; does not edit the document. Broken JSON-LD is skipped, never fatal.
 */
final class MetadataReader {

    private static final Set<String> ARTICLE_TYPES = Set.of(
            "article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
            "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "report", "scholarlyarticle",
            "techarticle", "liveblogposting", "posting", "socialmediaposting");
    private static final DateTimeFormatter OFFSET_WITHOUT_COLON =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm[:ss][.SSS]Z", Locale.ROOT);

    private MetadataReader() {
    }

    static PageMetadata read(Document doc) {
        Scan page = new Scan(doc);
        JsonNode ld = jsonLdArticle(page.jsonLd);
        String title = first(page.meta("og:title"), text(ld, "headline"), page.meta("twitter:title"),
                ownText(page.h1), doc.title());
        String author = first(ldAuthor(ld), page.meta("author"), notUrl(page.meta("article:author")),
                ownText(page.author));
        Instant published = firstDate(text(ld, "datePublished"), page.meta("article:published_time"),
                page.meta("datepublished"), page.meta("pubdate"), page.meta("publishdate"),
                page.meta("parsely-pub-date"), page.meta("dc.date.issued"), page.meta("dc.date"), page.meta("date"),
                page.datePublished, page.time);
        String language = language(first(page.lang, page.meta("content-language"), text(ld, "inLanguage"),
                page.meta("og:locale")));
        String canonical = first(page.canonical, absolute(doc, page.meta("og:url")), text(ld, "url"));
        String image = first(absolute(doc, page.meta("og:image")), absolute(doc, page.meta("twitter:image")),
                ldImage(ld));
        return new PageMetadata(title, author, published, language, canonical, image, text(ld, "articleBody"));
    }

    /** One walk over the page collecting every element the metadata can come from; first occurrence wins. */
    private static final class Scan {
        final Map<String, String> metas = new HashMap<>();
        final List<String> jsonLd = new ArrayList<>();
        Element h1;
        Element author;
        String canonical;
        String datePublished;
        String time;
        String lang;

        Scan(Document doc) {
            for (Element e : doc.getAllElements()) {
                switch (e.normalName()) {
                    case "meta" -> {
                        String content = e.attr("content").trim();
                        if (!content.isEmpty()) {
                            for (String key : new String[] {"property", "name", "itemprop", "http-equiv"}) {
                                String name = e.attr(key);
                                if (!name.isEmpty()) {
                                    metas.putIfAbsent(name.toLowerCase(Locale.ROOT), content);
                                }
                            }
                        }
                    }
                    case "script" -> {
                        if (e.attr("type").trim().equalsIgnoreCase("application/ld+json")) {
                            jsonLd.add(e.data());
                        }
                    }
                    case "link" -> {
                        if (canonical == null && e.attr("rel").equalsIgnoreCase("canonical")) {
                            canonical = blankToNull(e.attr("abs:href"));
                        }
                    }
                    case "h1" -> h1 = h1 == null ? e : h1;
                    case "time" -> time = time == null ? blankToNull(e.attr("datetime")) : time;
                    case "html" -> lang = blankToNull(e.attr("lang"));
                    default -> {
                        // other elements only matter through the attributes below
                    }
                }
                String itemprop = e.attr("itemprop");
                if (itemprop.equals("datePublished") && datePublished == null) {
                    datePublished = blankToNull(e.hasAttr("content") ? e.attr("content") : e.attr("datetime"));
                } else if (itemprop.equals("author") && author == null) {
                    Element name = e.selectFirst("[itemprop=name]");
                    author = name != null ? name : e;
                } else if (author == null && e.attr("rel").equalsIgnoreCase("author")) {
                    author = e;
                }
            }
        }

        String meta(String name) {
            return metas.get(name);
        }
    }

    /** Parses the date formats pages use: ISO 8601 with or without offset or time, and RFC 1123. */
    static Instant parseDate(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException ignored) {
            // next format
        }
        try {
            return ZonedDateTime.parse(v, OFFSET_WITHOUT_COLON).toInstant();
        } catch (DateTimeParseException ignored) {
            // next format
        }
        try {
            return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            // next format
        }
        try {
            return LocalDate.parse(v.length() > 10 ? v.substring(0, 10) : v).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            // next format
        }
        try {
            return ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException ignored) {
            return null; // a date nobody can read is no date
        }
    }

    private static JsonNode jsonLdArticle(List<String> scripts) {
        for (String script : scripts) {
            JsonNode root;
            try {
                root = Json.mapper().readTree(script);
            } catch (IOException e) {
                continue; // broken structured data is common; the page still has its DOM
            }
            JsonNode found = findArticle(root);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static JsonNode findArticle(JsonNode root) {
        List<JsonNode> pending = new ArrayList<>();
        pending.add(root);
        for (int i = 0; i < pending.size() && i < 200; i++) {
            JsonNode node = pending.get(i);
            if (node == null) {
                continue;
            }
            if (node.isArray()) {
                node.forEach(pending::add);
            } else if (node.isObject()) {
                if (isArticleType(node.get("@type"))) {
                    return node;
                }
                pending.add(node.get("@graph"));
                pending.add(node.get("mainEntity"));
            }
        }
        return null;
    }

    private static boolean isArticleType(JsonNode type) {
        if (type == null) {
            return false;
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (isArticleType(t)) {
                    return true;
                }
            }
            return false;
        }
        return ARTICLE_TYPES.contains(type.asText().toLowerCase(Locale.ROOT));
    }

    private static String ldAuthor(JsonNode ld) {
        JsonNode author = ld == null ? null : ld.get("author");
        if (author == null) {
            return null;
        }
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode a : author.isArray() ? author : List.of(author)) {
            String name = a.isTextual() ? a.asText() : text(a, "name");
            if (name != null && !name.isBlank() && notUrl(name) != null) {
                names.add(name.trim());
            }
        }
        return names.isEmpty() ? null : String.join(", ", names);
    }

    private static String ldImage(JsonNode ld) {
        JsonNode image = ld == null ? null : ld.get("image");
        if (image != null && image.isArray()) {
            image = image.size() == 0 ? null : image.get(0);
        }
        if (image == null) {
            return null;
        }
        return image.isTextual() ? image.asText() : text(image, "url");
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value != null && value.isArray()) {
            value = value.size() == 0 ? null : value.get(0);
        }
        if (value == null || !value.isValueNode()) {
            return null;
        }
        String text = value.asText().trim();
        return text.isEmpty() ? null : text;
    }

    private static String absolute(Document doc, String url) {
        if (url == null) {
            return null;
        }
        String resolved = org.jsoup.internal.StringUtil.resolve(doc.location(), url);
        return resolved.isEmpty() ? url : resolved;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String ownText(Element e) {
        if (e == null) {
            return null;
        }
        String text = e.text().trim();
        return text.isEmpty() ? null : text;
    }

    private static String notUrl(String value) {
        return value == null || value.startsWith("http://") || value.startsWith("https://") ? null : value;
    }

    private static String language(String value) {
        if (value == null) {
            return null;
        }
        String tag = value.trim().replace('_', '-').toLowerCase(Locale.ROOT);
        return tag.matches("[a-z]{2,3}(-[a-z0-9]{2,8})*") ? tag : null;
    }

    private static String first(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        return null;
    }

    private static Instant firstDate(String... values) {
        for (String value : values) {
            Instant parsed = parseDate(value);
            if (parsed != null) {
                return parsed;
            }
        }
        return null;
    }
}
