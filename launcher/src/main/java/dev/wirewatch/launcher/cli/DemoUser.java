package dev.wirewatch.launcher.cli;

import dev.wirewatch.config.DeskSettings;
import dev.wirewatch.desk.auth.PasswordHashes;
import java.security.SecureRandom;

/**
 * The desk user {@code wirewatch demo} makes: an editor named {@value #NAME} with a new random password per run,
 * printed with the desk's address (the demo listens on loopback only, unless told otherwise).
 */
final class DemoUser {

    static final String NAME = "demo";
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private DemoUser() {
    }

    /** 16 characters without look-alikes (about 93 bits). */
    static String password() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    static DeskSettings.User editor(String password) {
        return new DeskSettings.User(NAME, "editor", PasswordHashes.hash(password));
    }
}
