//! The reviewer's browser as one more screen of the app: its list fills in from background readers
//! while it is on screen, and its effects (read a file, save a remark, export) are carried out by
//! the same loop as the meeting's.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver};

use crate::domain::Timestamp;
use ratatui::Frame;

use crate::i18n::Tr;
use crate::review::app::{App, Effect};
use crate::review::load::{self, LoadJob};
use crate::review::model::Summary;
use crate::store::DataDir;

/// The browser and the readers feeding its list.
#[derive(Debug)]
pub struct BrowseScreen {
    pub app: App,
    job: Arc<LoadJob>,
    /// Rows as they are read; `None` once every file is read.
    rows: Option<Receiver<Vec<Summary>>>,
}

impl BrowseScreen {
    /// Find the files under `paths` (default: the data directory's minutes) and start reading them.
    #[must_use]
    pub fn open(
        paths: Vec<PathBuf>,
        data: &DataDir,
        tr: Tr,
        keyring: Option<Arc<crate::keys::Keyring>>,
    ) -> BrowseScreen {
        let crate::review::Session { job, mut app } =
            crate::review::Session::trusting(paths, data, tr, keyring);
        // Exports go where the reviewer finds them: the Documents folder under branchday/.
        app.set_exports_dir(crate::export::output::Place::find(data).dir);
        let job = Arc::new(job);
        let (tx, rx) = mpsc::channel();
        let readers = Arc::clone(&job);
        // The readers borrow the job, so they run in a scope of their own thread; the channel
        // closes when every file is read, the job is cancelled, or the screen is gone.
        std::thread::spawn(move || {
            std::thread::scope(|s| {
                let inner = load::spawn(s, &readers);
                for batch in inner {
                    if tx.send(batch).is_err() {
                        readers.cancel();
                    }
                }
            });
        });
        BrowseScreen {
            app,
            job,
            rows: Some(rx),
        }
    }

    /// Whether files are still being read (the loop then waits less between draws).
    #[must_use]
    pub fn loading(&self) -> bool {
        self.rows.is_some()
    }

    /// Move the rows read so far into the list.
    pub fn poll(&mut self) {
        if let Some(rx) = &self.rows
            && !crate::review::take_rows(&mut self.app, rx)
        {
            self.rows = None;
        }
    }

    /// Carry out one effect of the browser's update at time `at`; `true` when it is to quit.
    pub fn perform(&mut self, effect: Effect, data: &DataDir, at: Timestamp) -> bool {
        crate::review::perform(&mut self.app, effect, data, at)
    }

    pub fn draw(&mut self, frame: &mut Frame) {
        self.app.resize(frame.area());
        crate::review::view::draw(frame, &self.app);
    }
}

impl Drop for BrowseScreen {
    fn drop(&mut self) {
        self.job.cancel();
    }
}
