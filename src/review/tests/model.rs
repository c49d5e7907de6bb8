//! The list's model: sorting by every column, each filter, superseded files, and rows arriving in
//! batches giving the same view as all at once.

use std::path::PathBuf;

use uuid::Uuid;

use crate::domain::{MeetingKind, Outcome};
use crate::minutes::check::Problem;
use crate::review::model::{
    Column, Filter, ItemTally, Model, ReviewState, RowError, Status, Summary, cycle, parse_month,
};

struct Spec {
    name: &'static str,
    date: &'static str,
    branch: &'static str,
    kind: MeetingKind,
    theme: &'static str,
    present: u32,
    expected: u32,
    items: &'static [Option<Outcome>],
    status: Status,
    review: ReviewState,
}

fn row(s: &Spec) -> Summary {
    let mut items = ItemTally::default();
    for o in s.items {
        items.add(*o);
    }
    Summary {
        path: PathBuf::from(format!("/m/{}", s.name)),
        name: s.name.into(),
        id: Some(Uuid::now_v7()),
        started_at: Some(chrono::DateTime::parse_from_rfc3339(s.date).unwrap()),
        branch: s.branch.into(),
        branch_order: crate::review::model::branch_order(s.branch),
        // Codes in the reverse of the names' order, so the two sorts differ.
        branch_code: format!("C-{}", u32::from(u8::MAX) - u32::from(s.name.as_bytes()[0])).into(),
        kind: Some(s.kind),
        theme: s.theme.into(),
        present: s.present,
        expected: s.expected,
        items,
        checked: s.status,
        errors: u16::from(s.status == Status::Invalid),
        warnings: u16::from(s.status == Status::Warnings),
        digest_ok: Some(s.status != Status::Tampered),
        digest: Some(format!("{:064}", s.present).into()),
        file_sha256: None,
        supersedes: None,
        review: s.review,
        error: None,
        copies: Vec::new(),
        haystack: format!("{}\n{}\n{}", s.branch, s.theme, s.name)
            .to_lowercase()
            .into(),
    }
}

/// Five rows whose order differs for every column, and one unreadable file.
fn rows() -> Vec<Summary> {
    use MeetingKind as K;
    use Outcome::{Failed as F, Passed as P};
    let specs = [
        Spec {
            name: "a",
            date: "2026-03-05T09:00:00+08:00",
            branch: "东风社区党支部",
            kind: K::Committee,
            theme: "Budget",
            present: 5,
            expected: 5,
            items: &[Some(P), Some(P), Some(P)],
            status: Status::Valid,
            review: ReviewState::Approved,
        },
        Spec {
            name: "b",
            date: "2026-01-12T09:00:00+08:00",
            branch: "Alpha branch",
            kind: K::ThemedDay,
            theme: "学习党章",
            present: 20,
            expected: 25,
            items: &[Some(P)],
            status: Status::Warnings,
            review: ReviewState::Unreviewed,
        },
        Spec {
            name: "c",
            date: "2026-02-20T14:00:00+08:00",
            branch: "Beta branch",
            kind: K::Lecture,
            theme: "apple",
            present: 12,
            expected: 30,
            items: &[],
            status: Status::Tampered,
            review: ReviewState::Returned,
        },
        Spec {
            name: "d",
            date: "2025-12-01T09:00:00+08:00",
            branch: "Gamma branch",
            kind: K::GeneralAssembly,
            theme: "Zebra crossing",
            present: 30,
            expected: 31,
            items: &[Some(P), Some(F)],
            status: Status::Invalid,
            review: ReviewState::Unreadable,
        },
        Spec {
            name: "e",
            date: "2026-02-20T09:00:00+08:00",
            branch: "Delta branch",
            kind: K::Group,
            theme: "Moon",
            present: 3,
            expected: 12,
            items: &[None],
            status: Status::Valid,
            review: ReviewState::Unreviewed,
        },
    ];
    let mut out: Vec<Summary> = specs.iter().map(row).collect();
    out.push(Summary::failed(
        PathBuf::from("/m/z-broken.json"),
        RowError::Problem(Box::new(Problem::NotAnObject)),
    ));
    out
}

