//! The dialogs that write something: a review remark and an export. Their keys edit the fields;
//! submitting returns an `Effect` for the loop to carry out.

use std::path::PathBuf;

use ratatui::crossterm::event::KeyEvent;

use super::{App, Effect, Modal, Screen};
use crate::cli::ExportFormat;
use crate::i18n::ReviewLabel as L;
use crate::review::keys::{self, PromptKey};
use crate::review::model::{ReviewState, Status};
use crate::review::remarks::{self, ReviewFile, ReviewKey, Verdict};
use crate::tui::widgets::line_input::{LineInput, edit_of};
use crate::tui::widgets::text_box::TextBox;

/// Which field of the remark form has the cursor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RemarkField {
    Reviewer,
    Comment,
}

/// Approving or returning a file, or approving every file shown at once.
#[derive(Debug, Clone)]
pub struct RemarkForm {
    /// The rows the remark is for and what their remarks are keyed by: one row, or every file
    /// shown that can be approved (the batch approval).
    pub targets: Vec<(usize, ReviewKey)>,
    /// Files shown that a batch approval leaves out (invalid, tampered, superseded, in conflict or
    /// already reviewed); 0 for one file.
    pub skipped: usize,
    pub batch: bool,
    pub verdict: Verdict,
    pub reviewer: LineInput,
    pub comment: TextBox,
    pub focus: RemarkField,
    pub error: Option<String>,
}

/// Exporting the open file.
#[derive(Debug, Clone)]
pub struct ExportForm {
    pub row: usize,
    pub format: ExportFormat,
    pub path: LineInput,
    pub error: Option<String>,
}

/// A remark to save on each of its targets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemarkRequest {
    pub targets: Vec<(usize, ReviewKey)>,
    pub batch: bool,
    pub verdict: Verdict,
    pub reviewer: String,
    pub comment: String,
}

/// A printable record to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportRequest {
    pub row: usize,
    pub format: ExportFormat,
    pub path: PathBuf,
}

/// The extension of an export format.
pub fn extension(f: ExportFormat) -> &'static str {
    f.extension()
}

impl App {
    pub(super) fn open_remark(&mut self, row: Option<usize>, verdict: Verdict) {
        let Some(row) = row else { return };
        let Some(key) = self.model.row(row).review_key() else {
            self.say(self.tr.l(L::NoIdToReview).to_owned(), true);
            return;
        };
        // A file that fails validation, was changed after finalize or whose signature does not
        // hold is never approved; returning it stays possible.
        if verdict == Verdict::Approved
            && matches!(
                self.model.row(row).checked,
                Status::Invalid | Status::Tampered
            )
        {
            self.say(self.tr.l(L::CannotApproveInvalid).to_owned(), true);
            return;
        }
        self.modal = Some(Modal::Remark(self.remark_form(
            vec![(row, key)],
            0,
            false,
            verdict,
        )));
    }

    fn remark_form(
        &self,
        targets: Vec<(usize, ReviewKey)>,
        skipped: usize,
        batch: bool,
        verdict: Verdict,
    ) -> RemarkForm {
        let reviewer = LineInput::limited(&self.reviewer, remarks::MAX_REVIEWER_CHARS);
        let focus = if reviewer.text().is_empty() {
            RemarkField::Reviewer
        } else {
            RemarkField::Comment
        };
        RemarkForm {
            targets,
            skipped,
            batch,
            verdict,
            reviewer,
            comment: TextBox::limited(remarks::MAX_COMMENT_CHARS),
            focus,
            error: None,
        }
    }

    /// Approve every file the list shows that can be approved — valid or with warnings, neither
    /// superseded nor in conflict, not yet reviewed for this content — after one confirmation.
    pub(super) fn open_batch_approval(&mut self) {
        let view = self.model.view();
        let targets: Vec<(usize, ReviewKey)> = view
            .iter()
            .filter(|&&i| {
                matches!(self.model.status(i), Status::Valid | Status::Warnings)
                    && matches!(
                        self.model.row(i).review,
                        ReviewState::Unreviewed | ReviewState::Changed
                    )
            })
            .filter_map(|&i| self.model.row(i).review_key().map(|k| (i, k)))
            .collect();
        if targets.is_empty() {
            self.say(self.tr.l(L::NothingToApprove).to_owned(), true);
            return;
        }
        let skipped = view.len() - targets.len();
        self.modal = Some(Modal::Remark(self.remark_form(
            targets,
            skipped,
            true,
            Verdict::Approved,
        )));
    }

    pub(super) fn open_export(&mut self, row: usize) {
        let has_minutes = matches!(&self.screen, Screen::Detail(d)
            if d.content.as_ref().is_ok_and(|c| c.minutes.is_some()));
        if !has_minutes {
            self.say(self.tr.l(L::CannotExport).to_owned(), true);
            return;
        }
        let format = ExportFormat::Md;
        let stem = self.model.row(row).path.file_stem().map_or_else(
            || "minutes".to_owned(),
            |s| crate::sanitize::line(&s.to_string_lossy()).into_owned(),
        );
        let path = self
            .exports_dir
            .join(format!("{stem}.{}", extension(format)));
        self.modal = Some(Modal::Export(ExportForm {
            row,
            format,
            path: LineInput::limited(&path.to_string_lossy(), 4096),
            error: None,
        }));
    }

