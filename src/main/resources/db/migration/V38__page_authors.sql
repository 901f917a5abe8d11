-- Who has written each page, and from which revision on: what a search hit and the bank's feed
-- list as the page's authors (in the order they first wrote; the public version's are those who
-- wrote up to its reviewed revision). They were grouped out of all of a page's revisions on every
-- read, so the search indexer's query of a round's pages grew with their histories: 31-34 ms
-- per round for 32 pages of ~350 revisions each under four writers (issue 20), a seventh of
-- PostgreSQL's statement time. Kept here by the database, whichever code inserts a revision.
CREATE TABLE page_authors (
  page_id        bigint NOT NULL REFERENCES pages (id),
  user_id        bigint NOT NULL REFERENCES users (id),
  first_revision integer NOT NULL,
  PRIMARY KEY (page_id, user_id)
);

-- A page's revisions are numbered in the order they are inserted (the page's row is locked), so
-- an author's first row here is their first revision of the page.
CREATE FUNCTION note_page_author() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO page_authors (page_id, user_id, first_revision)
  VALUES (NEW.page_id, NEW.author_id, NEW.number)
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;

CREATE TRIGGER revisions_page_author AFTER INSERT ON revisions
  FOR EACH ROW EXECUTE FUNCTION note_page_author();

INSERT INTO page_authors (page_id, user_id, first_revision)
SELECT page_id, author_id, min(number) FROM revisions GROUP BY page_id, author_id;

-- The readers' plans depend on knowing that a page has a few rows here, not hundreds.
ANALYZE page_authors;
