package dev.wirewatch.desk.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wirewatch.config.DeskSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionsTest {

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-12-01T08:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aSessionEndsAfterItsTimeoutOrOnSignOut() {
        MovableClock clock = new MovableClock();
        Sessions sessions = new Sessions(Duration.ofHours(1), clock);
        Principal ed = new Principal("ed", DeskSettings.Role.EDITOR);
        Sessions.Session a = sessions.open(ed);
        Sessions.Session b = sessions.open(ed);
        assertNotEquals(a.id(), b.id());
        assertNotEquals(a.csrfToken(), a.id());
        clock.now = clock.now.plus(Duration.ofMinutes(59));
        assertTrue(sessions.find(a.id()).isPresent());
        sessions.close(b.id());
        assertFalse(sessions.find(b.id()).isPresent());
        clock.now = clock.now.plus(Duration.ofMinutes(2));
        assertFalse(sessions.find(a.id()).isPresent());
        assertFalse(sessions.find(null).isPresent());
    }

    @Test
    void failedSignInsForANameOrFromAnAddressAreThrottledForAWhile() {
        MovableClock clock = new MovableClock();
        SignInThrottle throttle = new SignInThrottle(clock);
        for (int i = 0; i < SignInThrottle.MAX_FAILURES; i++) {
            assertFalse(throttle.blocked("ed", "10.0.0.1"));
            throttle.failed("ed", "10.0.0." + i);
        }
        assertTrue(throttle.blocked("ed", "10.0.0.9"), "the name, from any address");
        assertFalse(throttle.blocked("vi", "10.0.0.9"), "another name from another address");
        for (int i = 0; i < SignInThrottle.MAX_FAILURES; i++) {
            throttle.failed("user" + i, "10.9.9.9");
        }
        assertTrue(throttle.blocked("anyone", "10.9.9.9"), "the address, for any name");
        clock.now = clock.now.plus(SignInThrottle.WINDOW).plusSeconds(1);
        assertFalse(throttle.blocked("ed", "10.0.0.9"));
        throttle.failed("ed", "1.1.1.1");
        throttle.succeeded("ed");
        assertFalse(throttle.blocked("ed", "2.2.2.2"));
    }

    @Test
    void passwordsAndTokensAreCheckedAndHashesFromOtherToolsAreRead() {
        String hash = PasswordHashes.hash("correct horse");
        assertTrue(hash.startsWith("$2y$10$"), hash);
        // OpenBSD's published bcrypt test vector for "U*U" ($2a$), which Go's bcrypt (Prometheus) also reads.
        String openBsdVector = "$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW";
        assertTrue(PasswordHashes.matches("U*U", openBsdVector));
        assertFalse(PasswordHashes.matches("U*V", openBsdVector));
        Accounts accounts = new Accounts(List.of(new DeskSettings.User("ed", "editor", hash),
                new DeskSettings.User("vi", "viewer", "$2b$" + hash.substring(4))),
                List.of(new DeskSettings.ApiToken("ci", "viewer", "token-0123456789abcdef")));
        assertEquals(DeskSettings.Role.EDITOR, accounts.signIn("ed", "correct horse").orElseThrow().role());
        assertEquals(DeskSettings.Role.VIEWER, accounts.signIn("vi", "correct horse").orElseThrow().role());
        assertTrue(accounts.signIn("ed", "wrong").isEmpty());
        assertTrue(accounts.signIn("nobody", "correct horse").isEmpty());
        assertEquals("ci", accounts.bearer("token-0123456789abcdef").orElseThrow().name());
        assertTrue(accounts.bearer("token-0123456789abcdeF").isEmpty());
        assertFalse(PasswordHashes.matches("x", "not a hash"));
    }
}
