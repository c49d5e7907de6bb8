//! Messages of `roster import` added with encodings, sheets, skipped rows and warnings.

use super::Tr;
use crate::roster_import::{Field, Skip, Skipped, TextEncoding, Warning};
use crate::sanitize;

impl Tr {
    pub fn roster_no_such_sheet(self, wanted: &str, sheets: &[String]) -> String {
        let list = sheets.join(self.export_list_sep());
        self.pick(
            format!("工作簿中没有工作表“{wanted}”；可选的工作表：{list}（用 --sheet 名称 或 --sheet 序号）"),
            format!("the workbook has no sheet \"{wanted}\"; its sheets are: {list} (use --sheet NAME or --sheet NUMBER)"),
        )
    }

    pub fn roster_no_header_in_sheet(self, sheet: &str) -> String {
        self.pick(
            format!("工作表“{sheet}”前 20 行中没有“姓名”列；请选择名册所在的工作表（--sheet）"),
            format!("sheet \"{sheet}\" has no name column in its first 20 rows; choose the sheet that holds the roster (--sheet)"),
        )
    }

    pub fn roster_bad_date(self, f: Field, v: &str) -> String {
        self.pick(
            format!(
                "{}“{v}”不是日期；请写成 2020-05-01、2020年5月1日 或 2020.05",
                self.roster_field(f)
            ),
            format!(
                "the {} \"{v}\" is not a date; write it as 2020-05-01, 2020年5月1日 or 2020.05",
                self.roster_field(f)
            ),
        )
    }

    pub fn roster_two_duties(self, v: &str) -> String {
        self.pick(
            format!("职务“{v}”中有两个支委职务或两个党小组职务；每人最多一个支委职务和一个党小组职务"),
            format!("the role \"{v}\" names two committee places or two group places; a member holds at most one of each"),
        )
    }

    /// The encoding line of the preview.
    pub fn roster_encoding(self, e: TextEncoding) -> String {
        self.pick(
            format!("文件编码：{}", e.label()),
            format!("Encoding: {}", e.label()),
        )
    }

    pub fn roster_sheet(self, name: &str) -> String {
        self.pick(format!("工作表：{name}"), format!("Sheet: {name}"))
    }

    fn roster_skip_word(self, why: Skip) -> &'static str {
        match why {
            Skip::Title => self.pick("标题行", "title rows"),
            Skip::Total => self.pick("合计行", "total rows"),
            Skip::Footer => self.pick("制表人、日期、备注等行", "signature, date and note lines"),
            Skip::Header => self.pick("重复的表头", "repeated header rows"),
        }
    }

    /// One line naming the rows left out, grouped by why: `已跳过：标题行（第 1 行）；合计行（第 12 行）`.
    pub fn roster_skipped(self, skipped: &[Skipped]) -> String {
        let mut parts = Vec::new();
        for why in [Skip::Title, Skip::Header, Skip::Total, Skip::Footer] {
            let lines: Vec<String> = skipped
                .iter()
                .filter(|s| s.why == why)
                .map(|s| s.line.to_string())
                .collect();
            if lines.is_empty() {
                continue;
            }
            let list = lines.join(self.pick("、", ", "));
            parts.push(self.pick(
                format!("{}（第 {list} 行）", self.roster_skip_word(why)),
                format!("{} (line {list})", self.roster_skip_word(why)),
            ));
        }
        self.pick(
            format!("已跳过（不是党员）：{}", parts.join("；")),
            format!("Left out (not members): {}", parts.join("; ")),
        )
    }

    /// One warning of the preview.
    pub fn roster_warning(self, w: &Warning) -> String {
        let sep = self.export_list_sep();
        let text = match w {
            Warning::TwoSecretaries { names } => self.pick(
                format!("注意：有 {} 人的职务是书记（{}）；一个支部只有一名书记", names.len(), names.join(sep)),
                format!("Note: {} members hold secretary ({}); a branch has one secretary", names.len(), names.join(sep)),
            ),
            Warning::TwoGroups { name, groups } => self.pick(
                format!("注意：{name} 出现在多个党小组（{}）；一名党员只属于一个党小组，请确认是否重复录入", groups.join(sep)),
                format!("Note: {name} is in more than one group ({}); a member belongs to one group, check for a double entry", groups.join(sep)),
            ),
            Warning::SameName { name, ids } => self.pick(
                format!("注意：同名党员 {name}（编号 {}），按编号分别保存；请确认不是重复录入", ids.join(sep)),
                format!("Note: more than one member named {name} (ids {}), kept apart by id; check that nobody is entered twice", ids.join(sep)),
            ),
            Warning::ProbationEnded { name, joined, ended } => self.pick(
                format!("注意：预备党员 {name} 入党时间 {joined}，预备期已于 {ended} 满一年；请及时讨论其转正"),
                format!("Note: probationary member {name} joined on {joined}; the year of probation ended on {ended}, so 转正 is to be discussed"),
            ),
            Warning::TwoLeaders { group, names } => self.pick(
                format!("注意：{group} 有多名组长或副组长（{}）；按第一位记录", names.join(sep)),
                format!("Note: {group} has more than one leader or deputy ({}); the first is kept", names.join(sep)),
            ),
        };
        sanitize::line(&text).into_owned()
    }
}

impl Tr {
    /// The columns of `roster export`, in the words the importer reads.
    pub fn roster_export_columns(self) -> [&'static str; 9] {
        self.pick(
            [
                "编号",
                "姓名",
                "人员类别",
                "党小组",
                "职务",
                "入党时间",
                "转正时间",
                "不计入应到会类别",
                "批准文号",
            ],
            [
                "id",
                "name",
                "standing",
                "group",
                "role",
                "joined",
                "confirmed",
                "exclusion",
                "approval_ref",
            ],
        )
    }

    pub fn roster_sheet_name(self) -> &'static str {
        self.pick("党员花名册", "Roster")
    }

    pub fn roster_group_leader(self) -> &'static str {
        self.pick("党小组组长", "group leader")
    }

    pub fn roster_group_deputy(self) -> &'static str {
        self.pick("党小组副组长", "deputy group leader")
    }

    /// A 党小组 in the preview: its leader, deputy and size.
    pub fn roster_group_line(self, g: &crate::domain::Group, r: &crate::domain::Roster) -> String {
        let name_of = |id: &Option<String>| {
            id.as_deref()
                .and_then(|i| r.member(i))
                .map(|m| m.name.clone())
        };
        let n = r
            .members
            .iter()
            .filter(|m| m.group.as_ref() == Some(&g.name))
            .count();
        let leader = name_of(&g.leader).unwrap_or_else(|| self.none_word().to_owned());
        let deputy = name_of(&g.deputy)
            .map(|d| self.pick(format!("，副组长 {d}"), format!(", deputy {d}")))
            .unwrap_or_default();
        self.pick(
            format!("{}：{n} 人，组长 {leader}{deputy}", g.name),
            format!("{}: {n} members, leader {leader}{deputy}", g.name),
        )
    }

    pub fn roster_exported(self, path: &str, n: usize) -> String {
        self.pick(
            format!("已导出 {path}（{n} 名党员）。"),
            format!("Exported {path} ({n} members)."),
        )
    }

    pub fn roster_export_failed(self, path: &str, why: &str) -> String {
        self.pick(
            format!("{path}：无法生成名册文件（{why}）"),
            format!("{path}: cannot build the roster file ({why})"),
        )
    }
}
