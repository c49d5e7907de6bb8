//! Finding minutes files under the paths given on the command line.

use std::path::{Path, PathBuf};

/// Every file named directly, and every `*.json` file under the folders named (recursively, without
/// following symbolic links to folders, skipping hidden temporary files). Paths that do not exist are
/// returned in the second list.
#[must_use]
pub fn collect(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<PathBuf>) {
    let mut files = Vec::new();
    let mut missing = Vec::new();
    for p in paths {
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => walk(p, &mut files),
            Ok(_) => files.push(p.clone()),
            Err(_) => missing.push(p.clone()),
        }
    }
    (files, missing)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.flatten().collect();
    entries.sort_by_key(std::fs::DirEntry::file_name);
    for e in entries {
        let path = e.path();
        let Ok(ft) = e.file_type() else { continue };
        let name = e.file_name();
        let hidden = name.to_string_lossy().starts_with('.');
        if ft.is_dir() {
            if !hidden {
                walk(&path, out);
            }
        } else if !hidden
            && path
                .extension()
                .is_some_and(|x| x.eq_ignore_ascii_case("json"))
            && (ft.is_file() || (ft.is_symlink() && path.is_file()))
        {
            out.push(path);
        }
    }
}
