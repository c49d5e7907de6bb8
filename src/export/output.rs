//! Where exports go: the Documents folder (`directories::UserDirs`) under `branchday/`, so a
//! secretary finds them where a file manager opens; without a Documents folder, `~/branchday`;
//! without a home, the data directory's `exports/` folder. The place says when it is a fallback.

use std::path::{Path, PathBuf};

use crate::cli::ExportFormat;
use crate::export::{self, ExportError};
use crate::i18n::Tr;
use crate::minutes::{self, ReadError};
use crate::store::{self, DataDir};

/// The folder exports go to, and whether it is a fallback.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub dir: PathBuf,
    /// Set when there is no Documents folder and `dir` is the fallback.
    pub fallback: bool,
}

impl Place {
    /// The folder for exports: `<Documents>/branchday`, else `~/branchday`, else the data
    /// directory's `exports/`.
    pub fn find(data: &DataDir) -> Place {
        let dirs = directories::UserDirs::new();
        if let Some(docs) = dirs.as_ref().and_then(directories::UserDirs::document_dir) {
            return Place {
                dir: docs.join("branchday"),
                fallback: false,
            };
        }
        let dir = dirs
            .as_ref()
            .map_or_else(|| data.exports_dir(), |d| d.home_dir().join("branchday"));
        Place {
            dir,
            fallback: true,
        }
    }

    /// The sentence saying where exports go when it is a fallback.
    pub fn note(&self, tr: Tr) -> Option<String> {
        self.fallback
            .then(|| tr.export_no_documents(&crate::sanitize::path(&self.dir)))
    }

    /// The file an export of `source` in `format` gets here: the source's name with the language
    /// and the format's extension (`2026-05-20_general_assembly_0190.zh.docx`).
    pub fn file_for(&self, source: &Path, format: ExportFormat, tr: Tr) -> PathBuf {
        let stem = source.file_stem().map_or_else(
            || "minutes".to_owned(),
            |s| crate::sanitize::line(&s.to_string_lossy()).into_owned(),
        );
        let lang = tr.lang().code();
        self.dir
            .join(format!("{stem}.{lang}.{}", format.extension()))
    }
}

/// Read the minutes at `path` and write their record in `format` to `out` (atomically, replacing an
/// earlier export of the same name), creating the folder. A file that fails validation is
/// written with its errors in a banner. Returns the number of those errors, or a one-line message.
pub fn export_file(path: &Path, format: ExportFormat, out: &Path, tr: Tr) -> Result<usize, String> {
    let checked = minutes::read(path)
        .or_else(ReadError::judged)
        .map_err(|e| tr.read_error(path, e))?;
    let mut bytes = Vec::new();
    let errors = export::write_marked(&checked, format, tr, &mut bytes).map_err(|e| match e {
        ExportError::NotMinutes { why } => {
            tr.export_not_minutes(&crate::sanitize::path(path), &why)
        }
        ExportError::Write(e) => tr.export_write_failed(&e.to_string()),
        ExportError::Package(e) => tr.export_write_failed(&e),
    })?;
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty())
        && !dir.exists()
    {
        store::create_dir_private(dir).map_err(|e| tr.store_error(&e))?;
    }
    store::write_replace(out, &bytes).map_err(|e| tr.store_error(&e))?;
    Ok(errors)
}

/// The full path of `p` as shown to the user (relative paths made absolute).
pub fn shown(p: &Path) -> String {
    let full = if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir().map_or_else(|_| p.to_path_buf(), |d| d.join(p))
    };
    crate::sanitize::path(&full)
}
