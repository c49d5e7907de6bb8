-- Each member's whole-time sums (statistics without a period read these 74 000 rows at a city's
-- scale instead of grouping a million member-months): the member-months of
-- `sum_member_month` added up, and the greatest "month name" (the name in the latest month).
-- Kept with the other sums (`summary.rs`); a store that holds files sums them at its next open.
CREATE TABLE sum_member (
    branch TEXT NOT NULL,
    branch_name TEXT NOT NULL,
    member_id TEXT NOT NULL,
    counted BIGINT NOT NULL,
    present BIGINT NOT NULL,
    excused BIGINT NOT NULL,
    absent BIGINT NOT NULL,
    latest TEXT NOT NULL,
    PRIMARY KEY (branch, branch_name, member_id)
);
INSERT INTO summary_state (pending)
    SELECT 1 FROM files WHERE NOT EXISTS (SELECT 1 FROM summary_state) LIMIT 1;
