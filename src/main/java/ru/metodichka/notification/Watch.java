package ru.metodichka.notification;

/**
 * One thing a user watches: a page ({@code page} and {@code title} set) or a whole community.
 *
 * @param auto whether it was added by editing the page
 */
public record Watch(
    String community, String communityName, String page, String title, boolean auto) {}
