package dev.wirewatch.desk.view;

import java.util.List;

/**
 * A story with every article in time order and the alerts it caused.
 *
 * <p>Immutable.
 */
public record StoryDetail(StorySummary summary, List<StoryMember> members, List<AlertEntry> alerts) {

    public StoryDetail {
        members = List.copyOf(members);
        alerts = List.copyOf(alerts);
    }
}
