package ru.metodichka.page;

/** How submitted Markdown is stored, so that merges and diffs compare like with like. */
public final class Markdown {
  private Markdown() {}

  /** Line endings become {@code \n}, and a non-empty text ends with exactly one newline. */
  public static String normalize(String text) {
    String unix = text.replace("\r\n", "\n").replace('\r', '\n');
    int end = unix.length();
    while (end > 0 && unix.charAt(end - 1) == '\n') {
      end--;
    }
    return end == 0 ? "" : unix.substring(0, end) + "\n";
  }
}