fn names(m: &Model) -> String {
    m.view()
        .iter()
        .map(|&i| m.row(i).name.to_string())
        .collect::<Vec<_>>()
        .join(" ")
}

fn model_with(rows: Vec<Summary>) -> Model {
    let mut m = Model::new();
    m.push(rows);
    m
}

#[test]
fn sorts_by_every_column_in_both_directions_with_unreadable_files_last() {
    let mut m = model_with(rows());
    // Ascending, by column. Ties fall back to the meeting's start, then the path.
    let cases = [
        (Column::Date, "d b e c a z-broken.json"),
        (Column::Branch, "b c e a d z-broken.json"),
        (Column::Kind, "b d a e c z-broken.json"),
        (Column::Theme, "a e d c b z-broken.json"),
        (Column::Attendance, "e a c b d z-broken.json"),
        // 25%, 40%, 80%, 96.7%, 100%
        (Column::Rate, "e c b d a z-broken.json"),
        (Column::Items, "c e b d a z-broken.json"),
        // Tampered, invalid (the broken file too), warnings, valid.
        (Column::Status, "c z-broken.json d b e a"),
        // Unreadable review, returned, unreviewed, approved.
        (Column::Review, "d c z-broken.json b e a"),
    ];
    for (col, expected) in cases {
        m.set_sort(col, false);
        assert_eq!(names(&m), expected, "ascending by {col:?}");
    }
    let descending = [
        (Column::Date, "a c e b d z-broken.json"),
        (Column::Branch, "d a e c b z-broken.json"),
        (Column::Rate, "a d b c e z-broken.json"),
        (Column::Status, "a e b d z-broken.json c"),
    ];
    for (col, expected) in descending {
        m.set_sort(col, true);
        assert_eq!(names(&m), expected, "descending by {col:?}");
    }
}

#[test]
fn filters_by_text_kind_month_status_and_review() {
    let mut m = model_with(rows());
    m.set_sort(Column::Date, false);
    let mut set = |f: Filter| {
        m.set_filter(f);
        names(&m)
    };
    let text = |t: &str| Filter {
        text: t.into(),
        ..Filter::default()
    };
    assert_eq!(set(text("BRANCH")), "d b e c");
    assert_eq!(set(text("党章")), "b");
    assert_eq!(set(text("broken")), "z-broken.json");
    assert_eq!(
        set(Filter {
            kind: Some(MeetingKind::Lecture),
            ..Filter::default()
        }),
        "c"
    );
    assert_eq!(
        set(Filter {
            month: Some((2026, 2)),
            ..Filter::default()
        }),
        "e c"
    );
    assert_eq!(
        set(Filter {
            status: Some(Status::Invalid),
            ..Filter::default()
        }),
        "d z-broken.json"
    );
    assert_eq!(
        set(Filter {
            review: Some(ReviewState::Unreviewed),
            ..Filter::default()
        }),
        "b e z-broken.json"
    );
    // Filters combine.
    assert_eq!(
        set(Filter {
            text: "branch".into(),
            month: Some((2026, 2)),
            review: Some(ReviewState::Unreviewed),
            ..Filter::default()
        }),
        "e"
    );
    assert_eq!(set(Filter::default()), "d b e c a z-broken.json");
}

#[test]
fn a_file_named_in_supersedes_is_superseded_unless_tampered() {
    let mut rs = rows();
    let a_id = rs[0].id.unwrap();
    let c_id = rs[2].id.unwrap();
    let mut fix_a = rs[1].clone();
    fix_a.name = "fix-a".into();
    fix_a.path = PathBuf::from("/m/fix-a");
    fix_a.id = Some(Uuid::now_v7());
    fix_a.supersedes = Some(a_id);
    let mut fix_c = fix_a.clone();
    fix_c.name = "fix-c".into();
    fix_c.id = Some(Uuid::now_v7());
    fix_c.supersedes = Some(c_id);
    // The originals are loaded first, their corrections later, with a status filter on.
    let mut m = Model::new();
    m.set_filter(Filter {
        status: Some(Status::Superseded),
        ..Filter::default()
    });
    m.push(rs.drain(..));
    assert_eq!(names(&m), "");
    m.push([fix_a, fix_c]);
    assert_eq!(names(&m), "a");
    assert_eq!(m.status(0), Status::Superseded);
    assert_eq!(m.status(2), Status::Tampered);
    assert_eq!(m.superseded_by(0), Some(6));
    assert_eq!(m.find_id(a_id), Some(0));
}

