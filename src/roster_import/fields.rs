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
}

impl Field {
    pub const ALL: [Field; 7] = [
        Field::Name,
        Field::Id,
        Field::Standing,
        Field::Group,
        Field::Role,
        Field::Exclusion,
        Field::ApprovalRef,
    ];
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
        "党小组" | "所在党小组" | "小组" | "group" | "partygroup" => Field::Group,
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
