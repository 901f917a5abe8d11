package ru.metodichka.notification.mail;

/**
 * One e-mail to send.
 *
 * @param messageId the {@code Message-ID}, with its angle brackets: the same at every attempt, so a
 *     mail sent again after a crash is recognisably the same message
 * @param unsubscribe the one-click unsubscribe address ({@code List-Unsubscribe}, RFC 8058)
 */
public record Mail(String to, String subject, String body, String messageId, String unsubscribe) {}
