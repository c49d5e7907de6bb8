//! What a correction (更正件) changed against the file it corrects: the meeting's fields, the
//! counts, each member's attendance, guests, study topics, items and their votes, action items
//! and the summary — as pairs of before and after, for the correction's page.

use std::collections::BTreeMap;

use crate::i18n::ReviewLabel as L;
use crate::i18n::Tr;
use crate::minutes::{AttendanceEntry, Minutes};
use crate::sanitize;

/// One difference: what, and how it read in the original and in the correction ("—" for absent).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub what: String,
    pub before: String,
    pub after: String,
}

/// Longest text shown on either side, in characters.
const CLIP: usize = 120;

fn clip(s: &str) -> String {
    let s = sanitize::line(s);
    match s.char_indices().nth(CLIP) {
        Some((cut, _)) => format!("{}…", &s[..cut]),
        None => s.into_owned(),
    }
}

/// Characters of shared text kept on each side of a difference.
const CONTEXT: usize = 8;

/// The differing middle of two texts, with up to [`CONTEXT`] shared characters around it and `…`
/// where more was left out.
fn focus(before: &str, after: &str) -> (String, String) {
    let (b, a): (Vec<char>, Vec<char>) = (before.chars().collect(), after.chars().collect());
    let prefix = b.iter().zip(&a).take_while(|(x, y)| x == y).count();
    let rest = b.len().min(a.len()) - prefix;
    let suffix = b
        .iter()
        .rev()
        .zip(a.iter().rev())
        .take(rest)
        .take_while(|(x, y)| x == y)
        .count();
    let cut = |s: &[char]| {
        let start = prefix.saturating_sub(CONTEXT);
        let end = (s.len() - suffix + CONTEXT).min(s.len());
        let mut out = String::new();
        if start > 0 {
            out.push('…');
        }
        out.extend(&s[start..end]);
        if end < s.len() {
            out.push('…');
        }
        out
    };
    if b.is_empty() || a.is_empty() {
        return (before.to_owned(), after.to_owned());
    }
    (cut(&b), cut(&a))
}

struct Diff {
    tr: Tr,
    out: Vec<Change>,
}

impl Diff {
    fn pair(&mut self, what: impl Into<String>, before: String, after: String) {
        if before != after {
            let dash = |s: String| if s.is_empty() { "—".to_owned() } else { s };
            self.out.push(Change {
                what: what.into(),
                before: dash(before),
                after: dash(after),
            });
        }
    }

    /// Two texts: where they share a long beginning or end, only the part that differs is shown,
    /// with a little of what surrounds it.
    fn text(&mut self, what: impl Into<String>, before: &str, after: &str) {
        if before == after {
            return;
        }
        // Line breaks read as spaces on one line of the table.
        let one_line = |s: &str| sanitize::line(&s.replace(['\r', '\n'], " ")).into_owned();
        let (b, a) = focus(&one_line(before), &one_line(after));
        self.pair(what, clip(&b), clip(&a));
    }

    fn attendance(&self, a: &AttendanceEntry) -> String {
        let tr = self.tr;
        let mut s = tr.status(a.status).to_owned();
        if let Some(r) = a.reason {
            s.push_str(&tr.paren(tr.excuse(r)));
        }
        if let Some(t) = a.left_at {
            s.push_str(&format!(" {} {}", tr.l(L::LeftEarly), t.format("%H:%M")));
        }
        if !a.counted {
            s.push_str(&tr.paren(tr.l(L::NotCounted)));
        }
        s
    }
}

