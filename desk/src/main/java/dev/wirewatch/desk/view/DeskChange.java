package dev.wirewatch.desk.view;

/**
 * Something editors should see without reloading: a new alert, or a story that alerted and changed.
 *
 * <p>Immutable. {@code kind} is {@link #ALERT} or {@link #STORY}; {@code storyId} is the story concerned.
 */
public record DeskChange(String kind, String storyId, AlertEntry alert) {

    public static final String ALERT = "alert";
    public static final String STORY = "story";

    public static DeskChange story(String storyId) {
        return new DeskChange(STORY, storyId, null);
    }

    public static DeskChange alert(AlertEntry alert) {
        return new DeskChange(ALERT, alert.storyId(), alert);
    }
}
