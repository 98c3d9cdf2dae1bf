package dev.wirewatch.ingest.extract;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Takes the article out of a web page: its text without the page's menus, share bars, captions, related links and
 * comments, and what the page says about it (title, author, date, language, canonical URL, lead image).
 *
 * <p>The steps, each its own class: {@link PageDecoder} picks the charset, {@link MetadataReader} reads structured
 * data, {@link PageCleaner} strips scripts, hidden blocks and page furniture, {@link ContentFinder} scores blocks and
 * picks the article's, {@link ContentPruner} removes what sits inside it but is not text, {@link TextRenderer} writes
 * paragraphs. When the furniture pass leaves too little text, the page is tried again without it (some sites mark
 * their article column with words like "sidebar"), and wins when it finds at least twice as much; when the DOM still
 * gives next to nothing, a longer JSON-LD {@code articleBody} is used instead (client-rendered pages). The JSON-LD
 * body is not preferred otherwise: on real pages it is as often a teaser or the text plus extras as the clean body.
 *
 * <p>Thread safe. Pages over {@code maxInputBytes} are read up to the limit and marked truncated. Bounded in time and
 * memory for any input: every DOM walk is iterative and elements deeper than {@link PageCleaner#MAX_DEPTH} are
 * flattened to their text.
 */
public final class PageExtractor {

    /** The default input limit, above the fetcher's 5 MB page cap so fetched pages are never cut here. */
    public static final int DEFAULT_MAX_INPUT_BYTES = 16 * 1024 * 1024;

    /** Below this many characters the first pass is distrusted and the page is tried without dropping furniture. */
    private static final int MIN_CONFIDENT_CHARS = 500;

    private final int maxInputBytes;

    public PageExtractor() {
        this(DEFAULT_MAX_INPUT_BYTES);
    }

    public PageExtractor(int maxInputBytes) {
        if (maxInputBytes <= 0) {
            throw new IllegalArgumentException("maxInputBytes must be positive, was " + maxInputBytes);
        }
        this.maxInputBytes = maxInputBytes;
    }

    /** Extracts from {@code body}, served as {@code contentType} (may be null) from {@code baseUri}. */
    public ExtractedPage extract(byte[] body, String contentType, String baseUri) {
        int length = Math.min(body.length, maxInputBytes);
        Document doc = Jsoup.parse(PageDecoder.decode(body, length, contentType), baseUri);
        return extract(doc, body.length > maxInputBytes);
    }

    /** Extracts from an already parsed document; the document is edited in place. */
    public ExtractedPage extract(Document doc) {
        return extract(doc, false);
    }

    private ExtractedPage extract(Document doc, boolean truncated) {
        PageMetadata meta = MetadataReader.read(doc);
        String text = "";
        Element body = doc.body();
        if (body != null) {
            Element spare = body.clone();
            text = articleText(body, true);
            if (text.length() < MIN_CONFIDENT_CHARS) {
                String loose = articleText(spare, false);
                if (loose.length() > 2 * text.length()) {
                    text = loose;
                }
            }
        }
        if (text.length() < MIN_CONFIDENT_CHARS && meta.articleBody() != null) {
            String structured = TextRenderer.render(List.of(Jsoup.parseBodyFragment(meta.articleBody()).body()));
            if (structured.length() > text.length()) {
                text = structured; // the page's own JSON-LD body, for pages whose DOM gives next to nothing
            }
        }
        return new ExtractedPage(meta.title(), text, meta.author(), meta.publishedAt(), meta.language(),
                meta.canonicalUrl(), meta.leadImage(), truncated);
    }

    private static String articleText(Element body, boolean dropFurniture) {
        PageCleaner.clean(body, dropFurniture);
        List<Element> content = ContentFinder.find(body);
        content.forEach(ContentPruner::prune);
        return TextRenderer.render(content);
    }
}
