package ru.metodichka.bank;

import java.util.List;

/**
 * How the sitemap's addresses are shared out between files of at most {@code perFile} each: the
 * site's own addresses (front page, bank, communities) come first, then the published pages oldest
 * first. Files are numbered from 1; there is always at least one.
 *
 * @param sitePaths the site's own paths, in the order they are listed
 * @param pages how many published pages there are
 */
record SitemapFiles(List<String> sitePaths, long pages, int perFile) {

  int count() {
    long addresses = sitePaths.size() + pages;
    return (int) Math.max(1, (addresses + perFile - 1) / perFile);
  }

  /** What file {@code number} holds: addresses [(number - 1) × perFile, number × perFile). */
  Part part(int number) {
    long from = (long) (number - 1) * perFile;
    long to = from + perFile;
    int site = sitePaths.size();
    List<String> paths = sitePaths.subList((int) Math.min(from, site), (int) Math.min(to, site));
    long skipPages = Math.max(0, from - site);
    int pageLimit = (int) (to - site - skipPages);
    return new Part(paths, skipPages, Math.max(0, pageLimit));
  }

  /**
   * One file's share.
   *
   * @param sitePaths the site's own paths in this file
   * @param skipPages published pages (oldest first) that earlier files hold
   * @param pageLimit how many published pages this file may hold after those
   */
  record Part(List<String> sitePaths, long skipPages, int pageLimit) {}
}
