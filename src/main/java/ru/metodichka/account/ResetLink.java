package ru.metodichka.account;

import java.time.OffsetDateTime;

/**
 * A one-time link to set a local password, shown once to the administrator who made it (only the
 * token's hash is stored).
 *
 * @param path {@code /password/reset/{token}}, to be prefixed with the site's address
 */
public record ResetLink(String login, String name, String path, OffsetDateTime expiresAt) {}
