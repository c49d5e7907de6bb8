//! Labels of the printable record (会议记录) and messages of the `export` command.

use chrono::{Datelike, NaiveDate};

use super::Tr;
use crate::domain::MeetingKind;

/// A fixed label of the printable record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ExportLabel {
    DocTitle,
    Basic,
    Attendance,
    Agenda,
    Study,
    Items,
    Actions,
    Summary,
    MeetingName,
    MeetingKind,
    Theme,
    Branch,
    Group,
    Date,
    Time,
    Place,
    Chair,
    Recorder,
    Expected,
    Present,
    Attendees,
    Absentees,
    NotCounted,
    Guests,
    Name,
    Standing,
    Status,
    Reason,
    Approver,
    Category,
    ApprovalRef,
    Identity,
    Number,
    StageTitle,
    StageKind,
    Planned,
    Actual,
    StageNotes,
    Presenter,
    Material,
    Duration,
    Notes,
    ItemType,
    ItemStage,
    ItemSource,
    Candidate,
    Discussion,
    Decision,
    Method,
    VoteCounts,
    WrittenOpinions,
    Opinion,
    YesCounted,
    EntitledExpected,
    EntitledPresent,
    Quorum,
    YesNeeded,
    RuleApplied,
    Outcome,
    VoteClosedAt,
    DeferredReason,
    Ballots,
    Task,
    Owner,
    Due,
    FromItem,
    EndMarker,
    ChairSignature,
    RecorderSignature,
    SignDate,
    FileId,
    Digest,
    Supersedes,
    CorrectionReason,
    FinalizedAt,
    NotRecorded,
    None,
    QuorumMet,
    QuorumNotMet,
}

