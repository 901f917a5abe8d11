package ru.metodichka.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.metodichka.Api;
import ru.metodichka.AppExtension;
import ru.metodichka.Fixtures;
import ru.metodichka.Fixtures.Team;

/** Orders as Word documents over HTTP, read back with POI. */
@ExtendWith(AppExtension.class)
class OrderDocumentIT {
  private static final LocalDate SIGNED = LocalDate.now(ZoneId.of("Europe/Moscow")).minusDays(2);
  private static final String CENTRE = "ГБУ ИМЦ Петродворцового района Санкт-Петербурга";

  private static String text(Api.Response response) throws IOException {
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    assertThat(response.contentType()).isEqualTo(OrderDocuments.DOCX);
    assertThat(response.headers().get("Cache-Control")).isEqualTo("no-store");
    byte[] bytes = response.body().getBytes();
    try (var extractor = new XWPFWordExtractor(new XWPFDocument(new ByteArrayInputStream(bytes)))) {
      return extractor.getText();
    }
  }

  @Test
  void theDraftNamesEveryoneWithPositionAndInstitutionAndLeavesNumberAndDateBlank(Fixtures fx)
      throws IOException {
    Team team = fx.team();
    String admin = fx.adminToken();
    var response = fx.api().get("/api/orders/draft.docx?community=" + team.community(), admin);
    String text = text(response);
    assertThat(text)
        .contains(CENTRE, "ПРИКАЗ", "ПРОЕКТ", "«___» ____________ 20___ г.\t№ ________")
        .contains("Сообщество «Сообщество " + team.community() + "»")
        .contains("Проектная деятельность в начальной школе")
        .contains("Анна Петровна Иванова", "Ольга Сергеевна Смирнова", "учитель", "методист")
        .contains("МБОУ СОШ № 1")
        .contains("включить в состав сообщества: Анна Петровна Иванова, учитель, МБОУ СОШ № 1")
        .contains("назначить модератором сообщества: Ольга Сергеевна Смирнова");
    assertThat(text).doesNotContainPattern("\\d{2}\\.\\d{2}\\.\\d{4}\t№");
    String disposition =
        URLDecoder.decode(response.headers().get("Content-Disposition"), StandardCharsets.UTF_8);
    assertThat(disposition).startsWith("attachment; ").contains("проект-приказа-");
  }

  @Test
  void anIssuedOrderKeepsWhatItConfirmedWhateverHappensLater(Fixtures fx) throws IOException {
    Team team = fx.team();
    String admin = fx.adminToken();
    String number = Fixtures.unique("од-");
    long id =
        fx.api()
            .post("/api/orders", admin, OrderIT.order(number, SIGNED, team.community()))
            .json()
            .getLong("id");
    String document = "/api/orders/" + id + ".docx";
    String issued = text(fx.api().get(document, admin));
    assertThat(issued)
        .contains(CENTRE, "ПРИКАЗ", SIGNED.format(OrderRef.DATE) + "\t№ " + number)
        .contains("Анна Петровна Иванова", "учитель", "МБОУ СОШ № 1")
        .doesNotContain("ПРОЕКТ");
    var newcomer = fx.user("Пётр Новиков");
    fx.join(team.community(), newcomer, "member");
    var leaving = team.member();
    fx.api()
        .delete(
            "/api" + Api.path("communities", team.community(), "members", leaving.login()),
            leaving.token());
    assertThat(text(fx.api().get(document, admin))).isEqualTo(issued);
    String draft =
        text(fx.api().get("/api/orders/draft.docx?community=" + team.community(), admin));
    assertThat(draft)
        .contains("Пётр Новиков")
        .contains("после приказа № " + number + " от " + SIGNED.format(OrderRef.DATE))
        .contains("в связи с выходом по собственному желанию: Анна Петровна Иванова");
    String disposition =
        URLDecoder.decode(
            fx.api().get(document, admin).headers().get("Content-Disposition"),
            StandardCharsets.UTF_8);
    assertThat(disposition)
        .contains("filename=\"order-" + id + "-" + SIGNED + ".docx\"")
        .contains("приказ-" + number + "-" + SIGNED + ".docx");
  }
}