    pub(super) fn on_export_key(&mut self, mut form: ExportForm, ev: KeyEvent) -> Effect {
        match keys::prompt_key(keys::EXPORT, &ev) {
            Some(PromptKey::Cancel) => return Effect::None,
            Some(PromptKey::Format) => {
                let next = form.format.next();
                // The path follows the format when it ends in the old extension.
                let old = format!(".{}", extension(form.format));
                if let Some(base) = form.path.text().strip_suffix(&old) {
                    let path = format!("{base}.{}", extension(next));
                    form.path = LineInput::limited(&path, 4096);
                }
                form.format = next;
                form.error = None;
            }
            Some(PromptKey::Submit) if form.path.text().trim().is_empty() => {
                form.error = Some(self.tr.l(L::PathRequired).to_owned());
            }
            Some(PromptKey::Submit) => {
                let request = ExportRequest {
                    row: form.row,
                    format: form.format,
                    path: PathBuf::from(form.path.text().trim()),
                };
                self.modal = Some(Modal::Export(form));
                return Effect::Export(request);
            }
            Some(PromptKey::NextField | PromptKey::Newline) | None => {
                if let Some(e) = edit_of(&ev) {
                    form.path.apply(&e);
                }
            }
        }
        self.modal = Some(Modal::Export(form));
        Effect::None
    }

    /// The loop wrote an export (or failed to).
    pub fn exported(&mut self, result: Result<PathBuf, String>) {
        match result {
            Ok(path) => {
                self.modal = None;
                let text = self.tr.exported(&crate::export::output::shown(&path));
                self.say(text, false);
            }
            Err(message) => {
                if let Some(Modal::Export(form)) = &mut self.modal {
                    form.error = Some(message);
                } else {
                    self.say(message, true);
                }
            }
        }
    }

    pub(super) fn on_remark_key(&mut self, mut form: RemarkForm, ev: KeyEvent) -> Effect {
        match keys::prompt_key(keys::FORM, &ev) {
            Some(PromptKey::Cancel) => return Effect::None,
            Some(PromptKey::NextField) => {
                form.focus = match form.focus {
                    RemarkField::Reviewer => RemarkField::Comment,
                    RemarkField::Comment => RemarkField::Reviewer,
                };
            }
            Some(PromptKey::Submit) => {
                let reviewer = form.reviewer.text().trim().to_owned();
                let comment = form.comment.text().trim().to_owned();
                if reviewer.is_empty() {
                    form.error = Some(self.tr.l(L::ReviewerRequired).to_owned());
                    form.focus = RemarkField::Reviewer;
                } else if form.verdict == Verdict::Returned && comment.is_empty() {
                    form.error = Some(self.tr.l(L::CommentRequired).to_owned());
                    form.focus = RemarkField::Comment;
                } else {
                    let request = RemarkRequest {
                        targets: form.targets.clone(),
                        batch: form.batch,
                        verdict: form.verdict,
                        reviewer,
                        comment,
                    };
                    // The form stays open until the loop reports the remark saved.
                    self.modal = Some(Modal::Remark(form));
                    return Effect::SaveRemark(request);
                }
            }
            Some(PromptKey::Newline) if form.focus == RemarkField::Comment => {
                form.error = None;
                form.comment.newline();
            }
            // The remark form has no format key; anything else edits the field.
            Some(PromptKey::Format | PromptKey::Newline) | None => {
                // What was wrong is being fixed: the message goes.
                match form.focus {
                    RemarkField::Reviewer => {
                        if let Some(e) = edit_of(&ev) {
                            form.error = None;
                            form.reviewer.apply(&e);
                        }
                    }
                    RemarkField::Comment => {
                        if form.comment.input(ev) {
                            form.error = None;
                        }
                    }
                }
            }
        }
        self.modal = Some(Modal::Remark(form));
        Effect::None
    }

    /// The loop saved the remark on some or all of its targets; `error` says why it stopped.
    pub fn remark_saved(
        &mut self,
        request: &RemarkRequest,
        saved: &[(ReviewKey, ReviewFile)],
        error: Option<String>,
    ) {
        if !saved.is_empty() {
            request.reviewer.clone_into(&mut self.reviewer);
        }
        let width = self.detail_width();
        for (key, file) in saved {
            let digest = file.remarks.last().and_then(|r| r.digest.clone());
            self.model
                .set_review(key, digest.as_deref(), remarks::state_of(file));
            if let Screen::Detail(d) = &mut self.screen
                && self.model.row(d.row).review_key().as_ref() == Some(key)
            {
                d.set_remarks(file.remarks.clone(), &self.model, self.tr);
                d.rewrap(width);
            }
        }
        self.sync_cursor();
        match error {
            None => {
                self.modal = None;
                let text = if request.batch {
                    self.tr.batch_approved(saved.len())
                } else {
                    self.tr.remark_saved(request.verdict)
                };
                self.say(text, false);
            }
            Some(message) => {
                let message = if request.batch {
                    self.tr
                        .batch_stopped(saved.len(), request.targets.len(), &message)
                } else {
                    message
                };
                if let Some(Modal::Remark(form)) = &mut self.modal {
                    // What was saved is not asked again.
                    form.targets
                        .retain(|(_, k)| !saved.iter().any(|(s, _)| s == k));
                    form.error = Some(message);
                } else {
                    self.say(message, true);
                }
            }
        }
    }
}
