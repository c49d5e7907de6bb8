//! The key hints of the footer and the help overlay, both generated from the keymap tables.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use crate::i18n::Tr;
use crate::tui::keymap::{self, Context};

/// One line of `key action` pairs for the context's footer bindings.
pub fn render_keys(ctx: Context, tr: Tr, area: Rect, buf: &mut Buffer) {
    let mut spans = Vec::new();
    for b in keymap::bindings(ctx)
        .into_iter()
        .filter(|b| b.show == keymap::Show::Footer)
    {
        spans.push(Span::styled(
            keymap::key_label(b),
            Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
        ));
        spans.push(Span::raw(format!(" {}  ", tr.action(b.action))));
    }
    Paragraph::new(Line::from(spans)).render(area, buf);
}

/// Every binding of the context, with what it does.
pub fn render_help(ctx: Context, tr: Tr, area: Rect, buf: &mut Buffer) {
    let rows: Vec<(String, &str)> = keymap::bindings(ctx)
        .into_iter()
        .map(|b| (keymap::key_label(b), tr.action(b.action)))
        .collect();
    render_overlay(
        &tr.help_title(&keymap::key_for(
            keymap::Context::Help,
            keymap::Action::Back,
        )),
        &rows,
        Some(&tr.help_saved_note(&keymap::key_for(
            keymap::Context::CheckIn,
            keymap::Action::Quit,
        ))),
        area,
        buf,
    );
}

/// The help overlay of every screen: one row per key (its label and what it does) in a box in the
/// middle of `area`, with an optional note below.
pub fn render_overlay(
    title: &str,
    rows: &[(String, &str)],
    note: Option<&str>,
    area: Rect,
    buf: &mut Buffer,
) {
    let extra = if note.is_some() { 5 } else { 2 };
    let popup = crate::tui::widgets::centered(
        area,
        area.width.saturating_sub(8).min(64),
        u16::try_from(rows.len())
            .unwrap_or(u16::MAX)
            .saturating_add(extra),
    );
    crate::tui::widgets::clear_popup(popup, buf);
    let mut lines: Vec<Line> = rows
        .iter()
        .map(|(key, desc)| {
            Line::from(vec![
                Span::styled(
                    format!("{key:>12}  "),
                    Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
                ),
                Span::raw(desc.to_string()),
            ])
        })
        .collect();
    if let Some(note) = note {
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            note.to_owned(),
            Style::new().fg(Color::DarkGray),
        ));
    }
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(
            Block::bordered()
                .title(format!(" {title} "))
                .border_style(Style::new().fg(Color::Cyan)),
        )
        .render(popup, buf);
}
