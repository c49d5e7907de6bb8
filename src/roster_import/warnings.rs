//! What an import warns about before anything is written: it never refuses a file for these.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::GroupRole;
use crate::domain::{CommitteeRole, Member, Standing};

/// Something in the roster worth a look before confirming.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// More than one member holds 书记.
    TwoSecretaries { names: Vec<String> },
    /// One name in two or more 党小组: most likely one person listed twice.
    TwoGroups { name: String, groups: Vec<String> },
    /// The same name more than once in one 党小组 (or with none): kept apart by id.
    SameName { name: String, ids: Vec<String> },
    /// A 预备党员 whose year of probation has ended by the 入党时间 given: 转正 is to be discussed.
    ProbationEnded {
        name: String,
        joined: NaiveDate,
        ended: NaiveDate,
    },
    /// More than one 组长 (or 副组长) named for one 党小组; the first is kept.
    TwoLeaders { group: String, names: Vec<String> },
}

/// The warnings about `members` (in file order; `group_roles` beside them), as of `today` when known.
pub fn of(
    members: &[Member],
    group_roles: &[Option<GroupRole>],
    today: Option<NaiveDate>,
) -> Vec<Warning> {
    let mut out = Vec::new();
    let secretaries: Vec<String> = members
        .iter()
        .filter(|m| m.committee_role == Some(CommitteeRole::Secretary))
        .map(|m| m.name.clone())
        .collect();
    if secretaries.len() > 1 {
        out.push(Warning::TwoSecretaries { names: secretaries });
    }
    let mut by_name: BTreeMap<&str, Vec<&Member>> = BTreeMap::new();
    let mut order: Vec<&str> = Vec::new();
    for m in members {
        let e = by_name.entry(m.name.as_str()).or_default();
        if e.is_empty() {
            order.push(m.name.as_str());
        }
        e.push(m);
    }
    for name in order {
        let same = &by_name[name];
        if same.len() < 2 {
            continue;
        }
        let mut groups: Vec<String> = Vec::new();
        for m in same {
            if let Some(g) = &m.group
                && !groups.contains(g)
            {
                groups.push(g.clone());
            }
        }
        if groups.len() > 1 {
            out.push(Warning::TwoGroups {
                name: name.to_owned(),
                groups,
            });
        } else {
            out.push(Warning::SameName {
                name: name.to_owned(),
                ids: same.iter().map(|m| m.id.clone()).collect(),
            });
        }
    }
    let mut leaders: BTreeMap<(&str, bool), Vec<String>> = BTreeMap::new();
    for (m, role) in members.iter().zip(group_roles) {
        if let (Some(g), Some(r)) = (&m.group, role) {
            leaders
                .entry((g.as_str(), *r == GroupRole::Deputy))
                .or_default()
                .push(m.name.clone());
        }
    }
    for ((group, _), names) in leaders {
        if names.len() > 1 {
            out.push(Warning::TwoLeaders {
                group: group.to_owned(),
                names,
            });
        }
    }
    if let Some(today) = today {
        for m in members
            .iter()
            .filter(|m| m.standing == Standing::Probationary)
        {
            if let (Some(joined), Some(ended)) = (m.joined, m.probation_ends())
                && ended <= today
            {
                out.push(Warning::ProbationEnded {
                    name: m.name.clone(),
                    joined,
                    ended,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(id: &str, name: &str, group: Option<&str>) -> Member {
        Member {
            group: group.map(str::to_owned),
            ..Member::new(id, name, Standing::Full)
        }
    }

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn each_warning() {
        let mut a = m("m001", "王建国", Some("第一党小组"));
        a.committee_role = Some(CommitteeRole::Secretary);
        let mut b = m("m002", "李秀英", Some("第二党小组"));
        b.committee_role = Some(CommitteeRole::Secretary);
        let c = m("m003", "张伟", Some("第一党小组"));
        let d = m("m004", "张伟", Some("第二党小组"));
        let e = m("m005", "刘兰", None);
        let f = m("m006", "刘兰", None);
        let mut p = m("m007", "宋佳怡", Some("第一党小组"));
        p.standing = Standing::Probationary;
        p.joined = Some(day("2025-06-30"));
        let mut q = m("m008", "谢宏伟", Some("第一党小组"));
        q.standing = Standing::Probationary;
        q.joined = Some(day("2025-07-01"));
        let members = vec![a, b, c, d, e, f, p, q];
        let roles = vec![
            Some(GroupRole::Leader),
            None,
            Some(GroupRole::Leader),
            None,
            None,
            None,
            None,
            None,
        ];
        let w = of(&members, &roles, Some(day("2026-06-30")));
        assert_eq!(
            w,
            vec![
                Warning::TwoSecretaries {
                    names: vec!["王建国".into(), "李秀英".into()]
                },
                Warning::TwoGroups {
                    name: "张伟".into(),
                    groups: vec!["第一党小组".into(), "第二党小组".into()]
                },
                Warning::SameName {
                    name: "刘兰".into(),
                    ids: vec!["m005".into(), "m006".into()]
                },
                Warning::TwoLeaders {
                    group: "第一党小组".into(),
                    names: vec!["王建国".into(), "张伟".into()]
                },
                Warning::ProbationEnded {
                    name: "宋佳怡".into(),
                    joined: day("2025-06-30"),
                    ended: day("2026-06-30"),
                },
            ]
        );
        assert!(of(&members, &roles, None).len() == 4);
    }
}
