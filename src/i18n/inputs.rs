//! Messages about inputs that are not files to read.

use super::Tr;

impl Tr {
    /// A path that is a named pipe, a socket or a device rather than a file.
    pub fn not_regular_file(self) -> &'static str {
        self.pick(
            "不是普通文件（而是管道或设备），未读取；请指定会议记录文件",
            "not a regular file (a pipe or a device), not read; name a minutes file",
        )
    }
}
