//! Key-by-key tests of the meeting screen, and its rendering at 100x30 in both languages.

use std::time::{Duration, Instant};

use chrono::TimeZone;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::*;
use crate::domain::MeetingKind;
use crate::domain::agenda::builtin_templates;
use crate::domain::rules::Outcome as VoteOutcome;
use crate::i18n::Lang;

pub(super) fn at(min: u32) -> Timestamp {
    chrono::FixedOffset::east_opt(8 * 3600)
        .expect("offset")
        .with_ymd_and_hms(2026, 11, 26, 14, min, 0)
        .single()
        .expect("time")
}

pub(super) fn screen(kind: MeetingKind, lang: Lang) -> (tempfile::TempDir, MeetingScreen) {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = DataDir::at(dir.path());
    let roster = crate::demo::roster();
    let agenda = builtin_templates()
        .into_iter()
        .find(|t| t.kind == kind)
        .expect("template")
        .stages;
    let setup = crate::corpus::MeetingBuilder::new(kind, roster)
        .id(uuid::Uuid::now_v7())
        .title("2026年11月主题党日")
        .theme("学习贯彻党的二十届四中全会精神")
        .place("社区党群服务中心二楼会议室")
        .chair_member(0)
        .recorder_member(2)
        .agenda(agenda)
        .build();
    let session = Session::create(&data, setup, at(0)).expect("session");
    let mut s = MeetingScreen::new(session, crate::i18n::Tr(lang));
    assert!(s.record(Event::StageStarted {
        at: at(0),
        index: 0
    }));
    (dir, s)
}

/// The data directory the screen's draft lives in (where finalize and export write).
pub(super) fn data(s: &MeetingScreen) -> DataDir {
    let drafts = s.session.journal_path().parent().expect("drafts folder");
    DataDir::at(drafts.parent().expect("data folder"))
}

fn press(s: &mut MeetingScreen, code: KeyCode) -> Outcome {
    let data = data(s);
    s.key(
        KeyEvent::new(code, KeyModifiers::NONE),
        Instant::now(),
        at(1),
        &data,
    )
}

fn ctrl(s: &mut MeetingScreen, c: char) -> Outcome {
    let data = data(s);
    s.key(
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL),
        Instant::now(),
        at(1),
        &data,
    )
}

fn typing(s: &mut MeetingScreen, text: &str) {
    for c in text.chars() {
        press(s, KeyCode::Char(c));
    }
}

fn status_of(s: &MeetingScreen, name: &str) -> Option<AttendanceStatus> {
    let i = s
        .session
        .meeting
        .members()
        .iter()
        .position(|m| m.name == name)
        .expect("member");
    s.session.meeting.mark_of(i).map(|m| m.status)
}

/// Re-read the journal from disk: what a restart would find.
fn replayed(s: &MeetingScreen) -> crate::domain::Meeting {
    let bytes = std::fs::read(s.session.journal_path()).expect("journal");
    let (events, warnings) = crate::journal::parse(&bytes);
    assert!(warnings.is_empty(), "{warnings:?}");
    crate::domain::Meeting::replay(&events).expect("replay").0
}

#[test]
fn pinyin_initials_then_enter_marks_present_and_clears_the_search() {
    let (_d, mut s) = screen(MeetingKind::ThemedDay, Lang::Zh);
    typing(&mut s, "wjg");
    assert_eq!(s.model.checkin.visible_len(), 1);
    press(&mut s, KeyCode::Enter);
    assert_eq!(status_of(&s, "王建国"), Some(AttendanceStatus::Present));
    assert!(s.model.checkin.filter.is_empty());
    assert_eq!(replayed(&s).counts().present_total, 1);
}

#[test]
fn digit_keys_mark_late_and_undo_restores_the_previous_mark() {
    let (_d, mut s) = screen(MeetingKind::ThemedDay, Lang::Zh);
    typing(&mut s, "李秀英");
    press(&mut s, KeyCode::Char('2'));
    assert_eq!(status_of(&s, "李秀英"), Some(AttendanceStatus::Late));
    ctrl(&mut s, 'z');
    assert_eq!(status_of(&s, "李秀英"), None);
    assert_eq!(replayed(&s), s.session.meeting);
}

