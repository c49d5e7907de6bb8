//! Labels of what the printed record adds for the paper archive (the sign-in sheet, the seal and
//! the superior organisation's review), of the Word and Excel files, and of where exports go.

use super::Tr;

/// The Chinese font names the Word and Excel files ask for (the fonts of Chinese office
/// documents), with the names Word and WPS fall back to.
pub mod fonts {
    /// Body text of the Word file: `仿宋_GB2312`, falling back to 仿宋.
    pub const BODY: &str = "仿宋_GB2312";
    pub const BODY_FALLBACK: &str = "仿宋";
    /// Titles and sub-headings, and every cell of the Excel files: 宋体 (`SimSun`).
    pub const TITLE: &str = "宋体";
    /// Section headings: 黑体 (`SimHei`).
    pub const HEADING: &str = "黑体";
}

/// A fixed label of the paper record, the Word file or the Excel files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PrintLabel {
    /// 参会人员签到表.
    SignInSheet,
    /// 本人签名.
    OwnSignature,
    /// 签到时间.
    CheckInTime,
    /// 应到会.
    Counted,
    /// 是 / 否 in the counted column.
    Yes,
    No,
    /// 支部（盖章）.
    BranchSeal,
    /// 上级党组织审核意见.
    ReviewOpinion,
    /// 审核人（签字）.
    ReviewerSignature,
    /// 盖章.
    Seal,
    // Sheet names of the statistics workbook.
    SheetMeetings,
    SheetAttendanceBranch,
    SheetAttendanceMember,
    SheetAbsence,
    SheetItems,
    SheetFulfilment,
    MissingPeriods,
    BranchCode,
}

impl Tr {
    /// A fixed label of the paper record, the Word file or the Excel files.
    pub fn print_label(self, l: PrintLabel) -> &'static str {
        use PrintLabel as P;
        match l {
            P::SignInSheet => self.pick("参会人员签到表", "Attendance sign-in sheet"),
            P::OwnSignature => self.pick("本人签名", "Signature"),
            P::CheckInTime => self.pick("签到时间", "Checked in"),
            P::Counted => self.pick("计入应到", "Counted in expected"),
            P::Yes => self.pick("是", "yes"),
            P::No => self.pick("否", "no"),
            P::BranchSeal => self.pick("党支部（盖章）", "Branch (seal)"),
            P::ReviewOpinion => self.pick(
                "上级党组织审核意见",
                "Review opinion of the superior organisation",
            ),
            P::ReviewerSignature => self.pick("审核人（签字）", "Reviewer (signature)"),
            P::Seal => self.pick("（盖章）", "(seal)"),
            P::SheetMeetings => self.pick("各月会议", "Meetings per month"),
            P::SheetAttendanceBranch => self.pick("支部出勤", "Attendance by branch"),
            P::SheetAttendanceMember => self.pick("党员出勤", "Attendance by member"),
            P::SheetAbsence => self.pick("连续缺席", "Absence runs"),
            P::SheetItems => self.pick("议题结果", "Items by outcome"),
            P::SheetFulfilment => self.pick("三会一课落实情况", "Meetings held"),
            P::MissingPeriods => self.pick("未开期数", "Periods missed"),
            P::BranchCode => self.pick("支部代码", "Branch code"),
        }
    }

    /// The page footer of a printed record: the text before the page number, between it and the
    /// page count, and after the count (`第 ` … ` 页 共 ` … ` 页`).
    pub fn print_page_of(self) -> [&'static str; 3] {
        self.pick(["第 ", " 页 共 ", " 页"], ["Page ", " of ", ""])
    }

    /// A status with the time the member left early: `出席，早退 20:15`.
    pub fn print_left_early(self, status: &str, at: &str) -> String {
        self.pick(
            format!("{status}，早退 {at}"),
            format!("{status}, left early {at}"),
        )
    }

    /// Where an export was written (the full path).
    pub fn export_written_to(self, path: &str) -> String {
        self.pick(format!("已导出：{path}"), format!("exported to {path}"))
    }

    /// There is no Documents folder: the export went to the fallback folder.
    pub fn export_no_documents(self, dir: &str) -> String {
        self.pick(
            format!("找不到“文档”文件夹，导出文件放在 {dir}"),
            format!("no Documents folder found; exports go to {dir}"),
        )
    }

    /// A binary format asked for on standard output while it is a terminal.
    pub fn export_binary_to_terminal(self, format: &str) -> String {
        self.pick(
            format!(
                "{format} 是二进制格式，不能输出到终端；请用 --output 文件名，或把标准输出重定向到文件"
            ),
            format!(
                "{format} is a binary format and cannot go to a terminal: give --output FILE, or redirect standard output to a file"
            ),
        )
    }

    /// The statistics workbook was written.
    pub fn stats_xlsx_written(self, path: &str) -> String {
        self.pick(
            format!("统计表已写入：{path}"),
            format!("statistics workbook written to {path}"),
        )
    }

    /// The statistics workbook could not be written.
    pub fn stats_xlsx_failed(self, path: &str, err: &str) -> String {
        self.pick(
            format!("{path}：无法写入统计表（{err}）；请检查文件夹是否存在且可写"),
            format!("{path}: cannot write the statistics workbook ({err}); check the folder exists and is writable"),
        )
    }
}
