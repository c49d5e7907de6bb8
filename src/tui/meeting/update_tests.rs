//! The meeting's keys as tables of `update(model, message) == effects`: no terminal, no disk.
//! Each case builds a meeting in memory, applies the events that set the scene, puts the screen
//! on a panel, sends the messages and compares the effects of the last one.

use std::time::Instant;

use chrono::TimeZone;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::*;
use crate::domain::MeetingKind;
use crate::domain::agenda::builtin_templates;
use crate::domain::text::Splice;
use crate::i18n::Lang;
use crate::tui::widgets::form::FieldId;

pub(super) fn at(min: u32) -> Timestamp {
    chrono::FixedOffset::east_opt(8 * 3600)
        .expect("offset")
        .with_ymd_and_hms(2026, 11, 26, 14, min, 0)
        .single()
        .expect("time")
}

pub(super) fn meeting() -> Meeting {
    let roster = crate::demo::roster();
    let agenda = builtin_templates()
        .into_iter()
        .find(|t| t.kind == MeetingKind::ThemedDay)
        .expect("template")
        .stages;
    let setup = crate::corpus::MeetingBuilder::new(MeetingKind::ThemedDay, roster)
        .id(uuid::Uuid::nil())
        .title("2026年11月主题党日")
        .chair_member(0)
        .recorder_member(2)
        .agenda(agenda)
        .build();
    let mut m = Meeting::new(setup, at(0));
    m.apply(&Event::StageStarted {
        at: at(0),
        index: 0,
    })
    .expect("stage");
    m
}

