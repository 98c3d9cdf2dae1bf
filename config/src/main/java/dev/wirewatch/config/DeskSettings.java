package dev.wirewatch.config;

import java.time.Duration;
import java.util.List;

/**
 * The editors' desk: where its pages and API listen, who may sign in, which API tokens exist.
 *
 * <p>Immutable. Defaults: port 8080 on 127.0.0.1 (the desk shows and changes what Wirewatch watches, so it is not
 * on every interface unless asked), no users, no tokens, sessions of 12 hours. Port 0 picks a free port; -1 turns
 * the desk off; stories and articles are kept for 14 days after their latest record ({@code retention}). Password
 * hashes are bcrypt ({@code $2a$}, {@code $2b$} or {@code $2y$}, as Prometheus' web config
 * and {@code htpasswd -B} write them; {@code wirewatch desk hash-password} makes one); tokens come from
 * {@code ${ENV}} references and are never logged.
 */
public record DeskSettings(Integer port, String bindAddress, List<User> users, List<ApiToken> apiTokens,
                           Duration sessionTimeout, Duration retention) {

    public static final int DEFAULT_PORT = 8080;

    /** What a user or token may do: look, or also change topics, feeds and deliveries. */
    public enum Role {
        VIEWER, EDITOR;

        /** The role named in the config ({@code viewer} or {@code editor}), or null for anything else. */
        public static Role named(String name) {
            if (name == null) {
                return null;
            }
            return switch (name) {
                case "viewer" -> VIEWER;
                case "editor" -> EDITOR;
                default -> null;
            };
        }
    }

    /** A person who signs in on the login page. */
    public record User(String name, String role, String passwordHash) {
    }

    /** A bearer token for the API, e.g. for a script or an outside check. */
    public record ApiToken(String name, String role, String token) {
        @Override
        public String toString() {
            return "ApiToken[name=" + name + ", role=" + role + ", token=(redacted)]";
        }
    }

    public DeskSettings {
        port = port == null ? DEFAULT_PORT : port;
        bindAddress = bindAddress == null || bindAddress.isBlank() ? "127.0.0.1" : bindAddress;
        users = users == null ? List.of() : List.copyOf(users);
        apiTokens = apiTokens == null ? List.of() : List.copyOf(apiTokens);
        sessionTimeout = sessionTimeout == null ? Duration.ofHours(12) : sessionTimeout;
        retention = retention == null ? Duration.ofDays(14) : retention;
    }

    public static DeskSettings defaults() {
        return new DeskSettings(null, null, null, null, null, null);
    }

    /** True unless the desk is turned off. */
    public boolean enabled() {
        return port >= 0;
    }

    /** A copy listening on another port. */
    public DeskSettings withPort(int newPort) {
        return new DeskSettings(newPort, bindAddress, users, apiTokens, sessionTimeout, retention);
    }

    /** A copy with one more API token. */
    public DeskSettings withApiToken(ApiToken token) {
        List<ApiToken> more = new java.util.ArrayList<>(apiTokens);
        more.add(token);
        return new DeskSettings(port, bindAddress, users, more, sessionTimeout, retention);
    }

    /** A copy with one more user. */
    public DeskSettings withUser(User user) {
        List<User> more = new java.util.ArrayList<>(users);
        more.add(user);
        return new DeskSettings(port, bindAddress, more, apiTokens, sessionTimeout, retention);
    }
}
