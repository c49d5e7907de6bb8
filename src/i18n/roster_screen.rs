//! Strings of the roster screen, its dialogs and the import from the screen.

use chrono::NaiveDate;

use super::Tr;
use crate::domain::roster_change::ChangeError;
use crate::tui::roster::dialogs::DialogKind;

impl Tr {
    pub fn roster_arrival_label(self) -> &'static str {
        self.pick("来源", "How")
    }

    pub fn roster_arrival_transfer(self) -> &'static str {
        self.pick("组织关系转入", "transferred in")
    }

    pub fn roster_arrival_new(self) -> &'static str {
        self.pick("新入党（本支部发展）", "newly admitted here")
    }

    pub fn roster_arrival_from(self) -> &'static str {
        self.pick("转出单位", "Transferred from")
    }

    pub fn roster_date_label(self) -> &'static str {
        self.pick("日期", "Date")
    }

    pub fn roster_destination_label(self) -> &'static str {
        self.pick("转往单位", "Transferred to")
    }

    pub fn roster_new_standing(self) -> &'static str {
        self.pick("变更为", "New standing")
    }

    pub fn roster_out_since(self) -> &'static str {
        self.pick("失联日期", "Out of contact since")
    }

    pub fn roster_suspended_from(self) -> &'static str {
        self.pick(
            "停止党籍日期（如已决定）",
            "Membership suspended from (if decided)",
        )
    }

    pub fn roster_group_place(self) -> &'static str {
        self.pick("党小组职务", "Place in the group")
    }

    pub fn roster_by_label(self) -> &'static str {
        self.pick("经办人", "Recorded by")
    }

    pub fn roster_remarks(self) -> &'static str {
        self.pick("备注", "Remarks")
    }

    pub fn roster_member_count(self, n: usize, departed: usize) -> String {
        match departed {
            0 => self.pick(format!("{n} 人"), format!("{n} members")),
            d => self.pick(
                format!("{n} 人，已转出 {d} 人"),
                format!("{n} members, {d} transferred out"),
            ),
        }
    }

    pub fn roster_out_of_contact_short(self, since: NaiveDate) -> String {
        self.pick(
            format!("{since} 起失联"),
            format!("out of contact since {since}"),
        )
    }

    pub fn roster_dialog_title(self, kind: DialogKind, name: &str) -> String {
        match kind {
            DialogKind::Add => self.pick("添加党员".into(), "Add a member".into()),
            DialogKind::TransferOut => self.pick(
                format!("{name}：组织关系转出"),
                format!("{name}: transfer out"),
            ),
            DialogKind::Standing => self.pick(
                format!("{name}：变更类别（转正须经支部大会讨论通过）"),
                format!("{name}: change standing (转正 after the branch assembly's decision)"),
            ),
            DialogKind::OutOfContact => self.pick(
                format!("{name}：失联（半年以上无法联系）"),
                format!("{name}: out of contact (6+ months, not found)"),
            ),
            DialogKind::Restore => self.pick(
                format!("{name}：恢复联系"),
                format!("{name}: back in contact"),
            ),
            DialogKind::Exclude => self.pick(
                format!("{name}：不计入应到会（须上级批准及党员大会决议）"),
                format!("{name}: not counted in expected attendance (needs the superior's approval and an assembly resolution)"),
            ),
            DialogKind::Include => self.pick(
                format!("{name}：恢复计入应到会"),
                format!("{name}: counted in expected attendance again"),
            ),
            DialogKind::Place => self.pick(
                format!("{name}：党小组与职务"),
                format!("{name}: group and role"),
            ),
        }
    }

    pub fn roster_bad_text(self, label: &str) -> String {
        self.pick(
            format!("{label}含有控制字符、以公式符号开头或过长（最多 60 字）"),
            format!("{label} has control characters, starts like a formula or is too long (60 characters at most)"),
        )
    }

    pub fn roster_required(self, label: &str) -> String {
        self.pick(format!("请填写{label}"), format!("please fill in {label}"))
    }

    pub fn roster_form_bad_date(self, label: &str, v: &str) -> String {
        self.pick(
            format!("{label}“{v}”不是日期；请写成 2026-05-01"),
            format!("{label} \"{v}\" is not a date; write it as 2026-05-01"),
        )
    }

    pub fn roster_date_in_future(self) -> &'static str {
        self.pick(
            "入党时间不能晚于今天",
            "the date joined cannot be after today",
        )
    }

    pub fn roster_change_error(self, e: &ChangeError) -> String {
        match e {
            ChangeError::NoSuchMember(id) => self.pick(
                format!("名册中没有编号 {id}"),
                format!("no member with id {id}"),
            ),
            ChangeError::EmptyName => {
                self.pick("请填写姓名".into(), "please fill in the name".into())
            }
            ChangeError::IdTaken(id) => self.pick(
                format!("编号 {id} 已被使用"),
                format!("id {id} is already used"),
            ),
            ChangeError::EmptyText => self.pick(
                "请填写单位或批准文号".into(),
                "please fill in the organisation or the approval reference".into(),
            ),
            ChangeError::SameStanding => self.pick(
                "类别没有变化；请选择新的类别".into(),
                "that is the member's standing already; choose another".into(),
            ),
            ChangeError::BeforeJoined => self.pick(
                "转正日期早于入党时间；请核对日期".into(),
                "the date of 转正 is before the date joined; check the date".into(),
            ),
            ChangeError::NotOutOfContact => self.pick(
                "该党员没有失联记录".into(),
                "the member is not marked out of contact".into(),
            ),
            ChangeError::NotExcluded => self.pick(
                "该党员本就计入应到会".into(),
                "the member is counted in expected attendance already".into(),
            ),
            ChangeError::PlaceWithoutGroup => self.pick(
                "担任组长或副组长须先填写党小组".into(),
                "a group leader or deputy needs a group: fill it in".into(),
            ),
        }
    }

    pub fn roster_saved(self) -> &'static str {
        self.pick(
            "已保存，并记入名册变更记录。",
            "Saved, and kept in the roster history.",
        )
    }

    // The import from the screen.

    pub fn roster_import_title(self) -> &'static str {
        self.pick(
            "导入党员花名册（.xlsx 或 .csv）",
            "Import a roster (.xlsx or .csv)",
        )
    }

    pub fn roster_import_path(self) -> &'static str {
        self.pick("文件路径", "File")
    }

    pub fn roster_import_branch(self) -> &'static str {
        self.pick("支部名称", "Branch name")
    }

    pub fn roster_import_code(self) -> &'static str {
        self.pick("支部代码（可空）", "Branch code (optional)")
    }

    pub fn roster_import_sheet(self) -> &'static str {
        self.pick("工作表（可空）", "Sheet (optional)")
    }

    pub fn roster_import_confirm_hint(self) -> &'static str {
        self.pick(
            "按 y 或 Enter 写入名册；按 Esc 返回修改路径。",
            "Press y or Enter to write the roster; Esc to go back to the path.",
        )
    }

    pub fn roster_import_preview_title(self) -> &'static str {
        self.pick(
            "导入预览：核对后再写入",
            "Import preview: check before writing",
        )
    }

    pub fn roster_imported(self, n: usize) -> String {
        self.pick(
            format!("已导入 {n} 名党员，并记入名册变更记录。"),
            format!("Imported {n} members, kept in the roster history."),
        )
    }

    /// The home screen's entry for importing.
    pub fn home_import_roster(self) -> &'static str {
        self.pick(
            "导入党员花名册（Excel 或 CSV 文件）",
            "Import the branch roster (Excel or CSV file)",
        )
    }

    /// The home screen's words when there is no roster yet: the two ways on, from the screen.
    pub fn home_no_roster_ways(self) -> &'static str {
        self.pick(
            "尚未导入党员名册。可选“导入党员花名册”并输入文件路径，或选“试用演示支部”先看看。",
            "No roster yet. Choose \"Import the branch roster\" and give the file's path, or \"Try the demo branch\" to look around first.",
        )
    }
}
