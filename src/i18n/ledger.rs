//! Strings of the review ledger (审核台账, `review --export-ledger`) and of the 督办 chain a
//! returned file follows (returned → corrected → approved), in the ledger and in the browser.

use super::Tr;
use crate::review::model::{FollowUp, ReviewState};

impl Tr {
    pub fn ledger_sheet_name(self) -> &'static str {
        self.pick("审核台账", "Review ledger")
    }

    pub fn ledger_columns(self) -> [&'static str; 13] {
        self.pick(
            [
                "序号",
                "文件",
                "支部",
                "支部代码",
                "会议类型",
                "会议日期",
                "主题",
                "校验",
                "审阅结论",
                "审阅人",
                "审阅时间",
                "审阅意见",
                "督办",
            ],
            [
                "No.",
                "File",
                "Branch",
                "Branch code",
                "Kind",
                "Date",
                "Theme",
                "Validation",
                "Verdict",
                "Reviewer",
                "Reviewed at",
                "Comment",
                "Follow-up",
            ],
        )
    }

    /// Where a returned file's 督办 stands; `name` gives a row's file name.
    pub fn follow_up(self, f: FollowUp, name: &dyn Fn(usize) -> String) -> String {
        match f {
            FollowUp::AwaitingCorrection => self
                .pick(
                    "已退回，待支部报送更正件",
                    "returned; awaiting the branch's correction",
                )
                .to_owned(),
            FollowUp::Corrected(j, state) => {
                let file = name(j);
                match state {
                    ReviewState::Approved => self.pick(
                        format!("已更正（{file}），更正件已通过"),
                        format!("corrected ({file}); the correction is approved"),
                    ),
                    ReviewState::Returned => self.pick(
                        format!("已更正（{file}），更正件又被退回"),
                        format!("corrected ({file}); the correction was returned too"),
                    ),
                    _ => self.pick(
                        format!("已更正（{file}），更正件待审阅"),
                        format!("corrected ({file}); the correction awaits review"),
                    ),
                }
            }
        }
    }

    pub fn ledger_bad_extension(self, path: &str) -> String {
        self.pick(
            format!(
                "{path}：审核台账须写成 .xlsx 或 .csv 文件，例如 --export-ledger 审核台账.xlsx"
            ),
            format!(
                "{path}: the ledger is written as .xlsx or .csv; e.g. --export-ledger ledger.xlsx"
            ),
        )
    }

    pub fn ledger_failed(self, path: &str, message: &str) -> String {
        self.pick(
            format!("{path}：审核台账无法生成（{message}）"),
            format!("{path}: the ledger could not be made ({message})"),
        )
    }

    pub fn ledger_written(self, path: &str, meetings: usize) -> String {
        self.pick(
            format!("审核台账已写入 {path}（{meetings} 个会议）"),
            format!("ledger written to {path} ({meetings} meetings)"),
        )
    }
}
