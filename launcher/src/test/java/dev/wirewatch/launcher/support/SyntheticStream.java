package dev.wirewatch.launcher.support;

import dev.wirewatch.model.Article;
import dev.wirewatch.model.topic.Topics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A stream of {@link SyntheticNews} reports as articles, a third of them republished by a mirror site under its
 * chrome (near-copies), for failover tests; and the writing of articles to the {@code articles} topic.
 *
 * <p>Stateless.
 */
public final class SyntheticStream {

    private SyntheticStream() {
    }

    /** {@code stories} reports (one in four with a tracked phrase), then a mirror copy of every third. */
    public static List<Article> withCopies(long seed, int stories) {
        SyntheticNews news = new SyntheticNews(seed, 20_000);
        List<Article> articles = new ArrayList<>();
        Instant at = Instant.parse("2026-11-30T06:00:00Z");
        for (int i = 0; i < stories; i++) {
            SyntheticNews.Report r = news.report(6, 4);
            articles.add(article("site" + (i % 7), "story-" + i, r.headline(), r.text(), at));
            if (i % 3 == 0) {
                articles.add(article("mirror" + (i % 5), "copy-" + i, r.headline(),
                        "Mirror Daily. Sign in to read more.\n\n" + r.text() + "\n\nMirror Daily, all rights kept.",
                        at));
            }
        }
        return articles;
    }

    private static Article article(String site, String slug, String title, String text, Instant at) {
        String url = "https://" + site + ".example/" + slug;
        return Article.of(url, url, title, text, site, "https://" + site + ".example/rss", null, "en", at, at);
    }

    /** Writes {@code articles} keyed by id (so spread over the partitions) and waits until they are written. */
    public static void produce(String bootstrap, Topics topics, List<Article> articles) {
        try (KafkaProducer<String, Article> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(),
                topics.articles().valueSerde().serializer())) {
            for (Article a : articles) {
                producer.send(new ProducerRecord<>(topics.articles().name(), a.id(), a));
            }
            producer.flush();
        }
    }

    /** The entries of {@code counts} above one. */
    public static Map<String, Integer> repeated(Map<String, Integer> counts) {
        Map<String, Integer> more = new HashMap<>(counts);
        more.values().removeIf(n -> n == 1);
        return more;
    }
}
