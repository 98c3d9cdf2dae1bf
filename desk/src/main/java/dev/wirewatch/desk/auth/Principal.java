package dev.wirewatch.desk.auth;

import dev.wirewatch.config.DeskSettings.Role;

/**
 * Who is asking: a signed-in user or an API token's name, with its role.
 *
 * <p>Immutable.
 */
public record Principal(String name, Role role) {

    public boolean mayEdit() {
        return role == Role.EDITOR;
    }
}
