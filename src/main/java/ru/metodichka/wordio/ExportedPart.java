package ru.metodichka.wordio;

import ru.metodichka.page.Citation;

/**
 * One page of an export: its revision's sanitised HTML (wiki links as its reader sees them) and how
 * to cite it. A section's export is several, in reading order.
 */
record ExportedPart(Citation citation, String html) {}
