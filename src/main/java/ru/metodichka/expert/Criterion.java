package ru.metodichka.expert;

/**
 * One criterion of the rubric, scored 0–3.
 *
 * @param code stable machine name ({@code relevance}); scores are kept by it
 */
public record Criterion(String code, String title, String description) {}
