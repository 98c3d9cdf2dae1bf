package dev.wirewatch.desk.web;

import dev.wirewatch.desk.edit.DeskEdits;
import dev.wirewatch.model.FeedDefinition;
import dev.wirewatch.model.Mute;
import dev.wirewatch.model.TopicDefinition;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Edits that are recorded instead of published, for tests of the desk's HTTP layer (the Kafka round trip is the
 * end-to-end tests' part): {@code "topic ID"}, {@code "-topic ID"}, {@code "feed URL"}, {@code "-feed URL"},
 * {@code "mute ID"}, {@code "-mute ID"}.
 */
public final class RecordingEdits implements DeskEdits {

    public final List<String> published = new CopyOnWriteArrayList<>();

    @Override
    public void putTopic(TopicDefinition topic) {
        published.add("topic " + topic.id());
    }

    @Override
    public void removeTopic(String id) {
        published.add("-topic " + id);
    }

    @Override
    public void putFeed(FeedDefinition feed) {
        published.add("feed " + feed.url());
    }

    @Override
    public void removeFeed(String url) {
        published.add("-feed " + url);
    }

    @Override
    public void putMute(Mute mute) {
        published.add("mute " + mute.id());
    }

    @Override
    public void liftMute(String id) {
        published.add("-mute " + id);
    }
}
