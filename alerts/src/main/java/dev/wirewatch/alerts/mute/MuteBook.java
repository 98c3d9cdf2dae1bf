package dev.wirewatch.alerts.mute;

import dev.wirewatch.model.Mention;
import dev.wirewatch.model.Mute;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The mutes in force, as the {@code alerts.mutes} topic says: one entry per mute id, a tombstone lifts it, an
 * expired mute simply stops covering anything.
 *
 * <p>Thread safe: written by one follower thread, read by every sink worker.
 */
public final class MuteBook {

    private final Map<String, Mute> mutes = new ConcurrentHashMap<>();

    /** Applies one record of the mutes topic; {@code mute} null lifts the mute {@code id}. */
    public void apply(String id, Mute mute) {
        if (mute == null) {
            mutes.remove(id);
        } else {
            mutes.put(id, mute);
        }
    }

    /** The mute that holds back {@code mention} from {@code sinkId} at {@code now}, if any (the oldest first). */
    public Optional<Mute> muting(Mention mention, String sinkId, Instant now) {
        if (mutes.isEmpty()) {
            return Optional.empty();
        }
        return mutes.values().stream().filter(m -> m.covers(mention, sinkId, now))
                .min(Mute.OLDEST_FIRST);
    }

    /** The mutes active at {@code now}, oldest first. */
    public List<Mute> active(Instant now) {
        return mutes.values().stream().filter(m -> m.activeAt(now))
                .sorted(Mute.OLDEST_FIRST).toList();
    }
}
