package dev.wirewatch.ingest.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The article-extraction-benchmark score in Java: per-document overlap of 4-token shingles, macro-averaged precision
 * and recall, F1 of the two means (the rules of the benchmark's evaluate.py, as described in the data set's README).
 *
 * <p>Java's Unicode {@code \w} also matches combining marks, which Python's does not; on Latin-script pages the
 * figures agree with the Python scorer, elsewhere they may differ slightly. Not thread safe.
 */
public final class AebScore {

    private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);

    private final List<Double> pagePrecision = new ArrayList<>();
    private final List<Double> pageRecall = new ArrayList<>();
    private double precisionSum;
    private int precisionCount;
    private double recallSum;
    private int recallCount;

    /** Adds one document: the ground truth and the extractor's text. */
    public void add(String truth, String predicted) {
        Map<List<String>, Integer> t = shingles(truth);
        Map<List<String>, Integer> p = shingles(predicted);
        int tp = 0;
        for (Map.Entry<List<String>, Integer> e : p.entrySet()) {
            tp += Math.min(e.getValue(), t.getOrDefault(e.getKey(), 0));
        }
        int predictedTotal = p.values().stream().mapToInt(Integer::intValue).sum();
        int truthTotal = t.values().stream().mapToInt(Integer::intValue).sum();
        int fp = predictedTotal - tp;
        int fn = truthTotal - tp;
        double precision = fp == 0 ? 1.0 : (double) tp / (tp + fp);
        double recall = fn == 0 ? 1.0 : (double) tp / (tp + fn);
        if (predictedTotal > 0) {
            precisionSum += precision;
            precisionCount++;
        }
        if (truthTotal > 0) {
            recallSum += recall;
            recallCount++;
        }
        pagePrecision.add(predictedTotal > 0 ? precision : 0.0);
        pageRecall.add(truthTotal > 0 ? recall : 0.0);
    }

    /** Precision of each document added, in order (0 for an empty prediction). */
    public List<Double> pagePrecision() {
        return List.copyOf(pagePrecision);
    }

    /** Recall of each document added, in order. */
    public List<Double> pageRecall() {
        return List.copyOf(pageRecall);
    }

    public double precision() {
        return precisionCount == 0 ? 0 : precisionSum / precisionCount;
    }

    public double recall() {
        return recallCount == 0 ? 0 : recallSum / recallCount;
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    private static Map<List<String>, Integer> shingles(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = WORD.matcher(text == null ? "" : text);
        while (m.find()) {
            tokens.add(m.group());
        }
        Map<List<String>, Integer> shingles = new HashMap<>();
        if (tokens.isEmpty()) {
            return shingles;
        }
        if (tokens.size() < 4) {
            shingles.put(tokens, 1);
            return shingles;
        }
        for (int i = 0; i + 4 <= tokens.size(); i++) {
            shingles.merge(tokens.subList(i, i + 4), 1, Integer::sum);
        }
        return shingles;
    }
}
