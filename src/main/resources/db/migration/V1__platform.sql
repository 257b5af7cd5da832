-- Platform: organizations, people, memberships and roles, account tokens, API tokens.

CREATE TABLE organization (
  id            uuid PRIMARY KEY,
  slug          varchar(63)  NOT NULL,
  name          varchar(200) NOT NULL,
  time_zone     varchar(64)  NOT NULL,
  website       varchar(500),
  logo_url      varchar(500),
  contact_email varchar(320),
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  version       bigint NOT NULL,
  CONSTRAINT organization_slug_unique UNIQUE (slug)
);

CREATE TABLE person (
  id                   uuid PRIMARY KEY,
  email                varchar(320) NOT NULL,
  display_name         varchar(200) NOT NULL,
  password_hash        varchar(255),
  failed_sign_ins      integer NOT NULL DEFAULT 0,
  locked_until         TIMESTAMP WITH TIME ZONE,
  last_organization_id uuid,
  demo                 boolean NOT NULL DEFAULT false,
  created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT person_email_unique UNIQUE (email)
);

CREATE TABLE membership (
  id              uuid PRIMARY KEY,
  organization_id uuid NOT NULL REFERENCES organization (id),
  person_id       uuid NOT NULL REFERENCES person (id),
  active          boolean NOT NULL DEFAULT true,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT membership_unique UNIQUE (organization_id, person_id)
);
CREATE INDEX membership_person ON membership (person_id);

CREATE TABLE membership_role (
  membership_id uuid NOT NULL REFERENCES membership (id) ON DELETE CASCADE,
  role          varchar(40) NOT NULL,
  PRIMARY KEY (membership_id, role)
);

-- Single-use, expiring links: invitations and password resets. Only the SHA-256 of the token is kept.
CREATE TABLE account_token (
  id              uuid PRIMARY KEY,
  person_id       uuid NOT NULL REFERENCES person (id),
  organization_id uuid REFERENCES organization (id),
  purpose         varchar(20) NOT NULL,
  token_hash      char(64) NOT NULL,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  used_at         TIMESTAMP WITH TIME ZONE,
  CONSTRAINT account_token_hash_unique UNIQUE (token_hash)
);

-- Personal access tokens for the REST API. Only the SHA-256 of the token is kept.
CREATE TABLE api_token (
  id              uuid PRIMARY KEY,
  organization_id uuid NOT NULL REFERENCES organization (id),
  person_id       uuid NOT NULL REFERENCES person (id),
  name            varchar(100) NOT NULL,
  token_hash      char(64) NOT NULL,
  token_prefix    varchar(20) NOT NULL,
  roles           varchar(1000) NOT NULL,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  revoked_at      TIMESTAMP WITH TIME ZONE,
  last_used_at    TIMESTAMP WITH TIME ZONE,
  CONSTRAINT api_token_hash_unique UNIQUE (token_hash)
);
CREATE INDEX api_token_person ON api_token (person_id, organization_id);

-- Demo mode without an SMTP server: outgoing mail lands here and is shown at /demo/mailbox.
CREATE TABLE demo_mail (
  id         uuid PRIMARY KEY,
  recipient  varchar(320) NOT NULL,
  subject    varchar(500) NOT NULL,
  body       text NOT NULL,
  sent_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
