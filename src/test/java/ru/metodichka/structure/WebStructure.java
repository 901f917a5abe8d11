package ru.metodichka.structure;

import java.util.Map;
import ru.metodichka.Api;
import ru.metodichka.WebSession;

/** The structure screen and its buttons, as a browser without scripts uses them, for tests. */
final class WebStructure {
  private final Api api;
  private final String community;

  WebStructure(Api api, String community) {
    this.api = api;
    this.community = community;
  }

  String path() {
    return "/c/" + community + "/structure";
  }

  private WebSession session(String token) {
    return token == null ? new WebSession(api) : WebSession.withToken(api, token);
  }

  Api.Response screen(String token) {
    return session(token).get(path());
  }

  /** Presses one button ({@code move}) of the page {@code slug}'s row. */
  Api.Response arrange(String token, int version, String slug, String move) {
    WebSession web = session(token);
    web.get(path());
    return web.postForm(
        path() + "/arrange",
        Map.of("version", Integer.toString(version), "slug", slug, "move", move));
  }
}
