-- Page lifecycle without broken links: a page may be renamed (new title, new address or both),
-- moved to another community and retired; nothing is deleted and no link breaks.

-- Every name a page had before its current one: where it lived (community, address) and what it
-- was called. The database keeps it on every change of a page's address, title or community, by
-- whatever act made it (a rename, a move, a new title typed in the editor), so old addresses answer
-- with a redirect for ever and wiki links to an old title keep leading to the page. An address a
-- page once had is never given to another page.
CREATE TABLE page_names (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  page_id      bigint NOT NULL REFERENCES pages (id),
  community_id bigint NOT NULL REFERENCES communities (id),
  slug         text   NOT NULL,
  slug_key     text   NOT NULL,
  title_key    text   NOT NULL,
  until        timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX page_names_slug ON page_names (community_id, slug_key, id);
CREATE INDEX page_names_title ON page_names (community_id, title_key, id);
CREATE INDEX page_names_page ON page_names (page_id);

CREATE FUNCTION remember_page_name() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO page_names (page_id, community_id, slug, slug_key, title_key)
  VALUES (OLD.id, OLD.community_id, OLD.slug, OLD.slug_key, OLD.title_key);
  RETURN NULL;
END
$$;

CREATE TRIGGER pages_remember_name AFTER UPDATE ON pages
  FOR EACH ROW
  WHEN (OLD.slug_key IS DISTINCT FROM NEW.slug_key
        OR OLD.title_key IS DISTINCT FROM NEW.title_key
        OR OLD.community_id IS DISTINCT FROM NEW.community_id)
  EXECUTE FUNCTION remember_page_name();

CREATE TRIGGER page_names_append_only BEFORE UPDATE OR DELETE ON page_names
  FOR EACH ROW EXECUTE FUNCTION reject_history_change();
CREATE TRIGGER page_names_no_truncate BEFORE TRUNCATE ON page_names
  FOR EACH STATEMENT EXECUTE FUNCTION reject_history_change();

-- The lifecycle's acts as the history shows them: who renamed, moved, retired or restored a page,
-- when, at which revision, and from where to where.
CREATE TABLE page_lifecycle (
  id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  page_id           bigint  NOT NULL REFERENCES pages (id),
  revision          integer NOT NULL,
  kind              text    NOT NULL CHECK (kind IN ('renamed', 'moved', 'retired', 'restored')),
  user_id           bigint  NOT NULL REFERENCES users (id),
  from_community_id bigint  REFERENCES communities (id),
  from_slug         text,
  from_title        text,
  to_community_id   bigint  REFERENCES communities (id),
  to_slug           text,
  to_title          text,
  created_at        timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX page_lifecycle_page ON page_lifecycle (page_id, id);

CREATE TRIGGER page_lifecycle_append_only BEFORE UPDATE OR DELETE ON page_lifecycle
  FOR EACH ROW EXECUTE FUNCTION reject_history_change();
CREATE TRIGGER page_lifecycle_no_truncate BEFORE TRUNCATE ON page_lifecycle
  FOR EACH STATEMENT EXECUTE FUNCTION reject_history_change();
