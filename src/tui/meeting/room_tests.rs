//! The room's work as update tables: leaving early, back to 未签到, everyone present, guests
//! removed, what Ctrl+Z undid, the cursor after a search, closing a round only after a
//! confirmation, annulling and re-holding a round, and secret-ballot tallies checked as typed.

use ratatui::crossterm::event::KeyCode;

use super::update_tests::{at, ch, ctrl, first_member, key, marked, meeting, run, run_at};
use super::*;
use crate::domain::rules::{Outcome, VoteMethod};
use crate::domain::{Guest, ItemType, ListKind, PersonRef};

fn typed(text: &str) -> Vec<Msg> {
    text.chars().map(ch).collect()
}

fn all_present(m: &Meeting) -> Vec<Event> {
    m.members()
        .iter()
        .map(|p| Event::Marked {
            at: at(1),
            member_id: p.id.clone(),
            mark: Some(forms::present()),
        })
        .collect()
}

fn item(item_type: ItemType, candidate: Option<PersonRef>) -> Event {
    Event::ItemAdded {
        title: "议题".into(),
        item_type,
        stage: None,
        source: None,
        candidate,
    }
}

fn preview_text(model: &Model) -> String {
    match &model.modal {
        Some(Modal::Form(form, _)) => form
            .preview
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n"),
        other => panic!("a dialog: {other:?}"),
    }
}

fn form_error(model: &Model) -> String {
    match &model.modal {
        Some(Modal::Form(form, _)) => form.error.clone().unwrap_or_default(),
        other => panic!("a dialog: {other:?}"),
    }
}

#[test]
fn leaving_early_asks_time_and_reason() {
    let m = meeting();
    let present = marked(&m, AttendanceStatus::Present);
    let mut msgs = vec![ch('5')];
    msgs.extend(typed("家中有事"));
    msgs.push(ctrl('s'));
    let (_, fx) = run(std::slice::from_ref(&present), View::CheckIn, &msgs);
    assert_eq!(
        fx,
        vec![Effect::Record(Event::Left {
            at: at(1),
            member_id: first_member(&m),
            reason: "家中有事".into(),
        })]
    );

    // No reason: the dialog stays open and says so.
    let (model, fx) = run(
        std::slice::from_ref(&present),
        View::CheckIn,
        &[ch('5'), ctrl('s')],
    );
    assert!(fx.is_empty());
    assert!(form_error(&model).contains("早退原因"));

    // A time before they arrived is refused with the arrival time.
    let mut msgs = vec![ch('5'), key(KeyCode::BackTab)];
    msgs.extend(std::iter::repeat_n(key(KeyCode::Backspace), 5));
    msgs.extend(typed("13:30"));
    msgs.push(key(KeyCode::Tab));
    msgs.extend(typed("有事"));
    msgs.push(ctrl('s'));
    let (model, fx) = run(std::slice::from_ref(&present), View::CheckIn, &msgs);
    assert!(fx.is_empty());
    assert!(
        form_error(&model).contains("14:01"),
        "{}",
        form_error(&model)
    );

    // Someone not at the meeting cannot leave it.
    let (model, fx) = run(&[], View::CheckIn, &[ch('5')]);
    assert!(fx.is_empty() && model.modal.is_none());
    assert!(
        model
            .flash
            .as_deref()
            .is_some_and(|f| f.contains("不在会场"))
    );
}

#[test]
fn a_leave_in_the_minute_of_arrival_is_kept_however_late_in_it_they_arrived() {
    let m = meeting();
    // Marked in the last half second of 14:01; the dialog is opened in that same half second.
    let arrived = at(1) + chrono::Duration::milliseconds(59_500);
    let now = arrived + chrono::Duration::milliseconds(300);
    let scene = Event::Marked {
        at: arrived,
        member_id: first_member(&m),
        mark: Some(forms::present()),
    };
    let mut msgs = vec![ch('5')];
    msgs.extend(typed("家中有事"));
    msgs.push(ctrl('s'));
    let (model, fx) = run_at(&[scene], View::CheckIn, &msgs, now);
    // The dialog offered 14:01; the leave is dated at the arrival, never before it.
    assert_eq!(
        fx,
        vec![Effect::Record(Event::Left {
            at: arrived,
            member_id: first_member(&m),
            reason: "家中有事".into(),
        })],
        "{:?}",
        model.modal
    );
}

