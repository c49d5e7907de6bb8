# The jq equivalent of `branchday stats --json` over a stream of minutes files, for the benchmark in
# BENCHMARKS.md. Run as:  find DIR -name '*.json' -print0 | xargs -0 cat | jq -n -f benches/stats.jq
#
# It computes the same figures: meetings per kind per month with 公开议事 items, attendance per
# branch and per member, items by outcome, duplicate ids counted once, superseded files replaced, and
# runs of 3+ consecutive months without attendance and without approved leave (same definition as
# src/stats/absence.rs). What jq cannot do, it skips: it does not recompute the RFC 8785 digest nor
# check the rules, so it trusts every file; branchday validates each one.

def month: .started_at[0:7];
def attended: .status == "present" or .status == "late";
def approved:
  .status == "excused" and .reason != null
  and (.reason != "other" or ((.reason_text // "") | gsub("\\s"; "") | length > 0))
  and ((.approver // "") | gsub("\\s"; "") | length > 0);
def tally:
  map(select(.counted))
  | { expected: length,
      attended: (map(select(attended)) | length),
      excused: (map(select(.status == "excused")) | length),
      absent: (map(select(.status == "absent")) | length) }
  | . + { rate: (if .expected == 0 then null
                 else ((.attended / .expected * 10000) | round) / 10000 end) };
def kinds: ["themed_day", "general_assembly", "committee", "group", "lecture", "life_meeting"];

# One reduced record per file, as it streams in.
[ inputs
  | select(.format == "branchday.minutes" and .version == 1)
  | { id, supersedes, kind, finalized_at,
      digest: .integrity.digest,
      month: month,
      branch: [.branch.code, .branch.name],
      items: [.items[]? | {stage, outcome: .vote.outcome}],
      attendance: [.attendance[] | {member_id, name, status, counted, approved: approved}] } ]
# Duplicate ids count once (first in order when identical, else the latest finalized).
| (group_by(.id)
   | map(if (map(.digest) | unique | length) == 1 then .[0]
         else max_by(.finalized_at) end)) as $unique
# Files named in another file's `supersedes` are replaced by it.
| ($unique | map(.supersedes // empty | {key: ., value: true}) | from_entries) as $superseded
| ($unique | map(select($superseded[.id] | not))) as $m
| {
    months: ($m | group_by(.month) | map(
      . as $g
      | reduce kinds[] as $k ({month: $g[0].month}; .[$k] = ($g | map(select(.kind == $k)) | length))
      | .public_items = ($g | map(.items[] | select(.stage != null)) | length)
      | .total = ($g | length))),
    branches: ($m | group_by(.branch) | map({
      code: .[0].branch[0], name: .[0].branch[1], meetings: length,
      attendance: (map(.attendance[]) | tally) })),
    members: ($m
      | map(. as $f | .attendance[] | . + {branch: $f.branch, month: $f.month})
      | group_by([.branch, .member_id])
      | map({ branch_code: .[0].branch[0], branch_name: .[0].branch[1],
              member_id: .[0].member_id, name: (max_by(.month).name),
              attendance: tally })),
    items: ($m | map(.items[]) | {
      total: length,
      by_outcome: {
        passed: map(select(.outcome == "passed")) | length,
        failed: map(select(.outcome == "failed")) | length,
        no_quorum: map(select(.outcome == "no_quorum")) | length,
        deferred: map(select(.outcome == "deferred")) | length,
        not_voted: map(select(.outcome == null)) | length },
      public: map(select(.stage != null)) | length }),
    absences: ($m
      | map(. as $f | .attendance[] | . + {branch: $f.branch, month: $f.month})
      | group_by([.branch, .member_id])
      | map(
          . as $rows
          | (group_by(.month)
             | map(select(any(.[]; .counted)))
             | map({ month: .[0].month,
                     state: (if any(.[]; attended) then "attended"
                             elif any(.[]; .counted and (attended | not) and (.approved | not)) then "absent"
                             else "leave" end) })) as $series
          | (reduce $series[] as $s ({runs: [], cur: []};
               if $s.state == "attended" then
                 (if (.cur | length) > 0 then .runs += [{months: .cur, ongoing: false}] | .cur = [] else . end)
               elif $s.state == "absent" then .cur += [$s.month]
               else . end)
             | if (.cur | length) > 0 then .runs + [{months: .cur, ongoing: true}] else .runs end)
          | map(select((.months | length) >= 3)
                | { branch_code: $rows[0].branch[0], branch_name: $rows[0].branch[1],
                    member_id: $rows[0].member_id, name: ($rows | max_by(.month).name),
                    months, length: (.months | length),
                    level: (if (.months | length) >= 6 then "serious" else "warning" end),
                    ongoing }))
      | flatten)
  }
