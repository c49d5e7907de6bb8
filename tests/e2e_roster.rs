//! The roster through the terminal: with no roster, the home screen offers the import; a GBK
//! 花名册 is read from the path typed, previewed and written on `y`; a member is then transferred out
//! on the roster screen and the change is on disk in the roster and its history.

#![cfg(unix)]

mod pty_support;

use branchday::domain::roster_change::RosterChange;
use branchday::store::DataDir;
use pty_support::{ENTER, Line, Tui};

#[test]
fn import_a_gbk_roster_from_the_screen_and_transfer_a_member_out() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = Tui::open(dir.path(), &[], Line::Plain);
    t.wait_for("导入党员花名册");
    t.wait_for("试用演示支部");
    t.send(ENTER);
    t.wait_for("文件路径");
    let path = format!(
        "{}/fixtures/rosters/gbk_excel.csv",
        env!("CARGO_MANIFEST_DIR")
    );
    t.send(&path);
    t.send(ENTER);
    t.send("东风社区党支部");
    t.send(ENTER);
    t.send(ENTER);
    t.send(ENTER);
    t.wait_for("GBK/GB18030");
    t.wait_for("组长 张志强");
    assert!(DataDir::at(dir.path()).load_roster().unwrap().is_none());
    t.send("y");
    t.wait_for("已导入 6 名党员");
    // 李秀英 (the second) goes to the county.
    t.send("\x1b[B");
    t.send("t");
    t.wait_for("组织关系转出");
    t.send(ENTER);
    t.send("县委组织部");
    t.send(ENTER);
    t.send(ENTER);
    t.wait_for("已保存，并记入名册变更记录");
    t.wait_for("已转出 1 人");
    let data = DataDir::at(dir.path());
    let r = data.load_roster().unwrap().unwrap();
    assert_eq!(r.members.len(), 5);
    assert_eq!(r.departed[0].member.name, "李秀英");
    let h = branchday::roster_history::load(&data).unwrap();
    assert!(matches!(
        h.last().map(|e| &e.change),
        Some(RosterChange::TransferredOut { destination, .. }) if destination == "县委组织部"
    ));
    t.send("\x1b");
    t.wait_for("开始新会议");
    t.send("q");
    assert!(t.wait_exit().success());
}
