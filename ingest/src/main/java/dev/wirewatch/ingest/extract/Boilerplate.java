package dev.wirewatch.ingest.extract;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * What the markup of a page says about a block: the class/id/role vocabulary that sites use for navigation, share
 * bars, related links, comments and ads, and the vocabulary they use for the article itself.
 *
 * <p>Thread safe: the only state is a bounded memo of pattern results per class/id string. The patterns are generic words, never site names: they must hold on pages nobody
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
                    + "|disclaimer|copyright|cookie|consent|paywall|rating|wp-caption|gallery|slideshow"
                    + "|\\bdate\\b|date-|-date|timestamp|dateline|pubdate",
            Pattern.CASE_INSENSITIVE);

    private static final int IS_UNLIKELY = 1;
    private static final int IS_MAYBE = 2;
    private static final int IS_NEGATIVE = 4;
    private static final int IS_POSITIVE = 8;
    private static final int IS_NOT_TEXT = 16;
    private static final int MAX_MEMO = 100_000;
    private static final Map<String, Integer> FLAGS = new ConcurrentHashMap<>();

    private static final Set<String> UNLIKELY_ROLES = Set.of(
            "menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog", "search", "banner",
            "contentinfo");

    private Boilerplate() {
    }

    /** Whether {@code e}'s class or id marks it as navigation, ads, comments or similar page furniture. */
    static boolean unlikely(Element e) {
        String role = e.attr("role");
        if (!role.isEmpty() && UNLIKELY_ROLES.contains(role.toLowerCase(Locale.ROOT))) {
            return true;
        }
        String names = names(e);
        return !names.isEmpty() && has(names, IS_UNLIKELY) && !has(names, IS_MAYBE);
    }

    /** Whether {@code e} (inside the chosen content) is a share bar, caption, byline, related box and so on. */
    static boolean notText(Element e) {
        String names = names(e);
        return !names.isEmpty() && has(names, IS_NOT_TEXT);
    }

    /** -25 for a boilerplate class and id each, +25 for an article one: how much the markup vouches for a block. */
    static int classWeight(Element e) {
        return weight(e.className()) + weight(e.id());
    }

    private static int weight(String name) {
        if (name.isEmpty()) {
            return 0;
        }
        return (has(name, IS_NEGATIVE) ? -25 : 0) + (has(name, IS_POSITIVE) ? 25 : 0);
    }

    /** Matching the patterns is most of an extraction's cost, and pages repeat their class names: memoized. */
    private static boolean has(String names, int flag) {
        if (FLAGS.size() > MAX_MEMO) {
            FLAGS.clear(); // bounded memory; the memo refills from the pages at hand
        }
        return (FLAGS.computeIfAbsent(names, Boilerplate::flags) & flag) != 0;
    }

    private static int flags(String names) {
        return (UNLIKELY.matcher(names).find() ? IS_UNLIKELY : 0)
                | (MAYBE.matcher(names).find() ? IS_MAYBE : 0)
                | (NEGATIVE.matcher(names).find() ? IS_NEGATIVE : 0)
                | (POSITIVE.matcher(names).find() ? IS_POSITIVE : 0)
                | (NOT_TEXT.matcher(names).find() ? IS_NOT_TEXT : 0);
    }

    private static String names(Element e) {
        String cls = e.className();
        String id = e.id();
        return cls.isEmpty() ? id : id.isEmpty() ? cls : cls + " " + id;
    }
}
