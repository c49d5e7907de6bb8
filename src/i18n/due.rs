//! Strings of the branch's year: 三会一课 held / due / overdue, 转正 reminders and absences, on the
//! home screen and in `stats --due`.

use super::Tr;
use crate::stats::AbsenceRun;
use crate::stats::due::{DueLine, DueState, Every, ProbationLine};

impl Tr {
    pub fn cadence_error(self, path: &str, message: &str) -> String {
        self.pick(
            format!("{path}：会议频次无法读取（{message}），已使用默认频次；请修正或删除该文件"),
            format!("{path}: the meeting frequencies cannot be read ({message}); using the defaults — fix or delete the file"),
        )
    }

    pub fn due_bad_as_of(self, v: &str) -> String {
        self.pick(
            format!("--as-of “{v}” 不是日期；请写成 2026-12-01"),
            format!("--as-of \"{v}\" is not a date; write it as 2026-12-01"),
        )
    }

    pub fn due_heading(self, as_of: &str) -> String {
        self.pick(
            format!("三会一课落实情况（截至 {as_of}，仅作提醒）"),
            format!("三会一课 as of {as_of} (reminders only)"),
        )
    }

    pub fn due_columns(self) -> [&'static str; 5] {
        self.pick(
            ["会议", "本期", "本期已开", "上期已开", "状态"],
            ["Meeting", "Period", "Held", "Held before", "State"],
        )
    }

    fn every_word(self, e: Every) -> &'static str {
        match e {
            Every::Month => self.pick("每月", "monthly"),
            Every::Quarter => self.pick("每季度", "quarterly"),
            Every::Year => self.pick("每年", "yearly"),
        }
    }

    /// A requirement's name: kind, group and how often.
    pub fn due_kind(self, l: &DueLine) -> String {
        let kind = self.kind(l.kind);
        match &l.group {
            Some(g) => self.pick(
                format!("{kind}·{g}（{}）", self.every_word(l.every)),
                format!("{kind} · {g} ({})", self.every_word(l.every)),
            ),
            None => self.pick(
                format!("{kind}（{}）", self.every_word(l.every)),
                format!("{kind} ({})", self.every_word(l.every)),
            ),
        }
    }

    /// The current period: `2026-12` or `2026 Q4` or `2026`.
    pub fn due_period(self, l: &DueLine) -> String {
        let p = l.period;
        match l.every {
            Every::Month => p.to_string(),
            Every::Quarter => self.pick(
                format!("{}年第{}季度", p.year, (p.month - 1) / 3 + 1),
                format!("{} Q{}", p.year, (p.month - 1) / 3 + 1),
            ),
            Every::Year => self.pick(format!("{}年", p.year), p.year.to_string()),
        }
    }

    pub fn due_state(self, s: DueState) -> &'static str {
        match s {
            DueState::Held => self.pick("已开", "held"),
            DueState::Due => self.pick("待开", "due"),
            DueState::Overdue => self.pick("逾期（上期未开）", "overdue (none last period)"),
        }
    }

    /// One line on the home screen: `支部主题党日（每月） 2026-12 已开 1 次`.
    pub fn due_line(self, l: &DueLine) -> String {
        let what = self.due_kind(l);
        let period = self.due_period(l);
        match l.state {
            DueState::Held => self.pick(
                format!("{what} {period} 已开 {} 次", l.held),
                format!("{what} {period}: held {}", l.held),
            ),
            DueState::Due => self.pick(
                format!("{what} {period} 待开"),
                format!("{what} {period}: due"),
            ),
            DueState::Overdue => self.pick(
                format!("{what} {period} 待开，上期未开"),
                format!("{what} {period}: due, none held last period"),
            ),
        }
    }

    /// The heading over the roster's 转正 reminders; `n` of them.
    pub fn due_probation_heading(self, branch: &str, n: usize) -> String {
        if n == 0 {
            self.pick(
                format!("{branch}（本机名册）：60 天内没有预备期届满的预备党员"),
                format!("{branch} (the roster here): no probation ends within 60 days"),
            )
        } else {
            self.pick(
                format!("{branch}（本机名册）转正提醒：{n} 人"),
                format!("{branch} (the roster here): 转正 reminders, {n}"),
            )
        }
    }

    pub fn due_probation(self, p: &ProbationLine) -> String {
        if p.ended() {
            self.pick(
                format!(
                    "预备党员 {}：预备期已于 {} 满一年（入党 {}），请讨论其转正",
                    p.name, p.ends, p.joined
                ),
                format!(
                    "Probationary {}: the year ended on {} (joined {}); 转正 is to be discussed",
                    p.name, p.ends, p.joined
                ),
            )
        } else {
            self.pick(
                format!("预备党员 {}：预备期 {} 届满（还有 {} 天），请准备转正讨论", p.name, p.ends, p.days_left),
                format!("Probationary {}: the year ends on {} (in {} days); prepare the 转正 discussion", p.name, p.ends, p.days_left),
            )
        }
    }

    pub fn due_absence(self, a: &AbsenceRun) -> String {
        let n = a.months.len();
        let from = a
            .months
            .first()
            .map(ToString::to_string)
            .unwrap_or_default();
        let serious = a.level == crate::stats::Level::Serious;
        self.pick(
            format!(
                "{} 自 {from} 起连续 {n} 个月未参加组织生活且未请假{}",
                a.name,
                if serious {
                    "（六个月以上，请支部大会研究）"
                } else {
                    ""
                }
            ),
            format!(
                "{}: {n} consecutive months without attendance or approved leave since {from}{}",
                a.name,
                if serious {
                    " (six or more: for the branch assembly to consider)"
                } else {
                    ""
                }
            ),
        )
    }

    /// A row of the 三会一课落实情况 table: kind, group and how often, briefly.
    pub fn due_kind_short(
        self,
        kind: crate::domain::MeetingKind,
        group: Option<&str>,
        every: Every,
    ) -> String {
        let k = self.kind(kind);
        let e = self.every_word(every);
        match group {
            Some(g) => self.pick(format!("{k}·{g}（{e}）"), format!("{k} · {g} ({e})")),
            None => self.pick(format!("{k}（{e}）"), format!("{k} ({e})")),
        }
    }

    pub fn stats_h_fulfilment(self) -> &'static str {
        self.pick("三会一课落实情况", "三会一课 held and missing")
    }

    pub fn stats_fulfilment_note(self) -> &'static str {
        self.pick(
            "  数字为当月已开次数；✗ 为该期（月、季度或年）未开；· 为当月未开但该期已开或该期未完整在统计范围内。频次见数据目录的 cadence.json。",
            "  A number is the meetings held that month; ✗ marks a period (month, quarter or year) without one; · a month without one in a period that had one or is not wholly in the report. The frequencies are the data directory's cadence.json.",
        )
    }

    pub fn home_year_title(self) -> &'static str {
        self.pick(
            "本支部本月与本季度（仅作提醒）",
            "This month and quarter (reminders only)",
        )
    }

    pub fn home_year_nothing(self) -> &'static str {
        self.pick("暂无转正或连续缺席提醒。", "No 转正 or absence reminders.")
    }
}
