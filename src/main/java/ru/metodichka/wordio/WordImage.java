package ru.metodichka.wordio;

/**
 * A picture found in an imported Word document: its name in the document's package (e.g. {@code
 * image1.png}), its content type as the package declares it (to be sniffed again before serving),
 * and its bytes. Not stored by the import: attachments store them.
 */
public record WordImage(String name, String contentType, byte[] data) {}
