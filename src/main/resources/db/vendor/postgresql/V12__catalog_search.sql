-- Catalog search (PostgreSQL): one row per published version of a program or course, derived from
-- the version tables and rebuildable from them. A row is the current version of its item from
-- valid_from (its effective date) until valid_until (the earliest effective date of a higher version),
-- so a version whose date arrives later becomes current without any refresh.
--
-- The text columns hold normalized text (lower case, letters and digits separated by single spaces),
-- the same on H2 and PostgreSQL; here a weighted tsvector over them (A: name and code, B: type,
-- level and subjects, C: description and outcomes) serves full-text search through a GIN index.
-- db/vendor/h2 holds the same table without the tsvector.
CREATE TABLE catalog_search_entry (
  id               uuid PRIMARY KEY,
  organization_id  uuid NOT NULL REFERENCES organization (id),
  item_kind        varchar(8) NOT NULL,
  item_id          uuid NOT NULL,
  version          integer NOT NULL,
  code             varchar(40) NOT NULL,
  name             varchar(300) NOT NULL,
  summary          varchar(400) NOT NULL,
  program_type     varchar(20),
  level            varchar(60),
  delivery_mode    varchar(12),
  subjects         varchar(400) NOT NULL,
  credits          numeric(6, 2) NOT NULL,
  valid_from       date NOT NULL,
  valid_until      date,
  retired          boolean NOT NULL,
  sort_name        varchar(300) NOT NULL,
  title_text       varchar(1000) NOT NULL,
  keyword_text     varchar(1000) NOT NULL,
  body_text        text NOT NULL,
  search_vector    tsvector GENERATED ALWAYS AS (
                     setweight(to_tsvector('simple', title_text), 'A')
                     || setweight(to_tsvector('simple', keyword_text), 'B')
                     || setweight(to_tsvector('simple', body_text), 'C')) STORED
);
CREATE INDEX catalog_search_entry_item ON catalog_search_entry (item_id);
-- Browsing without words: programs first, then courses, each by name (the order of CatalogSearch).
CREATE INDEX catalog_search_entry_browse ON catalog_search_entry (organization_id, item_kind DESC, sort_name, id);
CREATE INDEX catalog_search_entry_vector ON catalog_search_entry USING gin (search_vector);
