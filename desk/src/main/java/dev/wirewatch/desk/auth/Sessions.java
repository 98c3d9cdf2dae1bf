package dev.wirewatch.desk.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signed-in sessions, in memory: a random id (the cookie) for a principal, with the CSRF token its forms carry.
 *
 * <p>Thread safe. Sessions end after {@code timeout} or on sign-out; a restart signs everyone out. At most
 * {@value #MAX_SESSIONS} live at once: the oldest is dropped first, so a flood of sign-ins cannot fill the memory.
 */
public final class Sessions {

    static final int MAX_SESSIONS = 10_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One session. Immutable. */
    public record Session(String id, Principal principal, String csrfToken, Instant expiresAt) {
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Duration timeout;
    private final Clock clock;

    public Sessions(Duration timeout, Clock clock) {
        this.timeout = timeout;
        this.clock = clock;
    }

    /** Starts a session for {@code principal}. */
    public Session open(Principal principal) {
        Instant now = clock.instant();
        sessions.values().removeIf(s -> !s.expiresAt().isAfter(now));
        while (sessions.size() >= MAX_SESSIONS) {
            sessions.values().stream().min(java.util.Comparator.comparing(Session::expiresAt))
                    .ifPresent(s -> sessions.remove(s.id()));
        }
        Session session = new Session(randomToken(), principal, randomToken(), now.plus(timeout));
        sessions.put(session.id(), session);
        return session;
    }

    /** The live session with this id. */
    public Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session session = sessions.get(id);
        if (session == null) {
            return Optional.empty();
        }
        if (!session.expiresAt().isAfter(clock.instant())) {
            sessions.remove(id);
            return Optional.empty();
        }
        return Optional.of(session);
    }

    /** Ends the session with this id. */
    public void close(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    /** 32 random bytes, URL-safe Base64. */
    public static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
