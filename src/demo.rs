//! The built-in demo branch: 25 members with Chinese names, two 党小组, a committee of five, one
//! probationary member and one member left out of 应到会 with an approval reference.

use crate::domain::{
    Branch, CommitteeRole, Exclusion, ExclusionCategory, Group, Member, Roster, Standing,
};

const NAMES: [&str; 25] = [
    "王建国",
    "李秀英",
    "张志强",
    "刘桂兰",
    "陈国华",
    "杨春梅",
    "赵德胜",
    "黄丽娟",
    "周永平",
    "吴淑珍",
    "徐海涛",
    "孙玉兰",
    "马文斌",
    "朱红霞",
    "胡振东",
    "郭晓燕",
    "何立新",
    "高翠萍",
    "林志明",
    "罗美玲",
    "郑光辉",
    "梁素芬",
    "谢宏伟",
    "宋佳怡",
    "欧阳明轩",
];

/// The demo roster.
#[must_use]
pub fn roster() -> Roster {
    let groups = vec![
        Group {
            name: "第一党小组".into(),
            leader: Some("m007".into()),
            deputy: None,
        },
        Group {
            name: "第二党小组".into(),
            leader: Some("m006".into()),
            deputy: None,
        },
    ];
    let roles = [
        CommitteeRole::Secretary,
        CommitteeRole::DeputySecretary,
        CommitteeRole::Organization,
        CommitteeRole::Propaganda,
        CommitteeRole::Discipline,
    ];
    let members = NAMES
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let standing = if i == 23 {
                Standing::Probationary
            } else {
                Standing::Full
            };
            let exclusion = (i == 22).then(|| Exclusion {
                category: ExclusionCategory::AwayWorkStudy,
                approval_ref: "城关镇党委〔2026〕12号".into(),
            });
            Member {
                id: format!("m{:03}", i + 1),
                name: (*name).to_owned(),
                standing,
                group: Some(groups[i % 2].name.clone()),
                committee_role: roles.get(i).copied(),
                exclusion,
                joined: None,
                confirmed: None,
                out_of_contact: None,
            }
        })
        .collect();
    Roster {
        branch: Branch {
            name: "城关镇东风社区党支部".into(),
            code: "DEMO-0001".into(),
        },
        groups,
        members,
        departed: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_branch_has_what_the_design_promises() {
        let r = roster();
        assert_eq!(r.members.len(), 25);
        assert_eq!(r.groups.len(), 2);
        assert_eq!(r.committee().count(), 5);
        assert_eq!(
            r.members
                .iter()
                .filter(|m| m.standing == Standing::Probationary)
                .count(),
            1
        );
        assert_eq!(r.members.iter().filter(|m| !m.counted()).count(), 1);
        let ids: std::collections::HashSet<_> = r.members.iter().map(|m| &m.id).collect();
        assert_eq!(ids.len(), 25);
    }
}