#[test]
fn a_leave_typed_before_midnight_in_a_meeting_past_it_is_dated_the_day_before() {
    let m = meeting();
    let arrived = at(1) + chrono::Duration::minutes(9 * 60 + 29); // 23:30
    let now = arrived + chrono::Duration::minutes(45);
    let scene = [Event::Marked {
        at: arrived,
        member_id: first_member(&m),
        mark: Some(forms::present()),
    }];
    let leave = |time: &str| {
        let mut msgs = vec![ch('5'), key(KeyCode::BackTab)];
        msgs.extend(std::iter::repeat_n(key(KeyCode::Backspace), 5));
        msgs.extend(typed(time));
        msgs.push(key(KeyCode::Tab));
        msgs.extend(typed("家中有事"));
        msgs.push(ctrl('s'));
        run_at(&scene, View::CheckIn, &msgs, now)
    };
    let (_, fx) = leave("23:50");
    assert_eq!(
        fx,
        vec![Effect::Record(Event::Left {
            at: arrived + chrono::Duration::minutes(20),
            member_id: first_member(&m),
            reason: "家中有事".into(),
        })]
    );
    // After midnight, today's date; a time before they arrived is still refused.
    let (_, fx) = leave("00:10");
    assert!(
        matches!(&fx[..], [Effect::Record(Event::Left { at, .. })] if *at == now - chrono::Duration::minutes(5)),
        "{fx:?}"
    );
    let (model, fx) = leave("23:10");
    assert!(fx.is_empty());
    assert!(
        form_error(&model).contains("23:30"),
        "{}",
        form_error(&model)
    );
}

#[test]
fn a_member_who_left_is_not_present_for_later_votes() {
    let mut m = meeting();
    for e in all_present(&m) {
        m.apply(&e).expect("mark");
    }
    let before = m.entitled().1;
    let attended = m.counts().present_total;
    m.apply(&Event::Left {
        at: at(2),
        member_id: first_member(&m),
        reason: "工作需要".into(),
    })
    .expect("left");
    assert_eq!(m.entitled().1, before - 1);
    // 实到 still counts them: they attended.
    assert_eq!(m.counts().present_total, attended);
}