#[test]
fn excused_asks_for_a_reason_and_records_it_with_the_approver() {
    let (_d, mut s) = screen(MeetingKind::ThemedDay, Lang::Zh);
    typing(&mut s, "zzq");
    press(&mut s, KeyCode::Char('3'));
    assert!(matches!(
        s.model.modal,
        Some(Modal::Form(_, FormPurpose::Excuse { .. }))
    ));
    press(&mut s, KeyCode::Right); // 事假
    press(&mut s, KeyCode::Tab);
    typing(&mut s, "照顾家人");
    press(&mut s, KeyCode::Tab);
    typing(&mut s, "王建国");
    press(&mut s, KeyCode::Enter);
    assert!(s.model.modal.is_none());
    let i = s
        .session
        .meeting
        .members()
        .iter()
        .position(|m| m.name == "张志强")
        .expect("member");
    let mark = s.session.meeting.mark_of(i).expect("marked");
    assert_eq!(mark.status, AttendanceStatus::Excused);
    assert_eq!(mark.reason, Some(crate::domain::ExcuseReason::Personal));
    assert_eq!(mark.reason_text, "照顾家人");
    assert_eq!(mark.approver, "王建国");
    // 请假 does not remove anyone from 应到会.
    assert_eq!(s.session.meeting.counts().expected_total, 24);
}

#[test]
fn escape_cancels_a_dialog_without_recording() {
    let (_d, mut s) = screen(MeetingKind::ThemedDay, Lang::En);
    press(&mut s, KeyCode::Char('4'));
    assert!(s.model.modal.is_some());
    press(&mut s, KeyCode::Esc);
    assert!(s.model.modal.is_none());
    assert!(s.session.meeting.marks.iter().all(Option::is_none));
}

fn check_in_all_but(s: &mut MeetingScreen, absent: usize) {
    let ids: Vec<String> = s
        .session
        .meeting
        .members()
        .iter()
        .map(|m| m.id.clone())
        .collect();
    for id in ids.iter().skip(absent) {
        s.record(Event::Marked {
            at: at(1),
            member_id: id.clone(),
            mark: Some(AttendanceMark {
                status: AttendanceStatus::Present,
                reason: None,
                reason_text: String::new(),
                approver: String::new(),
                left: None,
            }),
        });
    }
}

fn add_item(s: &mut MeetingScreen, title: &str) {
    s.model.view = View::Items;
    press(s, KeyCode::Char('a'));
    typing(s, title);
    ctrl(s, 's');
    assert!(s.model.modal.is_none(), "item form closed");
}

#[test]
fn a_vote_is_judged_by_the_rules_and_frozen_against_later_check_ins() {
    let (_d, mut s) = screen(MeetingKind::ThemedDay, Lang::Zh);
    check_in_all_but(&mut s, 10); // 15 present; 13 of them full voters of E = 23
    add_item(&mut s, "修缮村道");
    press(&mut s, KeyCode::Char('v'));
    // Too many votes for those present: refused at entry.
    press(&mut s, KeyCode::Tab);
    typing(&mut s, "40");
    ctrl(&mut s, 's');
    let Some(Modal::Form(form, _)) = &s.model.modal else {
        panic!("vote form stays open")
    };
    assert!(form.error.is_some());
    // 12 yes of E = 23 passes (12 > 11.5).
    for _ in 0..2 {
        press(&mut s, KeyCode::Backspace);
    }
    typing(&mut s, "12");
    press(&mut s, KeyCode::Tab);
    typing(&mut s, "1");
    ctrl(&mut s, 's');
    // Closing asks first, with the counts, outcome and rule; until then nothing is recorded.
    match &s.model.modal {
        Some(Modal::Form(form, FormPurpose::ConfirmVote { .. })) => {
            let text: String = form.preview.iter().map(ToString::to_string).collect();
            assert!(text.contains("赞成 12") && text.contains("通过"), "{text}");
        }
        other => panic!("a confirmation: {other:?}"),
    }
    assert!(s.session.meeting.items[0].vote.is_none());
    press(&mut s, KeyCode::Enter);
    assert!(s.model.modal.is_none());
    let vote = s.session.meeting.items[0].vote.clone().expect("voted");
    assert_eq!((vote.entitled_expected, vote.entitled_present), (23, 13));
    assert_eq!(vote.outcome, VoteOutcome::Passed);
    // Later check-ins do not change the frozen vote.
    check_in_all_but(&mut s, 0);
    assert_eq!(s.session.meeting.items[0].vote.as_ref(), Some(&vote));
    // A second vote on the same item is refused.
    press(&mut s, KeyCode::Char('v'));
    assert!(s.model.modal.is_none());
    assert!(s.model.flash.is_some());
}

