//! What a real room brings, through the real binary in a pseudo-terminal (100x30, Chinese): all
//! remaining present at once, a member leaving before the votes, a round entered wrongly annulled
//! and held again, a deferred item with its reason, a secret ballot with its tally, an item
//! corrected — then the saved v2 file passes `branchday validate` and holds every round.

#![cfg(unix)]

mod pty_support;

use std::process::Command;

use pty_support::{CTRL_Q, CTRL_S, ENTER, ESC, RIGHT, TAB, Tui, create_meeting, data_dir};
use serde_json::Value;

const CTRL_A: &str = "\x01";
const UP: &str = "\x1b[A";
const F4: &str = "\x1bOS";
const F5: &str = "\x1b[15~";

const ROAD: &str = "修缮社区党群活动室";
const PARKING: &str = "调整停车位收费方案";
const ADMISSION: &str = "接收李明同志为预备党员";

fn add_item(tui: &mut Tui, title: &str, extra: &str) {
    tui.send("a");
    tui.wait_for("四议两公开");
    tui.send(title);
    tui.wait_for(title);
    tui.send(extra);
    tui.send(CTRL_S);
    tui.wait_gone("四议两公开");
}

/// Close the vote dialog: the confirmation shows the outcome, confirming is the default.
fn close_round(tui: &mut Tui, outcome: &str) {
    tui.send(CTRL_S);
    let confirm = tui.wait_for("确认结束表决");
    assert!(confirm.contains(outcome), "{confirm}");
    tui.send(ENTER);
    tui.wait_for("表决结果（已固定）");
}

