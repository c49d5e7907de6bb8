-- Absence runs (`branchday stats`, 党章 第九条) need to know which excused lines are approved leave
-- (a reason, with a text for "other", and an approver): such a month neither breaks nor extends a
-- run. Only `excused` lines can be approved leave; those stored before this column existed are
-- filled in from the stored bytes when the server opens the store (`store::fill_approved_leave`).
ALTER TABLE file_attendance ADD COLUMN approved_leave BIGINT;
UPDATE file_attendance SET approved_leave = 0 WHERE status <> 'excused';

-- Absence runs are computed over each member's months: branch, member, month.
CREATE INDEX files_month ON files (month);
