package ru.metodichka.auth;

/** A user as others see them in lists and histories: the login and the name they go by. */
public record Person(String login, String name) {}
