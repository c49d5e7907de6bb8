-- The collector's store. Portable SQL: the same file runs on SQLite and PostgreSQL.
-- Booleans are BIGINT 0/1 and times RFC 3339 UTC text, so one code path reads both engines.

-- The organisation tree: 市 (city) → 县 (county) → 乡镇 (township) → 支部 (branch).
CREATE TABLE orgs (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    level TEXT NOT NULL,
    parent TEXT
);
CREATE INDEX orgs_parent ON orgs (parent);

-- Upload tokens: only the SHA-256 of each token is kept.
CREATE TABLE tokens (
    id TEXT PRIMARY KEY,
    hash TEXT NOT NULL UNIQUE,
    branch TEXT NOT NULL,
    created_at TEXT NOT NULL,
    revoked_at TEXT
);
CREATE INDEX tokens_branch ON tokens (branch);

-- The keyring (allowed_signers), line by line as imported.
CREATE TABLE keyring_lines (
    position BIGINT PRIMARY KEY,
    line TEXT NOT NULL
);

-- One row per stored file: its exact bytes and what the desk and statistics need.
CREATE TABLE files (
    id TEXT PRIMARY KEY,
    branch TEXT NOT NULL,
    branch_name TEXT NOT NULL,
    version BIGINT NOT NULL,
    kind TEXT NOT NULL,
    month TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finalized_at TEXT NOT NULL,
    supersedes TEXT,
    digest TEXT NOT NULL,
    content_sha256 TEXT NOT NULL,
    signer TEXT,
    trusted BIGINT NOT NULL,
    expected_total BIGINT NOT NULL,
    expected_full BIGINT NOT NULL,
    expected_probationary BIGINT NOT NULL,
    present_total BIGINT NOT NULL,
    present_full BIGINT NOT NULL,
    present_probationary BIGINT NOT NULL,
    received_at TEXT NOT NULL,
    size BIGINT NOT NULL,
    body TEXT NOT NULL
);
CREATE INDEX files_branch_month ON files (branch, month);
CREATE INDEX files_kind_month ON files (kind, month);
CREATE INDEX files_received ON files (received_at);
CREATE INDEX files_supersedes ON files (supersedes);

-- Deliberation items: the 四议两公开 stage and the vote's outcome (as `stats` counts them).
CREATE TABLE file_items (
    file_id TEXT NOT NULL,
    position BIGINT NOT NULL,
    item_type TEXT NOT NULL,
    title TEXT NOT NULL,
    stage TEXT,
    outcome TEXT,
    votes_yes BIGINT,
    votes_no BIGINT,
    votes_abstain BIGINT,
    PRIMARY KEY (file_id, position)
);
CREATE INDEX file_items_outcome ON file_items (outcome);

-- Every member's attendance line.
CREATE TABLE file_attendance (
    file_id TEXT NOT NULL,
    position BIGINT NOT NULL,
    branch TEXT NOT NULL,
    month TEXT NOT NULL,
    kind TEXT NOT NULL,
    member_id TEXT NOT NULL,
    name TEXT NOT NULL,
    standing TEXT NOT NULL,
    status TEXT NOT NULL,
    counted BIGINT NOT NULL,
    PRIMARY KEY (file_id, position)
);
CREATE INDEX file_attendance_member ON file_attendance (branch, member_id, month);
