package dev.wirewatch.processing.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wirewatch.config.ConfigProblem;
import dev.wirewatch.config.TrackedTopic;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopicMatcherTest {

    private static final TrackedTopic SU35 = new TrackedTopic("su-35", "Su-35", "\"Su-35\" OR Su35 OR \"Су-35\"",
            null);
    private static final TrackedTopic C130 = new TrackedTopic("c-130", "C-130", "\"C-130\"", null);
    private static final TrackedTopic RUBLES = new TrackedTopic("ruble-payments", "Ruble payments",
            "\"ruble payments\" OR \"paid in rubles\" OR \"settled in roubles\"", null);
    private final TopicMatcher matcher = new TopicMatcher(List.of(SU35, C130, RUBLES));

    private List<String> ids(String text) {
        return matcher.match(text).stream().map(m -> m.topic().id()).toList();
    }

    @Test
    void phrasesMatchAcrossCaseAndPunctuation() {
        assertEquals(List.of("su-35"), ids("Hanoi ordered the SU 35 last year"));
        assertEquals(List.of("su-35"), ids("Hanoi ordered the su35"));
        assertEquals(List.of("su-35"), ids("Ханой подписал контракт на Су-35"));
        assertEquals(List.of("c-130"), ids("a C–130 (with an en dash) landed"));
        assertEquals(List.of("ruble-payments"), ids("Debts will be PAID in rubles from now on."));
    }

    @Test
    void nearMissesDoNotMatch() {
        assertEquals(List.of(), ids("The Su-30 fleet will be overhauled"));
        assertEquals(List.of(), ids("Highway C-1300 reopened after floods"));
        assertEquals(List.of(), ids("The rouble slid 3% on Tuesday; payments were delayed"));
    }

    @Test
    void severalTopicsInOneTextAllMatchWithTheirTerms() {
        List<TopicMatch> matches = matcher.match("Its C-130 hopes faded; arms debts can be paid in rubles.");
        assertEquals(List.of("c-130", "ruble-payments"), matches.stream().map(m -> m.topic().id()).toList());
        assertEquals(List.of("paid in rubles"), matches.get(1).matchedTerms());
    }

    @Test
    void snippetMarksTheMatchAndKeepsAboutTwentyFiveWordsEachSide() {
        String before = "word ".repeat(40);
        String after = " more".repeat(40);
        TopicMatch m = matcher.match(before + "the Su-35 jets" + after).get(0);
        assertTrue(m.snippet().contains("the **Su-35** jets"), m.snippet());
        assertTrue(m.snippet().startsWith("… word"), m.snippet());
        assertTrue(m.snippet().endsWith("more …"), m.snippet());
        assertEquals(2 * TopicMatcher.SNIPPET_WORDS + 1 + 2, m.snippet().split(" ").length, m.snippet());
    }

    @Test
    void badQueriesAreReportedWithPositionAndDoNotBlockOthers() {
        TrackedTopic broken = new TrackedTopic("broken", null, "\"unclosed", null);
        TrackedTopic unsupported = new TrackedTopic("near", null, "ruble NEAR/5 payment", null);
        List<ConfigProblem> problems = TopicMatcher.problems(List.of(SU35, broken, unsupported));
        assertEquals(List.of("topics[1].query", "topics[2].query"), problems.stream().map(ConfigProblem::path)
                .toList());
        assertTrue(problems.get(0).message().contains("unclosed quote at position 0"), problems.get(0).message());
        assertTrue(problems.get(1).message().contains("at position 6"), problems.get(1).message());
        TopicMatcher partial = new TopicMatcher(List.of(broken, SU35));
        assertEquals(List.of("su-35"), partial.topicIds());
        assertEquals(1, partial.match("Su-35").size());
    }

    @Test
    void emptyAlternativesAreErrors() {
        assertThrows(QuerySyntaxException.class, () -> PhraseQuery.parse("   "));
        assertThrows(QuerySyntaxException.class, () -> PhraseQuery.parse("OR \"x\""));
        assertThrows(QuerySyntaxException.class, () -> PhraseQuery.parse("\"x\" OR"));
    }
}
