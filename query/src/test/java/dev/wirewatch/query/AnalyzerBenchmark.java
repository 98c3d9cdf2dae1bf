package dev.wirewatch.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.ibm.icu.text.Transliterator;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The documents' analysis (what topic matching and the desk's index pay per article) against the same chain with
 * the unfiltered Cyrillic-Latin transform, in one run, on the real texts of the dev pairs (seven languages). Prints
 * figures and checks only that both write the same tokens. Run with {@code -Dbenchmarks} (BENCHMARKS.md).
 */
@Tag("benchmark")
class AnalyzerBenchmark {

    private static final Pattern TEXT = Pattern.compile("\"[ab]\": \"((?:[^\"\\\\]|\\\\.)*)\"");

    @Test
    void filteredTransformAgainstTheUnfilteredOne() throws IOException {
        List<String> texts = texts(Path.of(System.getProperty("bench.pairs",
                "../../shared/data/samestory-dev/pairs.jsonl")));
        Analyzer shipped = NewsAnalyzer.forDocuments();
        Analyzer baseline = new NewsAnalyzer(true, Transliterator.getInstance("Cyrillic-Latin"));
        for (String t : texts) {
            assertEquals(tokens(baseline, t), tokens(shipped, t), "the same tokens");
        }
        for (int round = 0; round < 5; round++) {
            double base = msPerText(baseline, texts);
            double now = msPerText(shipped, texts);
            System.out.printf("round %d: %d texts; unfiltered transform (baseline) %.3f ms a text, shipped %.3f ms"
                    + " a text, ratio %.2f%n", round, texts.size(), base, now, now / base);
        }
    }

    /** Tokens written, kept so the work cannot be skipped. */
    private static long written;

    private static double msPerText(Analyzer analyzer, List<String> texts) throws IOException {
        long start = System.nanoTime();
        for (String t : texts) {
            written += tokens(analyzer, t).size();
        }
        return (System.nanoTime() - start) / 1e6 / texts.size();
    }

    private static List<String> tokens(Analyzer analyzer, String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(NewsAnalyzer.FIELD, new StringReader(text))) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        }
        return out;
    }

    /** The "a" and "b" texts of each line, JSON escapes undone as far as analysis cares (quotes, \n, \ u). */
    private static List<String> texts(Path pairs) throws IOException {
        List<String> texts = new ArrayList<>();
        for (String line : Files.readAllLines(pairs, StandardCharsets.UTF_8)) {
            Matcher m = TEXT.matcher(line);
            while (m.find()) {
                texts.add(unescape(m.group(1)));
            }
        }
        return texts;
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                out.append(c);
                continue;
            }
            char e = s.charAt(++i);
            if (e == 'u' && i + 4 < s.length()) {
                out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                i += 4;
            } else {
                out.append(e == 'n' ? '\n' : e == 't' ? '\t' : e);
            }
        }
        return out.toString();
    }
}
