package ru.metodichka.evaluation;

import java.time.LocalDate;

/** A plan item due in the period, as the plan stood at the period's end. */
public record Task(long id, String year, String title, LocalDate due, String status) {}
