-- Pictures that organizations upload or have drawn: achievement images, logos, signatures (ADR 26).
-- An image never changes once stored (a new picture is a new row), so its public URL can be cached for a year.
-- bytes is the file as uploaded (PNG or checked SVG); png is a raster copy at most 512 pixels a side, for baked
-- PNG badges, link previews and PDFs, which cannot draw SVG.
CREATE TABLE stored_image (
  id              uuid PRIMARY KEY,
  organization_id uuid NOT NULL REFERENCES organization (id),
  purpose         varchar(20) NOT NULL,
  content_type    varchar(40) NOT NULL,
  sha256          varchar(64) NOT NULL,
  bytes           bytea NOT NULL,
  png             bytea NOT NULL,
  width           integer NOT NULL,
  height          integer NOT NULL,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX stored_image_org ON stored_image (organization_id);

-- An organization's logo and colours, set once by an administrator, shown on its public pages and certificates.
CREATE TABLE organization_branding (
  organization_id uuid PRIMARY KEY REFERENCES organization (id),
  logo_image_id   uuid REFERENCES stored_image (id),
  primary_colour  varchar(7) NOT NULL,
  accent_colour   varchar(7) NOT NULL,
  updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The picture of an achievement, for every version of it (lineage): an upload or a generated design.
CREATE TABLE achievement_image (
  lineage_id      uuid PRIMARY KEY,
  organization_id uuid NOT NULL REFERENCES organization (id),
  image_id        uuid NOT NULL REFERENCES stored_image (id),
  generated       boolean NOT NULL,
  changed_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The certificate designer's choices; saving them writes a new certificate template version as well.
CREATE TABLE certificate_design (
  organization_id    uuid PRIMARY KEY REFERENCES organization (id),
  signature_image_id uuid REFERENCES stored_image (id),
  signer_name        varchar(200) NOT NULL,
  signer_title       varchar(200) NOT NULL,
  primary_colour     varchar(7) NOT NULL,
  accent_colour      varchar(7) NOT NULL,
  paper              varchar(10) NOT NULL,
  orientation        varchar(10) NOT NULL,
  show_logo          boolean NOT NULL,
  updated_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
