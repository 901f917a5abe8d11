package ru.metodichka.evaluation;

import java.util.List;
import java.util.Map;
import ru.metodichka.community.Community;
import ru.metodichka.expert.Composite;

/**
 * What {@code /c/{c}/evaluation} shows its reader. A reader of a public summary gets the figures
 * ({@code report} null: no charts, records, forms or files, which name people).
 *
 * @param report everything behind the figures, for the community's moderators and administrators
 * @param canAssess whether the reader may assess and open or close the summary (an active
 *     community's moderators and administrators)
 * @param form the assessment form as typed (with what was wrong), or its blank
 * @param notice a key of the evaluation bundle, or empty
 */
public record Dashboard(
    Community community,
    Period period,
    String periodText,
    String previousText,
    int threshold,
    List<KeyFigure.Group> groups,
    Assessment assessment,
    Composite experts,
    Report report,
    List<Chart> charts,
    boolean canAssess,
    Publicity publicity,
    List<Presets.Preset> years,
    List<Presets.Preset> parts,
    List<Presets.Preset> months,
    String yearLabel,
    Map<String, String> form,
    Map<String, String> errors,
    String notice) {

  /** {@code /c/{slug}/evaluation}. */
  public String base() {
    return "/c/" + community.slug() + "/evaluation";
  }

  /** {@code /api/communities/{slug}/evaluation}: the files. */
  public String api() {
    return "/api/communities/" + community.slug() + "/evaluation";
  }

  public boolean publicSummary() {
    return publicity != null && publicity.open();
  }

  /** The assessments of the period before the one that counts. */
  public List<Assessment> earlier() {
    return report == null || report.assessments().size() < 2
        ? List.of()
        : report.assessments().subList(1, report.assessments().size());
  }

  public String value(String field) {
    return form.getOrDefault(field, "");
  }

  public String error(String field) {
    return errors.get(field);
  }
}