pub(super) fn key(code: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

pub(super) fn ctrl(c: char) -> Msg {
    Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
}

pub(super) fn ch(c: char) -> Msg {
    key(KeyCode::Char(c))
}

pub(super) fn first_member(m: &Meeting) -> String {
    let (i, _) = m.body().next().expect("a member");
    m.members()[i].id.clone()
}

pub(super) fn marked(m: &Meeting, status: AttendanceStatus) -> Event {
    Event::Marked {
        at: at(1),
        member_id: first_member(m),
        mark: Some(AttendanceMark {
            status,
            reason: None,
            reason_text: String::new(),
            approver: String::new(),
            left: None,
        }),
    }
}

/// Send `msgs` to a screen on `view` over the meeting after `scene`; the last message's effects.
pub(super) fn run(scene: &[Event], view: View, msgs: &[Msg]) -> (Model, Vec<Effect>) {
    run_at(scene, view, msgs, at(1))
}

/// [`run`] with the messages sent at `now`.
pub(super) fn run_at(
    scene: &[Event],
    view: View,
    msgs: &[Msg],
    now: Timestamp,
) -> (Model, Vec<Effect>) {
    let mut m = meeting();
    for e in scene {
        m.apply(e).expect("scene event");
    }
    let mut model = Model::new(&m, Tr(Lang::Zh));
    model.view = view;
    let mut fx = Vec::new();
    for msg in msgs {
        fx = model.update(&m, msg.clone(), Instant::now(), now);
    }
    (model, fx)
}

/// A case: its name, the scene, the messages, the effects of the last message.
type Case = (&'static str, Vec<Event>, Vec<Msg>, Vec<Effect>);

#[test]
fn check_in_keys() {
    let m = meeting();
    let present = marked(&m, AttendanceStatus::Present);
    let late = marked(&m, AttendanceStatus::Late);
    let cases: Vec<Case> = vec![
        (
            "Enter marks present",
            vec![],
            vec![key(KeyCode::Enter)],
            vec![Effect::Record(present.clone())],
        ),
        (
            "1 marks present",
            vec![],
            vec![ch('1')],
            vec![Effect::Record(present.clone())],
        ),
        (
            "2 marks late",
            vec![],
            vec![ch('2')],
            vec![Effect::Record(late.clone())],
        ),
        ("3 asks for a reason first", vec![], vec![ch('3')], vec![]),
        ("4 asks for a reason first", vec![], vec![ch('4')], vec![]),
        (
            "typing searches, records nothing",
            vec![],
            vec![ch('w'), ch('j')],
            vec![],
        ),
        (
            "Ctrl+Z with nothing to undo",
            vec![],
            vec![ctrl('z')],
            vec![],
        ),
        (
            "Ctrl+Z undoes the last mark, as an event",
            vec![late.clone()],
            vec![ctrl('z')],
            vec![Effect::Record(Event::MarkUndone { at: at(1) })],
        ),
        (
            "Ctrl+Z after an undo undoes the mark before",
            vec![
                present.clone(),
                late.clone(),
                Event::MarkUndone { at: at(1) },
            ],
            vec![ctrl('z')],
            vec![Effect::Record(Event::MarkUndone { at: at(1) })],
        ),
        (
            "Ctrl+Z when every mark is undone",
            vec![late.clone(), Event::MarkUndone { at: at(1) }],
            vec![ctrl('z')],
            vec![],
        ),
        (
            "Ctrl+G opens the guest form",
            vec![],
            vec![ctrl('g')],
            vec![],
        ),
        (
            "PgDn starts the next stage",
            vec![],
            vec![key(KeyCode::PageDown)],
            vec![Effect::Record(Event::StageStarted {
                at: at(1),
                index: 1,
            })],
        ),
        (
            "PgUp on the first stage",
            vec![],
            vec![key(KeyCode::PageUp)],
            vec![],
        ),
        (
            "F1 shows the help",
            vec![],
            vec![key(KeyCode::F(1))],
            vec![Effect::Help(Context::CheckIn)],
        ),
        (
            "Ctrl+Q leaves",
            vec![],
            vec![ctrl('q')],
            vec![Effect::Leave],
        ),
    ];
    for (name, scene, msgs, expect) in cases {
        let (_, fx) = run(&scene, View::CheckIn, &msgs);
        assert_eq!(fx, expect, "{name}");
    }
}

#[test]
fn actions_already_looked_up_give_the_same_effects_as_their_keys() {
    let m = meeting();
    let cases = [
        (Action::MarkPresent, key(KeyCode::Enter)),
        (Action::MarkLate, ch('2')),
        (Action::NextStage, key(KeyCode::PageDown)),
        (Action::Quit, ctrl('q')),
        (Action::Undo, ctrl('z')),
    ];
    for (action, k) in cases {
        let (_, by_key) = run(&[], View::CheckIn, &[k]);
        let (_, by_action) = run(&[], View::CheckIn, &[Msg::Action(action)]);
        assert_eq!(by_key, by_action, "{action:?}");
    }
    let (_, fx) = run(&[], View::CheckIn, &[Msg::Action(Action::MarkLate)]);
    assert_eq!(fx, vec![Effect::Record(marked(&m, AttendanceStatus::Late))]);
}

#[test]
fn forms_record_their_answer_only_when_submitted() {
    let m = meeting();
    let mut guest = vec![ctrl('g')];
    guest.extend("张三".chars().map(ch));
    guest.push(key(KeyCode::Tab));
    guest.extend("区委组织部".chars().map(ch));
    guest.push(ctrl('s'));
    let (model, fx) = run(&[], View::CheckIn, &guest);
    assert_eq!(
        fx,
        vec![Effect::Record(Event::GuestAdded {
            at: at(1),
            guest: crate::domain::Guest {
                name: "张三".into(),
                identity: "区委组织部".into(),
            },
        })]
    );
    assert!(model.modal.is_none());

    // A guest without a name is refused in the form: nothing recorded, the form stays open.
    let (model, fx) = run(&[], View::CheckIn, &[ctrl('g'), ctrl('s')]);
    assert_eq!(fx, vec![]);
    assert!(
        matches!(model.modal, Some(Modal::Form(ref f, FormPurpose::Guest)) if f.error.is_some())
    );

    // Absent with a reason typed.
    let mut absent = vec![ch('4')];
    absent.extend("出差".chars().map(ch));
    absent.push(ctrl('s'));
    let (_, fx) = run(&[], View::CheckIn, &absent);
    assert_eq!(
        fx,
        vec![Effect::Record(Event::Marked {
            at: at(1),
            member_id: first_member(&m),
            mark: Some(AttendanceMark {
                status: AttendanceStatus::Absent,
                reason: None,
                reason_text: "出差".into(),
                approver: String::new(),
                left: None,
            }),
        })]
    );

    // Esc closes a form without recording.
    let (model, fx) = run(&[], View::CheckIn, &[ch('4'), key(KeyCode::Esc)]);
    assert_eq!(fx, vec![]);
    assert!(model.modal.is_none());
}

#[test]
fn wrap_up_keys_finalize_and_export_through_the_loop() {
    let cases: Vec<(&str, Vec<Msg>, Vec<Effect>)> = vec![
        ("f asks first", vec![ch('f')], vec![]),
        ("f, no", vec![ch('f'), key(KeyCode::Enter)], vec![]),
        (
            "f, yes",
            vec![ch('f'), key(KeyCode::Right), key(KeyCode::Enter)],
            vec![Effect::Finalize],
        ),
        ("x before finalize", vec![ch('x')], vec![]),
        ("s opens the summary editor", vec![ch('s')], vec![]),
        (
            "Del with no action items",
            vec![key(KeyCode::Delete)],
            vec![],
        ),
    ];
    for (name, msgs, expect) in cases {
        let (_, fx) = run(&[], View::WrapUp, &msgs);
        assert_eq!(fx, expect, "{name}");
    }
    let (model, _) = run(&[], View::WrapUp, &[ch('x')]);
    assert!(model.flash.is_some(), "export says to finalize first");

    // Once the loop reports the file written, x asks the loop to export it.
    let m = meeting();
    let mut model = Model::new(&m, Tr(Lang::En));
    model.view = View::WrapUp;
    model.finalized(Ok(("/tmp/x.json".into(), "ab".into())));
    assert!(matches!(model.modal, Some(Modal::Message(..))));
    model.update(&m, ch('q'), Instant::now(), at(1));
    let fx = model.update(&m, ch('x'), Instant::now(), at(1));
    assert_eq!(fx, vec![Effect::OfferExport("/tmp/x.json".into())]);

    // x on the finalize message itself closes it and goes to the export dialog at once.
    let mut model = Model::new(&m, Tr(Lang::En));
    model.view = View::WrapUp;
    model.finalized(Ok(("/tmp/x.json".into(), "ab".into())));
    let fx = model.update(&m, ch('x'), Instant::now(), at(1));
    assert!(model.modal.is_none());
    assert_eq!(fx, vec![Effect::OfferExport("/tmp/x.json".into())]);
    // Enter only dismisses.
    model.finalized(Ok(("/tmp/x.json".into(), "ab".into())));
    let fx = model.update(&m, key(KeyCode::Enter), Instant::now(), at(1));
    assert!(model.modal.is_none() && fx.is_empty());
    // Ctrl+Q from a popup closes it and leaves the meeting.
    model.finalized(Ok(("/tmp/x.json".into(), "ab".into())));
    let fx = model.update(&m, ctrl('q'), Instant::now(), at(1));
    assert!(model.modal.is_none());
    assert_eq!(fx, vec![Effect::Leave]);
}

#[test]
fn the_editor_journals_a_splice_on_leaving_and_on_a_pause() {
    let mut msgs = vec![ch('s')];
    msgs.extend("小结".chars().map(ch));
    msgs.push(key(KeyCode::Esc));
    let (model, fx) = run(&[], View::WrapUp, &msgs);
    assert!(model.editor.is_none());
    assert_eq!(
        fx,
        vec![Effect::Record(Event::TextEdited {
            target: TextField::Summary,
            splice: Splice {
                start: 0,
                delete: 0,
                insert: "小结".into(),
            },
        })]
    );

    // A stage change from the editor saves the text first, then starts the stage.
    let mut msgs = vec![ch('s'), ch('a'), ctrl('q')];
    let (_, fx) = run(&[], View::WrapUp, &msgs);
    assert_eq!(fx.len(), 2);
    assert!(matches!(fx[0], Effect::Record(Event::TextEdited { .. })));
    assert_eq!(fx[1], Effect::Leave);

    // Nothing typed: leaving records nothing.
    msgs = vec![ch('s'), key(KeyCode::Esc)];
    let (_, fx) = run(&[], View::WrapUp, &msgs);
    assert_eq!(fx, vec![]);
}

#[test]
fn results_come_back_to_the_screen() {
    let mut m = meeting();
    let mut model = Model::new(&m, Tr(Lang::Zh));
    // A stage started: its panel comes up.
    let e = Event::StageStarted {
        at: at(1),
        index: 1,
    };
    m.apply(&e).expect("stage");
    model.recorded(&m, &e, &Ok(()));
    assert_eq!(model.view, View::Activity);
    // A refused event is said in the status bar.
    model.recorded(&m, &e, &Err(ApplyError::Finalized));
    assert!(model.flash.as_deref().is_some_and(|f| f.contains("定稿")));
}

#[test]
fn undo_is_in_the_journal_so_a_resumed_meeting_can_undo() {
    let m = meeting();
    let events = [
        Event::Created {
            at: at(0),
            setup: Box::new(m.setup.clone()),
        },
        Event::StageStarted {
            at: at(0),
            index: 0,
        },
        marked(&m, AttendanceStatus::Present),
        marked(&m, AttendanceStatus::Late),
        Event::MarkUndone { at: at(2) },
    ];
    let (replayed, skipped) = Meeting::replay(&events).expect("replay");
    assert!(skipped.is_empty(), "{skipped:?}");
    let i = replayed.member_index(&first_member(&m)).expect("member");
    assert_eq!(
        replayed.mark_of(i).map(|k| k.status),
        Some(AttendanceStatus::Present)
    );
    // One more undo is still possible after the replay, and then none.
    assert!(replayed.can_undo_mark());
    let mut again = replayed.clone();
    again.apply(&Event::MarkUndone { at: at(3) }).expect("undo");
    assert_eq!(again.mark_of(i), None);
    assert_eq!(
        again.apply(&Event::MarkUndone { at: at(3) }),
        Err(ApplyError::NothingToUndo)
    );
}

#[test]
fn export_asks_for_the_folder_offering_documents_then_the_last_choice() {
    use crate::export::output::Place;
    let m = meeting();
    let mut model = Model::new(&m, Tr(Lang::En));
    model.view = View::WrapUp;
    model.finalized(Ok(("/tmp/x.json".into(), "ab".into())));
    model.modal = None;
    let docs = Place {
        dir: "/home/s/Documents/branchday".into(),
        fallback: false,
    };
    model.offer_export("/tmp/x.json".into(), &docs);
    let folder = |model: &Model| match &model.modal {
        Some(Modal::Form(f, FormPurpose::Export { minutes })) => {
            assert_eq!(minutes, &std::path::PathBuf::from("/tmp/x.json"));
            (f.text(FieldId::Folder), f.error.clone(), f.preview.len())
        }
        other => panic!("expected the export dialog, got {other:?}"),
    };
    assert_eq!(
        folder(&model),
        ("/home/s/Documents/branchday".to_owned(), None, 1)
    );

    // Enter exports there; the dialog stays up until the loop answers.
    let fx = model.update(&m, key(KeyCode::Enter), Instant::now(), at(1));
    assert_eq!(
        fx,
        vec![Effect::Export {
            minutes: "/tmp/x.json".into(),
            folder: "/home/s/Documents/branchday".into(),
        }]
    );
    // A failure is said in the dialog, which stays to try another folder.
    model.exported(Err("cannot write /home/s/Documents/branchday".into()));
    assert_eq!(
        folder(&model).1.as_deref(),
        Some("cannot write /home/s/Documents/branchday")
    );

    // Another folder typed in its place.
    for _ in 0.."/home/s/Documents/branchday".len() {
        model.update(&m, key(KeyCode::Backspace), Instant::now(), at(1));
    }
    let fx = model.update(&m, key(KeyCode::Enter), Instant::now(), at(1));
    assert!(fx.is_empty(), "an empty folder is refused");
    assert!(
        folder(&model)
            .1
            .is_some_and(|e| e.contains("Save in folder"))
    );
    for c in "/media/u盘".chars() {
        model.update(&m, ch(c), Instant::now(), at(1));
    }
    let fx = model.update(&m, key(KeyCode::Enter), Instant::now(), at(1));
    assert_eq!(
        fx,
        vec![Effect::Export {
            minutes: "/tmp/x.json".into(),
            folder: "/media/u盘".into(),
        }]
    );
    model.exported(Ok(vec!["/media/u盘/x.en.html".into()]));
    assert!(
        matches!(&model.modal, Some(Modal::Message(_, lines)) if lines == &["/media/u盘/x.en.html"])
    );

    // Next time the folder chosen is offered again; a fallback place says so.
    model.modal = None;
    let fallback = Place {
        dir: "/home/s/branchday".into(),
        fallback: true,
    };
    model.offer_export("/tmp/x.json".into(), &fallback);
    assert_eq!(folder(&model), ("/media/u盘".to_owned(), None, 2));
}
