package dev.wirewatch.ingest.extract;

import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * What the markup of a page says about a block: the class/id/role vocabulary that sites use for navigation, share
 * bars, related links, comments and ads, and the vocabulary they use for the article itself.
 *
 * <p>Stateless and thread safe. The patterns are generic words, never site names: they must hold on pages nobody
 * looked at.
 */
final class Boilerplate {

    /** Class/id words of blocks that are almost never the article: removed before scoring. */
    private static final Pattern UNLIKELY = Pattern.compile(
            "-ad-|\\bads?\\b|adverti|banner|breadcrumb|combx|comment|communit|cookie|consent|disqus|extra|foot"
                    + "|gdpr|header|legends|masthead|menu|modal|newsletter|outbrain|pagination|pager|paywall|popup"
                    + "|promo|related|remark|replies|rss|share|sharing|shoutbox|sidebar|skyscraper|social|sponsor"
                    + "|subscri|supplemental|taboola|toolbar|trending|widget|yom-remote|signup|sign-up|recirc"
                    + "|most-?popular|most-?read|read-?more|more-?stories|you-?may|recommend",
            Pattern.CASE_INSENSITIVE);

    /** Class/id words of blocks that hold the article, which outweigh an unlikely word in the same attribute. */
    private static final Pattern MAYBE = Pattern.compile(
            "and|article|body|column|content|main|shadow|story|entry|post|text|blog|page",
            Pattern.CASE_INSENSITIVE);

    /** Class/id words that lower a block's score. */
    private static final Pattern NEGATIVE = Pattern.compile(
            "-ad-|hidden|\\bhid\\b|banner|byline|caption|combx|comment|com-|contact|credit|foot|gallery|masthead"
                    + "|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor"
                    + "|shopping|tags|taboola|tool|widget|author|bio|newsletter|subscri|signup|recirc|teaser"
                    + "|recommend|trending|popular|breadcrumb|social|nav|menu|disclaimer|copyright|legal",
            Pattern.CASE_INSENSITIVE);

    /** Class/id words that raise a block's score. */
    private static final Pattern POSITIVE = Pattern.compile(
            "article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story|prose|rich-?text",
            Pattern.CASE_INSENSITIVE);

    /** Blocks inside the article that are never part of its text, whatever their score. */
    private static final Pattern NOT_TEXT = Pattern.compile(
            "share|social|sharing|related|newsletter|subscri|signup|sign-up|promo|advert|\\bads?\\b|-ad-|ad-slot"
                    + "|adslot|ad-container|ad-wrapper|dfp|byline|caption|credit|comment|breadcrumb|tags|tag-list"
                    + "|author-?(bio|info|box)|recirc|recommend|trending|most-?popular|most-?read|read-?more"
                    + "|more-?stories|you-?may|outbrain|taboola|toolbar|print|inline-?(link|promo)|embed|video"
                    + "|disclaimer|copyright|cookie|consent|paywall|rating",
            Pattern.CASE_INSENSITIVE);

    private static final Set<String> UNLIKELY_ROLES = Set.of(
            "menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog", "search", "banner",
            "contentinfo");

    private Boilerplate() {
    }

    /** Whether {@code e}'s class or id marks it as navigation, ads, comments or similar page furniture. */
    static boolean unlikely(Element e) {
        String role = e.attr("role");
        if (!role.isEmpty() && UNLIKELY_ROLES.contains(role.toLowerCase(java.util.Locale.ROOT))) {
            return true;
        }
        String names = names(e);
        return !names.isEmpty() && UNLIKELY.matcher(names).find() && !MAYBE.matcher(names).find();
    }

    /** Whether {@code e} (inside the chosen content) is a share bar, caption, byline, related box and so on. */
    static boolean notText(Element e) {
        String names = names(e);
        return !names.isEmpty() && NOT_TEXT.matcher(names).find();
    }

    /** -25 for a boilerplate class and id each, +25 for an article one: how much the markup vouches for a block. */
    static int classWeight(Element e) {
        return weight(e.className()) + weight(e.id());
    }

    private static int weight(String name) {
        if (name.isEmpty()) {
            return 0;
        }
        int weight = 0;
        if (NEGATIVE.matcher(name).find()) {
            weight -= 25;
        }
        if (POSITIVE.matcher(name).find()) {
            weight += 25;
        }
        return weight;
    }

    private static String names(Element e) {
        String cls = e.className();
        String id = e.id();
        return cls.isEmpty() ? id : id.isEmpty() ? cls : cls + " " + id;
    }
}
