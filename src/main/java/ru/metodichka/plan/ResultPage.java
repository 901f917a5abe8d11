package ru.metodichka.plan;

import ru.metodichka.page.PageStatus;

/** A page of the community that is a result of a plan item, with what a reader's view needs. */
public record ResultPage(String slug, String title, PageStatus status) {}
