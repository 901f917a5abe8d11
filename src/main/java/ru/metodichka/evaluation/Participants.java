package ru.metodichka.evaluation;

/**
 * The participants' figures of a period (issue 16's definitions).
 *
 * @param members participants with an active membership at the end of the period
 * @param joined membership periods of participants that started within the period
 * @param left membership periods of participants that ended within the period
 * @param active participants with at least the threshold's contributions in the period
 * @param activeFive participants with at least five (Wikimedia's "active editor")
 * @param activePrevious {@code active} in the previous period of the same length
 * @param growthPercent null when there were no active participants before
 */
public record Participants(
    int members,
    int joined,
    int left,
    int active,
    int activeFive,
    int activePrevious,
    int growth,
    Double growthPercent) {

  static Participants of(
      int members, int joined, int left, int active, int activeFive, int activePrevious) {
    int growth = active - activePrevious;
    Double percent = activePrevious == 0 ? null : Percent.of(growth, activePrevious);
    return new Participants(
        members, joined, left, active, activeFive, activePrevious, growth, percent);
  }
}
