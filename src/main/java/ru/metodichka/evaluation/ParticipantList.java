package ru.metodichka.evaluation;

import java.util.List;

/**
 * The drill-down behind the participants' figures: each participant with their contributions by
 * kind in the period; the moderators and experts of the period apart (never counted).
 */
public record ParticipantList(
    int threshold, List<Participant> participants, List<Person> moderators, List<Person> experts) {}
