package ru.metodichka.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.metodichka.Api;
import ru.metodichka.AppExtension;
import ru.metodichka.Fixtures;
import ru.metodichka.TestApp;
import ru.metodichka.WebSession;

/** Views of published pages are counted per page and day, with nothing about the viewer. */
@ExtendWith(AppExtension.class)
class PageViewsIT {

  @Test
  void viewsOfAPublishedPageAreCountedAndDraftsAreNot(TestApp app, Fixtures fx)
      throws SQLException {
    var team = fx.team();
    fx.save(team.community(), "открыто", team.member().token(), "Открыто", "Текст", 0);
    fx.save(team.community(), "черновик", team.member().token(), "Черновик", "Текст", 0);
    var published =
        fx.api()
            .post(Api.page(team.community(), "открыто", "publish"), team.moderator().token(), null);
    assertThat(published.status()).isEqualTo(200);

    WebSession visitor = new WebSession(fx.api());
    WebSession member = WebSession.withToken(fx.api(), team.member().token());
    for (int i = 0; i < 3; i++) {
      visitor.page("/c/" + team.community() + "/открыто");
    }
    member.page("/c/" + team.community() + "/открыто");
    member.page("/c/" + team.community() + "/черновик");
    app.app().parts().views().flush().await();

    try (var db = app.jdbc();
        var query =
            db.prepareStatement(
                """
                SELECT p.slug, v.day, v.views FROM page_views v JOIN pages p ON p.id = v.page_id
                 JOIN communities c ON c.id = p.community_id WHERE c.slug = ?
                """)) {
      query.setString(1, team.community());
      ResultSet rows = query.executeQuery();
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString("slug")).isEqualTo("открыто");
      assertThat(rows.getObject("day", LocalDate.class))
          .isEqualTo(LocalDate.now(ZoneId.of("Europe/Moscow")));
      assertThat(rows.getLong("views")).isEqualTo(4);
      assertThat(rows.next()).as("the draft's views are not counted").isFalse();
    }
    try (var db = app.jdbc();
        var query =
            db.prepareStatement(
                """
                SELECT p.slug, p.views FROM pages p JOIN communities c ON c.id = p.community_id
                 WHERE c.slug = ? ORDER BY p.slug
                """)) {
      query.setString(1, team.community());
      ResultSet rows = query.executeQuery();
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString("slug")).isEqualTo("открыто");
      assertThat(rows.getLong("views")).as("the page's running total").isEqualTo(4);
      assertThat(rows.next()).isTrue();
      assertThat(rows.getLong("views")).as("the draft's").isZero();
    }
  }
}
