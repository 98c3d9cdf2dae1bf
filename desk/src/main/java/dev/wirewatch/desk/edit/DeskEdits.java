package dev.wirewatch.desk.edit;

import dev.wirewatch.model.FeedDefinition;
import dev.wirewatch.model.Mute;
import dev.wirewatch.model.TopicDefinition;

/**
 * The changes an editor can make from the desk. {@link DeskWriter} publishes them to Kafka.
 *
 * <p>Implementations are thread safe; a call returns once the change is durable and throws
 * {@link IllegalStateException} when it could not be made.
 */
public interface DeskEdits {

    void putTopic(TopicDefinition topic);

    void removeTopic(String id);

    void putFeed(FeedDefinition feed);

    void removeFeed(String url);

    void putMute(Mute mute);

    void liftMute(String id);
}
