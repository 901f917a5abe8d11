-- Sign-in through an OpenID Connect provider (Keycloak).

-- A sign-in under way: written when the browser is sent to the provider, consumed (deleted) by the
-- callback, so a state is good once, on whichever node the browser comes back to.
-- Only a SHA-256 of the state is stored; the PKCE verifier and the nonce never leave the server.
CREATE TABLE oidc_requests (
  state_hash    bytea PRIMARY KEY,
  nonce         text NOT NULL,
  code_verifier text NOT NULL,
  redirect_uri  text NOT NULL,
  back          text NOT NULL,
  expires_at    timestamptz NOT NULL
);

-- What the provider said about a session started through it: the ID token (for RP-initiated
-- logout's id_token_hint) and its sid and sub (back-channel logout ends the sessions they name).
CREATE TABLE oidc_sessions (
  token_hash bytea PRIMARY KEY REFERENCES sessions (token_hash) ON DELETE CASCADE,
  issuer     text NOT NULL,
  subject    text NOT NULL,
  sid        text,
  id_token   text NOT NULL
);
CREATE INDEX oidc_sessions_sid ON oidc_sessions (issuer, sid);
CREATE INDEX oidc_sessions_subject ON oidc_sessions (issuer, subject);
