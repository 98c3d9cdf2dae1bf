package dev.wirewatch.desk.auth;

import dev.wirewatch.config.DeskSettings;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

/**
 * The desk's users and API tokens, from {@code desk.users} and {@code desk.apiTokens}.
 *
 * <p>Immutable and thread safe. Tokens are compared in constant time; an unknown user costs a password check like a
 * known one, so neither leaks through timing which names or tokens exist.
 */
public final class Accounts {

    private final List<DeskSettings.User> users;
    private final List<DeskSettings.ApiToken> tokens;

    public Accounts(List<DeskSettings.User> users, List<DeskSettings.ApiToken> tokens) {
        this.users = List.copyOf(users);
        this.tokens = List.copyOf(tokens);
    }

    /** The user with this name and password. */
    public Optional<Principal> signIn(String name, String password) {
        if (name == null || password == null) {
            return Optional.empty();
        }
        DeskSettings.User user = users.stream().filter(u -> u.name().equals(name)).findFirst().orElse(null);
        boolean ok = PasswordHashes.matches(password, user == null ? null : user.passwordHash());
        return ok ? Optional.of(new Principal(user.name(), DeskSettings.Role.named(user.role()))) : Optional.empty();
    }

    /** The API token's holder. */
    public Optional<Principal> bearer(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        byte[] given = token.getBytes(StandardCharsets.UTF_8);
        Principal found = null;
        for (DeskSettings.ApiToken t : tokens) {
            if (MessageDigest.isEqual(given, t.token().getBytes(StandardCharsets.UTF_8))) {
                found = new Principal(t.name(), DeskSettings.Role.named(t.role()));
            }
        }
        return Optional.ofNullable(found);
    }

    /** True when nobody can sign in or call the API (worth a warning at start). */
    public boolean none() {
        return users.isEmpty() && tokens.isEmpty();
    }
}
