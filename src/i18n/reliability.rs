//! Strings for leaving a meeting while the disk refuses to save.

use super::Tr;

impl Tr {
    /// Shown when the secretary leaves a meeting with `pending` changes the disk refused: where the
    /// emergency copy went (if anywhere), and that pressing `quit_key` again quits anyway.
    #[must_use]
    pub fn unsaved_on_leave(
        self,
        pending: usize,
        copy: Option<&std::path::Path>,
        quit_key: &str,
    ) -> String {
        match copy {
            Some(path) => {
                let p = crate::sanitize::path(path);
                self.pick(
                    format!("{pending} 条未能写入草稿，完整副本已保存到 {p}；磁盘恢复后自动保存。再按 {quit_key} 退出程序"),
                    format!("{pending} changes not written to the draft; a complete copy is in {p}. They are saved once the disk recovers; press {quit_key} again to quit"),
                )
            }
            None => self.pick(
                format!("{pending} 条未能保存，且没有可写入副本的位置；现在退出会丢失这些内容。再按 {quit_key} 仍然退出"),
                format!("{pending} changes not saved and no place could take a copy; quitting now loses them. Press {quit_key} again to quit anyway"),
            ),
        }
    }
}

impl Tr {
    /// Why saving fails, in a few words for the status bar (the full message names the file).
    #[must_use]
    pub fn save_fault(self, e: &crate::store::StoreError) -> String {
        use crate::store::StoreError;
        let code = match e {
            StoreError::Io { source, .. } => source.raw_os_error(),
            _ => None,
        };
        match code {
            Some(28 | 122) => self.pick("磁盘已满", "disk full"),
            Some(30) => self.pick("磁盘只读", "disk read-only"),
            Some(13 | 1) => self.pick("没有写入权限", "no permission to write"),
            _ => self.pick("写入失败", "write failed"),
        }
        .to_owned()
    }
}
