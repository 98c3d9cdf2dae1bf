package dev.wirewatch.ingest.bench;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wirewatch.ingest.extract.PageExtractor;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import net.dankito.readability4j.Readability4J;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Wirewatch's extractor against readability4j (a Java port of Mozilla's Readability.js) on the same benchmark pages
 * in the same JVM run: F1 and pages per second for both, and their ratio. Prints figures and the ten pages
 * Wirewatch scores worst; asserts nothing. Needs {@code ../shared/data/aeb-dev}; skipped without it.
 */
@Tag("benchmark")
class ExtractionBenchmark {

    private static final int WARM_ROUNDS = 2;
    private static final int TIMED_ROUNDS = 5;

    @Test
    void wirewatchVersusReadability4j() {
        Optional<AebDevSet> data = AebDevSet.find();
        assumeTrue(data.isPresent(), "skipped: ../shared/data/aeb-dev is not next to this checkout");
        List<AebDevSet.Page> pages = data.get().pages();
        PageExtractor wirewatch = new PageExtractor();
        Function<AebDevSet.Page, String> ours = page -> wirewatch.extract(page.html(), null,
                "https://example.com/").text();
        Function<AebDevSet.Page, String> baseline = page -> {
            String html = new String(page.html(), StandardCharsets.UTF_8);
            String text = new Readability4J("https://example.com/", html).parse().getTextContent();
            return text == null ? "" : text;
        };
        for (int i = 0; i < WARM_ROUNDS; i++) {
            run(pages, ours);
            run(pages, baseline);
        }
        double oursSeconds = 0;
        double baselineSeconds = 0;
        for (int i = 0; i < TIMED_ROUNDS; i++) { // interleaved, so drift in the machine hits both alike
            oursSeconds += time(pages, ours);
            baselineSeconds += time(pages, baseline);
        }
        List<String> oursTexts = run(pages, ours);
        List<String> baselineTexts = run(pages, baseline);
        AebScore oursScore = score(pages, oursTexts);
        AebScore baselineScore = score(pages, baselineTexts);
        double oursRate = pages.size() * TIMED_ROUNDS / oursSeconds;
        double baselineRate = pages.size() * TIMED_ROUNDS / baselineSeconds;
        System.out.printf("extraction on %d aeb-dev pages, %d timed rounds%n", pages.size(), TIMED_ROUNDS);
        System.out.printf("  %-14s F1 %.3f  P %.3f  R %.3f  %7.1f pages/s%n", "wirewatch", oursScore.f1(),
                oursScore.precision(), oursScore.recall(), oursRate);
        System.out.printf("  %-14s F1 %.3f  P %.3f  R %.3f  %7.1f pages/s%n", "readability4j", baselineScore.f1(),
                baselineScore.precision(), baselineScore.recall(), baselineRate);
        System.out.printf("  ratio          F1 %+.3f  speed %.2fx%n", oursScore.f1() - baselineScore.f1(),
                oursRate / baselineRate);
        System.out.println("  ten worst pages for wirewatch (per-page P / R):");
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble(i -> Math.min(oursScore.pagePrecision().get(i),
                oursScore.pageRecall().get(i))));
        for (int i : order.subList(0, Math.min(10, order.size()))) {
            System.out.printf("    %s  P %.2f  R %.2f%n", pages.get(i).id().substring(0, 12),
                    oursScore.pagePrecision().get(i), oursScore.pageRecall().get(i));
        }
    }

    private static List<String> run(List<AebDevSet.Page> pages, Function<AebDevSet.Page, String> extractor) {
        List<String> texts = new ArrayList<>(pages.size());
        for (AebDevSet.Page page : pages) {
            texts.add(extractor.apply(page));
        }
        return texts;
    }

    private static AebScore score(List<AebDevSet.Page> pages, List<String> texts) {
        AebScore score = new AebScore();
        for (int i = 0; i < pages.size(); i++) {
            score.add(pages.get(i).truth(), texts.get(i));
        }
        return score;
    }

    private static double time(List<AebDevSet.Page> pages, Function<AebDevSet.Page, String> extractor) {
        long start = System.nanoTime();
        run(pages, extractor);
        return (System.nanoTime() - start) / 1e9;
    }
}
