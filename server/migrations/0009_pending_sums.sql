-- Files stored but not yet in the sums (`settle.rs`). A stored file's transaction adds its row
-- here instead of adding to the sums; the sums of what is pending are added in batches, many
-- files to a transaction, a moment after the files arrive and before anything reads the sums.
-- The sums of the files already stored are complete, so nothing is pending at first.
CREATE TABLE sum_pending (
    file_id TEXT PRIMARY KEY,
    branch TEXT NOT NULL
);
CREATE INDEX sum_pending_branch ON sum_pending (branch);

-- Indexes that every stored file and attendance line paid for and no query reads: members' lines
-- are read through their file (the sums, `summary.rs`), and `files_month_branch_kind` (0002)
-- begins with the month.
DROP INDEX file_attendance_member;
DROP INDEX files_month;
-- A correction is looked up by the file it supersedes; the other files (nearly all) supersede
-- nothing and need no entry.
DROP INDEX files_supersedes;
CREATE INDEX files_supersedes ON files (supersedes) WHERE supersedes IS NOT NULL;
