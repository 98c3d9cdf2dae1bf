package dev.wirewatch.desk.web;

import dev.wirewatch.desk.index.SearchResult;
import dev.wirewatch.desk.view.DeskView;
import dev.wirewatch.desk.view.SinkDeliveries;
import dev.wirewatch.desk.view.StoryDetail;
import dev.wirewatch.desk.view.StorySummary;
import dev.wirewatch.model.Mute;
import dev.wirewatch.model.TopicDefinition;
import java.util.List;

/**
 * The models the page templates render (one record per page), and the frame every page shares.
 *
 * <p>Immutable records. Every string in them may be hostile (titles, snippets and feed names come from the web);
 * the templates escape them by context.
 */
public final class Pages {

    private Pages() {
    }

    /** What every page's frame shows: who is signed in, the CSRF token for its forms, the current section. */
    public record Chrome(String title, String user, boolean editor, String csrf, String section, String notice,
                  String problem) {
    }

    public record Login(String csrf, String error) {
    }

    public record Desk(Chrome chrome, List<StorySummary> stories, List<TopicDefinition> topics, List<String> sources,
                String topic, String range, String source, String fragmentQuery, boolean caughtUp) {
    }

    public record Rows(List<StorySummary> stories) {
    }

    public record Story(Chrome chrome, StoryDetail story, List<String> sinks) {
    }

    public record Topics(Chrome chrome, List<TopicDefinition> topics, String editId, String name, String query,
                  String description, String labels, boolean urgent) {
    }

    public record Feeds(Chrome chrome, List<DeskView.FeedRow> feeds) {
    }

    public record Deliveries(Chrome chrome, List<SinkDeliveries> sinks, boolean canReplay) {
    }

    /** A mute in force with how many alerts it holds back. */
    public record MuteRow(Mute mute, int held) {
    }

    /** Mutes no longer in force that still hold alerts back (id → how many), which can still be sent. */
    public record Mutes(Chrome chrome, List<MuteRow> mutes, java.util.Map<String, Integer> past, List<String> sinks,
                        boolean editor) {
    }

    public record Search(Chrome chrome, String q, SearchResult result, String error, int position) {
    }
}
