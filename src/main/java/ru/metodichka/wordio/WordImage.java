package ru.metodichka.wordio;

/**
 * A picture found in an imported Word document: the name it is kept under as a file of the page
 * (made from the document's name, e.g. {@code План-урока-1.png}; {@link WordImport} names it), its
 * content type as the package declares it (sniffed again when stored), and its bytes. A picture
 * shown several times in the document is one file.
 */
public record WordImage(String name, String contentType, byte[] data) {
  WordImage named(String newName) {
    return new WordImage(newName, contentType, data);
  }
}
