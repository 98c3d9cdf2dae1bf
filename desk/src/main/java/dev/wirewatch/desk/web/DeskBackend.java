package dev.wirewatch.desk.web;

import dev.wirewatch.desk.auth.Accounts;
import dev.wirewatch.desk.auth.Sessions;
import dev.wirewatch.desk.edit.DeskEdits;
import dev.wirewatch.desk.edit.DlqReplay;
import dev.wirewatch.desk.edit.MuteReplay;
import dev.wirewatch.desk.index.ArticleIndex;
import dev.wirewatch.desk.view.DeskView;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * What the desk's pages and API work on: the view and index they read, the edits and replays they make, who may sign
 * in, and whether the view has caught up with Kafka.
 *
 * <p>Immutable holder; its parts are thread safe. {@code replay} may be null where no alert sinks are configured.
 */
public record DeskBackend(DeskView view, ArticleIndex index, DeskEdits edits, DlqReplay replay,
                          MuteReplay muteReplay, Accounts accounts, Sessions sessions, BooleanSupplier caughtUp,
                          Clock clock, MeterRegistry registry) {

    public DeskBackend {
        Objects.requireNonNull(view, "view");
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(edits, "edits");
        Objects.requireNonNull(muteReplay, "muteReplay");
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(caughtUp, "caughtUp");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(registry, "registry");
    }
}