#[test]
fn a_room_with_leavers_re_votes_deferrals_and_ballots_saves_a_valid_v2_record() {
    let dir = data_dir();
    // The Documents folder the desktop names (xdg user-dirs), and a USB stick's folder.
    let config = dir.path().join("home/.config");
    std::fs::create_dir_all(&config).expect("config");
    std::fs::write(
        config.join("user-dirs.dirs"),
        "XDG_DOCUMENTS_DIR=\"$HOME/文档\"\n",
    )
    .expect("user-dirs");
    std::fs::create_dir_all(dir.path().join("home/文档")).expect("documents");
    let usb = dir.path().join("U盘/支部");
    let mut tui = Tui::spawn(dir.path());
    create_meeting(&mut tui);

    // Everyone present at once, after a confirmation.
    tui.send(CTRL_A);
    tui.wait_for("将尚未签到的 25 人记为出席");
    tui.send(&format!("{RIGHT}{ENTER}"));
    tui.wait_for("实到 24（");
    tui.wait_for("表决权 23/23");

    // 赵德胜 leaves early, with a reason: he is not present for the votes that follow.
    tui.send("zds");
    tui.wait_row("赵德胜", "出席");
    tui.send("5");
    tui.wait_for("早退 · 赵德胜");
    tui.send("家中有事");
    tui.send(CTRL_S);
    tui.wait_row("赵德胜", "家中有事");
    tui.wait_for("表决权 22/23");

    // A round entered wrongly, annulled with its reason, and held again.
    tui.send(F4);
    tui.wait_for("还没有议题");
    add_item(&mut tui, ROAD, "");
    tui.send("v");
    tui.wait_for("表决方式");
    tui.send(&format!("{TAB}2"));
    tui.wait_for("结果： 未通过");
    close_round(&mut tui, "未通过");
    tui.send("u");
    tui.wait_for("作废第 1 轮表决");
    tui.send("赞成票数录入错误");
    tui.send(CTRL_S);
    tui.wait_for("已作废：赞成票数录入错误");
    tui.send("v");
    tui.wait_for("表决方式");
    tui.send(&format!("{TAB}20"));
    tui.wait_for("结果： 通过");
    close_round(&mut tui, "通过");
    tui.wait_for("第 2 轮");

    // A deferral: its reason, no counts.
    add_item(&mut tui, PARKING, "");
    tui.send("v");
    tui.wait_for("表决方式");
    tui.send(&format!("{TAB}{TAB}{TAB}{TAB}{RIGHT}{TAB}意见分歧较大"));
    tui.wait_for("意见分歧较大");
    close_round(&mut tui, "暂缓表决");

    // A secret ballot on an admission, with its tally and who watched and counted.
    add_item(&mut tui, ADMISSION, &format!("{TAB}{RIGHT}{TAB}李明"));
    tui.send("v");
    tui.wait_for("发出选票");
    tui.send(&format!(
        "{TAB}20{TAB}1{TAB}0{TAB}22{TAB}22{TAB}21{TAB}1{TAB}cgh"
    ));
    tui.wait_for("→ 陈国华");
    tui.send(&format!("{TAB}{TAB}ycm"));
    tui.wait_for("→ 杨春梅");
    close_round(&mut tui, "通过");
    tui.wait_for("监票人 陈国华");

    // The first item corrected: its title, as an event.
    tui.send(&format!("{UP}{UP}"));
    tui.send("c");
    tui.wait_for("四议两公开");
    tui.send("（一期）");
    tui.send(CTRL_S);
    tui.wait_for(&format!("{ROAD}（一期）"));

    // Finalize, leave, quit.
    tui.send(F5);
    tui.wait_for("f 定稿");
    tui.send("f");
    tui.wait_for("定稿后不能再修改");
    tui.send(&format!("{RIGHT}{ENTER}"));
    tui.wait_for("会议记录已定稿");
    // x exports: the dialog offers the Documents folder; a folder of one's own is typed instead.
    tui.send("x");
    let offer = tui.wait_for("保存到文件夹");
    assert!(offer.contains("文档/branchday"), "{offer}");
    tui.send(ENTER);
    let done = tui.wait_for("已导出");
    assert!(done.contains(".zh.docx"), "{done}");
    tui.send(ESC);
    tui.wait_gone("已导出");
    tui.send("x");
    tui.wait_for("保存到文件夹");
    tui.send(&"\x7f".repeat(200));
    tui.send(&usb.to_string_lossy());
    tui.send(ENTER);
    tui.wait_for("已导出");
    tui.send(ESC);
    tui.wait_for("✓ 已定稿");
    tui.send(CTRL_Q);
    tui.wait_for("浏览会议记录（1 份）");
    tui.send("q");
    assert_eq!(tui.wait_exit().code(), Some(0));

    let files: Vec<_> = std::fs::read_dir(dir.path().join("minutes"))
        .expect("minutes folder")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    let stem = files[0]
        .file_stem()
        .expect("stem")
        .to_string_lossy()
        .into_owned();
    for folder in [dir.path().join("home/文档/branchday"), usb.clone()] {
        for ext in ["html", "md", "txt", "docx", "xlsx"] {
            let out = folder.join(format!("{stem}.zh.{ext}"));
            let len = std::fs::metadata(&out).map_or(0, |m| m.len());
            assert!(len > 0, "{} was not written", out.display());
        }
    }
    let out = Command::new(env!("CARGO_BIN_EXE_branchday"))
        .args(["--lang", "en", "validate"])
        .arg(&files[0])
        .output()
        .expect("validate");
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(out.status.code(), Some(0), "validate: {said}");
    assert!(!said.contains("error"), "{said}");

    let m: Value = serde_json::from_slice(&std::fs::read(&files[0]).expect("read")).expect("json");
    assert_eq!(m["version"], 2);
    let left = m["attendance"]
        .as_array()
        .expect("attendance")
        .iter()
        .find(|a| a["name"] == "赵德胜")
        .expect("赵德胜");
    assert_eq!(left["left_reason"], "家中有事");
    assert!(left["left_at"].is_string());
    let items = m["items"].as_array().expect("items");
    assert_eq!(items[0]["title"], format!("{ROAD}（一期）"));
    let rounds = items[0]["rounds"].as_array().expect("rounds");
    assert_eq!(rounds.len(), 2);
    assert_eq!(rounds[0]["annulled"]["reason"], "赞成票数录入错误");
    assert_eq!(rounds[1]["vote"]["yes"], 20);
    assert_eq!(items[0]["vote"]["entitled_present"], 22);
    assert_eq!(items[0]["vote"]["outcome"], "passed");
    assert_eq!(items[1]["vote"]["outcome"], "deferred");
    assert_eq!(items[1]["vote"]["deferred_reason"], "意见分歧较大");
    assert_eq!(items[1]["vote"]["yes"], 0);
    let ballots = &items[2]["vote"]["ballots"];
    assert_eq!(ballots["issued"], 22);
    assert_eq!(ballots["valid"], 21);
    assert_eq!(ballots["scrutineers"][0]["name"], "陈国华");
    assert_eq!(ballots["counters"][0]["name"], "杨春梅");
    assert_eq!(items[2]["candidate"]["name"], "李明");
    assert_eq!(items[2]["vote"]["outcome"], "passed");
}
