package dev.wirewatch.processing.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecentPostingsTest {

    private static final long DAY = Duration.ofDays(1).toMillis();
    private static final Duration WINDOW = Duration.ofDays(4);
    private static final RecentPostings.Source NOTHING = (from, to, each) -> { };

    private static List<Long> handles(List<Postings.Posting> postings) {
        return postings.stream().map(Postings.Posting::handle).toList();
    }

    @Test
    void theLatestWithinTheRangeComeOldestFirstFromBothEpochs() {
        RecentPostings postings = new RecentPostings(WINDOW, NOTHING);
        postings.add(7, 1, 3 * DAY);
        postings.add(7, 2, 5 * DAY); // the next epoch (epochs are as long as the window: 4 days)
        postings.add(7, 3, 6 * DAY);
        postings.add(8, 4, 6 * DAY);
        assertEquals(List.of(1L, 2L, 3L), handles(postings.latest(7, 2 * DAY, 6 * DAY, 50)));
        assertEquals(List.of(2L, 3L), handles(postings.latest(7, 2 * DAY, 6 * DAY, 2)), "the newest two");
        assertEquals(List.of(2L, 3L), handles(postings.latest(7, 4 * DAY, 6 * DAY, 50)), "only the range");
        assertEquals(List.of(1L, 2L, 3L), handles(postings.find(7, 0, 6 * DAY)));
    }

    @Test
    void aWholeEpochIsForgottenOnceTwoHaveBegunSinceEveryPostingOfTheLastWindowStays() {
        RecentPostings postings = new RecentPostings(WINDOW, NOTHING);
        postings.add(7, 1, DAY);
        postings.add(7, 2, 7 * DAY);
        assertEquals(List.of(1L, 2L), handles(postings.find(7, 0, 7 * DAY)), "6 days back: still held");
        postings.add(7, 3, 8 * DAY); // the third epoch begins: the first goes
        assertEquals(List.of(2L, 3L), handles(postings.find(7, 0, 8 * DAY)));
    }

    @Test
    void aTaskThatStartsRebuildsBothEpochsFromItsArticlesInFilingOrder() {
        List<long[]> asked = new ArrayList<>();
        RecentPostings.Source articles = (from, to, each) -> {
            asked.add(new long[] {from, to});
            // store order (by handle), not filing order; one article is outside the range asked
            for (RecentPostings.Filed f : List.of(new RecentPostings.Filed(1, 6 * DAY, new long[] {7, 8}),
                    new RecentPostings.Filed(2, 2 * DAY, new long[] {7}),
                    new RecentPostings.Filed(3, 5 * DAY, new long[] {7}),
                    new RecentPostings.Filed(4, 5 * DAY, new long[] {7}))) {
                if (f.timestamp() >= from && f.timestamp() <= to) {
                    each.accept(f);
                }
            }
        };
        RecentPostings postings = new RecentPostings(WINDOW, articles);
        assertEquals(List.of(2L, 3L, 4L, 1L), handles(postings.latest(7, 0, 6 * DAY, 50)),
                "by filing time, then handle");
        assertEquals(List.of(1L), handles(postings.latest(8, 0, 6 * DAY, 50)));
        assertEquals(2, asked.size(), "the previous and the current epoch, once");
        assertEquals(List.of(2 * DAY, 4 * DAY - 1), List.of(asked.get(0)[0], asked.get(0)[1]),
                "of the previous epoch, only the last window before the first look-up");
        assertEquals(List.of(4 * DAY, 8 * DAY - 1), List.of(asked.get(1)[0], asked.get(1)[1]));
        postings.add(7, 9, 6 * DAY + 1);
        assertEquals(List.of(1L, 9L), handles(postings.latest(7, 0, 7 * DAY, 2)), "added after the rebuild");
    }

    @Test
    void articlesOlderThanOneWindowBeforeTheFirstLookUpAreNotRebuilt() {
        RecentPostings.Source articles = (from, to, each) -> {
            for (RecentPostings.Filed f : List.of(new RecentPostings.Filed(1, DAY, new long[] {7}),
                    new RecentPostings.Filed(2, 3 * DAY, new long[] {7}))) {
                if (f.timestamp() >= from && f.timestamp() <= to) {
                    each.accept(f);
                }
            }
        };
        RecentPostings postings = new RecentPostings(WINDOW, articles);
        assertEquals(List.of(2L), handles(postings.find(7, 0, 6 * DAY)), "a look-up at day 6 reads from day 2");
    }

    @Test
    void aPostingFiledWhenTimeRanBackKeepsItsOwnTime() {
        RecentPostings postings = new RecentPostings(WINDOW, NOTHING);
        postings.add(7, 1, 5 * DAY);
        postings.add(7, 2, 3 * DAY); // before the current epoch's start: filed in it, at its own time
        assertEquals(List.of(1L, 2L), handles(postings.find(7, 0, 5 * DAY)));
        assertEquals(List.of(new Postings.Posting(2, 3 * DAY)), postings.latest(7, 3 * DAY, 3 * DAY, 5));
    }
}
