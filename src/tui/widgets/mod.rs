//! Widgets shared by the screens.

pub mod editor;
pub mod form;
pub mod line_input;
