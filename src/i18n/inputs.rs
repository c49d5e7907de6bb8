//! Messages about inputs that are not files to read.

use std::path::Path;

use super::Tr;
use crate::minutes::{MAX_BYTES, ReadError};
use crate::sanitize;
use crate::store::StoreError;

impl Tr {
    /// A path that is a named pipe, a socket or a device rather than a file.
    pub fn not_regular_file(self) -> &'static str {
        self.pick(
            "不是普通文件（而是管道或设备），未读取；请指定会议记录文件",
            "not a regular file (a pipe or a device), not read; name a minutes file",
        )
    }

    /// A minutes file that could not be read, naming it.
    pub fn read_error(self, path: &Path, e: ReadError) -> String {
        match e {
            ReadError::NotRegular => {
                let p = sanitize::path(path);
                let why = self.not_regular_file();
                self.pick(format!("{p}：{why}"), format!("{p}: {why}"))
            }
            ReadError::TooLarge { .. } => self.store_error(&StoreError::TooLarge {
                path: path.to_path_buf(),
                limit: MAX_BYTES,
            }),
            other => self.store_error(&StoreError::io(path, other.to_io())),
        }
    }
}