#[test]
fn marks_can_be_reset_and_guests_removed() {
    let m = meeting();
    let present = marked(&m, AttendanceStatus::Present);
    let (_, fx) = run(std::slice::from_ref(&present), View::CheckIn, &[ch('0')]);
    assert_eq!(
        fx,
        vec![Effect::Record(Event::Marked {
            at: at(1),
            member_id: first_member(&m),
            mark: None,
        })]
    );
    // Nothing to reset: nothing recorded.
    let (_, fx) = run(&[], View::CheckIn, &[ch('0')]);
    assert!(fx.is_empty());

    let guest = Event::GuestAdded {
        at: at(1),
        guest: Guest {
            name: "李四".into(),
            identity: "入党积极分子".into(),
        },
    };
    let (_, fx) = run(&[guest], View::CheckIn, &[ctrl('x'), key(KeyCode::Enter)]);
    assert_eq!(fx, vec![Effect::Record(Event::GuestRemoved { index: 0 })]);
    let (model, _) = run(&[], View::CheckIn, &[ctrl('x')]);
    assert!(model.modal.is_none() && model.flash.is_some());

    // Ctrl+E corrects a guest; choosing another guest fills in their details.
    let second = Event::GuestAdded {
        at: at(1),
        guest: Guest {
            name: "王五".into(),
            identity: "居民代表".into(),
        },
    };
    let first = Event::GuestAdded {
        at: at(1),
        guest: Guest {
            name: "李四".into(),
            identity: "入党积极分子".into(),
        },
    };
    let mut msgs = vec![
        ctrl('e'),
        key(KeyCode::Right),
        key(KeyCode::Tab),
        key(KeyCode::Tab),
    ];
    msgs.extend(std::iter::repeat_n(key(KeyCode::Backspace), 4));
    msgs.extend(typed("村民代表"));
    msgs.push(ctrl('s'));
    let (_, fx) = run(&[first.clone(), second.clone()], View::CheckIn, &msgs);
    assert_eq!(
        fx,
        vec![Effect::Record(Event::GuestEdited {
            index: 1,
            guest: Guest {
                name: "王五".into(),
                identity: "村民代表".into(),
            },
        })]
    );

    // The same dialog moves a guest up or down the list; only the move is journaled when the
    // details stay as they were, and nothing at all when nothing changed.
    let to_front = [
        ctrl('e'),
        key(KeyCode::Right),
        key(KeyCode::Tab),
        key(KeyCode::Tab),
        key(KeyCode::Tab),
        key(KeyCode::Left),
        ctrl('s'),
    ];
    let (model, fx) = run(&[first.clone(), second.clone()], View::CheckIn, &to_front);
    assert!(model.modal.is_none());
    assert_eq!(
        fx,
        vec![Effect::Record(Event::Moved {
            list: ListKind::Guests,
            from: 1,
            to: 0,
        })]
    );
    let (_, fx) = run(&[first, second], View::CheckIn, &[ctrl('e'), ctrl('s')]);
    assert!(fx.is_empty(), "{fx:?}");
}

#[test]
fn everyone_remaining_is_present_after_a_confirmation() {
    let m = meeting();
    let first = marked(&m, AttendanceStatus::Excused);
    // Asked first; "no" is the default.
    let (model, fx) = run(std::slice::from_ref(&first), View::CheckIn, &[ctrl('a')]);
    assert!(fx.is_empty());
    assert!(matches!(
        model.modal,
        Some(Modal::Form(_, FormPurpose::AllPresent { ref members })) if members.len() == 24
    ));
    let (_, fx) = run(
        std::slice::from_ref(&first),
        View::CheckIn,
        &[ctrl('a'), key(KeyCode::Enter)],
    );
    assert!(fx.is_empty());
    let (_, fx) = run(
        std::slice::from_ref(&first),
        View::CheckIn,
        &[ctrl('a'), key(KeyCode::Right), key(KeyCode::Enter)],
    );
    assert_eq!(fx.len(), 24);
    // The excused member keeps their mark.
    assert!(fx.iter().all(|e| !matches!(
        e,
        Effect::Record(Event::Marked { member_id, .. }) if *member_id == first_member(&m)
    )));
}

#[test]
fn undo_says_what_it_undid() {
    let m = meeting();
    let name = m.members()[m.member_index(&first_member(&m)).expect("member")]
        .name
        .clone();
    let (model, fx) = run(
        &[marked(&m, AttendanceStatus::Late)],
        View::CheckIn,
        &[ctrl('z')],
    );
    assert_eq!(fx, vec![Effect::Record(Event::MarkUndone { at: at(1) })]);
    assert_eq!(
        model.flash.as_deref(),
        Some(format!("已撤销：{name} 迟到 → 未签到").as_str())
    );
}

#[test]
fn after_a_search_the_cursor_goes_to_the_next_unmarked_member() {
    let mut m = meeting();
    // The first two members are marked; the third is found by name and marked.
    let ids: Vec<String> = m.body().map(|(_, p)| p.id.clone()).collect();
    for id in &ids[..2] {
        m.apply(&Event::Marked {
            at: at(1),
            member_id: id.clone(),
            mark: Some(forms::present()),
        })
        .expect("mark");
    }
    let third = m.member_index(&ids[2]).expect("member");
    let name = m.members()[third].name.clone();
    let mut model = Model::new(&m, Tr(crate::i18n::Lang::Zh));
    for c in name.chars() {
        model.update(&m, ch(c), std::time::Instant::now(), at(1));
    }
    assert_eq!(model.checkin.current(), Some(third));
    let fx = model.update(&m, key(KeyCode::Enter), std::time::Instant::now(), at(1));
    let Some(Effect::Record(e)) = fx.first() else {
        panic!("a mark: {fx:?}")
    };
    m.apply(e).expect("mark");
    model.recorded(&m, e, &Ok(()));
    assert!(model.checkin.filter.is_empty());
    let fourth = m.member_index(&ids[3]).expect("member");
    assert_eq!(model.checkin.current(), Some(fourth), "not row 1");
}

