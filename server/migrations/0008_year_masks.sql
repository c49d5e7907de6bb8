-- The months of each year in which a branch held each kind of meeting (kept files only), one
-- 12-bit mask per kind (bit m-1 for month m), so the desk's matrix reads one row per branch and
-- year instead of one per branch and month (a city's year: 5 400 rows, not 64 800). Returned
-- files are few: the matrix reads them from `sum_branch_month` through a partial index. Kept with
-- the other sums (`summary.rs`); filled here from the branch-month sums already kept.
CREATE TABLE sum_branch_year (
    branch TEXT NOT NULL,
    branch_name TEXT NOT NULL,
    year TEXT NOT NULL,
    k_themed_day BIGINT NOT NULL,
    k_general_assembly BIGINT NOT NULL,
    k_committee BIGINT NOT NULL,
    k_group BIGINT NOT NULL,
    k_lecture BIGINT NOT NULL,
    k_life_meeting BIGINT NOT NULL,
    PRIMARY KEY (branch, branch_name, year)
);
CREATE INDEX sum_branch_year_year ON sum_branch_year (year);
CREATE INDEX sum_branch_month_returned ON sum_branch_month (month) WHERE returned > 0;
INSERT INTO sum_branch_year (branch, branch_name, year, k_themed_day, k_general_assembly,
    k_committee, k_group, k_lecture, k_life_meeting)
SELECT branch, branch_name, substr(month, 1, 4),
    SUM(CASE WHEN k_themed_day > 0 THEN 1 << (CAST(substr(month, 6, 2) AS INTEGER) - 1) ELSE 0 END),
    SUM(CASE WHEN k_general_assembly > 0 THEN 1 << (CAST(substr(month, 6, 2) AS INTEGER) - 1) ELSE 0 END),
    SUM(CASE WHEN k_committee > 0 THEN 1 << (CAST(substr(month, 6, 2) AS INTEGER) - 1) ELSE 0 END),
    SUM(CASE WHEN k_group > 0 THEN 1 << (CAST(substr(month, 6, 2) AS INTEGER) - 1) ELSE 0 END),
    SUM(CASE WHEN k_lecture > 0 THEN 1 << (CAST(substr(month, 6, 2) AS INTEGER) - 1) ELSE 0 END),
    SUM(CASE WHEN k_life_meeting > 0 THEN 1 << (CAST(substr(month, 6, 2) AS INTEGER) - 1) ELSE 0 END)
FROM sum_branch_month GROUP BY branch, branch_name, substr(month, 1, 4);
