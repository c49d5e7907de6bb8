//! Column headers and cell values in Chinese or English, matched leniently.

use crate::domain::{CommitteeRole, ExclusionCategory, Standing};

/// A column the importer understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Name,
    Id,
    Standing,
    Group,
    Role,
    Exclusion,
    ApprovalRef,
    /// 入党时间
    Joined,
    /// 转正时间
    Confirmed,
}

impl Field {
    pub const ALL: [Field; 9] = [
        Field::Name,
        Field::Id,
        Field::Standing,
        Field::Group,
        Field::Role,
        Field::Exclusion,
        Field::ApprovalRef,
        Field::Joined,
        Field::Confirmed,
    ];
}

/// A place in the member's 党小组 (组长, 副组长): not a committee place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GroupRole {
    Leader,
    Deputy,
}

/// What a 职务 cell says: a committee place, a place in the 党小组, both or neither.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Duty {
    pub committee: Option<CommitteeRole>,
    pub group: Option<GroupRole>,
}

/// A value that is none of the words a column accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unrecognized;

/// Lower-case, without spaces, separators or a parenthesised remark: `人员类别（必填）` → `人员类别`,
/// `Committee_Role` → `committeerole`.
pub fn normalize(s: &str) -> String {
    let mut out = String::new();
    let mut depth = 0u32;
    for c in s.chars() {
        match c {
            '(' | '（' | '[' | '【' => depth += 1,
            ')' | '）' | ']' | '】' => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            c if c.is_whitespace() || "_-*:：/.·\u{feff}".contains(c) => {}
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// The field a header names, if any.
pub fn header_field(header: &str) -> Option<Field> {
    let h = normalize(header);
    let f = match h.as_str() {
        "姓名" | "党员姓名" | "名字" | "name" | "fullname" | "membername" => Field::Name,
        "编号" | "党员编号" | "人员编号" | "id" | "memberid" => Field::Id,
        "类别" | "人员类别" | "党员类别" | "党员身份" | "身份" | "政治面貌" | "standing"
        | "membership" | "memberstanding" | "category" => Field::Standing,
        "党小组" | "所在党小组" | "所属党小组" | "小组" | "党小组名称" | "group" | "partygroup" => {
            Field::Group
        }
        "入党时间"
        | "入党日期"
        | "入党年月"
        | "加入党组织时间"
        | "joined"
        | "admitted"
        | "admissiondate"
        | "datejoined" => Field::Joined,
        "转正时间" | "转正日期" | "转正年月" | "confirmed" | "confirmationdate"
        | "fullmembershipdate" => Field::Confirmed,
        "职务" | "支委职务" | "党内职务" | "支部职务" | "委员职务" | "committeerole" | "role"
        | "committee" | "position" => Field::Role,
        "不计入应到会类别"
        | "不计入应到会"
        | "不计入应到会人数"
        | "不计入应到"
        | "不计入类别"
        | "不计入应到会情形"
        | "exclusion"
        | "excluded"
        | "exclusioncategory"
        | "notcounted" => Field::Exclusion,
        "批准文号"
        | "批准文件"
        | "审批文号"
        | "批准"
        | "批准文号或文件"
        | "approvalref"
        | "approval"
        | "approvalreference" => Field::ApprovalRef,
        _ => return None,
    };
    Some(f)
}

/// Values that mean "nothing here" in an optional column.
pub fn is_none_word(s: &str) -> bool {
    matches!(
        normalize(s).as_str(),
        "" | "无" | "否" | "不" | "none" | "no" | "n/a" | "na"
    ) || matches!(s.trim(), "-" | "—" | "/" | "－")
}

pub fn standing(s: &str) -> Option<Standing> {
    let v = normalize(s);
    let st = match v.as_str() {
        "正式党员" | "正式" | "中共党员" | "党员" | "full" | "fullmember" => {
            Standing::Full
        }
        "预备党员" | "预备" | "中共预备党员" | "probationary" | "probationarymember"
        | "probation" => Standing::Probationary,
        "留党察看"
        | "受留党察看处分"
        | "留党察看期间"
        | "察看"
        | "observation"
        | "underobservation" => Standing::Observation,
        "权利中止" | "中止" | "党员权利中止" | "停止党员权利" | "suspended" | "rightssuspended" => {
            Standing::Suspended
        }
        _ => return None,
    };
    Some(st)
}

/// A committee role; `Ok(None)` for an empty cell or "无".
pub fn role(s: &str) -> Result<Option<CommitteeRole>, Unrecognized> {
    if is_none_word(s) {
        return Ok(None);
    }
    let v = normalize(s);
    let v = v
        .strip_prefix("党支部")
        .or_else(|| v.strip_prefix("支部"))
        .unwrap_or(&v);
    let r = match v {
        "书记" | "secretary" => CommitteeRole::Secretary,
        "副书记" | "deputysecretary" | "deputy" => CommitteeRole::DeputySecretary,
        "组织委员" | "organization" | "organisation" | "organizationmember"
        | "organisationmember" => CommitteeRole::Organization,
        "宣传委员" | "propaganda" | "propagandamember" => CommitteeRole::Propaganda,
        "纪检委员"
        | "纪律检查委员"
        | "discipline"
        | "disciplinemember"
        | "disciplineinspection" => CommitteeRole::Discipline,
        "委员" | "支委" | "member" | "committeemember" => CommitteeRole::Member,
        _ => return Err(Unrecognized),
    };
    Ok(Some(r))
}

/// A 职务 cell: one committee place and one place in the 党小组 at most, written alone or together
/// (`书记、第一党小组组长`); `Ok` with neither for an empty cell or "无".
pub fn duty(s: &str) -> Result<Duty, Unrecognized> {
    let mut d = Duty::default();
    for part in s.split(['、', ',', '，', ';', '；', '/', '|']) {
        if is_none_word(part) {
            continue;
        }
        let v = normalize(part);
        let group = if v.ends_with("副组长") || v == "deputygroupleader" {
            Some(GroupRole::Deputy)
        } else if v.ends_with("组长") || v == "groupleader" || v == "leader" {
            Some(GroupRole::Leader)
        } else {
            None
        };
        match group {
            Some(g) if d.group.is_none() => d.group = Some(g),
            Some(_) => return Err(Unrecognized),
            None => match role(part)? {
                Some(r) if d.committee.is_none() => d.committee = Some(r),
                Some(_) => return Err(Unrecognized),
                None => {}
            },
        }
    }
    Ok(d)
}

/// A date as branches write it: `2020-05-01`, `2020/5/1`, `2020.05.01`, `2020年5月1日`, `20200501`,
/// or a month alone (`2020.05`, `2020年5月`: the first of the month); `None` if it is not one.
pub fn date(s: &str) -> Option<chrono::NaiveDate> {
    let t = s.trim().trim_end_matches('日');
    let digits_only = t.chars().all(|c| c.is_ascii_digit());
    if digits_only && t.len() == 8 {
        let y = t[..4].parse().ok()?;
        let m = t[4..6].parse().ok()?;
        let d = t[6..].parse().ok()?;
        return chrono::NaiveDate::from_ymd_opt(y, m, d);
    }
    // An Excel date serial, as a cell without a date format gives it.
    if digits_only && t.len() == 5 {
        let n: i64 = t.parse().ok()?;
        let epoch = chrono::NaiveDate::from_ymd_opt(1899, 12, 30)?;
        return (n > 60).then(|| epoch.checked_add_days(chrono::Days::new(n as u64)))?;
    }
    let (year, month, day) = crate::typed::date_parts(t)?;
    // A month alone is its first day.
    chrono::NaiveDate::from_ymd_opt(year, month, day.unwrap_or(1))
}

/// What a row that is not a member says about itself: a total line or a line of the form's footer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotAMember {
    /// 合计 / 总计 / 小计 / 共计
    Total,
    /// 制表人 / 填表人 / 填表日期 / 制表日期 / 审核人 / 负责人 / 备注 / 说明 / 注
    Footer,
}

/// Whether a row's first text marks it as a total or a footer line, not a member.
pub fn not_a_member(first_cell: &str) -> Option<NotAMember> {
    let v = normalize(first_cell);
    const TOTAL: [&str; 5] = ["合计", "总计", "小计", "共计", "total"];
    const FOOTER: [&str; 11] = [
        "制表人",
        "填表人",
        "填报人",
        "填表日期",
        "制表日期",
        "填报日期",
        "审核人",
        "负责人",
        "备注",
        "说明",
        "注",
    ];
    if TOTAL.iter().any(|w| v.starts_with(w)) {
        Some(NotAMember::Total)
    } else if FOOTER.iter().any(|w| v.starts_with(w)) {
        Some(NotAMember::Footer)
    } else {
        None
    }
}

/// A category of the five in which a member is left out of 应到会, by number (1–5, `第5类`) or by
/// its wording in Chinese or English; `Ok(None)` for an empty cell or "无".
pub fn exclusion(s: &str) -> Result<Option<ExclusionCategory>, Unrecognized> {
    use ExclusionCategory::{AbroadPrivate, AwayWorkStudy, Bedridden, Illness, ServingSentence};
    if is_none_word(s) {
        return Ok(None);
    }
    let v = normalize(s);
    let digits: String = v
        .trim_start_matches('第')
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    if !digits.is_empty() {
        return match digits.as_str() {
            "1" => Ok(Some(Illness)),
            "2" => Ok(Some(AbroadPrivate)),
            "3" => Ok(Some(ServingSentence)),
            "4" => Ok(Some(Bedridden)),
            "5" => Ok(Some(AwayWorkStudy)),
            _ => Err(Unrecognized),
        };
    }
    if let Some(c) = ExclusionCategory::ALL
        .into_iter()
        .find(|c| normalize(c.key()) == v)
    {
        return Ok(Some(c));
    }
    let has = |words: &[&str]| words.iter().any(|w| v.contains(w));
    let c = if has(&["卧床", "自理", "年老体弱", "bedridden", "careforoneself"]) {
        Bedridden
    } else if has(&["服刑", "sentence", "prison"]) {
        ServingSentence
    } else if has(&["出国", "国外", "abroad"]) {
        AbroadPrivate
    } else if has(&[
        "调动",
        "外出",
        "下派",
        "学习培训",
        "挂职",
        "away",
        "workorstudy",
        "relations",
    ]) {
        AwayWorkStudy
    } else if has(&["病", "意志", "illness", "expressionofwill"]) {
        Illness
    } else {
        return Err(Unrecognized);
    };
    Ok(Some(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_match_leniently() {
        assert_eq!(header_field("姓名"), Some(Field::Name));
        assert_eq!(header_field(" 人员类别（必填） "), Some(Field::Standing));
        assert_eq!(header_field("Committee_Role"), Some(Field::Role));
        assert_eq!(header_field("不计入应到会类别"), Some(Field::Exclusion));
        assert_eq!(header_field("Approval Ref"), Some(Field::ApprovalRef));
        assert_eq!(header_field("序号"), None);
        assert_eq!(header_field("联系电话"), None);
        assert_eq!(header_field("入党日期"), Some(Field::Joined));
        assert_eq!(header_field("转正时间"), Some(Field::Confirmed));
        assert_eq!(header_field("所在党小组"), Some(Field::Group));
        assert_eq!(header_field("党内职务"), Some(Field::Role));
    }

    #[test]
    fn duties_split_committee_and_group_places() {
        let d = |c, g| {
            Ok(Duty {
                committee: c,
                group: g,
            })
        };
        assert_eq!(duty("组长"), d(None, Some(GroupRole::Leader)));
        assert_eq!(duty("党小组组长"), d(None, Some(GroupRole::Leader)));
        assert_eq!(duty("第一党小组副组长"), d(None, Some(GroupRole::Deputy)));
        assert_eq!(
            duty("支部书记、第一党小组组长"),
            d(Some(CommitteeRole::Secretary), Some(GroupRole::Leader))
        );
        assert_eq!(duty("宣传委员"), d(Some(CommitteeRole::Propaganda), None));
        assert_eq!(duty(""), d(None, None));
        assert_eq!(duty("书记、副书记"), Err(Unrecognized));
        assert_eq!(duty("队长"), Err(Unrecognized));
    }

    #[test]
    fn dates_as_branches_write_them() {
        let ymd = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d);
        assert_eq!(date("2020-05-01"), ymd(2020, 5, 1));
        assert_eq!(date("2020/5/1"), ymd(2020, 5, 1));
        assert_eq!(date("2020.05.01"), ymd(2020, 5, 1));
        assert_eq!(date("2020年5月1日"), ymd(2020, 5, 1));
        assert_eq!(date("2020年5月"), ymd(2020, 5, 1));
        assert_eq!(date("2020.05"), ymd(2020, 5, 1));
        assert_eq!(date("20200501"), ymd(2020, 5, 1));
        assert_eq!(date("43952"), ymd(2020, 5, 1));
        assert_eq!(date("2020-13-01"), None);
        assert_eq!(date("去年"), None);
        assert_eq!(date("20-05-01"), None);
    }

    #[test]
    fn totals_and_footers_are_not_members() {
        assert_eq!(not_a_member("合计"), Some(NotAMember::Total));
        assert_eq!(not_a_member("总计：8人"), Some(NotAMember::Total));
        assert_eq!(not_a_member("制表人：王建国"), Some(NotAMember::Footer));
        assert_eq!(
            not_a_member("填表日期: 2026-01-05"),
            Some(NotAMember::Footer)
        );
        assert_eq!(not_a_member("王建国"), None);
        assert_eq!(not_a_member("1"), None);
    }

    #[test]
    fn values_in_both_languages() {
        assert_eq!(standing("正式党员"), Some(Standing::Full));
        assert_eq!(standing("Probationary"), Some(Standing::Probationary));
        assert_eq!(standing("留党察看"), Some(Standing::Observation));
        assert_eq!(standing("rights suspended"), Some(Standing::Suspended));
        assert_eq!(standing("群众"), None);
        assert_eq!(role("支部书记"), Ok(Some(CommitteeRole::Secretary)));
        assert_eq!(
            role("Deputy Secretary"),
            Ok(Some(CommitteeRole::DeputySecretary))
        );
        assert_eq!(role("纪检委员"), Ok(Some(CommitteeRole::Discipline)));
        assert_eq!(role("无"), Ok(None));
        assert_eq!(role("队长"), Err(Unrecognized));
        assert_eq!(exclusion("5"), Ok(Some(ExclusionCategory::AwayWorkStudy)));
        assert_eq!(
            exclusion("第2类"),
            Ok(Some(ExclusionCategory::AbroadPrivate))
        );
        assert_eq!(
            exclusion("年老体弱卧床不起和长期生活不能自理的"),
            Ok(Some(ExclusionCategory::Bedridden))
        );
        assert_eq!(
            exclusion("患有精神病或其他疾病导致不能表达本人意志的"),
            Ok(Some(ExclusionCategory::Illness))
        );
        assert_eq!(
            exclusion("serving a sentence"),
            Ok(Some(ExclusionCategory::ServingSentence))
        );
        assert_eq!(exclusion(""), Ok(None));
        assert_eq!(exclusion("6"), Err(Unrecognized));
        assert_eq!(exclusion("请假"), Err(Unrecognized));
    }
}
