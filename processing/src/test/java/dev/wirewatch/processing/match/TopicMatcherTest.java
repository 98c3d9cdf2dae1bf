package dev.wirewatch.processing.match;

import dev.wirewatch.query.TopicQueryParser;
import dev.wirewatch.query.QuerySyntaxException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wirewatch.config.ConfigProblem;
import dev.wirewatch.config.TrackedTopic;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TopicMatcherTest {

    /** The shipped topics, as in the demo config and deploy/wirewatch.example.yml. */
    static final List<TrackedTopic> SHIPPED = DefaultTopics.load();

    private final TopicMatcher matcher = new TopicMatcher(SHIPPED);

    @AfterEach
    void close() {
        matcher.close();
    }

    private List<String> ids(String text) {
        return matcher.match(text).stream().map(m -> m.topic().id()).toList();
    }

    @Test
    void issueExamplesMatchTheRightTopics() {
        assertEquals(List.of("su-35"), ids("Hanoi signed for the Су-35, a source said."));
        assertEquals(List.of("ruble-payments"), ids("Arms debts will be settled in roubles under the protocol."));
        assertEquals(List.of(), ids("The rouble slid 3% on Tuesday."));
        assertEquals(List.of("c-130"), ids("Lockheed's C-130H fleet is ageing."));
        assertEquals(List.of(), ids("Highway C-1300 reopened after the floods."));
    }

    @Test
    void englishVariantsAndNearMisses() {
        assertEquals(List.of("su-35"), ids("Vietnam ordered forty SU 35S fighters"));
        assertEquals(List.of("su-35"), ids("a squadron of Su‑35 jets"));
        assertEquals(List.of(), ids("The Su-30 fleet and a Su-350 mock-up"));
        assertEquals(List.of("c-130"), ids("the C–130J arrived"));
        assertEquals(List.of("c-130"), ids("a Lockheed Hercules transport landed"));
        assertEquals(List.of(), ids("Hercules, the hero of Greek myth"));
        assertEquals(List.of("ruble-payments"), ids("Payments in rubles start next month"));
        assertEquals(List.of("ruble-payments"), ids("the contract is denominated in roubles"));
        assertEquals(List.of(), ids("The ruble weakened against the dollar and the euro on Tuesday as oil prices fell "
                + "in Asian trade; separately, a mobile payment app launched."));
    }

    @Test
    void derivedPaymentWordsAndRussianCasesMatchWithoutNewQueryWords() {
        assertEquals(List.of("ruble-payments"), ids("The remaining balance is payable in roubles by 2027."));
        assertEquals(List.of("ruble-payments"), ids("Payers will be billed in rubles from March."));
        assertEquals(List.of("ruble-payments"), ids("The loan becomes repayable in roubles after a grace period."));
        assertEquals(List.of("ruble-payments"), ids("Контракт предусматривает оплату в рублёвых платежах."));
        assertEquals(List.of(), ids("The rouble-based index rose; the reporter left for Hanoi."));
        assertEquals(List.of("ruble-payments"), ids("The contract is payable in RUB over three years."));
        assertEquals(List.of("ruble-payments"), ids("Hanoi paid ₽4bn for the spare parts."));
    }

    @Test
    void russianAndVietnameseMatch() {
        assertEquals(List.of("su-35"), ids("Вьетнам закупит 40 истребителей Су-35"));
        assertEquals(List.of("ruble-payments"), ids("Долги за военную технику будут погашаться в рублях"));
        assertEquals(List.of(), ids("Курс рубля снизился на 3%"));
        assertEquals(List.of("su-35"), ids("Việt Nam mua 40 tiêm kích Su-35 của Nga"));
        assertEquals(List.of("ruble-payments"), ids("Việt Nam sẽ thanh toán nợ quốc phòng bằng đồng rúp"));
        assertEquals(List.of("c-130"), ids("máy bay vận tải C-130 của Mỹ"));
        assertEquals(List.of("c-130"), ids("американский военно-транспортный самолёт C-130J"));
    }

    @Test
    void russianAndVietnameseNearMisses() {
        assertEquals(List.of(), ids("Вьетнам модернизирует истребители Су-30"));
        assertEquals(List.of(), ids("Шоссе C-1300 снова открыто"));
        assertEquals(List.of(), ids("Việt Nam nâng cấp tiêm kích Su-30MK2"));
        assertEquals(List.of(), ids("Đồng rúp mất giá 3% trong phiên hôm thứ Ba"));
        assertEquals(List.of(), ids("Quốc lộ C-1300 đã thông xe"));
    }

    @Test
    void lowerCaseQueriesStillJoinDesignations() {
        try (TopicMatcher m = new TopicMatcher(List.of(new TrackedTopic("s", null, "su-35 OR \"c 130\"", null)))) {
            assertEquals(1, m.match("Hanoi bought the Su-35S").size());
            assertEquals(1, m.match("the C-130H landed").size());
            assertEquals(0, m.match("agreed to pay 10 billion").size());
        }
    }

    @Test
    void matchedTermsAndSnippetMarkTheHits() {
        String before = "word ".repeat(40);
        String after = " more".repeat(40);
        TopicMatch m = matcher.match(before + "the Su-35 jets" + after).get(0);
        assertEquals(List.of("Su-35"), m.matchedTerms());
        assertTrue(m.snippet().contains("the **Su-35** jets"), m.snippet());
        assertTrue(m.snippet().startsWith("… word"), m.snippet());
        assertTrue(m.snippet().endsWith("more …"), m.snippet());
    }

    @Test
    void severalTopicsInOneTextAllMatch() {
        assertEquals(List.of("c-130", "ruble-payments"),
                ids("Its C-130 hopes faded; arms debts can be paid in rubles."));
    }

    @Test
    void badQueriesAreReportedWithPositionAndDoNotBlockOthers() {
        TrackedTopic unclosed = new TrackedTopic("broken", null, "\"unclosed", null);
        TrackedTopic near = new TrackedTopic("near", null, "ruble NEAR payment", null);
        List<ConfigProblem> problems = TopicMatcher.problems(List.of(SHIPPED.get(0), unclosed, near));
        assertEquals(List.of("topics[1].query", "topics[2].query"), problems.stream().map(ConfigProblem::path)
                .toList());
        assertTrue(problems.get(0).message().contains("unclosed quote at position 0"), problems.get(0).message());
        assertTrue(problems.get(1).message().contains("NEAR/8"), problems.get(1).message());
        try (TopicMatcher partial = new TopicMatcher(List.of(unclosed, SHIPPED.get(0)))) {
            assertEquals(List.of("su-35"), partial.topicIds());
            assertEquals(1, partial.match("Su-35").size());
        }
    }

    @Test
    void syntaxErrorsSayWhere() {
        assertEquals(0, assertThrows(QuerySyntaxException.class, () -> TopicQueryParser.parse("   ")).position());
        assertEquals(0, assertThrows(QuerySyntaxException.class, () -> TopicQueryParser.parse("OR x")).position());
        assertEquals(0, assertThrows(QuerySyntaxException.class, () -> TopicQueryParser.parse("(a OR b")).position());
        assertEquals(6, assertThrows(QuerySyntaxException.class, () -> TopicQueryParser.parse("Su-35 )")).position());
        assertEquals(0, assertThrows(QuerySyntaxException.class, () -> TopicQueryParser.parse("ab*")).position());
        assertTrue(assertThrows(QuerySyntaxException.class, () -> TopicQueryParser.parse("(a AND b) NEAR/3 c"))
                .getMessage().contains("AND cannot be inside NEAR"));
    }

    @Test
    void variantsOfTheC130FamilyMatch() {
        assertEquals(List.of("c-130"), ids("an AC-130J gunship"));
        assertEquals(List.of("c-130"), ids("MC-130H special operations aircraft"));
    }

    @Test
    void wildcardsAnywhereInAWord() throws Exception {
        try (TopicMatcher m = new TopicMatcher(List.of(new TrackedTopic("w", null, "settl?d OR *pay", null)))) {
            assertEquals(1, m.match("debts are settled").size());
            assertEquals(1, m.match("a prepayment was made").size());
            assertEquals(0, m.match("settlers arrived").size());
        }
    }

    @Test
    void booleanOperatorsWork() throws Exception {
        try (TopicMatcher m = new TopicMatcher(List.of(
                new TrackedTopic("and", null, "Vietnam Russia", null),
                new TrackedTopic("not", null, "Su-35 NOT crash", null)))) {
            assertEquals(List.of("and"), m.match("Vietnam and Russia talk").stream().map(t -> t.topic().id())
                    .toList());
            assertEquals(List.of(), m.match("Vietnam talks").stream().map(t -> t.topic().id()).toList());
            assertEquals(List.of("not"), m.match("Su-35 delivered").stream().map(t -> t.topic().id()).toList());
            assertEquals(List.of(), m.match("Su-35 crash kills pilot").stream().map(t -> t.topic().id()).toList());
        }
    }
}
