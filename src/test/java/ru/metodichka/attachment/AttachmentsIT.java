package ru.metodichka.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.metodichka.Api;
import ru.metodichka.AppExtension;
import ru.metodichka.Fixtures;

/** Files of a page: upload, list, download, versions under one name, hiding, safe serving. */
@ExtendWith(AppExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttachmentsIT {
  private Fixtures fx;
  private Fixtures.Team team;
  private Api api;

  @BeforeAll
  void setUp(Fixtures fx) {
    this.fx = fx;
    this.api = fx.api();
    this.team = fx.team();
    fx.save(team.community(), "урок", team.member().token(), "Урок", "Текст урока.\n", 0);
  }

  @Test
  void anUploadIsListedAndDownloadedAsSent() {
    byte[] content = Uploads.utf8("Дроби и проценты: план урока.\n");
    var up =
        Uploads.upload(api, team.member().token(), team.community(), "урок", "план.txt", content);
    assertThat(up.status()).as(up.toString()).isEqualTo(201);
    assertThat(up.json().getString("name")).isEqualTo("план.txt");
    assertThat(up.json().getInteger("version")).isEqualTo(1);
    assertThat(up.json().getString("mediaType")).isEqualTo("text/plain");

    var list = api.get(Uploads.list(team.community(), "урок"), team.member().token());
    assertThat(list.status()).isEqualTo(200);
    assertThat(
            list.items().stream().map(i -> ((io.vertx.core.json.JsonObject) i).getString("name")))
        .contains("план.txt");

    var down = api.get(Uploads.file(team.community(), "урок", "план.txt"), team.member().token());
    assertThat(down.status()).isEqualTo(200);
    assertThat(down.body().getBytes()).isEqualTo(content);
    assertThat(down.headers().get("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(down.headers().get("Content-Security-Policy")).startsWith("sandbox");
  }

  @Test
  void aSecondUploadUnderTheNameIsANewVersionAndTheFirstStays() {
    String token = team.member().token();
    Uploads.upload(api, token, team.community(), "урок", "версии.txt", Uploads.utf8("первая"));
    var second =
        Uploads.upload(api, token, team.community(), "урок", "версии.txt", Uploads.utf8("вторая"));
    assertThat(second.json().getInteger("version")).isEqualTo(2);
    assertThat(
            api.get(Uploads.file(team.community(), "урок", "версии.txt"), team.member().token())
                .text())
        .isEqualTo("вторая");
    assertThat(
            api.get(
                    Uploads.file(team.community(), "урок", "версии.txt", "versions", "1"),
                    team.member().token())
                .text())
        .isEqualTo("первая");
    assertThat(
            api.get(
                    Uploads.file(team.community(), "урок", "версии.txt", "versions", "9"),
                    team.member().token())
                .status())
        .isEqualTo(404);
  }

  @Test
  void aLargeFileCrossesManyChunksIntact() {
    byte[] content = new byte[3 * BlobStore.CHUNK + 12345];
    new java.util.Random(7).nextBytes(content);
    var up =
        Uploads.upload(api, team.member().token(), team.community(), "урок", "data.bin", content);
    assertThat(up.status()).as(up.toString()).isEqualTo(201);
    var down = api.get(Uploads.file(team.community(), "урок", "data.bin"), team.member().token());
    assertThat(down.body().getBytes()).isEqualTo(content);
    assertThat(down.headers().get("Content-Disposition")).startsWith("attachment");
    assertThat(down.headers().get("Content-Type")).isEqualTo("application/octet-stream");
  }

  @Test
  void aModeratorHidesAFileFromEveryoneElse() {
    String member = team.member().token();
    Uploads.upload(api, member, team.community(), "урок", "лишнее.txt", Uploads.utf8("лишнее"));
    var hidden =
        api.post(
            Uploads.file(team.community(), "урок", "лишнее.txt", "hide"),
            team.moderator().token(),
            new io.vertx.core.json.JsonObject().put("hidden", true).put("reason", "дубликат"));
    assertThat(hidden.status()).as(hidden.toString()).isEqualTo(200);
    assertThat(hidden.json().getBoolean("hidden")).isTrue();
    assertThat(api.get(Uploads.file(team.community(), "урок", "лишнее.txt"), member).status())
        .isEqualTo(404);
    assertThat(api.get(Uploads.list(team.community(), "урок"), member).text())
        .doesNotContain("лишнее.txt");
    assertThat(
            api.get(Uploads.file(team.community(), "урок", "лишнее.txt"), team.moderator().token())
                .status())
        .isEqualTo(200);
  }

  @Test
  void aHostileNameIsSanitised() {
    var up =
        Uploads.upload(
            api,
            team.member().token(),
            team.community(),
            "урок",
            "../../etc/\u0007pass\u202Ewd\u0000.txt",
            Uploads.utf8("x"));
    assertThat(up.status()).as(up.toString()).isEqualTo(201);
    assertThat(up.json().getString("name")).isEqualTo("passwd.txt");
  }

  @Test
  void anSvgIsADownloadNeverShownInline() {
    byte[] svg =
        Uploads.utf8("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>");
    var up = Uploads.upload(api, team.member().token(), team.community(), "урок", "схема.svg", svg);
    assertThat(up.status()).isEqualTo(201);
    var down = api.get(Uploads.file(team.community(), "урок", "схема.svg"), team.member().token());
    assertThat(down.headers().get("Content-Disposition")).startsWith("attachment");
    assertThat(down.headers().get("Content-Type")).isEqualTo("application/octet-stream");
    assertThat(down.headers().get("Content-Security-Policy")).contains("sandbox");
  }

  @Test
  void anExecutableNamedPdfIsNotAPdf() {
    byte[] exe = new byte[512];
    exe[0] = 'M';
    exe[1] = 'Z';
    var up = Uploads.upload(api, team.member().token(), team.community(), "урок", "отчёт.pdf", exe);
    assertThat(up.status()).isEqualTo(201);
    assertThat(up.json().getString("mediaType")).isNotEqualTo("application/pdf");
  }
}
