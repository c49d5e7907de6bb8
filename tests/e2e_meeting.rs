//! A whole themed-day meeting run through the real binary in a pseudo-terminal (100x30, Chinese):
//! setup with a place typed in Chinese, check-in by pinyin initials and by name, an excuse with a
//! reason, an absence, an undo, a guest, a study topic with Chinese notes, an item with notes, a
//! decision and a vote, an action item, a summary, finalize, quit. The saved minutes file must pass
//! `branchday validate` and hold exactly what was typed.

#![cfg(unix)]

mod pty_support;

use std::path::PathBuf;
use std::process::Command;

use pty_support::{
    CTRL_G, CTRL_Q, CTRL_S, CTRL_Z, ENTER, ESC, PGDN, RIGHT, TAB, Tui, data_dir, holds, last_at,
};
use serde_json::Value;

const THEME: &str = "学习贯彻党的二十届四中全会精神";
const PLACE: &str = "社区党群服务中心二楼会议室";
const EXCUSE: &str = "在外地出差";
const ABSENT_REASON: &str = "电话联系不上";
const GUEST: &str = "赵书记";
const GUEST_ROLE: &str = "镇党委组织委员";
const TOPIC: &str = "学习新修订的党章";
const MATERIAL: &str = "《中国共产党章程》总纲";
const NOTES_1: &str = "全体党员逐章学习了党章总纲。";
const NOTES_2: &str = "大家表示要把党章作为根本行为规范。";
const ITEM: &str = "修缮社区党群活动室";
const ITEM_NOTES: &str = "讨论了修缮方案和经费来源。";
/// Pasted (bracketed paste) after the typed notes; the terminal sends its line break as CR.
const ITEM_PASTE: [&str; 2] = ["方案一：翻新地面。", "方案二：更换桌椅。"];
const DECISION: &str = "同意修缮，经费由社区统筹。";
const TASK: &str = "制定活动室修缮预算";
const SUMMARY: &str = "会议按议程完成，形成决定一项。";

/// Members checked in present: (what is typed, name).
const PRESENT: [(&str, &str); 13] = [
    ("wjg", "王建国"),
    ("李秀英", "李秀英"),
    ("lgl", "刘桂兰"),
    ("cgh", "陈国华"),
    ("ycm", "杨春梅"),
    ("zds", "赵德胜"),
    ("黄丽娟", "黄丽娟"),
    ("zyp", "周永平"),
    ("wsz", "吴淑珍"),
    ("xht", "徐海涛"),
    ("孙玉兰", "孙玉兰"),
    ("mwb", "马文斌"),
    ("zhx", "朱红霞"),
];

fn present_line(n: usize) -> String {
    format!("实到 {n}（")
}

