package ru.metodichka.order;

/** A community as an order names it: with the professional task it was created for (§4.1). */
public record OrderCommunity(long id, String slug, String name, String task) {}
