package ru.metodichka.evaluation;

import java.time.OffsetDateTime;
import ru.metodichka.page.ResultKind;

/** A page of the community first published within the period. */
public record Result(String slug, String title, ResultKind kind, OffsetDateTime firstPublished) {}