#[test]
fn yes_must_exceed_half_of_all_entitled_not_of_those_present() {
    // 条例 第十一条: the denominator is E. Demo: E = 23 full counted members; 12 of them present
    // (quorum met); Y = 11 is a majority of those present but not more than 23/2, so it fails.
    let (_d, mut s) = screen(MeetingKind::GeneralAssembly, Lang::En);
    check_in_all_but(&mut s, 11);
    add_item(&mut s, "budget");
    press(&mut s, KeyCode::Char('v'));
    press(&mut s, KeyCode::Tab);
    typing(&mut s, "11");
    ctrl(&mut s, 's');
    press(&mut s, KeyCode::Enter);
    let vote = s.session.meeting.items[0].vote.clone().expect("voted");
    assert_eq!((vote.entitled_expected, vote.entitled_present), (23, 12));
    assert!(vote.quorum_met);
    assert_eq!(vote.outcome, VoteOutcome::Failed);
    assert_eq!(vote.yes_needed, 12);
}

#[test]
fn notes_are_journaled_after_a_pause_and_on_leaving_the_editor() {
    let (_d, mut s) = screen(MeetingKind::ThemedDay, Lang::Zh);
    s.model.view = View::Study;
    press(&mut s, KeyCode::Char('a'));
    typing(&mut s, "党的二十届四中全会公报");
    ctrl(&mut s, 's');
    press(&mut s, KeyCode::Enter);
    assert!(s.model.editor.is_some());
    let t0 = Instant::now();
    for c in "会议强调，要坚持".chars() {
        let data = data(&s);
        s.key(
            KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE),
            t0,
            at(2),
            &data,
        );
    }
    // Nothing due yet at the moment of typing; due after the pause.
    s.tick(t0, at(2), &data(&s));
    assert_eq!(replayed(&s).study[0].notes, "");
    s.tick(t0 + Duration::from_secs(1), at(2), &data(&s));
    assert_eq!(replayed(&s).study[0].notes, "会议强调，要坚持");
    typing(&mut s, "以人民为中心");
    press(&mut s, KeyCode::Esc);
    assert!(s.model.editor.is_none());
    assert_eq!(replayed(&s).study[0].notes, "会议强调，要坚持以人民为中心");
}

#[test]
fn paste_is_one_event_in_the_editor() {
    let (_d, mut s) = screen(MeetingKind::ThemedDay, Lang::Zh);
    s.model.view = View::WrapUp;
    press(&mut s, KeyCode::Char('s'));
    let data = data(&s);
    s.paste("第一段\n第二段\u{1b}[31m", Instant::now(), at(1), &data);
    assert!(s.leave());
    assert_eq!(s.session.meeting.summary, "第一段\n第二段\u{fffd}[31m");
}

#[test]
fn stages_advance_with_page_down_and_switch_the_panel() {
    let (_d, mut s) = screen(MeetingKind::ThemedDay, Lang::Zh);
    press(&mut s, KeyCode::PageDown);
    assert_eq!(s.session.meeting.current_stage, Some(1));
    assert_eq!(s.model.view, View::Activity);
    press(&mut s, KeyCode::PageUp);
    assert_eq!(s.session.meeting.current_stage, Some(0));
    assert_eq!(s.model.view, View::CheckIn);
}

#[test]
fn finalize_writes_a_valid_minutes_file_and_locks_the_meeting() {
    let (d, mut s) = screen(MeetingKind::ThemedDay, Lang::Zh);
    check_in_all_but(&mut s, 0);
    s.model.view = View::WrapUp;
    press(&mut s, KeyCode::Char('f'));
    press(&mut s, KeyCode::Right);
    press(&mut s, KeyCode::Enter);
    let (path, digest) = s.model.finalized.clone().expect("finalized");
    assert!(path.starts_with(d.path()));
    let bytes = std::fs::read(&path).expect("minutes");
    let checked = crate::minutes::check_bytes(&bytes);
    assert!(checked.is_valid(), "{:?}", checked.findings);
    assert_eq!(checked.computed_digest.as_deref(), Some(digest.as_str()));
    // Nothing changes after finalize.
    s.model.view = View::CheckIn;
    press(&mut s, KeyCode::Char('4'));
    assert!(s.model.modal.is_none());
}

