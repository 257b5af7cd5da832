-- Catalog search (H2): the table of db/vendor/postgresql/V12 without the tsvector; H2 matches the
-- normalized text columns word by word instead (see CatalogSearch). Same rows, same columns otherwise.
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
  body_text        text NOT NULL
);
CREATE INDEX catalog_search_entry_item ON catalog_search_entry (item_id);
-- Browsing without words: programs first, then courses, each by name (the order of CatalogSearch).
CREATE INDEX catalog_search_entry_browse ON catalog_search_entry (organization_id, item_kind DESC, sort_name, id);
