//! Importing a 花名册 from the screen: a dialog asks for the file (and, the first time, the
//! branch), the loop reads it, the preview is shown, and nothing is written until the secretary
//! says yes.

use std::path::PathBuf;

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Position, Rect};
use ratatui::style::{Color, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use crate::domain::{Branch, Roster};
use crate::i18n::Tr;
use crate::roster_import::Imported;
use crate::sanitize;
use crate::tui::effect::Effect;
use crate::tui::keymap::Context;
use crate::tui::widgets::form::{Field, FieldId, Form, FormOutcome};

/// What the loop is asked to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportRequest {
    pub path: PathBuf,
    pub branch: Branch,
    pub sheet: Option<String>,
}

#[derive(Debug, Clone)]
pub enum ImportStage {
    /// Asking for the file.
    Ask(Form),
    /// The file read: its preview, waiting for a yes.
    Preview {
        request: ImportRequest,
        imported: Box<Imported>,
        lines: Vec<String>,
        scroll: u16,
    },
}

#[derive(Debug, Clone)]
pub struct ImportScreen {
    pub stage: ImportStage,
}

const PATH: FieldId = FieldId::Slot(0);
const BRANCH: FieldId = FieldId::Slot(1);
const CODE: FieldId = FieldId::Slot(2);
const SHEET: FieldId = FieldId::Slot(3);

impl ImportScreen {
    /// The dialog, with the branch of the roster kept so far filled in.
    #[must_use]
    pub fn new(old: Option<&Roster>, tr: Tr) -> ImportScreen {
        let branch = old.map(|r| r.branch.clone()).unwrap_or_default();
        let form = Form::new(
            tr.roster_import_title(),
            vec![
                Field::text(PATH, tr.roster_import_path(), ""),
                Field::text(BRANCH, tr.roster_import_branch(), &branch.name),
                Field::text(CODE, tr.roster_import_code(), &branch.code),
                Field::text(SHEET, tr.roster_import_sheet(), ""),
            ],
        );
        ImportScreen {
            stage: ImportStage::Ask(form),
        }
    }

    #[must_use]
    pub fn context(&self) -> Context {
        match self.stage {
            ImportStage::Ask(_) => Context::Form,
            ImportStage::Preview { .. } => Context::Picker,
        }
    }

    pub fn paste(&mut self, text: &str) {
        if let ImportStage::Ask(f) = &mut self.stage {
            f.paste(text);
        }
    }

    /// The file could not be read or imported: say why in the dialog.
    pub fn failed(&mut self, message: String) {
        if let ImportStage::Ask(f) = &mut self.stage {
            f.error = Some(message);
        }
    }

    /// The file was read: show the preview.
    pub fn read(&mut self, request: ImportRequest, imported: Imported, lines: Vec<String>) {
        self.stage = ImportStage::Preview {
            request,
            imported: Box::new(imported),
            lines,
            scroll: 0,
        };
    }

    pub fn update(&mut self, key: KeyEvent, tr: Tr) -> Vec<Effect> {
        match &mut self.stage {
            ImportStage::Ask(form) => match form.handle(key) {
                FormOutcome::Cancel => return vec![Effect::Home],
                FormOutcome::Help => return vec![Effect::Help(Context::Form)],
                FormOutcome::Submit => {
                    let path = form.text(PATH);
                    let name = form.text(BRANCH);
                    let code = form.text(CODE);
                    let sheet = form.text(SHEET);
                    if path.is_empty() {
                        form.error = Some(tr.roster_required(tr.roster_import_path()));
                    } else if name.is_empty() {
                        form.error = Some(tr.roster_required(tr.roster_import_branch()));
                    } else if sanitize::line(&name) != name || sanitize::line(&code) != code {
                        form.error = Some(tr.roster_bad_text(tr.roster_import_branch()));
                    } else {
                        return vec![Effect::ReadRoster(Box::new(ImportRequest {
                            path: PathBuf::from(path),
                            branch: Branch { name, code },
                            sheet: (!sheet.is_empty()).then_some(sheet),
                        }))];
                    }
                }
                FormOutcome::Continue | FormOutcome::Changed => {}
            },
            ImportStage::Preview {
                request,
                imported,
                scroll,
                ..
            } => match key.code {
                KeyCode::Char('y' | 'Y') | KeyCode::Enter => {
                    return vec![Effect::WriteImported(
                        Box::new(imported.roster.clone()),
                        request.path.clone(),
                    )];
                }
                KeyCode::Esc | KeyCode::Char('n' | 'N') => {
                    let old = Roster {
                        branch: request.branch.clone(),
                        ..Roster::default()
                    };
                    let mut again = ImportScreen::new(Some(&old), tr);
                    if let ImportStage::Ask(f) = &mut again.stage
                        && let Some(field) = f.fields.first_mut()
                    {
                        *field = Field::text(
                            PATH,
                            tr.roster_import_path(),
                            &request.path.to_string_lossy(),
                        );
                    }
                    *self = again;
                }
                KeyCode::Down | KeyCode::PageDown => *scroll = scroll.saturating_add(1),
                KeyCode::Up | KeyCode::PageUp => *scroll = scroll.saturating_sub(1),
                KeyCode::Char('?') => return vec![Effect::Help(Context::Picker)],
                _ => {}
            },
        }
        Vec::new()
    }

    pub fn render(&self, tr: Tr, area: Rect, buf: &mut Buffer) {
        match &self.stage {
            ImportStage::Ask(form) => {
                Paragraph::new(tr.home_no_roster_ways())
                    .wrap(Wrap { trim: false })
                    .block(Block::bordered())
                    .render(area, buf);
                form.render(area, buf);
            }
            ImportStage::Preview { lines, scroll, .. } => {
                let mut text: Vec<Line> = vec![Line::styled(
                    tr.roster_import_confirm_hint(),
                    Style::new().fg(Color::Yellow),
                )];
                text.extend(
                    lines
                        .iter()
                        .map(|l| Line::raw(sanitize::line(l).into_owned())),
                );
                Paragraph::new(text)
                    .scroll((*scroll, 0))
                    .block(
                        Block::bordered().title(format!(" {} ", tr.roster_import_preview_title())),
                    )
                    .render(area, buf);
            }
        }
    }

    #[must_use]
    pub fn cursor(&self, area: Rect) -> Option<Position> {
        match &self.stage {
            ImportStage::Ask(form) => form.cursor(area),
            ImportStage::Preview { .. } => None,
        }
    }
}
