-- The generation of each organization's public catalog: raised in the same transaction as any change to its search
-- entries (and after a change of intakes or awarded achievements), so that the entity tags and the kept read models of
-- the catalog's public pages follow the catalog (ADR 29). An organization without a row is at generation 0.
CREATE TABLE catalog_stamp (
  organization_id uuid PRIMARY KEY REFERENCES organization (id),
  generation      bigint NOT NULL,
  changed_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
