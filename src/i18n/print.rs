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
    // Sheet names and headers of the statistics workbook.
    SheetMeetings,
    SheetAttendanceBranch,
    SheetAttendanceMember,
    SheetAbsence,
    SheetItems,
    Month,
    Kind,
    Meetings,
    Branch,
    BranchCode,
    MemberId,
    Member,
    Expected,
    Attended,
    Rate,
    Excused,
    Absent,
    AbsentFrom,
    AbsentTo,
    AbsentMonths,
    Warning,
    Outcome,
    Items,
    Total,
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
            P::Month => self.pick("月份", "Month"),
            P::Kind => self.pick("会议类型", "Kind"),
            P::Meetings => self.pick("会议次数", "Meetings"),
            P::Branch => self.pick("党支部", "Branch"),
            P::BranchCode => self.pick("支部代码", "Branch code"),
            P::MemberId => self.pick("党员编号", "Member id"),
            P::Member => self.pick("姓名", "Name"),
            P::Expected => self.pick("应到人次", "Expected"),
            P::Attended => self.pick("实到人次", "Present"),
            P::Rate => self.pick("出勤率", "Rate"),
            P::Excused => self.pick("请假", "Excused"),
            P::Absent => self.pick("缺席", "Absent"),
            P::AbsentFrom => self.pick("起始月份", "From"),
            P::AbsentTo => self.pick("截止月份", "To"),
            P::AbsentMonths => self.pick("连续月数", "Months"),
            P::Warning => self.pick("提示", "Note"),
            P::Outcome => self.pick("表决结果", "Outcome"),
            P::Items => self.pick("议题数", "Items"),
            P::Total => self.pick("合计", "Total"),
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

    /// The warning of an absence run in the statistics workbook.
    pub fn print_absence_warning(self, months: u32) -> &'static str {
        if months >= 6 {
            self.pick(
                "连续六个月以上未参加组织生活，提请支部大会研究",
                "6+ months without attending: for the general assembly to consider",
            )
        } else {
            self.pick(
                "连续三个月以上未参加组织生活，请谈心谈话",
                "3+ months without attending: talk with the member",
            )
        }
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

    /// The export file already exists (exports never overwrite).
    pub fn export_exists(self, path: &str) -> String {
        self.pick(
            format!("{path}：文件已存在，未覆盖；请用 --output 指定别的文件名"),
            format!(
                "{path}: already exists and was not overwritten; give another name with --output"
            ),
        )
    }

    /// Writing an export file failed.
    pub fn export_file_failed(self, path: &str, err: &str) -> String {
        self.pick(
            format!("{path}：无法写入导出文件（{err}）；请检查文件夹是否存在且可写"),
            format!(
                "{path}: cannot write the export ({err}); check the folder exists and is writable"
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
