//! Writes `fixtures/rosters/title_total.xlsx`, a 花名册 shaped as branches keep them: a notes sheet
//! first, then the roster under a merged title cell and a line naming the unit, the 党小组 cell
//! merged down over its members, dates as real Excel dates, a 合计 row and the signature lines.
//!
//! `cargo run --example roster_fixtures` (the file is committed; run this only to change it).

use rust_xlsxwriter::{ExcelDateTime, Format, FormatAlign, Workbook, XlsxError};

/// (name, sex, group, duty, standing, joined, confirmed)
type Spec = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    (u16, u8, u8),
    Option<(u16, u8, u8)>,
);

fn main() -> Result<(), XlsxError> {
    let mut book = Workbook::new();
    let notes = book.add_worksheet();
    notes.set_name("填表说明")?;
    notes.write_string(0, 0, "本表由党支部组织委员填写，每年更新一次。")?;
    notes.write_string(1, 0, "人员类别填 正式党员 或 预备党员。")?;

    let sheet = book.add_worksheet();
    sheet.set_name("花名册")?;
    let title = Format::new().set_bold().set_align(FormatAlign::Center);
    let date = Format::new().set_num_format("yyyy-mm-dd");
    sheet.merge_range(0, 0, 0, 7, "东风社区党支部党员花名册（2026年）", &title)?;
    sheet.write_string(1, 0, "填表单位：城关镇东风社区党委")?;
    let header = [
        "序号",
        "姓名",
        "性别",
        "出生年月",
        "党小组",
        "职务",
        "人员类别",
        "入党时间",
        "转正时间",
        "家庭住址",
    ];
    for (c, h) in header.iter().enumerate() {
        sheet.write_string(2, c as u16, *h)?;
    }
    let members: [Spec; 7] = [
        (
            "王建国",
            "男",
            "第一党小组",
            "书记",
            "正式党员",
            (1990, 7, 1),
            Some((1991, 7, 1)),
        ),
        (
            "张志强",
            "男",
            "第一党小组",
            "组长",
            "正式党员",
            (2001, 7, 1),
            Some((2002, 7, 1)),
        ),
        (
            "宋佳怡",
            "女",
            "第一党小组",
            "",
            "预备党员",
            (2025, 12, 20),
            None,
        ),
        (
            "李秀英",
            "女",
            "第二党小组",
            "副书记",
            "正式党员",
            (1995, 6, 1),
            Some((1996, 6, 1)),
        ),
        (
            "赵丽",
            "女",
            "第二党小组",
            "党小组组长",
            "正式党员",
            (2008, 5, 4),
            Some((2009, 5, 4)),
        ),
        (
            "陈晓明",
            "男",
            "第二党小组",
            "副组长",
            "正式党员",
            (2012, 10, 1),
            Some((2013, 10, 1)),
        ),
        (
            "谢宏伟",
            "男",
            "第二党小组",
            "纪检委员",
            "留党察看",
            (2000, 1, 1),
            Some((2001, 1, 1)),
        ),
    ];
    for (i, (name, sex, _, duty, standing, joined, confirmed)) in members.iter().enumerate() {
        let r = 3 + i as u32;
        sheet.write_number(r, 0, (i + 1) as f64)?;
        sheet.write_string(r, 1, *name)?;
        sheet.write_string(r, 2, *sex)?;
        sheet.write_string(r, 3, "1980.01")?;
        if !duty.is_empty() {
            sheet.write_string(r, 5, *duty)?;
        }
        sheet.write_string(r, 6, *standing)?;
        let (y, m, d) = *joined;
        sheet.write_datetime_with_format(r, 7, ExcelDateTime::from_ymd(y, m, d)?, &date)?;
        if let Some((y, m, d)) = confirmed {
            sheet.write_datetime_with_format(r, 8, ExcelDateTime::from_ymd(*y, *m, *d)?, &date)?;
        }
        sheet.write_string(r, 9, "东风路 1 号")?;
    }
    // The 党小组 written once for its members, merged down.
    sheet.merge_range(3, 4, 5, 4, "第一党小组", &Format::new())?;
    sheet.merge_range(6, 4, 9, 4, "第二党小组", &Format::new())?;
    sheet.write_string(10, 0, "合计")?;
    sheet.write_string(10, 1, "7人")?;
    sheet.write_string(12, 0, "制表人：张志强")?;
    sheet.write_string(12, 4, "审核人：王建国")?;
    sheet.write_string(13, 0, "填表日期：2026年11月20日")?;
    book.save(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/rosters/title_total.xlsx"
    ))
}
