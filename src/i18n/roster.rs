//! Messages of `roster import` and `roster show`.

use super::Tr;
use crate::domain::Exclusion;
use crate::roster_import::{Field, FileError, RowProblem, read::MAX_COLUMNS, read::MAX_ROWS};

impl Tr {
    pub fn roster_field(self, f: Field) -> &'static str {
        match f {
            Field::Name => self.pick("姓名", "name"),
            Field::Id => self.pick("编号", "id"),
            Field::Standing => self.pick("类别", "standing"),
            Field::Group => self.pick("党小组", "group"),
            Field::Role => self.pick("职务", "committee role"),
            Field::Exclusion => self.pick("不计入应到会类别", "exclusion"),
            Field::ApprovalRef => self.pick("批准文号", "approval reference"),
            Field::Joined => self.pick("入党时间", "date joined"),
            Field::Confirmed => self.pick("转正时间", "date confirmed"),
        }
    }

    /// A problem with the whole file, after `PATH: `.
    pub fn roster_file_error(self, e: &FileError) -> String {
        match e {
            FileError::Empty => self.pick(
                "文件是空的；请导出含表头和党员的名册".into(),
                "the file is empty; export a roster with a header row and members".into(),
            ),
            FileError::NotUtf8 { line } => self.pick(
                format!("第 {line} 行起既不是 UTF-8 也不是 GBK/GB18030 编码；请在 Excel 中“另存为”“CSV UTF-8（逗号分隔）”，或直接导入 .xlsx 文件"),
                format!("from line {line} on the text is neither UTF-8 nor GBK/GB18030; in Excel use Save As \"CSV UTF-8 (Comma delimited)\", or import the .xlsx file itself"),
            ),
            FileError::Utf16 => self.pick(
                "这个 UTF-16 的“Unicode 文本”中有无效字符；请在 Excel 中“另存为”“CSV UTF-8（逗号分隔）”".into(),
                "this UTF-16 \"Unicode text\" has invalid characters; in Excel use Save As \"CSV UTF-8 (Comma delimited)\"".into(),
            ),
            FileError::Binary { line } => self.pick(
                format!("第 {line} 行含有二进制数据，不是文本 CSV 文件；请确认选对了文件"),
                format!("binary data at line {line}; this is not a text CSV file, check that it is the right file"),
            ),
            FileError::ZipInCsv => self.pick(
                "文件内容是 Excel 工作簿（.xlsx），扩展名却是 .csv；请把扩展名改为 .xlsx".into(),
                "the content is an Excel workbook (.xlsx) but the name ends in .csv; rename it to .xlsx".into(),
            ),
            FileError::OldExcel => self.pick(
                "这是旧版 Excel 97-2003 工作簿（.xls）；请在 Excel 中另存为 .xlsx 或“CSV UTF-8（逗号分隔）”".into(),
                "this is an old Excel 97-2003 workbook (.xls); save it as .xlsx or \"CSV UTF-8 (Comma delimited)\" in Excel".into(),
            ),
            FileError::NotXlsx => self.pick(
                "不是 .xlsx 工作簿（不是 zip 格式）；如果是 CSV，请把扩展名改为 .csv".into(),
                "not an .xlsx workbook (not a zip archive); if it is a CSV file, rename it to .csv".into(),
            ),
            FileError::Xlsx { message } => self.pick(
                format!("无法读取 .xlsx 工作簿（{}）；请在 Excel 中重新保存后再试", crate::sanitize::line(message)),
                format!("cannot read the .xlsx workbook ({}); save it again from Excel and retry", crate::sanitize::line(message)),
            ),
            FileError::XlsxTooLarge => self.pick(
                "工作簿解压后过大，不像党员名册；请只保留名册工作表后再导入".into(),
                "the workbook unpacks to far more than a roster needs; keep only the roster sheet and retry".into(),
            ),
            FileError::Csv { line, message } => {
                let m = crate::sanitize::line(message);
                match line {
                    Some(l) => self.pick(
                        format!("第 {l} 行 CSV 格式错误（{m}）；请检查引号是否成对"),
                        format!("CSV error at line {l} ({m}); check that quotes are paired"),
                    ),
                    None => self.pick(
                        format!("CSV 格式错误（{m}）"),
                        format!("CSV error ({m})"),
                    ),
                }
            }
            FileError::TooManyRows => self.pick(
                format!("超过 {MAX_ROWS} 行，不像一个党支部的名册；请确认选对了文件"),
                format!("more than {MAX_ROWS} rows, far more than one branch's roster; check that it is the right file"),
            ),
            FileError::TooManyColumns { line } => self.pick(
                format!("第 {line} 行超过 {MAX_COLUMNS} 列，不像党员名册；请删去多余的列"),
                format!("line {line} has more than {MAX_COLUMNS} columns, not a roster; remove the extra columns"),
            ),
            FileError::NoHeader => self.pick(
                "找不到表头：前 20 行中没有“姓名”列；表头可用 姓名、编号、类别、党小组、职务、不计入应到会类别、批准文号（或 name, id, standing, group, committee_role, exclusion, approval_ref）".into(),
                "no header row: none of the first 20 rows has a name column; use headers such as name, id, standing, group, committee_role, exclusion, approval_ref (or 姓名、编号、类别、党小组、职务、不计入应到会类别、批准文号)".into(),
            ),
            FileError::DuplicateColumn { line, field } => self.pick(
                format!("第 {line} 行表头中“{}”列出现两次；请删去一列", self.roster_field(*field)),
                format!("the header at line {line} has two {} columns; remove one", self.roster_field(*field)),
            ),
            FileError::NoSuchSheet { wanted, sheets } => self.roster_no_such_sheet(wanted, sheets),
            FileError::NoHeaderInSheet { sheet } => self.roster_no_header_in_sheet(sheet),
            FileError::NoMembers => self.pick(
                "表头下面没有党员；请填写名册后再导入".into(),
                "there are no members under the header row; fill in the roster first".into(),
            ),
        }
    }

    /// What is wrong with one row.
    pub fn roster_row_problem(self, p: &RowProblem) -> String {
        match p {
            RowProblem::MissingName => self.pick("缺少姓名".into(), "no name".into()),
            RowProblem::MissingStanding => self.pick(
                "缺少类别（正式党员、预备党员、留党察看或权利中止）".into(),
                "no standing (full, probationary, observation or suspended)".into(),
            ),
            RowProblem::UnknownStanding(v) => self.pick(
                format!("类别“{v}”无法识别；应为 正式党员、预备党员、留党察看 或 权利中止"),
                format!("unknown standing \"{v}\"; use full, probationary, observation or suspended"),
            ),
            RowProblem::UnknownRole(v) => self.pick(
                format!("职务“{v}”无法识别；应为 书记、副书记、组织委员、宣传委员、纪检委员、委员，党小组的 组长、副组长，或留空"),
                format!("unknown role \"{v}\"; use secretary, deputy secretary, organization, propaganda, discipline, member, the group's leader or deputy leader, or leave it empty"),
            ),
            RowProblem::UnknownExclusion(v) => self.pick(
                format!("不计入应到会类别“{v}”无法识别；应为 1–5 或其文字，或留空"),
                format!("unknown exclusion category \"{v}\"; use 1-5 or its wording, or leave it empty"),
            ),
            RowProblem::ExclusionWithoutApproval => self.pick(
                "不计入应到会须有上级党组织批准，请填写批准文号".into(),
                "leaving a member out of expected attendance needs the superior organisation's approval: fill in the approval reference".into(),
            ),
            RowProblem::ApprovalWithoutExclusion => self.pick(
                "填写了批准文号，却没有不计入应到会类别".into(),
                "an approval reference without an exclusion category".into(),
            ),
            RowProblem::DuplicateId { id, first_line } => self.pick(
                format!("编号 {id} 与第 {first_line} 行重复"),
                format!("id {id} is already used on line {first_line}"),
            ),
            RowProblem::BadId(id) => self.pick(
                format!("编号“{id}”含有空格"),
                format!("id \"{id}\" contains spaces"),
            ),
            RowProblem::Formula(f) => self.pick(
                format!("{}以 = + @ 或 - 开头，像是表格公式；请填写纯文本", self.roster_field(*f)),
                format!("the {} starts with = + @ or -, like a spreadsheet formula; enter plain text", self.roster_field(*f)),
            ),
            RowProblem::Control(f) => self.pick(
                format!("{}含有控制字符、换行或方向控制符；请删去", self.roster_field(*f)),
                format!("the {} contains control characters, line breaks or direction marks; remove them", self.roster_field(*f)),
            ),
            RowProblem::CellError(f, v) => self.pick(
                format!("{}是表格错误值 {}；请修正公式或改为纯文本", self.roster_field(*f), crate::sanitize::line(v)),
                format!("the {} is the spreadsheet error {}; fix the formula or enter plain text", self.roster_field(*f), crate::sanitize::line(v)),
            ),
            RowProblem::TooLong(f) => self.pick(
                format!("{}过长", self.roster_field(*f)),
                format!("the {} is too long", self.roster_field(*f)),
            ),
            RowProblem::BadDate(f, v) => self.roster_bad_date(*f, v),
            RowProblem::TwoDuties(v) => self.roster_two_duties(v),
        }
    }

    pub fn roster_rows_failed(self, path: &str, rows: usize) -> String {
        self.pick(
            format!("{path}：{rows} 处错误，名册未写入；请修正后重新导入"),
            format!("{path}: {rows} problem(s); nothing was written, fix them and import again"),
        )
    }

    pub fn roster_unsupported(self, path: &str) -> String {
        self.pick(
            format!("{path}：只能导入 .csv 或 .xlsx 文件；请在 Excel 中另存为其中一种"),
            format!(
                "{path}: only .csv and .xlsx files can be imported; save the roster as one of them"
            ),
        )
    }

    pub fn roster_no_branch(self) -> &'static str {
        self.pick(
            "还没有名册，需要党支部名称：请加 --branch 名称（可选 --code 编码）",
            "there is no roster yet, so the branch needs a name: pass --branch NAME (and optionally --code CODE)",
        )
    }

    pub fn roster_bad_flag(self, flag: &str) -> String {
        self.pick(
            format!("{flag} 含有控制字符或为空；请改为纯文本"),
            format!("{flag} is empty or contains control characters; use plain text"),
        )
    }

    pub fn roster_heading(self, name: &str, code: &str, n: usize) -> String {
        let code = if code.is_empty() {
            String::new()
        } else {
            self.pick(format!("（{code}）"), format!(" ({code})"))
        };
        self.pick(
            format!("{name}{code}，共 {n} 名党员"),
            format!("{name}{code}, {n} members"),
        )
    }

    pub fn roster_standing_counts(self, counts: &[(&'static str, usize)]) -> String {
        counts
            .iter()
            .filter(|(_, n)| *n > 0)
            .map(|(s, n)| self.pick(format!("{s} {n} 人"), format!("{s} {n}")))
            .collect::<Vec<_>>()
            .join(self.pick("，", ", "))
    }

    pub fn roster_columns(self) -> [&'static str; 6] {
        [
            self.pick("编号", "Id"),
            self.pick("姓名", "Name"),
            self.pick("类别", "Standing"),
            self.pick("党小组", "Group"),
            self.pick("职务", "Role"),
            self.pick("不计入应到会", "Not counted"),
        ]
    }

    pub fn roster_exclusion_short(self, x: &Exclusion) -> String {
        self.pick(
            format!("第{}类（{}）", x.category.number(), x.approval_ref),
            format!("{} ({})", x.category.number(), x.approval_ref),
        )
    }

    pub fn roster_branch_change(self, old: &str, new: &str) -> String {
        self.pick(
            format!("党支部：{old} → {new}"),
            format!("Branch: {old} -> {new}"),
        )
    }

    pub fn roster_added(self, n: usize) -> String {
        self.pick(format!("新增 {n} 人："), format!("{n} added:"))
    }

    pub fn roster_removed(self, n: usize) -> String {
        self.pick(
            format!("移除 {n} 人（已有会议记录中的姓名不受影响）："),
            format!("{n} removed (names in existing minutes are not affected):"),
        )
    }

    pub fn roster_changed(self, n: usize) -> String {
        self.pick(format!("变更 {n} 人："), format!("{n} changed:"))
    }

    pub fn roster_unchanged(self, n: usize) -> String {
        self.pick(format!("未变 {n} 人。"), format!("{n} unchanged."))
    }

    pub fn roster_ignored_columns(self, cols: &str) -> String {
        self.pick(
            format!("未使用的列：{cols}"),
            format!("Columns not used: {cols}"),
        )
    }

    pub fn roster_repeated_names(self, names: &str) -> String {
        self.pick(
            format!("注意：同名党员 {names}；请确认不是重复录入"),
            format!("Note: more than one member named {names}; check that nobody is entered twice"),
        )
    }

    pub fn roster_no_changes(self) -> &'static str {
        self.pick(
            "名册没有变化，未写入。",
            "The roster is unchanged; nothing written.",
        )
    }

    pub fn roster_dry_run(self) -> &'static str {
        self.pick("试运行：未写入任何内容。", "Dry run: nothing written.")
    }

    /// The prompt that [`super::is_yes`] answers.
    pub fn roster_confirm(self) -> &'static str {
        self.pick("写入? [y/N] ", "Write? [y/N] ")
    }

    pub fn roster_declined(self) -> &'static str {
        self.pick("未写入。", "Nothing written.")
    }

    pub fn roster_need_yes(self) -> &'static str {
        self.pick(
            "未写入：不在终端中运行，无法确认；确认无误后请加 --yes 重新运行（或用 --dry-run 只看预览）",
            "nothing written: not running on a terminal, so there is no one to confirm; run again with --yes to write (or --dry-run to only preview)",
        )
    }

    pub fn roster_written(self, path: &str, n: usize) -> String {
        self.pick(
            format!("已写入 {path}（{n} 名党员）。"),
            format!("Written {path} ({n} members)."),
        )
    }

    pub fn roster_none(self) -> &'static str {
        self.pick(
            "还没有党员名册；请用 branchday roster import 文件 导入",
            "there is no roster yet; import one with branchday roster import FILE",
        )
    }
}

impl Tr {
    #[must_use]
    pub fn change_name(self) -> &'static str {
        self.pick("姓名", "name")
    }

    #[must_use]
    pub fn change_standing(self) -> &'static str {
        self.pick("类别", "standing")
    }

    #[must_use]
    pub fn change_group(self) -> &'static str {
        self.pick("党小组", "group")
    }

    #[must_use]
    pub fn change_role(self) -> &'static str {
        self.pick("职务", "role")
    }

    #[must_use]
    pub fn change_exclusion(self) -> &'static str {
        self.pick("不计入应到会", "exclusion")
    }

    #[must_use]
    pub fn change_semicolon_sep(self) -> &'static str {
        self.pick("；", "; ")
    }
}
