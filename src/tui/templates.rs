//! Agenda templates as data: `templates.json` in the data directory, written from the built-in set
//! the first time so the secretary can edit and reuse it.

use crate::domain::agenda::{AgendaTemplate, builtin_templates};
use crate::store::{self, DataDir};

/// The templates to offer. A missing file is created from the built-in set; a file that cannot be
/// read leaves a message in `flash` and the built-in set is used.
pub fn load(
    data: &DataDir,
    tr: crate::i18n::Tr,
    flash: &mut Option<String>,
) -> Vec<AgendaTemplate> {
    let path = data.templates_path();
    if !path.exists() {
        let builtin = builtin_templates();
        if let Ok(mut bytes) = serde_json::to_vec_pretty(&builtin) {
            bytes.push(b'\n');
            let _ = data
                .ensure()
                .and_then(|()| store::write_replace(&path, &bytes));
        }
        return builtin;
    }
    let parsed = store::read_capped(&path, store::MAX_CONFIG_BYTES)
        .map_err(|e| tr.store_error(&e))
        .and_then(|bytes| {
            serde_json::from_slice::<Vec<AgendaTemplate>>(&bytes)
                .map_err(|e| tr.templates_error(&path, &e.to_string()))
        });
    match parsed {
        Ok(t) if !t.is_empty() => t,
        Ok(_) => builtin_templates(),
        Err(msg) => {
            *flash = Some(msg);
            builtin_templates()
        }
    }
}
