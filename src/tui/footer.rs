//! The key hints of the footer and the help overlay, both generated from the keymap tables.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use unicode_width::UnicodeWidthStr;

use crate::i18n::Tr;
use crate::tui::keymap::{self, Context};

/// One line of `key action` pairs for the context's footer bindings. Pairs are never cut: those
/// that do not fit are left out (the help lists them all), and help and quit always stay.
pub fn render_keys(ctx: Context, tr: Tr, area: Rect, buf: &mut Buffer) {
    let pairs: Vec<(String, String, bool)> = keymap::bindings(ctx)
        .into_iter()
        .filter(|b| b.show == keymap::Show::Footer)
        .map(|b| {
            let pinned = matches!(b.action, keymap::Action::Help | keymap::Action::Quit);
            (
                keymap::key_label(b),
                format!(" {}  ", tr.action(b.action)),
                pinned,
            )
        })
        .collect();
    let width = |(k, d, _): &(String, String, bool)| k.width() + d.width();
    let pinned: usize = pairs.iter().filter(|p| p.2).map(width).sum();
    let mut room = usize::from(area.width).saturating_sub(pinned);
    let mut spans = Vec::new();
    for pair in &pairs {
        let w = width(pair);
        if pair.2 {
            // Pinned pairs have their room kept; still never cut one.
        } else if w <= room {
            room -= w;
        } else {
            continue;
        }
        spans.push(Span::styled(
            pair.0.clone(),
            Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
        ));
        spans.push(Span::raw(pair.1.clone()));
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
        0,
        area,
        buf,
    );
}

/// Where the help overlay goes in `area` and its lines: one column of keys, or two when one does
/// not fit the height.
fn overlay_layout<'a>(
    rows: &'a [(String, &'a str)],
    note: Option<&'a str>,
    area: Rect,
) -> (Rect, Vec<Line<'a>>) {
    let extra = if note.is_some() { 5 } else { 2 };
    let two = rows.len() + usize::from(extra) > usize::from(area.height.saturating_sub(2))
        && area.width >= 60;
    let shown = if two {
        rows.len().div_ceil(2)
    } else {
        rows.len()
    };
    let pair = |(key, desc): &(String, &str)| {
        [
            Span::styled(
                format!("{key:>12}  "),
                Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            ),
            Span::raw(desc.to_string()),
        ]
    };
    // The right column starts two spaces after the widest entry of the left one.
    let left = rows[..shown]
        .iter()
        .map(|(_, d)| 14 + d.width())
        .max()
        .unwrap_or(0)
        + 2;
    let mut lines: Vec<Line> = (0..shown)
        .map(|r| {
            let mut spans = pair(&rows[r]).to_vec();
            if two && let Some(right) = rows.get(r + shown) {
                let used = 14 + rows[r].1.width();
                spans.push(Span::raw(" ".repeat(left.saturating_sub(used))));
                spans.extend(pair(right));
            }
            Line::from(spans)
        })
        .collect();
    // As wide as its widest line, so no entry is wrapped where the screen has the room.
    let widest = lines.iter().map(Line::width).max().unwrap_or(0);
    let width = u16::try_from(widest + 4)
        .unwrap_or(u16::MAX)
        .max(40)
        .min(area.width.saturating_sub(2));
    let popup = crate::tui::widgets::centered(
        area,
        width,
        u16::try_from(shown)
            .unwrap_or(u16::MAX)
            .saturating_add(extra),
    );
    if let Some(note) = note {
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            note.to_owned(),
            Style::new().fg(Color::DarkGray),
        ));
    }
    (popup, lines)
}

/// How many lines of the help overlay do not fit `area` (what it can be scrolled by).
pub fn overlay_overflow(rows: &[(String, &str)], note: Option<&str>, area: Rect) -> usize {
    let (popup, lines) = overlay_layout(rows, note, area);
    let inner = usize::from(popup.height.saturating_sub(2));
    lines.len().saturating_sub(inner)
}

/// The help overlay of every screen: one row per key (its label and what it does) in a box in the
/// middle of `area`, with an optional note below. When it does not fit, it shows its lines from
/// `scroll` on, with ▲ / ▼ on its border where more is above or below.
pub fn render_overlay(
    title: &str,
    rows: &[(String, &str)],
    note: Option<&str>,
    scroll: usize,
    area: Rect,
    buf: &mut Buffer,
) {
    let overflow = overlay_overflow(rows, note, area);
    let (popup, lines) = overlay_layout(rows, note, area);
    let scroll = scroll.min(overflow);
    crate::tui::widgets::clear_popup(popup, buf);
    let mut block = Block::bordered()
        .title(format!(" {title} "))
        .border_style(Style::new().fg(Color::Cyan));
    if scroll > 0 {
        block = block.title(Line::from(" ▲ ").right_aligned());
    }
    if scroll < overflow {
        block = block.title_bottom(Line::from(" ▼ ").right_aligned());
    }
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .scroll((u16::try_from(scroll).unwrap_or(u16::MAX), 0))
        .block(block)
        .render(popup, buf);
}