#[test]
fn a_round_closes_only_after_a_confirmation_and_can_be_annulled_and_held_again() {
    let m = meeting();
    let mut scene = all_present(&m);
    scene.push(item(ItemType::Ordinary, None));
    let mut vote = vec![ch('v'), key(KeyCode::Tab)];
    vote.extend(typed("20"));
    vote.push(ctrl('s'));
    let (model, fx) = run(&scene, View::Items, &vote);
    assert!(fx.is_empty(), "nothing is recorded before the confirmation");
    let text = preview_text(&model);
    assert!(text.contains("赞成 20") && text.contains("通过"), "{text}");
    // "Back" returns to the counts as typed.
    let mut back = vote.clone();
    back.extend([key(KeyCode::Left), key(KeyCode::Enter)]);
    let (model, fx) = run(&scene, View::Items, &back);
    assert!(fx.is_empty());
    match &model.modal {
        Some(Modal::Form(form, FormPurpose::Vote { .. })) => {
            assert_eq!(
                form.number(crate::tui::widgets::form::FieldId::Yes),
                Some(20)
            );
        }
        other => panic!("the vote dialog again: {other:?}"),
    }
    vote.push(key(KeyCode::Enter));
    let (_, fx) = run(&scene, View::Items, &vote);
    let [
        Effect::Record(Event::VoteClosed {
            index: 0,
            vote: closed,
        }),
    ] = fx.as_slice()
    else {
        panic!("the round closes: {fx:?}")
    };
    assert_eq!((closed.yes, closed.outcome), (20, Outcome::Passed));

    // A round that stands cannot be voted again; it can be annulled with a reason.
    scene.push(Event::VoteClosed {
        index: 0,
        vote: closed.clone(),
    });
    let (model, fx) = run(&scene, View::Items, &[ch('v')]);
    assert!(fx.is_empty() && model.modal.is_none());
    assert!(model.flash.as_deref().is_some_and(|f| f.contains("作废")));
    let (model, fx) = run(&scene, View::Items, &[ch('u'), ctrl('s')]);
    assert!(fx.is_empty());
    assert!(form_error(&model).contains("作废原因"));
    let mut annul = vec![ch('u')];
    annul.extend(typed("赞成票数录入错误"));
    annul.push(ctrl('s'));
    let (_, fx) = run(&scene, View::Items, &annul);
    let annulled = Event::VoteAnnulled {
        at: at(1),
        index: 0,
        round: 0,
        reason: "赞成票数录入错误".into(),
    };
    assert_eq!(fx, vec![Effect::Record(annulled.clone())]);

    // After the annulment a new round is held, and both stay in the record.
    scene.push(annulled);
    let mut again = vec![ch('v'), key(KeyCode::Tab)];
    again.extend(typed("18"));
    again.extend([ctrl('s'), key(KeyCode::Enter)]);
    let (_, fx) = run(&scene, View::Items, &again);
    let [Effect::Record(second @ Event::VoteClosed { .. })] = fx.as_slice() else {
        panic!("a second round: {fx:?}")
    };
    let mut m = meeting();
    for e in scene.iter().chain([second]) {
        m.apply(e).expect("event");
    }
    let it = &m.items[0];
    assert_eq!(it.rounds.len(), 2);
    assert!(it.rounds[0].annulled.is_some());
    assert_eq!(it.standing_round().map(|v| v.yes), Some(18));
    // With nothing standing to annul, u says so.
    let (model, _) = run(&[item(ItemType::Ordinary, None)], View::Items, &[ch('u')]);
    assert!(model.modal.is_none() && model.flash.is_some());
}

