package dev.wirewatch.ingest;

import dev.wirewatch.config.FeedSettings;
import dev.wirewatch.config.IngestSettings;
import dev.wirewatch.ingest.assign.FeedSource;
import dev.wirewatch.ingest.feed.FeedPoller;
import dev.wirewatch.ingest.fetch.HttpFetcher;
import dev.wirewatch.ingest.fetch.NetworkGuard;
import dev.wirewatch.ingest.politeness.HostGate;
import dev.wirewatch.ingest.politeness.RobotsCache;
import dev.wirewatch.ingest.state.IngestState;
import dev.wirewatch.model.Article;
import dev.wirewatch.model.FeedStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest service: polls every configured feed (once, or on each feed's interval) and hands the articles to an
 * {@link ArticleSink}.
 *
 * <p>Thread safe. {@link #start()} schedules polling; {@link #close()} stops it and closes the sink.
 */
public final class IngestService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);
    private static final int MAX_PARALLEL_FEEDS = 4;

    private final List<FeedSettings> feeds;
    private final FeedPoller poller;
    private final ArticleSink sink;
    private final IngestMetrics metrics;
    private final Clock clock;
    private final IngestState state;
    private final FeedSource source;
    private final MeterRegistry registry;
    private final Map<String, FeedSettings> active = new ConcurrentHashMap<>();
    private final Map<String, ScheduledFuture<?>> scheduled = new ConcurrentHashMap<>();
    private final FeedSchedule schedule = new FeedSchedule(RandomGenerator.getDefault());
    private final Map<String, FeedStatus> statuses = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService scheduler;
    private volatile boolean closed;

    public IngestService(List<FeedSettings> feeds, IngestSettings settings, ArticleSink sink, MeterRegistry registry,
                         Clock clock) {
        this(feeds, settings, sink, IngestState.inMemory(), FeedSource.of(feeds), registry, clock);
    }

    /**
     * An ingest service whose memory (links ingested, feed status and next polls) lives in {@code state}, and which
     * polls, once started, the feeds {@code source} assigns it; {@link #pollAllOnce()} polls {@code feeds}.
     */
    public IngestService(List<FeedSettings> feeds, IngestSettings settings, ArticleSink sink, IngestState state,
                         FeedSource source, MeterRegistry registry, Clock clock) {
        this.feeds = List.copyOf(feeds);
        HttpFetcher fetcher = new HttpFetcher(new NetworkGuard(settings.allowPrivateNetworks()),
                settings.userAgent(), settings.maxBodyBytes(), settings.connectTimeout(), settings.requestTimeout());
        RobotsCache robots = settings.respectRobots()
                ? new RobotsCache(fetcher, List.of(settings.robotName()), clock) : null;
        this.poller = new FeedPoller(fetcher, robots, new HostGate(settings.hostDelay()), clock);
        this.state = state;
        poller.remember(state.ingestedLinkIds());
        statuses.putAll(state.feedStatuses());
        this.source = source;
        this.registry = registry;
        this.feeds.forEach(this::registerGauge);
        this.sink = sink;
        this.metrics = new IngestMetrics(registry);
        this.clock = clock;
    }

    /** Polls every feed once, a few at a time, writes the articles and waits until they are durable. */
    public IngestSummary pollAllOnce() {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(MAX_PARALLEL_FEEDS, feeds.size())),
                named("wirewatch-ingest-once"));
        try {
            List<Future<Written>> polls = new ArrayList<>();
            for (FeedSettings feed : feeds) {
                polls.add(pool.submit(() -> pollAndWrite(feed)));
            }
            int failed = 0;
            int articles = 0;
            int fallbacks = 0;
            List<String> failures = new ArrayList<>();
            for (Future<Written> future : polls) {
                FeedPoller.Poll poll = future.get().poll();
                if (poll.failed()) {
                    failed++;
                    failures.add(poll.feed().url() + ": " + poll.error());
                }
                articles += poll.articles().size();
                fallbacks += (int) poll.pageFailures().stream().filter(FeedPoller.PageFailure::fellBack).count();
            }
            sink.flush();
            for (Future<Written> future : polls) {
                remember(durable(future.get()));
            }
            return new IngestSummary(feeds.size(), failed, articles, fallbacks, failures);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while polling feeds", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("polling failed unexpectedly: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Starts polling the feeds the source assigns, each on its own schedule: the first poll at the time a previous
     * run planned for it (its status survives restarts), else at a random point of the first few seconds; then as
     * {@link FeedSchedule} says, backing off while it fails. A feed unassigned or changed at runtime stops or
     * changes at once.
     */
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newScheduledThreadPool(MAX_PARALLEL_FEEDS, named("wirewatch-ingest"));
        source.start(new FeedSource.Listener() {
            @Override
            public void feedAssigned(FeedSettings feed) {
                activate(feed);
            }

            @Override
            public void feedUnassigned(String url) {
                deactivate(url);
            }
        });
        LOG.info("ingest: started; polling the feeds assigned to this instance");
    }

    private void activate(FeedSettings feed) {
        registerGauge(feed);
        active.put(feed.url(), feed);
        FeedStatus before = statuses.get(feed.url());
        long delay = before != null && before.nextPollAt() != null
                ? Math.max(0, Duration.between(clock.instant(), before.nextPollAt()).toMillis())
                // jitter spreads the first polls so that hundreds of feeds do not all fire at start-up
                : ThreadLocalRandom.current().nextLong(Math.max(1, Math.min(feed.pollInterval().toMillis(), 5_000)));
        reschedule(feed, delay);
        LOG.info("feed {} ({}): polling every {}", feed.name(), feed.url(), feed.pollInterval());
    }

    private void deactivate(String url) {
        FeedSettings removed = active.remove(url);
        ScheduledFuture<?> next = scheduled.remove(url);
        if (next != null) {
            next.cancel(false);
        }
        if (removed != null) {
            LOG.info("feed {} ({}): no longer polled by this instance", removed.name(), url);
        }
    }

    private synchronized void reschedule(FeedSettings feed, long delayMillis) {
        ScheduledExecutorService current = scheduler;
        if (current == null || current.isShutdown() || active.get(feed.url()) != feed) {
            return;
        }
        ScheduledFuture<?> previous = scheduled.put(feed.url(),
                current.schedule(() -> pollOnSchedule(feed), Math.max(0, delayMillis), TimeUnit.MILLISECONDS));
        if (previous != null) {
            previous.cancel(false);
        }
    }

    private void pollOnSchedule(FeedSettings feed) {
        if (active.get(feed.url()) != feed) {
            return; // removed or changed since this poll was planned
        }
        Duration next = feed.pollInterval();
        try {
            Written written = pollAndWrite(feed);
            sink.flush();
            FeedStatus status = remember(durable(written));
            next = Duration.between(clock.instant(), status.nextPollAt());
        } catch (RuntimeException e) {
            LOG.error("feed {} ({}): poll failed: {}", feed.name(), feed.url(), e.toString());
        } finally {
            reschedule(feed, next.toMillis());
        }
    }

    private void registerGauge(FeedSettings feed) {
        Gauge.builder("wirewatch.feed.consecutive.failures", statuses,
                        s -> s.containsKey(feed.url()) ? s.get(feed.url()).consecutiveFailures() : 0)
                .description("failed polls in a row, by feed (0 after a good poll)").tag("feed", feed.name())
                .register(registry);
    }

    /**
     * False when ingest stopped on its own: the feed source's thread died, or the polling scheduler was shut down
     * without {@link #close()} (liveness).
     */
    public boolean alive() {
        ScheduledExecutorService current = scheduler;
        return closed || source.alive() && (current == null || !current.isShutdown());
    }

    /** The feeds this instance polls now, by URL. */
    public Map<String, FeedSettings> activeFeeds() {
        return Map.copyOf(active);
    }

    /** Records a durable poll: its articles as ingested, the feed's new status; reports a feed that keeps failing. */
    private FeedStatus remember(FeedPoller.Poll poll) {
        state.ingested(poll.articles());
        FeedStatus status = schedule.next(poll, statuses.get(poll.feed().url()), clock.instant());
        statuses.put(status.feedUrl(), status);
        state.feedStatus(status);
        if (status.failing() && status.consecutiveFailures() % FeedStatus.FAILING_AFTER == 0) {
            LOG.error("feed {} ({}) has failed {} polls in a row (last: {}); next try at {}. "
                            + "See 'wirewatch feeds status'.", status.name(), status.feedUrl(),
                    status.consecutiveFailures(), status.lastError(), status.nextPollAt());
        }
        return status;
    }

    /** A poll and the answers of the writes of its articles. */
    private record Written(FeedPoller.Poll poll, List<CompletableFuture<Void>> writes) {
    }

    /**
     * The poll with only the articles Kafka acknowledged; the others are logged, counted, and their links forgotten
     * so the next poll fetches them again (nothing is marked ingested that is not in Kafka).
     */
    private FeedPoller.Poll durable(Written written) {
        FeedPoller.Poll poll = written.poll();
        List<Article> durable = new ArrayList<>();
        List<Article> lost = new ArrayList<>();
        for (int i = 0; i < poll.articles().size(); i++) {
            CompletableFuture<Void> write = written.writes().get(i);
            if (write.isDone() && !write.isCompletedExceptionally()) {
                durable.add(poll.articles().get(i));
            } else {
                lost.add(poll.articles().get(i));
            }
        }
        if (lost.isEmpty()) {
            return poll;
        }
        poller.forget(lost);
        metrics.writeFailed(lost.size());
        LOG.error("feed {}: {} of {} articles could not be written to Kafka ({}); they are fetched again at the next "
                        + "poll", poll.feed().name(), lost.size(), poll.articles().size(),
                failureOf(written.writes()));
        return new FeedPoller.Poll(poll.feed(), durable, poll.pageFailures(), poll.bytes(), poll.outcome(),
                poll.error(), poll.itemsSeen(), poll.retryAfter());
    }

    private static String failureOf(List<CompletableFuture<Void>> writes) {
        for (CompletableFuture<Void> write : writes) {
            if (write.isCompletedExceptionally()) {
                try {
                    write.join();
                } catch (java.util.concurrent.CompletionException e) {
                    return String.valueOf(e.getCause());
                }
            }
        }
        return "no answer";
    }

    private Written pollAndWrite(FeedSettings feed) {
        long started = clock.millis();
        FeedPoller.Poll poll = poller.poll(feed);
        metrics.feedPolled(feed.name(), poll.outcome(), Duration.ofMillis(clock.millis() - started));
        metrics.bytesRead(poll.bytes());
        poll.pageFailures().forEach(f -> metrics.pageFetched(f.outcome()));
        if (poll.failed()) {
            LOG.warn("feed {} ({}): {} [{}]", feed.name(), feed.url(), poll.error(), poll.outcome());
            return new Written(poll, List.of());
        }
        List<CompletableFuture<Void>> writes = new ArrayList<>();
        for (Article article : poll.articles()) {
            writes.add(sink.accept(article));
            metrics.articleProduced();
        }
        // Articles that stand in for a failed page were counted with that failure above, not as a fetched page.
        long fetchedPages = poll.articles().size() - poll.pageFailures().stream()
                .filter(FeedPoller.PageFailure::fellBack).count();
        for (long i = 0; i < fetchedPages; i++) {
            metrics.pageFetched("ok");
        }
        LOG.info("feed {}: {} new articles", feed.name(), poll.articles().size());
        return new Written(poll, writes);
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        return runnable -> {
            Thread t = new Thread(runnable, prefix);
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public synchronized void close() {
        closed = true;
        source.close();
        if (scheduler != null) {
            scheduler.shutdownNow();
            try {
                scheduler.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        sink.close();
        state.close();
    }
}
