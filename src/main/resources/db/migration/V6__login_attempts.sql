-- Login throttling counted before each password check (auth/LoginThrottle): attempts per bucket
-- ('login:<hash of the login>', 'address:<client address>', 'device:<browser id>') in a fixed
-- window that starts with the bucket's first attempt. A correct password takes its attempt back,
-- so what stays counted are failures. Replaces login_failures, which was read before the attempt
-- and so let parallel guesses through.
DROP TABLE login_failures;

CREATE TABLE login_attempts (
  bucket       text PRIMARY KEY,
  attempts     integer NOT NULL CHECK (attempts >= 0),
  window_start timestamptz NOT NULL
);
