package dev.wirewatch.desk.view;

import dev.wirewatch.model.MutedAlert;
import java.util.List;

/**
 * A story with every article in time order, the alerts it caused and those a mute held back.
 *
 * <p>Immutable.
 */
public record StoryDetail(StorySummary summary, List<StoryMember> members, List<AlertEntry> alerts,
                          List<MutedAlert> muted) {

    public StoryDetail {
        members = List.copyOf(members);
        alerts = List.copyOf(alerts);
        muted = List.copyOf(muted);
    }
}
