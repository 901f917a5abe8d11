package ru.metodichka.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.metodichka.Api;
import ru.metodichka.AppExtension;
import ru.metodichka.FaultTest;
import ru.metodichka.Fixtures;
import ru.metodichka.Fixtures.TestUser;
import ru.metodichka.TestApp;
import ru.metodichka.fault.ConcurrentEditor.Save;

/**
 * Fault scenario "concurrent editors": 32 editors save one page for 20 s, each from the revision it
 * last saw (see {@link SharedPageText} for how the edits are made checkable). Afterwards the
 * history must hold every acknowledged save and nothing else, as one chain 1..N, and the final text
 * every acknowledged edit.
 */
@ExtendWith(AppExtension.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@FaultTest
class ConcurrentEditorsIT {
  private static final int EDITORS = 32;
  private static final int USERS = 8;
  private static final Duration RUN = Duration.ofSeconds(20);
  private static final String SLUG = "общая";

  private Api api;
  private String community;
  private TestUser reader;

  @Test
  void thirtyTwoEditorsForTwentySecondsLoseNoEditAndKeepOneLinearHistory(TestApp app, Fixtures fx)
      throws Exception {
    api = app.api();
    community = fx.community();
    List<TestUser> users = new ArrayList<>();
    for (int i = 0; i < USERS; i++) {
      TestUser user = fx.user("Редактор " + i);
      fx.join(community, user, "member");
      users.add(user);
    }
    reader = users.getFirst();
    fx.save(community, SLUG, reader.token(), "Общая страница", SharedPageText.initial(EDITORS), 0);

    List<Save> saves = runEditors(users);
    List<Save> acknowledged = saves.stream().filter(Save::acknowledged).toList();
    List<Save> conflicts = saves.stream().filter(s -> s.status() == 409).toList();
    List<Save> busy = saves.stream().filter(s -> s.status() == 503).toList();
    int revisions = checkLinearHistory(acknowledged);
    checkEveryConflictReturnedTheFullText(saves, conflicts);
    checkEveryRefusalIsABusyProblem(busy);
    checkEveryAcknowledgedSaveIsItsRevision(acknowledged);
    checkTheFinalTextHoldsEveryAcknowledgedEdit(acknowledged, revisions);

    System.out.printf(
        "ConcurrentEditorsIT: saves=%d, 2xx=%d, merged=%d, 409=%d, 503=%d, revisions=%d%n",
        saves.size(),
        acknowledged.size(),
        acknowledged.stream().filter(Save::merged).count(),
        conflicts.size(),
        busy.size(),
        revisions);
    assertThat(acknowledged.stream().filter(Save::merged))
        .as("stale saves were merged")
        .isNotEmpty();
    assertThat(conflicts).as("overlapping saves conflicted").isNotEmpty();
  }

  private List<Save> runEditors(List<TestUser> users) throws InterruptedException {
    long until = System.nanoTime() + RUN.toNanos();
    String page = Api.page(community, SLUG);
    List<ConcurrentEditor> editors =
        IntStream.range(0, EDITORS)
            .mapToObj(i -> new ConcurrentEditor(i, users.get(i % USERS), api, page, until))
            .toList();
    List<Thread> threads =
        editors.stream().map(e -> Thread.ofPlatform().daemon().start(e)).toList();
    for (Thread thread : threads) {
      thread.join();
    }
    List<Save> saves = new ArrayList<>();
    for (ConcurrentEditor editor : editors) {
      assertThat(editor.failure()).as("editor's requests").isNull();
      saves.addAll(editor.saves());
    }
    return saves;
  }

  /** Numbers 1..N with no gap or repeat; 1 is the page's creation, 2..N the acknowledged saves. */
  private int checkLinearHistory(List<Save> acknowledged) {
    List<Integer> numbers = new ArrayList<>();
    int before = Integer.MAX_VALUE;
    while (true) {
      String uri = Api.page(community, SLUG, "revisions") + "?limit=500&before=" + before;
      var items = api.get(uri, reader.token()).items();
      if (items.isEmpty()) {
        break;
      }
      items.forEach(item -> numbers.add(((JsonObject) item).getInteger("revision")));
      before = numbers.getLast();
    }
    int n = numbers.size();
    assertThat(numbers).isEqualTo(IntStream.rangeClosed(1, n).map(i -> n + 1 - i).boxed().toList());
    assertThat(acknowledged.stream().map(Save::revision).sorted().toList())
        .as("each acknowledged save is one revision, and each revision after the first is one")
        .isEqualTo(IntStream.rangeClosed(2, n).boxed().toList());
    return n;
  }

  private static void checkEveryConflictReturnedTheFullText(
      List<Save> saves, List<Save> conflicts) {
    assertThat(saves).allSatisfy(s -> assertThat(s.status()).as(s.body().encode()).isIn(200, 409));
    assertThat(conflicts)
        .allSatisfy(
            c -> {
              assertThat(c.body().getString("code")).isEqualTo("edit_conflict");
              assertThat(c.body().getString("yourMarkdown")).isEqualTo(c.sent());
              assertThat(c.body().getInteger("currentRevision")).isGreaterThan(c.base());
              assertThat(c.body().getString("currentMarkdown")).isNotBlank();
            });
  }

  /**
   * The server may refuse a save when all its connections wait for the page's lock longer than the
   * pool allows (on a busy machine). That is a 503 problem asking to retry; such a save is in no
   * revision, which {@link #checkLinearHistory} and the final text show.
   */
  private static void checkEveryRefusalIsABusyProblem(List<Save> busy) {
    assertThat(busy)
        .allSatisfy(
            s -> {
              assertThat(s.body().getString("code")).isEqualTo("database_unavailable");
              assertThat(s.body().getInteger("status")).isEqualTo(503);
            });
  }

  /**
   * Revision n of an acknowledged save is by its author and holds its text: all of it for a plain
   * save; for a merge, the editor's paragraph (and the shared line, if it changed it) as sent.
   */
  private void checkEveryAcknowledgedSaveIsItsRevision(List<Save> acknowledged) throws Exception {
    ExecutorService readers = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> checks = new ArrayList<>();
      for (Save save : acknowledged) {
        checks.add(readers.submit(() -> checkRevision(save)));
      }
      for (Future<?> check : checks) {
        check.get();
      }
    } finally {
      readers.shutdown();
    }
  }

  private void checkRevision(Save save) {
    String uri = Api.page(community, SLUG, "revisions", String.valueOf(save.revision()));
    JsonObject revision = api.get(uri, reader.token()).json();
    String markdown = revision.getString("markdown");
    assertThat(revision.getJsonObject("author").getString("login")).isEqualTo(save.login());
    assertThat(revision.getBoolean("merged")).isEqualTo(save.merged());
    if (!save.merged()) {
      assertThat(markdown).isEqualTo(save.sent());
      return;
    }
    assertThat(revision.getInteger("baseRevision")).isEqualTo(save.base());
    assertThat(SharedPageText.ownTokens(markdown, save.editor()))
        .isEqualTo(SharedPageText.ownTokens(save.sent(), save.editor()));
    if (save.shared()) {
      assertThat(SharedPageText.sharedToken(markdown)).isEqualTo(save.token());
    }
  }

  /**
   * Each editor's paragraph ends up with exactly its acknowledged tokens, in order (so none was
   * lost and no rejected one slipped in), and the shared line with the last acknowledged rewrite.
   */
  private void checkTheFinalTextHoldsEveryAcknowledgedEdit(List<Save> acknowledged, int revisions) {
    JsonObject page = api.get(Api.page(community, SLUG), reader.token()).json();
    assertThat(page.getInteger("revision")).isEqualTo(revisions);
    String text = page.getString("markdown");
    for (int editor = 0; editor < EDITORS; editor++) {
      int e = editor;
      List<String> tokens =
          acknowledged.stream()
              .filter(s -> s.editor() == e)
              .sorted(Comparator.comparingInt(Save::revision))
              .map(Save::token)
              .toList();
      assertThat(SharedPageText.ownTokens(text, editor)).as("editor %d", editor).isEqualTo(tokens);
    }
    String lastShared =
        acknowledged.stream()
            .filter(Save::shared)
            .max(Comparator.comparingInt(Save::revision))
            .map(Save::token)
            .orElse("исходная");
    assertThat(SharedPageText.sharedToken(text)).isEqualTo(lastShared);
  }
}
