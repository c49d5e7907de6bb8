-- The reviewer's desk: accounts, sessions, reviews, and the fields its pages filter on.
-- Portable SQL, as 0001: booleans BIGINT 0/1, times RFC 3339 UTC text.

-- Each unit's place in the tree, '/C1/X1/T1/B1/' (its codes from the top down), so "under an
-- organisation" is one prefix comparison. Filled by `org import`.
ALTER TABLE orgs ADD COLUMN path TEXT NOT NULL DEFAULT '';
CREATE INDEX orgs_path ON orgs (path);

-- Reviewer accounts: an argon2id PHC string, never the password. `org` is the top of what the
-- account sees.
CREATE TABLE users (
    name TEXT PRIMARY KEY,
    org TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    admin BIGINT NOT NULL,
    created_at TEXT NOT NULL
);

-- Failed sign-ins, for the lockout (so many in a window per account).
CREATE TABLE login_failures (
    user_name TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX login_failures_user ON login_failures (user_name, at);

-- Sessions: only the SHA-256 of the cookie's secret is kept, with the form token and the expiry.
CREATE TABLE sessions (
    hash TEXT PRIMARY KEY,
    user_name TEXT NOT NULL,
    csrf TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_name);

-- Every approve / return, newest last; the file's current review is copied onto its row.
CREATE TABLE reviews (
    file_id TEXT NOT NULL,
    at TEXT NOT NULL,
    reviewer TEXT NOT NULL,
    verdict TEXT NOT NULL,
    comment TEXT NOT NULL,
    PRIMARY KEY (file_id, at, reviewer)
);

-- What the queue filters on: the check's verdict ('valid', 'warnings', 'invalid'), the 党小组 of
-- a 党小组会, the current review ('' none, 'approved', 'returned').
ALTER TABLE files ADD COLUMN status TEXT NOT NULL DEFAULT 'valid';
ALTER TABLE files ADD COLUMN grp TEXT;
ALTER TABLE files ADD COLUMN review_state TEXT NOT NULL DEFAULT '';
ALTER TABLE files ADD COLUMN review_comment TEXT NOT NULL DEFAULT '';
ALTER TABLE files ADD COLUMN reviewed_by TEXT NOT NULL DEFAULT '';
ALTER TABLE files ADD COLUMN reviewed_at TEXT NOT NULL DEFAULT '';
CREATE INDEX files_queue ON files (review_state, received_at);
CREATE INDEX files_month_branch_kind ON files (month, branch, kind);