fn run_meeting(tui: &mut Tui) {
    tui.wait_for("开始新会议");

    // Setup: kind and template stay (支部主题党日, 恩施八步); theme, place and recorder are typed.
    tui.send("n");
    tui.wait_for("会议类型");
    tui.send(&format!("{TAB}{TAB}{TAB}{THEME}{TAB}{PLACE}"));
    tui.wait_for(PLACE);
    tui.send(&format!("{TAB}{TAB}{TAB}lgl"));
    tui.wait_for("→ 刘桂兰");
    tui.send(CTRL_S);
    tui.wait_for("输入姓名或拼音首字母查找");
    tui.wait_for("▶ 签到");
    tui.wait_for("时间 14:0");

    // Check-in: by pinyin initials and by name; each Enter marks the best match present.
    for (n, (typed, name)) in PRESENT.iter().enumerate() {
        tui.send(typed);
        tui.wait_row(name, "未签到");
        tui.send(ENTER);
        tui.wait_for(&present_line(n + 1));
        tui.wait_row(name, "出席");
    }

    // Undo: mark 郭晓燕 present, then take it back.
    tui.send("gxy");
    tui.wait_row("郭晓燕", "未签到");
    tui.send(ENTER);
    tui.wait_for(&present_line(14));
    tui.send(CTRL_Z);
    // The undo is said on the status line; the counts give up their split to make room for it.
    let undone = tui.wait_for("已撤销：郭晓燕 出席 → 未签到");
    assert!(undone.contains("实到 13 │"), "{undone}");
    tui.wait_row("郭晓燕", "未签到");

    // Late: the probationary member.
    tui.send("sjy");
    tui.wait_row("宋佳怡", "未签到");
    tui.send("2");
    // Her row is below the visible part of the list; the live counts show the mark.
    tui.wait_for("实到 14（正式 13 预备 1）");

    // Excused, with a reason (事假), details and approver.
    tui.send("zzq");
    tui.wait_row("张志强", "未签到");
    tui.send("3");
    tui.wait_for("请假 · 张志强");
    tui.send(&format!("{RIGHT}{TAB}{EXCUSE}{TAB}王建国"));
    tui.wait_for("批准人  王建国");
    tui.send(ENTER);
    tui.wait_row("张志强", "请假");
    tui.wait_row("张志强", "事假");

    // Absent, with what is known.
    tui.send("hzd");
    tui.wait_row("胡振东", "未签到");
    tui.send("4");
    tui.wait_for("缺席 · 胡振东");
    tui.send(ABSENT_REASON);
    tui.wait_for(ABSENT_REASON);
    tui.send(ENTER);
    tui.wait_row("胡振东", "缺席");

    // A guest (列席).
    tui.send(CTRL_G);
    tui.wait_for("列席人员");
    tui.send(&format!("{GUEST}{TAB}{GUEST_ROLE}"));
    tui.wait_for(GUEST_ROLE);
    tui.send(ENTER);
    tui.wait_for(&format!("{GUEST}（{GUEST_ROLE}）"));
    tui.wait_for("表决权 13/23，过半 ✓");

    // Through the two activity stages to the first study stage.
    tui.send(&format!("{PGDN}{PGDN}{PGDN}"));
    tui.wait_for("▶ 学习党章");
    tui.wait_for("还没有学习专题");

    // A study topic (presenter found by initials), then notes typed in Chinese.
    tui.send("a");
    tui.wait_for("学习材料");
    tui.send(&format!("{TOPIC}{TAB}lxy"));
    tui.wait_for("→ 李秀英");
    tui.send(&format!("{TAB}{MATERIAL}"));
    tui.wait_for(MATERIAL);
    tui.send(ENTER);
    tui.wait_for(&format!("1. {TOPIC}"));
    tui.send(ENTER);
    tui.wait_for("Esc 完成（自动保存）");
    tui.send(&format!("{NOTES_1}{ENTER}{NOTES_2}"));
    tui.wait_for(NOTES_2);
    tui.send(ESC);
    tui.wait_for("a 添加专题");
    tui.wait_for(NOTES_1);
    tui.wait_for("领学人：李秀英");

    // On to 民主议事: an item with discussion notes, a decision and a vote.
    tui.send(&format!("{PGDN}{PGDN}{PGDN}"));
    tui.wait_for("▶ 民主议事");
    tui.wait_for("还没有议题");
    tui.send("a");
    tui.wait_for("四议两公开");
    tui.send(ITEM);
    tui.wait_for(ITEM);
    tui.send(CTRL_S);
    tui.wait_for(&format!("1. {ITEM}"));
    tui.send(ENTER);
    tui.wait_for("Esc 完成（自动保存）");
    tui.send(ITEM_NOTES);
    tui.wait_for(ITEM_NOTES);
    tui.send(&format!(
        "\x1b[200~\r{}\r{}\x1b[201~",
        ITEM_PASTE[0], ITEM_PASTE[1]
    ));
    tui.wait_for(ITEM_PASTE[1]);
    tui.send(ESC);
    tui.wait_for("v 表决");
    tui.send("d");
    tui.wait_for("Esc 完成（自动保存）");
    tui.send(DECISION);
    tui.wait_for(DECISION);
    tui.send(ESC);
    tui.wait_for("v 表决");
    tui.wait_for(ITEM_NOTES);

    tui.send("v");
    tui.wait_for("表决方式");
    tui.send(&format!("{TAB}12{TAB}1{TAB}0"));
    tui.wait_for("赞成（含书面）12，通过需 12");
    tui.wait_for("结果： 通过");
    tui.send(CTRL_S);
    // Closing asks first, with the counts and the outcome; confirming is the default.
    tui.wait_for("确认结束表决");
    tui.wait_for("确认，结束表决");
    tui.send(ENTER);
    tui.wait_for("表决结果（已固定）");
    tui.wait_for("赞成 12，反对 1，弃权 0");

    // Wrap-up: an action item with an owner found by typing and a due date, and a summary.
    tui.send(&format!("{PGDN}{PGDN}"));
    tui.wait_for("▶ 总结评议");
    tui.wait_for("还没有待办事项");
    tui.send("a");
    tui.wait_for("期限（年-月-日）");
    tui.send(&format!("{TASK}{TAB}lxy"));
    tui.wait_for("→ 李秀英");
    tui.send(&format!("{TAB}2026-12-31"));
    tui.wait_for("2026-12-31");
    tui.send(ENTER);
    tui.wait_for(&format!("◀ 1 {ITEM} ▶"));
    tui.send(ENTER);
    tui.wait_for(&format!("1. {TASK}"));
    tui.send("s");
    tui.wait_for("Esc 完成（自动保存）");
    tui.send(SUMMARY);
    tui.wait_for(SUMMARY);
    tui.send(ESC);
    tui.wait_for("f 定稿");

    // Finalize: 否 is the default; → picks 是.
    tui.send("f");
    tui.wait_for("定稿后不能再修改");
    tui.send(RIGHT);
    tui.wait_for("是，定稿");
    tui.send(ENTER);
    let message = tui.wait_for("会议记录已定稿");
    // The footer offers what closes the message, not a form's keys.
    assert!(
        message.contains("Esc 返回") && !message.contains("Ctrl+S 提交"),
        "{message}"
    );
    tui.send(ESC);
    // A lone Esc must be read before the next key, or the two read as one escape sequence.
    tui.wait_until("the message to close", |s| {
        !s.contains("会议记录已定稿") && s.contains("f 定稿")
    });
    tui.wait_for("✓ 已定稿");

    // Leave the meeting, then quit from home.
    tui.send(CTRL_Q);
    let home = tui.wait_for("浏览会议记录（1 份）");
    // The draft is finalized: home no longer offers to resume it.
    assert!(!home.contains("继续："), "{home}");
    tui.send("q");
}

