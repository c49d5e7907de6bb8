-- Attendance per branch-month beside the meetings of `sum_branch_month`, so the desk's warnings
-- (branches below a rate) and its attendance chart read one row per branch and month instead of
-- every attendance line: `expected` counts the counted lines (应到会) of the kept files, `attended`
-- those of them present or late — the desk's and `branchday stats`' rate. Kept with the other
-- sums (`summary.rs`); a store that holds files sums them again at its next open.
ALTER TABLE sum_branch_month ADD COLUMN expected BIGINT NOT NULL DEFAULT 0;
ALTER TABLE sum_branch_month ADD COLUMN attended BIGINT NOT NULL DEFAULT 0;
INSERT INTO summary_state (pending)
    SELECT 1 FROM files WHERE NOT EXISTS (SELECT 1 FROM summary_state) LIMIT 1;
