package ru.metodichka.order;

import ru.metodichka.auth.Person;

/**
 * A member or moderator as an order names them: with the position and institution they gave in
 * their profile (either may be null).
 */
public record Participant(Person person, String position, String institution) {}
