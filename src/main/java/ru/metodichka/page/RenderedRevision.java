package ru.metodichka.page;

/** A revision with its safe HTML, as the reader who asked sees its wiki links. */
public record RenderedRevision(Revision revision, String html) {}