#[test]
fn a_secret_ballot_asks_its_tally_and_checks_it_as_typed() {
    let m = meeting();
    let mut scene = all_present(&m);
    let candidate = PersonRef {
        member_id: Some(m.members()[23].id.clone()),
        name: m.members()[23].name.clone(),
    };
    scene.push(item(ItemType::Admission, Some(candidate)));
    let (scrutineer, counter) = (m.members()[3].name.clone(), m.members()[4].name.clone());
    // Method (secret ballot) → yes → no → abstain → issued → returned → valid → invalid →
    // scrutineer 1 → scrutineer 2 → teller.
    let mut msgs = vec![ch('v'), key(KeyCode::Tab)];
    msgs.extend(typed("20"));
    msgs.push(key(KeyCode::Tab));
    msgs.extend(typed("2"));
    msgs.extend([key(KeyCode::Tab), key(KeyCode::Tab)]);
    for n in ["23", "23", "21", "1"] {
        msgs.extend(typed(n));
        msgs.push(key(KeyCode::Tab));
    }
    let (model, _) = run(&scene, View::Items, &msgs);
    // 21 valid is not 20 + 2: said at once.
    let text = preview_text(&model);
    assert!(text.contains('✗'), "{text}");
    // Valid 22, invalid 1; then who watched and who counted.
    let mut msgs = vec![ch('v'), key(KeyCode::Tab)];
    msgs.extend(typed("20"));
    msgs.push(key(KeyCode::Tab));
    msgs.extend(typed("2"));
    msgs.extend([key(KeyCode::Tab), key(KeyCode::Tab)]);
    for n in ["23", "23", "22", "1"] {
        msgs.extend(typed(n));
        msgs.push(key(KeyCode::Tab));
    }
    let mut without_people = msgs.clone();
    without_people.push(ctrl('s'));
    let (model, fx) = run(&scene, View::Items, &without_people);
    assert!(fx.is_empty());
    assert!(
        form_error(&model).contains("监票人"),
        "{}",
        form_error(&model)
    );
    msgs.extend(typed(&scrutineer));
    msgs.extend([key(KeyCode::Tab), key(KeyCode::Tab)]);
    msgs.extend(typed(&counter));
    msgs.extend([ctrl('s'), key(KeyCode::Enter)]);
    let (_, fx) = run(&scene, View::Items, &msgs);
    let [Effect::Record(Event::VoteClosed { vote, .. })] = fx.as_slice() else {
        panic!("the round closes: {fx:?}")
    };
    assert_eq!(vote.method, VoteMethod::SecretBallot);
    let b = vote.ballots.clone().expect("a tally");
    assert_eq!((b.issued, b.returned, b.valid, b.invalid), (23, 23, 22, 1));
    assert_eq!(
        b.scrutineers.first().map(|p| p.name.as_str()),
        Some(scrutineer.as_str())
    );
    assert_eq!(
        b.counters.first().map(|p| p.name.as_str()),
        Some(counter.as_str())
    );
    assert_eq!(vote.outcome, Outcome::Passed);
}

