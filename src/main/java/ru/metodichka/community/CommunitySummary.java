package ru.metodichka.community;

/** A community in a list, with its number of active members (moderators included). */
public record CommunitySummary(Community community, long memberCount) {}
