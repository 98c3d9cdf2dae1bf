package dev.wirewatch.desk.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;

/**
 * bcrypt password hashes as Prometheus' web config and {@code htpasswd -B} use them ({@code $2a$}, {@code $2b$},
 * {@code $2y$}).
 *
 * <p>Stateless and thread safe. Checking costs what the hash's cost factor says (about 50 ms at cost 10).
 */
public final class PasswordHashes {

    /** The cost of hashes this build makes: 2^10 rounds, Prometheus' and htpasswd's default. */
    public static final int COST = 10;

    /** A hash nobody's password matches, checked for unknown users so that their answer takes as long. */
    private static final String NOBODY = hash("not a password anyone has: " + System.nanoTime());

    private PasswordHashes() {
    }

    /** A new {@code $2y$} hash of {@code password}; bcrypt reads at most its first 72 bytes. */
    public static String hash(String password) {
        return BCrypt.with(BCrypt.Version.VERSION_2Y).hashToString(COST, password.toCharArray());
    }

    /** Whether {@code password} matches {@code hash}; a malformed hash matches nothing. */
    public static boolean matches(String password, String hash) {
        if (hash == null) {
            BCrypt.verifyer().verify(password.getBytes(StandardCharsets.UTF_8), NOBODY.getBytes(StandardCharsets.UTF_8));
            return false;
        }
        try {
            return BCrypt.verifyer().verify(password.getBytes(StandardCharsets.UTF_8),
                    hash.getBytes(StandardCharsets.UTF_8)).verified;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
