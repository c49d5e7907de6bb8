//! The interactive program: home screen, live meeting, and the terminal they run in.

pub mod terminal;