#[test]
fn the_approver_is_picked_from_the_roster_and_a_second_excuse_opens_filled() {
    let m = meeting();
    let approver = m.members()[0].name.clone();
    let initials: String = "wjg".into();
    // 3 → reason (病假) → details → approver typed as pinyin initials.
    let mut msgs = vec![ch('3'), key(KeyCode::Tab)];
    msgs.extend(typed("住院"));
    msgs.push(key(KeyCode::Tab));
    msgs.extend(typed(&initials));
    msgs.push(ctrl('s'));
    let (_, fx) = run(&[], View::CheckIn, &msgs);
    let [
        Effect::Record(Event::Marked {
            mark: Some(mark), ..
        }),
    ] = fx.as_slice()
    else {
        panic!("a mark: {fx:?}")
    };
    assert_eq!(
        mark.approver, approver,
        "wjg is a roster member, not the text wjg"
    );
    let scene = [Event::Marked {
        at: at(1),
        member_id: first_member(&m),
        mark: Some(mark.clone()),
    }];
    let (model, _) = run(&scene, View::CheckIn, &[ch('3')]);
    let Some(Modal::Form(form, _)) = &model.modal else {
        panic!("the dialog")
    };
    use crate::tui::widgets::form::FieldId;
    assert_eq!(form.text(FieldId::Details), "住院");
    assert_eq!(
        form.person(FieldId::Approver).map(|p| p.name),
        Some(approver)
    );
}

fn ctrl_key(code: KeyCode) -> Msg {
    Msg::Key(ratatui::crossterm::event::KeyEvent::new(
        code,
        ratatui::crossterm::event::KeyModifiers::CONTROL,
    ))
}

fn topic(title: &str) -> Event {
    Event::TopicAdded {
        title: title.into(),
        presenter: String::new(),
        material: String::new(),
    }
}

#[test]
fn items_topics_and_actions_are_edited_removed_and_reordered_as_events() {
    let m = meeting();
    let two = [
        item(ItemType::Ordinary, None),
        item(ItemType::Ordinary, None),
    ];
    // c opens the item's dialog filled with what is there; the answer is an edit.
    let mut msgs = vec![ch('c')];
    msgs.extend(typed("（修订）"));
    msgs.push(ctrl('s'));
    let (_, fx) = run(&two, View::Items, &msgs);
    assert_eq!(
        fx,
        vec![Effect::Record(Event::ItemEdited {
            index: 0,
            title: "议题（修订）".into(),
            item_type: ItemType::Ordinary,
            stage: None,
            source: None,
            candidate: None,
        })]
    );
    // Del asks first ("no" is the default).
    let (_, fx) = run(
        &two,
        View::Items,
        &[key(KeyCode::Delete), key(KeyCode::Enter)],
    );
    assert!(fx.is_empty());
    let (_, fx) = run(
        &two,
        View::Items,
        &[
            key(KeyCode::Delete),
            key(KeyCode::Right),
            key(KeyCode::Enter),
        ],
    );
    assert_eq!(fx, vec![Effect::Record(Event::ItemRemoved { index: 0 })]);
    // Ctrl+↓ moves the highlighted item down; Ctrl+↑ on the first does nothing.
    let (_, fx) = run(&two, View::Items, &[ctrl_key(KeyCode::Down)]);
    assert_eq!(
        fx,
        vec![Effect::Record(Event::Moved {
            list: ListKind::Items,
            from: 0,
            to: 1,
        })]
    );
    let (_, fx) = run(&two, View::Items, &[ctrl_key(KeyCode::Up)]);
    assert!(fx.is_empty());

    // A voted item is not removed: it says why.
    let mut scene = all_present(&m);
    scene.push(item(ItemType::Ordinary, None));
    let mut voted = meeting();
    for e in &scene {
        voted.apply(e).expect("scene");
    }
    let input = voted
        .vote_input(0, VoteMethod::ShowOfHands, (20, 0, 0), vec![], false)
        .expect("input");
    let j = crate::domain::rules::judge(&input).expect("judged");
    scene.push(Event::VoteClosed {
        index: 0,
        vote: crate::domain::VoteRecord::freeze(&input, &j, at(2)),
    });
    let (model, fx) = run(&scene, View::Items, &[key(KeyCode::Delete)]);
    assert!(fx.is_empty() && model.modal.is_none());
    assert!(model.flash.as_deref().is_some_and(|f| f.contains("已表决")));
    // ... and keeps the type its rounds were judged by; its title can still be corrected.
    let mut voted = meeting();
    for e in &scene {
        voted.apply(e).expect("scene");
    }
    let retype = |item_type| Event::ItemEdited {
        index: 0,
        title: "修缮村道".into(),
        item_type,
        stage: None,
        source: None,
        candidate: None,
    };
    assert_eq!(
        voted.apply(&retype(ItemType::Admission)),
        Err(ApplyError::Voted(0))
    );
    voted
        .apply(&retype(ItemType::Ordinary))
        .expect("title corrected");
    assert_eq!(voted.items[0].title, "修缮村道");

    // Study topics: the same keys.
    let topics = [topic("党章第一章"), topic("党章第二章")];
    let mut msgs = vec![ch('c'), key(KeyCode::Tab), key(KeyCode::Tab)];
    msgs.extend(typed("第1-10条"));
    msgs.push(ctrl('s'));
    let (_, fx) = run(&topics, View::Study, &msgs);
    assert_eq!(
        fx,
        vec![Effect::Record(Event::TopicEdited {
            index: 0,
            title: "党章第一章".into(),
            presenter: String::new(),
            material: "第1-10条".into(),
        })]
    );
    let (_, fx) = run(
        &topics,
        View::Study,
        &[
            key(KeyCode::Delete),
            key(KeyCode::Right),
            key(KeyCode::Enter),
        ],
    );
    assert_eq!(fx, vec![Effect::Record(Event::TopicRemoved { index: 0 })]);
}

