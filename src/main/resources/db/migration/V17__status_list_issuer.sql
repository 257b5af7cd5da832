-- A status list belongs to the DID its credentials name as issuer: verifiers check that the list is
-- issued by the same DID. An organization that moves from did:key to did:web (or rotates a did:key)
-- gets new lists for its new credentials, and the old lists stay signed by the old DID. Lists made
-- before this column are signed by the organization's current issuer, as before.
ALTER TABLE status_list ADD COLUMN issuer_did varchar(500);
CREATE INDEX status_list_issuer ON status_list (organization_id, purpose, issuer_did);