fn minutes_file(dir: &std::path::Path) -> PathBuf {
    let files: Vec<PathBuf> = std::fs::read_dir(dir.join("minutes"))
        .expect("minutes folder")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    assert_eq!(files.len(), 1, "one minutes file: {files:?}");
    files.into_iter().next().expect("minutes file")
}

fn attendance<'a>(m: &'a Value, name: &str) -> &'a Value {
    m["attendance"]
        .as_array()
        .expect("attendance")
        .iter()
        .find(|a| a["name"] == name)
        .unwrap_or_else(|| panic!("{name} missing from attendance"))
}

#[test]
fn a_whole_meeting_through_the_terminal_is_saved_as_valid_minutes() {
    let dir = data_dir();
    let mut tui = Tui::spawn(dir.path());
    run_meeting(&mut tui);
    let status = tui.wait_exit();
    assert_eq!(status.code(), Some(0), "exit: {status:?}");
    // The terminal is given back: bracketed paste off and the alternate screen left, last.
    let raw = &tui.raw;
    assert!(
        holds(raw, b"\x1b[?1049h"),
        "the TUI used the alternate screen"
    );
    assert!(last_at(raw, b"\x1b[?1049l") > last_at(raw, b"\x1b[?1049h"));
    assert!(last_at(raw, b"\x1b[?2004l") > last_at(raw, b"\x1b[?2004h"));

    let path = minutes_file(dir.path());
    let out = Command::new(env!("CARGO_BIN_EXE_branchday"))
        .arg("validate")
        .arg(&path)
        .output()
        .expect("run validate");
    assert_eq!(
        out.status.code(),
        Some(0),
        "validate: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );

    let m: Value = serde_json::from_slice(&std::fs::read(&path).expect("read minutes"))
        .expect("minutes are JSON");
    assert_eq!(m["format"], "branchday.minutes");
    // The program kept the clock the test set (pty_support::CLOCK_START), in its offset.
    for at in ["started_at", "ended_at", "finalized_at"] {
        let t = m[at].as_str().unwrap_or_default();
        assert!(
            t.starts_with("2026-11-26T14:0") && t.ends_with("+08:00"),
            "{at}: {t}"
        );
    }
    assert_eq!(m["kind"], "themed_day");
    assert_eq!(m["theme"], THEME);
    assert_eq!(m["place"], PLACE);
    assert_eq!(m["chair"]["name"], "王建国");
    assert_eq!(m["recorder"]["name"], "刘桂兰");
    assert_eq!(m["recorder"]["member_id"], "m004");

    for (_, name) in PRESENT {
        let a = attendance(&m, name);
        assert_eq!(a["status"], "present", "{name}: {a}");
        assert!(a["checked_in_at"].is_string(), "{name}: {a}");
    }
    // Undone: 郭晓燕 was never marked, so she is recorded absent.
    assert_eq!(attendance(&m, "郭晓燕")["status"], "absent");
    assert_eq!(attendance(&m, "宋佳怡")["status"], "late");
    let excused = attendance(&m, "张志强");
    assert_eq!(excused["status"], "excused");
    assert_eq!(excused["reason"], "personal");
    assert_eq!(excused["reason_text"], EXCUSE);
    assert_eq!(excused["approver"], "王建国");
    let absent = attendance(&m, "胡振东");
    assert_eq!(absent["status"], "absent");
    assert_eq!(absent["reason_text"], ABSENT_REASON);
    assert_eq!(m["counts"]["present_total"], 14);
    assert_eq!(m["counts"]["expected_total"], 24);

    assert_eq!(
        m["guests"],
        serde_json::json!([{"name": GUEST, "identity": GUEST_ROLE}])
    );

    let study = &m["study"][0];
    assert_eq!(study["title"], TOPIC);
    assert_eq!(study["presenter"], "李秀英");
    assert_eq!(study["material"], MATERIAL);
    assert_eq!(study["notes"], format!("{NOTES_1}\n{NOTES_2}"));

    let item = &m["items"][0];
    assert_eq!(item["title"], ITEM);
    assert_eq!(
        item["notes"],
        format!("{ITEM_NOTES}\n{}\n{}", ITEM_PASTE[0], ITEM_PASTE[1])
    );
    assert_eq!(item["decision"], DECISION);
    let vote = &item["vote"];
    assert_eq!(vote["method"], "show_of_hands");
    assert_eq!(vote["yes"], 12);
    assert_eq!(vote["no"], 1);
    assert_eq!(vote["abstain"], 0);
    assert_eq!(vote["entitled_expected"], 23);
    assert_eq!(vote["entitled_present"], 13);
    assert_eq!(vote["quorum_met"], true);
    assert_eq!(vote["yes_needed"], 12);
    assert_eq!(vote["outcome"], "passed");
    assert_eq!(vote["rule"], "assembly_ordinary");

    assert_eq!(
        m["actions"],
        serde_json::json!([{
            "task": TASK,
            "owner": {"member_id": "m002", "name": "李秀英"},
            "due": "2026-12-31",
            "item": 0
        }])
    );
    assert_eq!(m["summary"], SUMMARY);
    assert!(m["finalized_at"].is_string());

    // Every stage up to the wrap-up was entered, in order.
    let entered: Vec<&str> = m["agenda"]
        .as_array()
        .expect("agenda")
        .iter()
        .filter(|s| s["started_at"].is_string())
        .map(|s| s["title"].as_str().expect("title"))
        .collect();
    assert_eq!(
        entered,
        [
            "签到",
            "收缴党费",
            "重温入党誓词",
            "学习党章",
            "集中学习",
            "党课",
            "民主议事",
            "志愿服务",
            "总结评议"
        ]
    );
}
