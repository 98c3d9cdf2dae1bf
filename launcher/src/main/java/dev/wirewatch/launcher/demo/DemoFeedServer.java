package dev.wirewatch.launcher.demo;

import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.wirewatch.launcher.http.HttpResponses;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Serves the {@link DemoCorpus} over HTTP on 127.0.0.1: each site's feed (RSS 2.0 or Atom 1.0, written by Rome)
 * and each article page inside its site's boilerplate.
 *
 * <p>Thread safe; {@link #close()} stops the server.
 */
public final class DemoFeedServer implements AutoCloseable {

    private final HttpServer server;
    private final DemoCorpus corpus;
    private final String baseUrl;

    private DemoFeedServer(HttpServer server, DemoCorpus corpus) {
        this.server = server;
        this.corpus = corpus;
        this.baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Starts serving {@code corpus} on a free port. */
    public static DemoFeedServer start(DemoCorpus corpus) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            DemoFeedServer demo = new DemoFeedServer(server, corpus);
            server.createContext("/", demo::handle);
            server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
            server.start();
            return demo;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the demo feed server", e);
        }
    }

    /** {@code http://127.0.0.1:PORT}, without a trailing slash. */
    public String baseUrl() {
        return baseUrl;
    }

    /** The absolute feed URL of each site, in corpus order. */
    public List<String> feedUrls() {
        return corpus.sites().stream().map(s -> baseUrl + s.feedPath()).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Optional<DemoCorpus.Site> site = corpus.sites().stream().filter(s -> s.feedPath().equals(path)).findFirst();
        if (site.isPresent()) {
            String type = site.get().format().equals("atom") ? "application/atom+xml" : "application/rss+xml";
            HttpResponses.send(exchange, 200, type + "; charset=utf-8", feed(site.get()));
            return;
        }
        Optional<DemoCorpus.Entry> entry = corpus.entryAt(path);
        if (entry.isPresent()) {
            HttpResponses.send(exchange, 200, "text/html; charset=utf-8", corpus.renderPage(entry.get(), baseUrl));
            return;
        }
        HttpResponses.send(exchange, 404, "text/plain; charset=utf-8", "not found: " + path);
    }

    private String feed(DemoCorpus.Site site) {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType(site.format().equals("atom") ? "atom_1.0" : "rss_2.0");
        feed.setTitle(site.name());
        feed.setLink(baseUrl + "/" + site.id() + "/");
        feed.setUri(baseUrl + "/" + site.id() + "/");
        feed.setDescription("Latest from " + site.name());
        List<DemoCorpus.Entry> entries = corpus.entriesOf(site.id());
        if (!entries.isEmpty()) {
            feed.setPublishedDate(Date.from(entries.get(0).published()));
        }
        feed.setEntries(entries.stream().map(this::entry).toList());
        try {
            return new SyndFeedOutput().outputString(feed);
        } catch (FeedException e) {
            throw new IllegalStateException("cannot write the demo feed of " + site.id(), e);
        }
    }

    private SyndEntry entry(DemoCorpus.Entry e) {
        SyndEntry entry = new SyndEntryImpl();
        entry.setTitle(corpus.headline(e));
        entry.setLink(baseUrl + e.path());
        entry.setUri(baseUrl + e.path());
        entry.setPublishedDate(Date.from(e.published()));
        entry.setUpdatedDate(Date.from(e.published()));
        if (e.author() != null) {
            entry.setAuthor(e.author());
        }
        SyndContentImpl summary = new SyndContentImpl();
        summary.setType("text/plain");
        summary.setValue(corpus.text(e.text()).paragraphs().get(0));
        entry.setDescription(summary);
        return entry;
    }

    @Override
    public void close() {
        server.stop(0);
        if (server.getExecutor() instanceof java.util.concurrent.ExecutorService pool) {
            pool.shutdownNow();
        }
    }
}
