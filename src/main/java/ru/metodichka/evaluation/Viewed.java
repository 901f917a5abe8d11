package ru.metodichka.evaluation;

import ru.metodichka.page.ResultKind;

/** A published page of the community with its views on the days that start in the period. */
public record Viewed(String slug, String title, ResultKind kind, long views) {}