fn render(s: &mut MeetingScreen) -> Terminal<TestBackend> {
    // The save time is the wall clock; pin it so snapshots are stable.
    s.session.saved_at = chrono::FixedOffset::east_opt(8 * 3600)
        .and_then(|o| o.with_ymd_and_hms(2026, 11, 26, 14, 6, 59).single());
    let mut t = Terminal::new(TestBackend::new(100, 30)).expect("terminal");
    t.draw(|f| s.draw(f, at(7))).expect("draw");
    t
}

#[test]
fn check_in_screen_zh() {
    let (_d, mut s) = screen(MeetingKind::ThemedDay, Lang::Zh);
    typing(&mut s, "wjg");
    press(&mut s, KeyCode::Enter);
    insta::assert_snapshot!(render(&mut s).backend());
}

#[test]
fn check_in_screen_en() {
    let (_d, mut s) = screen(MeetingKind::ThemedDay, Lang::En);
    press(&mut s, KeyCode::Char('2'));
    insta::assert_snapshot!(render(&mut s).backend());
}

fn with_vote(lang: Lang) -> (tempfile::TempDir, MeetingScreen) {
    let (d, mut s) = screen(MeetingKind::GeneralAssembly, lang);
    check_in_all_but(&mut s, 3);
    add_item(&mut s, "接收李四为预备党员");
    press(&mut s, KeyCode::Char('v'));
    press(&mut s, KeyCode::Tab);
    typing(&mut s, "18");
    (d, s)
}

#[test]
fn vote_dialog_zh() {
    let (_d, mut s) = with_vote(Lang::Zh);
    insta::assert_snapshot!(render(&mut s).backend());
}

#[test]
fn vote_dialog_en() {
    let (_d, mut s) = with_vote(Lang::En);
    insta::assert_snapshot!(render(&mut s).backend());
}

#[test]
fn wrap_up_screen_zh_lists_what_the_record_lacks() {
    let (_d, mut s) = screen(MeetingKind::ThemedDay, Lang::Zh);
    s.model.view = View::WrapUp;
    let t = render(&mut s);
    insta::assert_snapshot!(t.backend());
}

#[test]
fn study_screen_en() {
    let (_d, mut s) = screen(MeetingKind::ThemedDay, Lang::En);
    s.model.view = View::Study;
    press(&mut s, KeyCode::Char('a'));
    typing(&mut s, "Party Constitution, chapter 2");
    ctrl(&mut s, 's');
    press(&mut s, KeyCode::Enter);
    typing(&mut s, "学习党章第二章，讨论党员的义务。");
    insta::assert_snapshot!(render(&mut s).backend());
}

#[test]
fn the_terminal_cursor_follows_wide_text_in_the_search() {
    let (_d, mut s) = screen(MeetingKind::ThemedDay, Lang::Zh);
    typing(&mut s, "王建");
    let mut t = render(&mut s);
    let p = t.get_cursor_position().expect("cursor");
    // Sidebar 26 + border 1 + "🔍 " 3 + two wide characters 4.
    assert_eq!(p.x, 26 + 1 + 3 + 4);
}

#[test]
fn activity_stage_zh() {
    let (_d, mut s) = screen(MeetingKind::ThemedDay, Lang::Zh);
    press(&mut s, KeyCode::PageDown); // 收缴党费
    press(&mut s, KeyCode::Enter);
    typing(&mut s, "应缴 24 人，实缴 22 人");
    press(&mut s, KeyCode::Esc);
    assert_eq!(s.session.meeting.agenda[1].notes, "应缴 24 人，实缴 22 人");
    insta::assert_snapshot!(render(&mut s).backend());
}

#[test]
fn items_with_a_closed_vote_en() {
    let (_d, mut s) = screen(MeetingKind::GeneralAssembly, Lang::En);
    check_in_all_but(&mut s, 2);
    add_item(&mut s, "Repair the village road");
    press(&mut s, KeyCode::Char('v'));
    press(&mut s, KeyCode::Tab);
    typing(&mut s, "19");
    press(&mut s, KeyCode::Tab);
    typing(&mut s, "1");
    press(&mut s, KeyCode::Tab);
    typing(&mut s, "1");
    ctrl(&mut s, 's');
    press(&mut s, KeyCode::Enter);
    press(&mut s, KeyCode::Char('d'));
    typing(&mut s, "同意修缮，村委会负责实施。");
    press(&mut s, KeyCode::Esc);
    insta::assert_snapshot!(render(&mut s).backend());
}

