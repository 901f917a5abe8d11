package ru.metodichka.expert;

import java.time.OffsetDateTime;
import ru.metodichka.auth.Person;

/** A user who holds the expert right now, since when. */
public record Expert(Person person, String institution, String position, OffsetDateTime since) {}