impl Tr {
    /// A fixed label of the printable record.
    pub fn export_label(self, l: ExportLabel) -> &'static str {
        use ExportLabel as L;
        match l {
            L::DocTitle => self.pick("会议记录", "Minutes"),
            L::Basic => self.pick("基本情况", "Meeting details"),
            L::Attendance => self.pick("出席情况", "Attendance"),
            L::Agenda => self.pick("会议议程", "Agenda"),
            L::Study => self.pick("学习内容", "Study"),
            L::Items => self.pick("议题及表决", "Items and votes"),
            L::Actions => self.pick("决定事项落实", "Follow-up"),
            L::Summary => self.pick("会议小结", "Summary"),
            L::MeetingName => self.pick("会议名称", "Title"),
            L::MeetingKind => self.pick("会议类型", "Kind"),
            L::Theme => self.pick("主题", "Theme"),
            L::Branch => self.pick("党支部", "Branch"),
            L::Group => self.pick("党小组", "Party group"),
            L::Date | L::SignDate => self.pick("日期", "Date"),
            L::Time => self.pick("时间", "Time"),
            L::Place => self.pick("地点", "Place"),
            L::Chair => self.pick("主持人", "Chair"),
            L::Recorder => self.pick("记录人", "Recorder"),
            L::Expected => self.pick("应到", "Expected"),
            L::Present => self.pick("实到", "Present"),
            L::Attendees => self.pick("出席人员", "Attended"),
            L::Absentees => self.pick("缺席人员及原因", "Absent, with reasons"),
            L::NotCounted => self.pick(
                "不计入应到会人数的党员",
                "Members not counted in expected attendance",
            ),
            L::Guests => self.pick("列席人员", "Guests (non-voting)"),
            L::Name => self.pick("姓名", "Name"),
            L::Standing => self.pick("类别", "Standing"),
            L::Status => self.pick("情况", "Status"),
            L::Reason => self.pick("原因", "Reason"),
            L::Approver => self.pick("批准人", "Approved by"),
            L::Category => self.pick("不计入类别", "Category"),
            L::ApprovalRef => self.pick("批准文号", "Approval"),
            L::Identity => self.pick("身份", "Identity"),
            L::Number => self.pick("序号", "No."),
            L::StageTitle => self.pick("议程", "Stage"),
            L::StageKind => self.pick("类型", "Kind"),
            L::Planned => self.pick("计划（分钟）", "Planned (min)"),
            L::Actual => self.pick("实际（分钟）", "Actual (min)"),
            L::StageNotes => self.pick("记录", "Notes"),
            L::Presenter => self.pick("主讲人", "Presenter"),
            L::Material => self.pick("学习材料", "Material"),
            L::Duration => self.pick("用时", "Time taken"),
            L::Notes => self.pick("学习记录", "Notes"),
            L::ItemType => self.pick("事项类型", "Type"),
            L::ItemStage => self.pick("议事阶段", "Stage"),
            L::ItemSource => self.pick("议题来源", "Item source"),
            L::Candidate => self.pick("对象", "Candidate"),
            L::Discussion => self.pick("讨论情况", "Discussion"),
            L::Decision => self.pick("决定", "Decision"),
            L::Method => self.pick("表决方式", "Method"),
            L::VoteCounts => self.pick("表决票数", "Votes"),
            L::WrittenOpinions => self.pick("书面意见", "Written opinions"),
            L::Opinion => self.pick("意见", "Opinion"),
            L::YesCounted => self.pick(
                "计入的赞成票（含书面意见）",
                "Yes counted (with written opinions)",
            ),
            L::EntitledExpected => {
                self.pick("应到有表决权党员（E）", "Entitled voters expected (E)")
            }
            L::EntitledPresent => self.pick("实到有表决权党员（P）", "Entitled voters present (P)"),
            L::Quorum => self.pick("法定人数", "Quorum"),
            L::YesNeeded => self.pick("通过所需赞成票", "Yes needed to pass"),
            L::RuleApplied => self.pick("适用规则", "Rule applied"),
            L::Outcome => self.pick("表决结果", "Outcome"),
            L::VoteClosedAt => self.pick("表决时间", "Vote closed at"),
            L::DeferredReason => self.pick("暂缓原因", "Why deferred"),
            L::Ballots => self.pick("选票", "Ballots"),
            L::Task => self.pick("事项", "Task"),
            L::Owner => self.pick("负责人", "Owner"),
            L::Due => self.pick("完成期限", "Due"),
            L::FromItem => self.pick("所属议题", "From item"),
            L::EndMarker => self.pick("（会议结束）", "(End of meeting)"),
            L::ChairSignature => self.pick("主持人（签字）", "Chair (signature)"),
            L::RecorderSignature => self.pick("记录人（签字）", "Recorder (signature)"),
            L::FileId => self.pick("文件编号", "File id"),
            L::Digest => self.pick("摘要（SHA-256）", "Digest (SHA-256)"),
            L::Supersedes => self.pick("更正并取代", "Corrects and replaces"),
            L::CorrectionReason => self.pick("更正原因", "Why corrected"),
            L::FinalizedAt => self.pick("定稿时间", "Finalized"),
            L::NotRecorded => self.pick("（未填写）", "(not recorded)"),
            L::None => self.pick("无", "None"),
            L::QuorumMet => self.pick("已达到", "met"),
            L::QuorumNotMet => self.pick("未达到", "not met"),
        }
    }

    /// Between a label and its value.
    pub fn export_colon(self) -> &'static str {
        self.pick("：", ": ")
    }

    /// Between items of a list of names.
    pub fn export_list_sep(self) -> &'static str {
        self.pick("、", ", ")
    }

    /// The number of the `n`th section (from 1): 一、 / 1.
    pub fn export_section_number(self, n: usize) -> String {
        const ZH: [&str; 10] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
        match self.0 {
            super::Lang::Zh => ZH
                .get(n.wrapping_sub(1))
                .map_or_else(|| format!("{n}、"), |s| format!("{s}、")),
            super::Lang::En => format!("{n}."),
        }
    }

    /// A calendar date: 2026年5月20日 星期三 / Wednesday 20 May 2026.
    pub fn export_date(self, d: NaiveDate, weekday: bool) -> String {
        const ZH_WEEK: [&str; 7] = ["一", "二", "三", "四", "五", "六", "日"];
        let w = d.weekday().num_days_from_monday() as usize;
        match (self.0, weekday) {
            (super::Lang::Zh, true) => format!(
                "{}年{}月{}日 星期{}",
                d.year(),
                d.month(),
                d.day(),
                ZH_WEEK[w]
            ),
            (super::Lang::Zh, false) => format!("{}年{}月{}日", d.year(), d.month(), d.day()),
            (super::Lang::En, true) => d.format("%A %-d %B %Y").to_string(),
            (super::Lang::En, false) => d.format("%-d %B %Y").to_string(),
        }
    }

    /// A span of time: `14:30 至 16:05（UTC+08:00）`.
    pub fn export_time_span(self, from: &str, to: &str, offset: &str) -> String {
        self.pick(
            format!("{from} 至 {to}（UTC{offset}）"),
            format!("{from} to {to} (UTC{offset})"),
        )
    }

    /// The meeting's time when every time of the record is in the branch's own offset.
    pub fn export_time_span_local(self, from: &str, to: &str) -> String {
        self.pick(format!("{from} 至 {to}"), format!("{from} to {to}"))
    }

    /// Head counts: `23 人（正式党员 21 人，预备党员 1 人）`.
    pub fn export_head_count(self, total: u32, full: u32, probationary: u32, other: u32) -> String {
        let mut s = self.pick(
            format!("{total} 人（正式党员 {full} 人，预备党员 {probationary} 人"),
            format!("{total} ({full} full, {probationary} probationary"),
        );
        if other > 0 {
            s.push_str(&self.pick(format!("，其他 {other} 人"), format!(", {other} other")));
        }
        s.push_str(self.pick("）", ")"));
        s
    }

    /// `赞成 10 票，反对 1 票，弃权 0 票`.
    /// A secret ballot's tally, with who watched and who counted.
    pub fn export_ballots(self, b: &crate::domain::Ballots) -> String {
        let names = |p: &[crate::domain::PersonRef]| {
            p.iter()
                .map(|x| x.name.as_str())
                .collect::<Vec<_>>()
                .join(self.export_list_sep())
        };
        let (s, c) = (names(&b.scrutineers), names(&b.counters));
        self.pick(
            format!(
                "发出 {} 张，收回 {} 张，有效 {} 张，无效 {} 张；监票人 {s}；计票人 {c}",
                b.issued, b.returned, b.valid, b.invalid
            ),
            format!(
                "{} issued, {} returned, {} valid, {} invalid; scrutineers {s}; counters {c}",
                b.issued, b.returned, b.valid, b.invalid
            ),
        )
    }

    pub fn export_vote_counts(self, yes: u32, no: u32, abstain: u32) -> String {
        self.pick(
            format!("赞成 {yes} 票，反对 {no} 票，弃权 {abstain} 票"),
            format!("yes {yes}, no {no}, abstain {abstain}"),
        )
    }

    /// `10 + 书面同意 2 = 12`.
    pub fn export_yes_counted(self, yes: u32, written_yes: u32) -> String {
        self.pick(
            format!("{yes} + 书面同意 {written_yes} = {}", yes + written_yes),
            format!("{yes} + {written_yes} written yes = {}", yes + written_yes),
        )
    }

    /// A number of people.
    pub fn export_people(self, n: u32) -> String {
        self.pick(format!("{n} 人"), format!("{n}"))
    }

    /// A duration in whole minutes (rounded; under one minute shows as `<1`).
    pub fn export_minutes(self, seconds: u64) -> String {
        let m = minutes_of(seconds);
        self.pick(format!("{m} 分钟"), format!("{m} min"))
    }

    /// `王建国（受李秀英委托）`.
    pub fn export_delegated(self, chair: &str, by: &str) -> String {
        self.pick(
            format!("{chair}（受{by}委托）"),
            format!("{chair} (delegated by {by})"),
        )
    }

    /// `迟到 14:35`.
    pub fn export_late_at(self, name: &str, at: &str) -> String {
        self.pick(
            format!("{name}（迟到 {at}）"),
            format!("{name} (late, {at})"),
        )
    }

    /// A written opinion: `刘桂兰（同意）`.
    pub fn export_written(self, name: &str, opinion: &str) -> String {
        self.pick(
            format!("{name}（{opinion}）"),
            format!("{name} ({opinion})"),
        )
    }

    /// `议题 1：…`.
    pub fn export_item_heading(self, n: usize, title: &str) -> String {
        self.pick(format!("议题 {n}：{title}"), format!("Item {n}: {title}"))
    }

    /// `学习 1：…`.
    pub fn export_topic_heading(self, n: usize, title: &str) -> String {
        self.pick(format!("学习 {n}：{title}"), format!("Topic {n}: {title}"))
    }

    /// `议程 2「重温入党誓词」记录`.
    pub fn export_stage_notes(self, n: usize, title: &str) -> String {
        self.pick(
            format!("议程 {n}「{title}」记录"),
            format!("Notes on stage {n}, {title}"),
        )
    }

    /// `1. 组织委员谈话`.
    pub fn export_item_ref(self, n: usize, title: &str) -> String {
        self.pick(format!("{n}. {title}"), format!("{n}. {title}"))
    }

    /// The quorum comparison as a formula.
    pub fn export_quorum(self, met: bool, at_least_half: bool) -> String {
        use ExportLabel as L;
        let word = self.export_label(if met { L::QuorumMet } else { L::QuorumNotMet });
        let formula = if at_least_half {
            "P ≥ E/2"
        } else {
            "P > E/2"
        };
        self.pick(
            format!("{word}（{formula}）"),
            format!("{word} ({formula})"),
        )
    }

    /// Yes votes needed, with the base it is a majority of.
    pub fn export_yes_needed(self, needed: u32, base_present: bool) -> String {
        let formula = if base_present { "> P/2" } else { "> E/2" };
        self.pick(
            format!("{needed} 票（{formula}）"),
            format!("{needed} ({formula})"),
        )
    }

    /// The category of an exclusion with its number in the list of five.
    pub fn export_exclusion(self, number: u8, text: &str) -> String {
        self.pick(format!("第{number}类：{text}"), format!("{number}: {text}"))
    }

    /// The banner of a record that failed validation.
    pub fn export_failed_banner(self, errors: usize) -> String {
        self.pick(
            format!(
                "未通过校验：本文件有 {errors} 项错误，内容可能在定稿后被改动或与规则不符，不能作为正式记录使用"
            ),
            format!(
                "FAILED VALIDATION: this file has {errors} error(s); it may have been changed after it was finalized or contradict the rules, and is not a valid record"
            ),
        )
    }

    /// The stderr warning when an invalid file is exported anyway.
    pub fn export_failed_warning(self, path: &str, errors: usize) -> String {
        self.pick(
            format!(
                "{path}：警告：未通过校验（{errors} 项错误），已照样导出并在文档中标注；详情请运行 branchday validate"
            ),
            format!(
                "{path}: warning: failed validation ({errors} error(s)); exported anyway and marked as such; run branchday validate for details"
            ),
        )
    }

    /// A file that is not a minutes file at all.
    pub fn export_not_minutes(self, path: &str, why: &str) -> String {
        self.pick(
            format!("{path}：不是可导出的会议记录文件（{why}）"),
            format!("{path}: not a minutes file that can be exported ({why})"),
        )
    }

    /// Writing the output failed.
    pub fn export_write_failed(self, err: &str) -> String {
        self.pick(
            format!("无法写出导出结果：{err}"),
            format!("cannot write the export: {err}"),
        )
    }

    /// The generator line of the footer.
    pub fn export_generated(self) -> &'static str {
        self.pick(
            "由 branchday 根据会议记录文件生成；可用 branchday validate 核对摘要",
            "Generated by branchday from the minutes file; check the digest with branchday validate",
        )
    }
}

/// Whole minutes, rounded to the nearest; a positive time under half a minute shows as `<1`.
pub fn minutes_of(seconds: u64) -> String {
    if seconds > 0 && seconds < 30 {
        "<1".to_owned()
    } else {
        (seconds.saturating_add(30) / 60).to_string()
    }
}

impl Tr {
    #[must_use]
    pub fn doc_lang_code(self) -> &'static str {
        self.pick("zh-CN", "en")
    }
}

impl Tr {
    /// A name in brackets, after a signature line.
    #[must_use]
    pub fn doc_paren(self, name: &str) -> String {
        self.pick(format!("（{name}）"), format!("({name})"))
    }

    /// The document's title: the kind of meeting and the word for minutes.
    #[must_use]
    pub fn doc_title(self, kind: MeetingKind) -> String {
        let (kind, title) = (self.kind(kind), self.export_label(ExportLabel::DocTitle));
        self.pick(format!("{kind}{title}"), format!("{title}: {kind}"))
    }

    /// The title of a correction: it says so (更正件).
    pub fn doc_title_correction(self, kind: MeetingKind) -> String {
        self.pick(
            format!("{}（更正件）", self.doc_title(kind)),
            format!("{} (correction)", self.doc_title(kind)),
        )
    }
}
