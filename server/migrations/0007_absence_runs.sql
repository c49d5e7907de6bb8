-- Members' runs of 3+ months of absence, kept (`absence.rs`): the runs of every member of a
-- branch, worked out from `sum_member_month` by the definition of `branchday stats` and kept until
-- a stored file, a correction or a review changes the branch's sums, which marks the branch in
-- `runs_dirty`; the runs of marked branches are worked out again before any are read. The
-- warnings page of a city then reads its runs rather than every member's month series.
CREATE TABLE sum_absence_runs (
    branch TEXT NOT NULL,
    branch_name TEXT NOT NULL,
    member_id TEXT NOT NULL,
    first_month TEXT NOT NULL,
    name TEXT NOT NULL,
    months TEXT NOT NULL,
    ongoing BIGINT NOT NULL,
    PRIMARY KEY (branch, branch_name, member_id, first_month)
);
CREATE TABLE runs_dirty (
    branch TEXT PRIMARY KEY
);
INSERT INTO runs_dirty (branch) SELECT DISTINCT branch FROM sum_member_month;