#[test]
fn action_items_follow_their_item_when_items_move_or_go() {
    let mut m = meeting();
    for e in [
        item(ItemType::Ordinary, None),
        item(ItemType::Ordinary, None),
        item(ItemType::Ordinary, None),
    ] {
        m.apply(&e).expect("item");
    }
    let owner = PersonRef {
        member_id: None,
        name: "王建国".into(),
    };
    for i in [0, 2] {
        m.apply(&Event::ActionAdded {
            action: crate::domain::ActionItem {
                task: format!("落实 {i}"),
                owner: owner.clone(),
                due: None,
                item: Some(i),
            },
        })
        .expect("action");
    }
    m.apply(&Event::Moved {
        list: ListKind::Items,
        from: 2,
        to: 0,
    })
    .expect("move");
    assert_eq!(
        m.actions.iter().map(|a| a.item).collect::<Vec<_>>(),
        vec![Some(1), Some(0)]
    );
    m.apply(&Event::ItemRemoved { index: 1 }).expect("remove");
    assert_eq!(
        m.actions.iter().map(|a| a.item).collect::<Vec<_>>(),
        vec![None, Some(0)]
    );
    // Out of range: refused, nothing changed.
    let before = m.clone();
    assert!(
        m.apply(&Event::Moved {
            list: ListKind::Actions,
            from: 0,
            to: 5,
        })
        .is_err()
    );
    assert_eq!(m, before);
}

#[test]
fn the_meeting_starts_at_its_own_step_and_later_arrivals_are_offered_as_late() {
    let m = meeting();
    assert_eq!(m.started_at, None, "check-in runs before the start");
    let (_, fx) = run(&[], View::CheckIn, &[key(KeyCode::F(6))]);
    assert_eq!(
        fx,
        vec![Effect::Record(Event::MeetingStarted { at: at(1) })]
    );
    let started = Event::MeetingStarted { at: at(0) };
    let (model, fx) = run(
        std::slice::from_ref(&started),
        View::CheckIn,
        &[key(KeyCode::F(6))],
    );
    assert!(fx.is_empty() && model.flash.is_some());

    // Before the start, Enter is 出席; after it, Enter offers 迟到 and 1 is still 出席.
    let (_, fx) = run(&[], View::CheckIn, &[key(KeyCode::Enter)]);
    assert_eq!(
        fx,
        vec![Effect::Record(marked(&m, AttendanceStatus::Present))]
    );
    let (model, fx) = run(
        std::slice::from_ref(&started),
        View::CheckIn,
        &[key(KeyCode::Enter)],
    );
    assert_eq!(fx, vec![Effect::Record(marked(&m, AttendanceStatus::Late))]);
    assert!(
        model
            .flash
            .as_deref()
            .is_some_and(|f| f.contains("迟到") && f.contains('1'))
    );
    let (_, fx) = run(std::slice::from_ref(&started), View::CheckIn, &[ch('1')]);
    assert_eq!(
        fx,
        vec![Effect::Record(marked(&m, AttendanceStatus::Present))]
    );

    // Started early, with a planned start still to come: arrivals until then are on time.
    let mut early = meeting();
    early.setup.planned_start = Some(at(30));
    early.apply(&started).expect("start");
    assert!(early.on_time(at(1)) && early.on_time(at(30)) && !early.on_time(at(31)));
    // The planned start is typed to the minute: its whole minute is on time.
    assert!(early.on_time(at(30) + chrono::Duration::milliseconds(59_999)));

    // Without the step, the first stage after check-in starts the meeting.
    let mut m = meeting();
    m.apply(&Event::StageStarted {
        at: at(5),
        index: 1,
    })
    .expect("stage");
    assert_eq!(m.started_at, Some(at(5)));
}

