package dev.wirewatch.launcher.cli;

import dev.wirewatch.config.DeskSettings;
import dev.wirewatch.desk.auth.PasswordHashes;
import java.security.SecureRandom;

/**
 * The desk user {@code wirewatch demo} makes: an editor named {@value #NAME} with a new random password per run,
 * printed with the desk's address, and an editor API token for scripts (the demo listens on loopback only, unless
 * told otherwise).
 */
final class DemoUser {

    static final String NAME = "demo";
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private DemoUser() {
    }

    /** 16 characters without look-alikes (about 93 bits). */
    static String password() {
        return random(16);
    }

    /** An editor API token for scripts against the demo's desk: 32 characters (about 186 bits). */
    static String token() {
        return random(32);
    }

    private static String random(int length) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    static DeskSettings.User editor(String password) {
        return new DeskSettings.User(NAME, "editor", PasswordHashes.hash(password));
    }

    static DeskSettings.ApiToken apiToken(String token) {
        return new DeskSettings.ApiToken(NAME, "editor", token);
    }
}
