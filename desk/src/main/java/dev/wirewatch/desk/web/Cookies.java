package dev.wirewatch.desk.web;

import io.javalin.http.Context;
import java.time.Duration;

/**
 * The desk's cookies: HttpOnly (no script reads them), SameSite=Strict (no other site's page sends them), path
 * {@code /}, and Secure whenever the request came over HTTPS (directly or through a proxy that says so).
 *
 * <p>Stateless and thread safe.
 */
final class Cookies {

    private Cookies() {
    }

    static void set(Context ctx, String name, String value, Duration maxAge) {
        ctx.res().addHeader("Set-Cookie", name + "=" + value + "; Path=/; Max-Age=" + Math.max(0, maxAge.toSeconds())
                + "; HttpOnly; SameSite=Strict" + (secure(ctx) ? "; Secure" : ""));
    }

    static void clear(Context ctx, String name) {
        set(ctx, name, "", Duration.ZERO);
    }

    private static boolean secure(Context ctx) {
        return ctx.req().isSecure() || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
    }
}
