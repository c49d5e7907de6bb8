-- Sums kept up to date with every stored file, so statistics and the desk's matrix read small
-- rows instead of aggregating every file, item and attendance line. Portable SQL, as 0001.
--
-- Every row sums the *kept* files of one branch (code and name, as the files say) and month: a
-- file named in another stored file's `supersedes` (other than itself) is left out. A file adds
-- its rows in the transaction that stores it; a correction makes the server rebuild the rows of
-- the branch-month of the file it supersedes from the stored rows (`summary.rs`); so does a
-- change of review state. Filled at open (`summary::fill_if_needed`) while `summary_state` says
-- so, which this migration does for stores that already hold files.

-- Files per branch and month, a column per kind (`k_` and the library's key of the kind, in the
-- order of `MeetingKind::ALL`); `returned` counts those whose current review is a return. One
-- narrow row per branch-month, so a city's year is some 65 000 rows for the matrix to read.
CREATE TABLE sum_branch_month (
    branch TEXT NOT NULL,
    branch_name TEXT NOT NULL,
    month TEXT NOT NULL,
    k_themed_day BIGINT NOT NULL,
    k_general_assembly BIGINT NOT NULL,
    k_committee BIGINT NOT NULL,
    k_group BIGINT NOT NULL,
    k_lecture BIGINT NOT NULL,
    k_life_meeting BIGINT NOT NULL,
    returned BIGINT NOT NULL,
    PRIMARY KEY (branch, branch_name, month)
);
CREATE INDEX sum_branch_month_month ON sum_branch_month (month);

-- Deliberation items per branch and month, by the vote's outcome and the 四议两公开 stage
-- ('' for none).
CREATE TABLE sum_items (
    branch TEXT NOT NULL,
    branch_name TEXT NOT NULL,
    month TEXT NOT NULL,
    outcome TEXT NOT NULL,
    stage TEXT NOT NULL,
    n BIGINT NOT NULL,
    PRIMARY KEY (branch, branch_name, month, outcome, stage)
);

-- Each member's lines in one month: how many, counted in 应到会 (`counted`), and of the counted
-- ones present or late, excused and absent; lines present or late whether counted or not
-- (`attended_lines`); counted lines neither present, late nor approved leave
-- (`unexcused_lines`); and the greatest name the month's lines give.
CREATE TABLE sum_member_month (
    branch TEXT NOT NULL,
    branch_name TEXT NOT NULL,
    member_id TEXT NOT NULL,
    month TEXT NOT NULL,
    lines BIGINT NOT NULL,
    counted BIGINT NOT NULL,
    present BIGINT NOT NULL,
    excused BIGINT NOT NULL,
    absent BIGINT NOT NULL,
    attended_lines BIGINT NOT NULL,
    unexcused_lines BIGINT NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (branch, branch_name, member_id, month)
);
CREATE INDEX sum_member_month_month ON sum_member_month (month);
-- The absence months (counted, not attended, not approved leave): few, so absence runs start
-- from them.
CREATE INDEX sum_member_month_absent ON sum_member_month (branch, branch_name, member_id)
    WHERE attended_lines = 0 AND unexcused_lines > 0;

-- One row while the sums are to be rebuilt from the stored rows (at the next open).
CREATE TABLE summary_state (
    pending BIGINT PRIMARY KEY
);
INSERT INTO summary_state (pending) SELECT 1 FROM files LIMIT 1;

-- The start-up check for attendance lines whose approved leave is not yet known (0003): only
-- such lines are in this index, so the check is one look into an empty index.
CREATE INDEX file_attendance_leave_unknown ON file_attendance (file_id) WHERE approved_leave IS NULL;

-- The review queue, newest first, a page at a time after a (received_at, id) key.
CREATE INDEX files_queue_key ON files (review_state, received_at, id);
CREATE INDEX files_received_key ON files (received_at, id);
-- Their first columns, which the two above now cover.
DROP INDEX files_queue;
DROP INDEX files_received;
