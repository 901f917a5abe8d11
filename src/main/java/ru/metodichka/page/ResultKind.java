package ru.metodichka.page;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The kinds of results a community produces (§4.9); published pages of these form the bank. */
public enum ResultKind {
  RESOURCE("resource"),
  PRACTICE("practice"),
  PROJECT("project"),
  PRODUCT("product"),
  ARTICLE("article"),
  METHODOLOGICAL_DEVELOPMENT("methodological-development"),
  OTHER("other");

  private final String code;

  ResultKind(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  /** The kind for an API code, or null when there is none. */
  public static ResultKind fromCode(String code) {
    return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst().orElse(null);
  }

  /** "resource, practice, …" for error messages. */
  public static String allCodes() {
    return Arrays.stream(values()).map(ResultKind::code).collect(Collectors.joining(", "));
  }
}
