package ru.metodichka.attachment;

/** The outcome of reading a file's text: status, error (when it failed) and the text. */
public record ExtractedText(String status, String error, String text) {}
