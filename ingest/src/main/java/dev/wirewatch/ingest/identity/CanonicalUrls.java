package dev.wirewatch.ingest.identity;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reduces an article URL to the form that identifies the article: lower-case scheme and host, no default port, no
 * fragment, no tracking parameters ({@code utm_*}, {@code fbclid}, {@code gclid}, ...).
 *
 * <p>Stateless and thread safe. The same article linked with different tracking parameters gets one canonical URL,
 * hence one article id.
 */
public final class CanonicalUrls {

    private static final Set<String> TRACKING = Set.of("fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid",
            "igshid", "yclid", "_ga", "ref_src", "cmpid", "ocid");

    private CanonicalUrls() {
    }

    /** The canonical form of {@code url}; the input unchanged when it is not a parseable absolute URL. */
    public static String canonicalize(String url) {
        try {
            URI uri = new URI(url.trim());
            if (!uri.isAbsolute() || uri.getHost() == null) {
                return url.trim();
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            if ((scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443)) {
                port = -1;
            }
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            String query = uri.getRawQuery() == null ? null : Arrays.stream(uri.getRawQuery().split("&"))
                    .filter(p -> !p.isEmpty() && !isTracking(p))
                    .collect(Collectors.joining("&"));
            StringBuilder out = new StringBuilder(scheme).append("://").append(uri.getHost().toLowerCase(Locale.ROOT));
            if (port != -1) {
                out.append(':').append(port);
            }
            out.append(path);
            if (query != null && !query.isEmpty()) {
                out.append('?').append(query);
            }
            return out.toString();
        } catch (URISyntaxException e) {
            return url.trim();
        }
    }

    private static boolean isTracking(String parameter) {
        String name = parameter.split("=", 2)[0].toLowerCase(Locale.ROOT);
        return name.startsWith("utm_") || TRACKING.contains(name);
    }

    /** The id under which a link is remembered as ingested: the article id of its canonical URL. */
    public static String linkId(String link) {
        return dev.wirewatch.model.Article.idFor(canonicalize(link));
    }
}
