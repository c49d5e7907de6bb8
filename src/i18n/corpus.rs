//! Messages of the synthetic corpus command.

use super::Tr;

impl Tr {
    /// `dev-corpus` finished: how many files it wrote, and where.
    pub fn corpus_written(self, count: usize, dir: &str) -> String {
        self.pick(
            format!("已在 {dir} 写入 {count} 个会议记录文件"),
            format!("wrote {count} minutes files to {dir}"),
        )
    }
}