#[test]
fn an_appraisal_settles_a_grade_with_its_ratings_instead_of_a_vote() {
    let m = meeting();
    let who = PersonRef {
        member_id: Some(m.members()[5].id.clone()),
        name: m.members()[5].name.clone(),
    };
    let mut scene = all_present(&m);
    scene.push(item(ItemType::Appraisal, Some(who)));
    // v opens the grade dialog: 合格 is the default; ratings 3 / 18 / 1 / 0.
    let mut msgs = vec![ch('v')];
    for n in ["3", "18", "1", "0"] {
        msgs.push(key(KeyCode::Tab));
        msgs.extend(typed(n));
    }
    msgs.push(ctrl('s'));
    let (_, fx) = run(&scene, View::Items, &msgs);
    let [
        Effect::Record(Event::Appraised {
            index: 0,
            appraisal,
        }),
    ] = fx.as_slice()
    else {
        panic!("a grade: {fx:?}")
    };
    assert_eq!(appraisal.grade, crate::domain::Grade::Qualified);
    assert_eq!(appraisal.tallies.map(|t| t.total()), Some(22));
    // More ratings than people in the room: refused.
    let mut msgs = vec![ch('v'), key(KeyCode::Tab)];
    msgs.extend(typed("300"));
    msgs.push(ctrl('s'));
    let (model, fx) = run(&scene, View::Items, &msgs);
    assert!(fx.is_empty());
    assert!(form_error(&model).contains("300"));
    // The domain takes a grade only on an appraisal.
    let mut plain = meeting();
    plain.apply(&item(ItemType::Ordinary, None)).expect("item");
    assert_eq!(
        plain.apply(&Event::Appraised {
            index: 0,
            appraisal: appraisal.clone(),
        }),
        Err(ApplyError::NotAnAppraisal(0))
    );
}

#[test]
fn an_action_due_date_is_read_as_a_secretary_types_it() {
    let add = |due: &str| {
        let mut msgs = vec![ch('a')];
        msgs.extend(typed("整理会议材料"));
        msgs.push(key(KeyCode::Tab));
        msgs.extend(typed("wjg"));
        msgs.push(key(KeyCode::Tab));
        msgs.extend(typed(due));
        msgs.push(ctrl('s'));
        run(&[], View::WrapUp, &msgs)
    };
    for due in ["2026-12-31", "2026年12月31日", "2026/12/31"] {
        let (model, fx) = add(due);
        let [Effect::Record(Event::ActionAdded { action })] = &fx[..] else {
            panic!("{due}: {fx:?} {:?}", model.modal);
        };
        assert_eq!(
            action.due,
            chrono::NaiveDate::from_ymd_opt(2026, 12, 31),
            "{due}"
        );
        assert_eq!(action.owner.name, "王建国");
    }
    let (model, fx) = add("年底前");
    assert!(fx.is_empty());
    assert_eq!(
        form_error(&model),
        "期限请写成 2026-12-31 或 2026年12月31日"
    );
}