/// The differences from `old` to `new`, in the order of the record.
pub fn between(old: &Minutes, new: &Minutes, tr: Tr) -> Vec<Change> {
    let mut d = Diff {
        tr,
        out: Vec::new(),
    };
    let person =
        |p: Option<&crate::domain::PersonRef>| p.map(|p| p.name.clone()).unwrap_or_default();
    let minute = |t: &crate::domain::Timestamp| t.format("%Y-%m-%d %H:%M").to_string();
    d.pair(
        tr.l(L::Kind),
        tr.kind(old.kind).into(),
        tr.kind(new.kind).into(),
    );
    d.text(tr.l(L::Title), &old.title, &new.title);
    d.text(tr.l(L::Theme), &old.theme, &new.theme);
    d.text(tr.l(L::Place), &old.place, &new.place);
    d.text(
        tr.l(L::Group),
        old.group.as_deref().unwrap_or_default(),
        new.group.as_deref().unwrap_or_default(),
    );
    d.text(
        tr.l(L::Chair),
        &person(old.chair.as_ref()),
        &person(new.chair.as_ref()),
    );
    d.text(
        tr.l(L::Recorder),
        &person(old.recorder.as_ref()),
        &person(new.recorder.as_ref()),
    );
    d.pair(
        tr.l(L::Started),
        minute(&old.started_at),
        minute(&new.started_at),
    );
    d.pair(tr.l(L::Ended), minute(&old.ended_at), minute(&new.ended_at));
    let (oc, nc) = (&old.counts, &new.counts);
    d.pair(
        tr.l(L::Expected),
        tr.split_count(
            oc.expected_total,
            oc.expected_full,
            oc.expected_probationary,
        ),
        tr.split_count(
            nc.expected_total,
            nc.expected_full,
            nc.expected_probationary,
        ),
    );
    d.pair(
        tr.l(L::Present),
        tr.split_count(oc.present_total, oc.present_full, oc.present_probationary),
        tr.split_count(nc.present_total, nc.present_full, nc.present_probationary),
    );

    // Members by their roster id; a member on one list only is added or removed.
    let by_id = |m: &Minutes| -> BTreeMap<String, usize> {
        m.attendance
            .iter()
            .enumerate()
            .map(|(i, a)| (a.member_id.clone(), i))
            .collect()
    };
    let (ob, nb) = (by_id(old), by_id(new));
    for (i, a) in new.attendance.iter().enumerate() {
        let what = format!("{} · {}", tr.l(L::Attendance), sanitize::line(&a.name));
        let before = ob
            .get(&a.member_id)
            .map(|&j| d.attendance(&old.attendance[j]))
            .unwrap_or_default();
        let after = d.attendance(&new.attendance[i]);
        d.pair(what, before, after);
    }
    for a in old
        .attendance
        .iter()
        .filter(|a| !nb.contains_key(&a.member_id))
    {
        let what = format!("{} · {}", tr.l(L::Attendance), sanitize::line(&a.name));
        let before = d.attendance(a);
        d.pair(what, before, String::new());
    }

    let guests = |m: &Minutes| {
        m.guests
            .iter()
            .map(|g| sanitize::line(&g.name).into_owned())
            .collect::<Vec<_>>()
            .join(tr.l(L::ListSep))
    };
    d.text(tr.l(L::Guests), &guests(old), &guests(new));

    for i in 0..old.study.len().max(new.study.len()) {
        let (o, n) = (old.study.get(i), new.study.get(i));
        let label = format!("{} {}", tr.l(L::Study), i + 1);
        d.text(
            format!("{label} · {}", tr.l(L::Title)),
            o.map_or("", |s| &s.title),
            n.map_or("", |s| &s.title),
        );
        d.text(
            format!("{label} · {}", tr.l(L::Notes)),
            o.map_or("", |s| &s.notes),
            n.map_or("", |s| &s.notes),
        );
    }

    for i in 0..old.items.len().max(new.items.len()) {
        let (o, n) = (old.items.get(i), new.items.get(i));
        let label = format!("{} {}", tr.l(L::Items), i + 1);
        d.text(
            format!("{label} · {}", tr.l(L::Title)),
            o.map_or("", |x| &x.title),
            n.map_or("", |x| &x.title),
        );
        let vote = |x: Option<&crate::domain::Item>| {
            x.and_then(|x| x.vote.as_ref())
                .map_or_else(String::new, |v| {
                    format!(
                        "{}{}",
                        tr.outcome(v.outcome),
                        tr.paren(&tr.yes_no_abstain(v.yes, v.no, v.abstain))
                    )
                })
        };
        d.pair(format!("{label} · {}", tr.l(L::Vote)), vote(o), vote(n));
        d.text(
            format!("{label} · {}", tr.l(L::Decision)),
            o.map_or("", |x| &x.decision),
            n.map_or("", |x| &x.decision),
        );
    }

    let actions = |m: &Minutes| {
        m.actions
            .iter()
            .map(|a| {
                format!(
                    "{}（{}）",
                    sanitize::line(&a.task),
                    sanitize::line(&a.owner.name)
                )
            })
            .collect::<Vec<_>>()
            .join(tr.l(L::ListSep))
    };
    d.text(tr.l(L::Actions), &actions(old), &actions(new));
    d.text(tr.l(L::Summary), &old.summary, &new.summary);
    d.out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_text_shows_the_part_that_differs() {
        let (b, a) = focus(
            "会议确定慰问困难党员3名，每人慰问金500元，3月底前完成。",
            "会议确定慰问困难党员3名，每人慰问金500元，4月10日前完成。",
        );
        assert_eq!(b, "…慰问金500元，3月底前完成。");
        assert_eq!(a, "…慰问金500元，4月10日前完成。");
        let (b, a) = focus(
            "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未",
            "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉",
        );
        assert_eq!(
            (b.as_str(), a.as_str()),
            ("…子丑寅卯辰巳午未", "…子丑寅卯辰巳午未申酉")
        );
        assert_eq!(focus("", "新"), (String::new(), "新".to_owned()));
    }

    #[test]
    fn every_kind_of_change_is_found_and_nothing_else() {
        let old: Minutes = serde_json::from_slice(
            &std::fs::read(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/fixtures/valid/committee.json"
            ))
            .unwrap(),
        )
        .unwrap();
        let tr = Tr(crate::i18n::Lang::Zh);
        assert_eq!(between(&old, &old, tr), vec![]);
        let mut new = old.clone();
        new.place = "村委会二楼".into();
        new.attendance[1].status = crate::domain::AttendanceStatus::Absent;
        new.attendance.pop();
        new.items[0].title.push_str("（修改）");
        let changes = between(&old, &new, tr);
        let whats: Vec<&str> = changes.iter().map(|c| c.what.as_str()).collect();
        let name = |i: usize| format!("出勤 · {}", old.attendance[i].name);
        assert_eq!(
            whats,
            [
                "地点".to_owned(),
                name(1),
                name(old.attendance.len() - 1),
                "议题 1 · 名称".to_owned()
            ]
        );
        assert_eq!(changes[0].after, "村委会二楼");
        assert_eq!(changes[1].after, "缺席");
        assert_eq!(changes[2].after, "—", "a member no longer listed");
    }
}