#[test]
fn rows_pushed_in_batches_give_the_same_view_as_all_at_once() {
    let all = rows();
    for col in Column::ALL {
        for desc in [false, true] {
            for filter in [
                Filter::default(),
                Filter {
                    text: "a".into(),
                    ..Filter::default()
                },
            ] {
                let mut whole = Model::new();
                whole.push(all.clone());
                whole.set_sort(col, desc);
                whole.set_filter(filter.clone());
                let mut batched = Model::new();
                batched.set_sort(col, desc);
                batched.set_filter(filter);
                for chunk in all.chunks(2) {
                    batched.push(chunk.to_vec());
                }
                assert_eq!(whole.view(), batched.view(), "{col:?} desc={desc}");
            }
        }
    }
}

#[test]
fn months_and_cycles() {
    assert_eq!(parse_month("2026-03"), Some((2026, 3)));
    assert_eq!(parse_month(" 2026-3 "), Some((2026, 3)));
    // One format everywhere, as stats reads it.
    assert_eq!(parse_month("2026/3"), None);
    assert_eq!(parse_month("2026-13"), None);
    assert_eq!(parse_month("March"), None);
    let all = [1, 2];
    assert_eq!(cycle(None, &all), Some(1));
    assert_eq!(cycle(Some(1), &all), Some(2));
    assert_eq!(cycle(Some(2), &all), None);
}

#[test]
fn a_branch_is_found_by_its_code_and_by_pinyin_and_sorted_by_pinyin() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/valid-v2");
    let index = crate::review::load::ReviewIndex::scan(&dir.join("no-reviews"));
    let row = crate::review::load::summarize(&dir.join("committee.json"), &index);
    let name = row.branch.to_string();
    let [initials, digraphs, _] = crate::tui::search::NameKey::new(&name).typed_forms();
    let mut m = Model::new();
    m.push(vec![row]);
    for query in ["demo-0001", initials.as_str(), digraphs.as_str(), &name] {
        m.set_filter(Filter {
            text: query.into(),
            ..Filter::default()
        });
        assert_eq!(m.view().len(), 1, "{query} finds {name}");
    }
    m.set_filter(Filter {
        text: "zzzq".into(),
        ..Filter::default()
    });
    assert!(m.view().is_empty());
    // 东风 (dongfeng) sorts before 高桥 (gaoqiao) and after 柏林 (bailin), as in a Chinese list.
    let order: Vec<_> = ["高桥村党支部", "东风社区党支部", "柏林村党支部"]
        .iter()
        .map(|n| crate::review::model::branch_order(n))
        .collect();
    assert!(order[2] < order[1] && order[1] < order[0], "{order:?}");
}

#[test]
fn copies_are_one_meeting_and_other_content_under_one_id_is_a_conflict() {
    let mut all = rows();
    let base = all.remove(0);
    let id = base.id.expect("id");
    let mut copy = base.clone();
    copy.path = PathBuf::from("/usb/copy-of-a.json");
    let mut other = base.clone();
    other.path = PathBuf::from("/usb/edited-a.json");
    other.digest = Some("f".repeat(64).into());
    let plain = all.remove(0);

    // The same content twice: one row, with its copy.
    let m = model_with(vec![base.clone(), copy.clone(), plain.clone()]);
    assert_eq!(m.len(), 2);
    let a = m.find_id(id).expect("row");
    assert_eq!(m.row(a).copies, vec![PathBuf::from("/usb/copy-of-a.json")]);
    assert_ne!(m.status(a), Status::Conflict);

    // Other content under the same id, arriving in a later batch: both rows say so.
    let mut m = model_with(vec![base, copy, plain]);
    m.push(vec![other]);
    assert_eq!(m.len(), 3);
    let conflicts = (0..m.len())
        .filter(|&i| m.status(i) == Status::Conflict)
        .count();
    assert_eq!(conflicts, 2);
}
