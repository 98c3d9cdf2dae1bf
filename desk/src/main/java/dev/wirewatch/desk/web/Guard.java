package dev.wirewatch.desk.web;

import dev.wirewatch.desk.auth.Accounts;
import dev.wirewatch.desk.auth.Principal;
import dev.wirewatch.desk.auth.Sessions;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

/**
 * Who may do what, before any page or API handler runs: API calls carry {@code Authorization: Bearer TOKEN} or the
 * session cookie; pages need the session cookie. A write (any method but GET/HEAD) needs the editor role and, when
 * it comes with the cookie, the session's CSRF token (form field {@code _csrf} or header {@code X-CSRF-Token}).
 *
 * <p>Thread safe. Answers: no or unknown credentials → 401 (API) or a redirect to {@code /login} (pages); a viewer
 * writing or a missing CSRF token → 403.
 */
final class Guard {

    static final String SESSION_COOKIE = "wirewatch_session";
    static final String CSRF_FIELD = "_csrf";
    static final String CSRF_HEADER = "X-CSRF-Token";
    static final String PRINCIPAL = "principal";
    static final String SESSION = "session";

    /** Writes that change nothing, so viewers may send them. */
    private static final Set<String> READ_ONLY_POSTS = Set.of("/api/v1/topics/preview", "/api/v1/topics/explain",
            "/logout");

    private final Accounts accounts;
    private final Sessions sessions;

    Guard(Accounts accounts, Sessions sessions) {
        this.accounts = accounts;
        this.sessions = sessions;
    }

    void check(Context ctx) {
        String path = ctx.path();
        if (path.equals("/login") || path.startsWith("/static/")) {
            return;
        }
        boolean api = path.startsWith("/api/");
        String authorization = ctx.header("Authorization");
        Principal principal;
        if (api && authorization != null) {
            if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                throw Denied.status(401, "expected Authorization: Bearer TOKEN");
            }
            principal = accounts.bearer(authorization.substring(7).trim())
                    .orElseThrow(() -> Denied.status(401, "unknown token"));
        } else {
            Sessions.Session session = sessions.find(ctx.cookie(SESSION_COOKIE)).orElse(null);
            if (session == null) {
                throw api ? Denied.status(401, "sign in, or send Authorization: Bearer TOKEN")
                        : Denied.redirect("/login");
            }
            if (writes(ctx) && !sameToken(csrfOf(ctx), session.csrfToken())) {
                throw Denied.status(403, "missing or wrong CSRF token: reload the page and try again");
            }
            principal = session.principal();
            ctx.attribute(SESSION, session);
        }
        ctx.attribute(PRINCIPAL, principal);
        if (writes(ctx) && !READ_ONLY_POSTS.contains(path) && !principal.mayEdit()) {
            throw Denied.status(403, principal.name() + " is a viewer: only editors change topics, feeds and "
                    + "deliveries");
        }
    }

    private static String csrfOf(Context ctx) {
        String header = ctx.header(CSRF_HEADER);
        if (header != null) {
            return header;
        }
        String type = ctx.contentType();
        boolean form = type != null && (type.startsWith("application/x-www-form-urlencoded")
                || type.startsWith("multipart/form-data"));
        return form ? ctx.formParam(CSRF_FIELD) : null;
    }

    static boolean writes(Context ctx) {
        return ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD;
    }

    static boolean sameToken(String given, String expected) {
        return given != null && expected != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }

    static Principal principal(Context ctx) {
        return ctx.attribute(PRINCIPAL);
    }

    static Sessions.Session session(Context ctx) {
        return ctx.attribute(SESSION);
    }
}