#[test]
fn wrap_up_after_finalize_en() {
    let (_d, mut s) = screen(MeetingKind::ThemedDay, Lang::En);
    check_in_all_but(&mut s, 0);
    s.model.view = View::WrapUp;
    press(&mut s, KeyCode::Char('a'));
    typing(&mut s, "Send the minutes to the town committee");
    press(&mut s, KeyCode::Tab);
    typing(&mut s, "zzq");
    press(&mut s, KeyCode::Tab);
    typing(&mut s, "2026-12-05");
    ctrl(&mut s, 's');
    assert_eq!(s.session.meeting.actions.len(), 1);
    assert_eq!(s.session.meeting.actions[0].owner.name, "张志强");
    press(&mut s, KeyCode::Char('f'));
    press(&mut s, KeyCode::Right);
    press(&mut s, KeyCode::Enter);
    press(&mut s, KeyCode::Esc); // close the message
    assert!(s.model.finalized.is_some());
    let mut t = render(&mut s);
    // The digest differs per run (ids and times): check the panel, not a snapshot.
    let buf = t.backend_mut().buffer().clone();
    let text: String = (0..buf.area.height)
        .flat_map(|y| (0..buf.area.width).map(move |x| (x, y)))
        .map(|p| buf[p].symbol().to_owned())
        .collect();
    assert!(text.contains("Finalized"), "{text}");
    assert!(text.contains("SHA-256"));
    assert!(text.contains("Send the minutes"));
}

#[test]
fn an_action_item_needs_an_owner_from_the_roster_and_a_real_date() {
    let (_d, mut s) = screen(MeetingKind::ThemedDay, Lang::En);
    s.model.view = View::WrapUp;
    press(&mut s, KeyCode::Char('a'));
    typing(&mut s, "Visit absent members");
    press(&mut s, KeyCode::Tab);
    typing(&mut s, "Nobody Here");
    ctrl(&mut s, 's');
    let Some(Modal::Form(form, _)) = &s.model.modal else {
        panic!("stays open")
    };
    assert!(form.error.is_some());
    press(&mut s, KeyCode::Tab);
    press(&mut s, KeyCode::BackTab);
    for _ in 0.."Nobody Here".len() {
        press(&mut s, KeyCode::Backspace);
    }
    typing(&mut s, "lgl");
    press(&mut s, KeyCode::Tab);
    typing(&mut s, "2026-13-40");
    ctrl(&mut s, 's');
    assert!(s.model.modal.is_some(), "a bad date is refused");
    assert!(s.session.meeting.actions.is_empty());
}

/// 暂缓表决 in the vote dialog: counts typed before choosing it are not recorded, a reason is
/// asked, and the record holds the deferral with its reason and no counts.
#[test]
fn a_deferral_asks_its_reason_and_records_no_counts() {
    let (_d, mut s) = with_vote(Lang::Zh);
    // Yes → No → Abstain → Deferred: choose "yes, defer".
    for _ in 0..3 {
        press(&mut s, KeyCode::Tab);
    }
    press(&mut s, KeyCode::Right);
    ctrl(&mut s, 's');
    match &s.model.modal {
        Some(Modal::Form(form, _)) => {
            let e = form.error.clone().unwrap_or_default();
            assert!(e.contains("请写明暂缓表决的原因"), "{e}");
        }
        other => panic!("the dialog stays open: {other:?}"),
    }
    assert!(s.session.meeting.items[0].vote.is_none());
    press(&mut s, KeyCode::Tab);
    typing(&mut s, "意见分歧较大");
    ctrl(&mut s, 's');
    press(&mut s, KeyCode::Enter);
    let vote = s.session.meeting.items[0].vote.clone().expect("deferred");
    assert_eq!(vote.outcome, crate::domain::Outcome::Deferred);
    assert_eq!((vote.yes, vote.no, vote.abstain), (0, 0, 0));
    assert!(vote.written_opinions.is_empty());
    assert_eq!(vote.deferred_reason, "意见分歧较大");
}
