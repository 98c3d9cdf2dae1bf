package dev.wirewatch.desk.web;

import dev.wirewatch.desk.auth.Principal;
import dev.wirewatch.model.Mute;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.util.List;

/**
 * Mutes from the desk: {@code GET/PUT/DELETE /api/v1/mutes} for scripts and the {@code /mutes} page with the story
 * page's mute buttons. A mute is published to {@code alerts.mutes} (the sinks apply it within a second); lifting
 * one sends what it held back only when asked ({@code replay=true}, "Lift and send").
 *
 * <p>Thread safe.
 */
final class MuteRoutes {

    private final DeskBackend backend;
    private final Templates templates;

    MuteRoutes(DeskBackend backend, Templates templates) {
        this.backend = backend;
        this.templates = templates;
    }

    void register(RoutesConfig routes) {
        routes.get(ApiRoutes.BASE + "/mutes", ctx -> ctx.json(new ApiJson.Mutes(active().stream()
                .map(m -> ApiJson.Mute.of(m, backend.view().heldBy(m.id()))).toList())));
        routes.put(ApiRoutes.BASE + "/mutes", this::putMute);
        routes.delete(ApiRoutes.BASE + "/mutes", ctx -> deleteMute(ctx, null));
        routes.delete(ApiRoutes.BASE + "/mutes/{id}", ctx -> deleteMute(ctx, ctx.pathParam("id")));
        routes.get("/mutes", ctx -> page(ctx, null, null));
        routes.post("/mutes", this::muteFromForm);
        routes.post("/mutes/lift", this::liftFromForm);
    }

    private List<Mute> active() {
        return backend.view().mutes(backend.clock().instant());
    }

    private void putMute(Context ctx) {
        ApiJson.MuteBody body = ApiRoutes.body(ctx, ApiJson.MuteBody.class);
        Mute mute = Inputs.mute(body.topic(), body.story(), body.source(), body.sink(), body.duration(), body.until(),
                body.reason(), backend.view().sinkIds(), Guard.principal(ctx).name(), backend.clock().instant());
        publish(mute);
        ctx.json(ApiJson.Mute.of(mute, backend.view().heldBy(mute.id())));
    }

    /** The mute to lift: by path id, by {@code id}, or by what it mutes, from the query or a JSON body. */
    private void deleteMute(Context ctx, String pathId) {
        String id = pathId != null ? pathId : ctx.queryParam("id");
        if (id == null && ctx.queryParam("topic") == null && ctx.queryParam("story") == null
                && ctx.queryParam("source") == null && !ctx.body().isBlank()) {
            ApiJson.MuteBody body = ApiRoutes.body(ctx, ApiJson.MuteBody.class);
            id = body.id() != null ? body.id() : idOf(body.topic(), body.story(), body.source(), body.sink());
        } else if (id == null) {
            id = idOf(ctx.queryParam("topic"), ctx.queryParam("story"), ctx.queryParam("source"),
                    ctx.queryParam("sink"));
        }
        boolean replay = "true".equalsIgnoreCase(ctx.queryParam("replay"));
        boolean lifted = lift(id);
        // a mute that ran out, or was lifted before, can still send what it held back
        int replayed = replay && (lifted || backend.view().heldBy(id) > 0) ? backend.muteReplay().replay(id) : 0;
        if (!lifted && replayed == 0) {
            ctx.status(404).json(new ApiJson.Error("no mute " + id + " is in force"
                    + (replay ? " and nothing held back by it is left" : ""), null, "id"));
            return;
        }
        ctx.json(new ApiJson.Lifted(id, replayed));
    }

    private String idOf(String topic, String story, String source, String sink) {
        Mute probe = Inputs.mute(topic, story, source, null, null, null, null, List.of(), null, Instant.EPOCH);
        return Mute.idOf(probe.scope(), probe.value(), sink == null || sink.isBlank() ? null : sink.trim());
    }

    private void publish(Mute mute) {
        backend.edits().putMute(mute);
        backend.view().applyMute(mute.id(), mute);
    }

    private boolean lift(String id) {
        if (backend.view().mute(id, backend.clock().instant()).isEmpty()) {
            return false;
        }
        backend.edits().liftMute(id);
        backend.view().applyMute(id, null);
        return true;
    }

    private void muteFromForm(Context ctx) {
        // the story page names scope and value in one field ("topic:su-35"), so no script has to pair them
        String target = ctx.formParam("target");
        int colon = target == null ? -1 : target.indexOf(':');
        String scope = colon < 0 ? ctx.formParam("scope") : target.substring(0, colon);
        String value = colon < 0 ? ctx.formParam("value") : target.substring(colon + 1);
        try {
            Mute mute = Inputs.mute("topic".equals(scope) ? value : null, "story".equals(scope) ? value : null,
                    "source".equals(scope) ? value : null, ctx.formParam("sink"), ctx.formParam("for"), null,
                    ctx.formParam("reason"), backend.view().sinkIds(), Guard.principal(ctx).name(),
                    backend.clock().instant());
            publish(mute);
            ctx.redirect("/mutes?done=muted", HttpStatus.SEE_OTHER);
        } catch (BadInput e) {
            ctx.status(400);
            page(ctx, null, e.getMessage());
        }
    }

    private void liftFromForm(Context ctx) {
        String id = ctx.formParam("id");
        boolean replay = ctx.formParam("replay") != null;
        boolean lifted = id != null && lift(id);
        if (!lifted && !(replay && id != null && backend.view().heldBy(id) > 0)) {
            ctx.status(404);
            page(ctx, null, "No mute " + id + " is in force (lifted already, or its time is up).");
            return;
        }
        if (replay) {
            int replayed = backend.muteReplay().replay(id);
            page(ctx, (lifted ? "Lifted " : "Sent what ") + id + (lifted ? "; " : " held back: ") + replayed
                    + " held-back alert(s) sent to the sinks again.", null);
        } else {
            page(ctx, "Lifted " + id + "; what it held back stays unsent.", null);
        }
    }

    private void page(Context ctx, String notice, String problem) {
        String shown = notice != null ? notice
                : "muted".equals(ctx.queryParam("done")) ? "Muted; the sinks hold back what it covers within a second."
                : null;
        Principal p = Guard.principal(ctx);
        List<Pages.MuteRow> rows = active().stream()
                .map(m -> new Pages.MuteRow(m, backend.view().heldBy(m.id()))).toList();
        templates.render(ctx, "mutes.jte", new Pages.Mutes(PageRoutes.chrome(ctx, "Mutes", "mutes", problem, shown),
                rows, backend.view().heldByPastMutes(backend.clock().instant()), backend.view().sinkIds(),
                p.mayEdit()));
    }
}
