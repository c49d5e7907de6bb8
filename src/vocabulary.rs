//! The program's plain vocabulary, shared by the screens and the catalogue that names it: what a
//! person can ask for (the actions keys are bound to in the live meeting and in the reviewer's
//! browser, a text field's keys, the roster's dialogs) and the states the reviewer's browser
//! shows (a file's status, its review state, its 督办, a list column). Data only, below both the
//! screens that bind and show them (`tui`, `review`) and `i18n`, so neither reaches into the
//! other; their behaviour (`impl` blocks) stays with the screens.

use crate::minutes::check::Problem;

/// Everything a key can ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    Quit,
    Help,
    Back,
    Up,
    Down,
    Confirm,
    NextStage,
    PrevStage,
    ShowCheckIn,
    ShowStudy,
    ShowItems,
    ShowWrapUp,
    // Home
    NewMeeting,
    Browse,
    ShowRoster,
    // Check-in
    /// Enter: present before the start, offered as late after it.
    MarkArrived,
    /// 开始会议
    StartMeeting,
    MarkPresent,
    MarkLate,
    MarkExcused,
    MarkAbsent,
    Undo,
    AddGuest,
    ClearFilter,
    /// 早退: the highlighted member leaves before the end.
    MarkLeft,
    /// Back to 未签到 (a member marked by mistake).
    ClearMark,
    /// Every member not yet marked is present (after a confirmation).
    AllPresent,
    RemoveGuest,
    EditGuest,
    // Study and activities
    AddTopic,
    EditNotes,
    ToggleTimer,
    // Items
    AddItem,
    EditDecision,
    Vote,
    /// Annul the standing round (entered wrongly) with a reason; it stays in the record.
    AnnulVote,
    // Wrap-up
    AddAction,
    /// Correct the highlighted entry of a list (item, topic, action item).
    Edit,
    /// Remove the highlighted entry of a list.
    Remove,
    /// Move the highlighted entry up or down its list.
    MoveUp,
    MoveDown,
    EditSummary,
    EditDetails,
    Finalize,
    Export,
    // Forms and editors
    NextField,
    PrevField,
    Submit,
    Left,
    Right,
    // Roster
    AddMember,
    TransferOut,
    ChangeStanding,
    OutOfContact,
    ToggleExclusion,
    EditPlace,
    ImportRoster,
}

/// Everything a key can ask for in the reviewer's browser, outside a text field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReviewAction {
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    Open,
    Back,
    Quit,
    Search,
    Month,
    CycleKind,
    CycleStatus,
    CycleReview,
    ClearFilters,
    SortNext,
    SortPrev,
    SortReverse,
    Approve,
    /// Approve every file the list shows that can be approved.
    ApproveShown,
    Return,
    Export,
    Supersedes,
    SupersededBy,
    NextFile,
    PrevFile,
    ToggleLang,
    Help,
}

/// Keys of a text field's dialog; every other key edits the field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptKey {
    Submit,
    Cancel,
    NextField,
    /// The next export format.
    Format,
    /// A new line in a multi-line field.
    Newline,
}

/// The roster's dialogs: what a secretary can change about a member.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DialogKind {
    Add,
    TransferOut,
    Standing,
    OutOfContact,
    Restore,
    Exclude,
    Include,
    Place,
}

/// What the checks say about a file, and whether a later file corrects it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Status {
    Valid,
    Warnings,
    Invalid,
    Tampered,
    /// Another loaded file names this one in `supersedes`.
    Superseded,
    /// Another loaded file has the same id and different content: which one is the record?
    Conflict,
}

/// The latest remark on a file, from `reviews/<id>.review.json`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReviewState {
    Unreviewed,
    Approved,
    Returned,
    /// The latest verdict was given on other content than the file holds now (审阅后内容已变): it
    /// no longer holds, and the file counts as unreviewed.
    Changed,
    /// The review file exists but cannot be read.
    Unreadable,
}

/// Why a file has no summary of its content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowError {
    /// The file could not be opened or read.
    Io {
        kind: std::io::ErrorKind,
        os: Option<i32>,
    },
    /// A path that is neither a regular file nor a folder (a pipe, a device).
    NotRegular,
    /// A path named on the command line that does not exist.
    Missing,
    /// The first error the checks found.
    Problem(Box<Problem>),
}

/// Where a returned file's 督办 (follow-up) stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FollowUp {
    /// Returned, and no correction of it is among the files.
    AwaitingCorrection,
    /// Returned and corrected: the row of the latest correction, and that correction's own state.
    Corrected(usize, ReviewState),
}

/// The list's columns, each sortable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    Date,
    Branch,
    /// The branch column, in the order of the branches' codes (it has no column of its own).
    BranchCode,
    Kind,
    Theme,
    Attendance,
    Rate,
    Items,
    Status,
    Review,
}
