-- Passkeys (WebAuthn): the tables that Spring Security's JdbcPublicKeyCredentialUserEntityRepository and
-- JdbcUserCredentialRepository read and write, with their column names unchanged. `bytea` works on
-- PostgreSQL and on H2 in PostgreSQL mode (where it means VARBINARY).

-- One WebAuthn user handle per person; `name` is the person's email, the username Credo signs in with.
CREATE TABLE user_entities (
  id           varchar(1000) NOT NULL,
  name         varchar(320)  NOT NULL,
  display_name varchar(200),
  PRIMARY KEY (id),
  CONSTRAINT user_entities_name_unique UNIQUE (name)
);

-- One row per registered passkey; `user_entity_user_id` is user_entities.id (base64url).
CREATE TABLE user_credentials (
  credential_id                varchar(1000) NOT NULL,
  user_entity_user_id          varchar(1000) NOT NULL,
  public_key                   bytea         NOT NULL,
  signature_count              bigint,
  uv_initialized               boolean,
  backup_eligible              boolean       NOT NULL,
  authenticator_transports     varchar(1000),
  public_key_credential_type   varchar(100),
  backup_state                 boolean       NOT NULL,
  attestation_object           bytea,
  attestation_client_data_json bytea,
  created                      timestamp,
  last_used                    timestamp,
  label                        varchar(1000) NOT NULL,
  PRIMARY KEY (credential_id),
  CONSTRAINT user_credentials_user_fk FOREIGN KEY (user_entity_user_id) REFERENCES user_entities (id) ON DELETE CASCADE
);
CREATE INDEX user_credentials_user ON user_credentials (user_entity_user_id);
