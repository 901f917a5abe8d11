package ru.metodichka.account;

import java.time.OffsetDateTime;

/**
 * One recorded change of an account's rights or state (append-only {@code account_events}).
 *
 * @param actor the administrator's login, or null when the person acted themselves
 * @param kind {@code admin_granted}, {@code admin_revoked}, {@code methodist_granted}, {@code
 *     methodist_revoked}, {@code disabled}, {@code enabled}, {@code password_reset_issued}, {@code
 *     password_reset_used}, {@code password_changed}, {@code imported} or {@code profile_changed}
 */
public record AccountEvent(String actor, String kind, String detail, OffsetDateTime at) {}
