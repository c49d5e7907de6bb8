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
    let bindings = keymap::bindings(ctx);
    let popup = crate::tui::widgets::centered(
        area,
        area.width.saturating_sub(8).min(64),
        bindings.len() as u16 + 5,
    );
    crate::tui::widgets::clear_popup(popup, buf);
    let mut lines: Vec<Line> = bindings
        .iter()
        .map(|b| {
            Line::from(vec![
                Span::styled(
                    format!("{:>12}  ", keymap::key_label(b)),
                    Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
                ),
                Span::raw(tr.action(b.action)),
            ])
        })
        .collect();
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        tr.pick(
            "所有操作即时保存；Ctrl+Q 退出后可在首页继续。",
            "Everything is saved as you go; after Ctrl+Q, resume from the home screen.",
        ),
        Style::new().fg(Color::DarkGray),
    ));
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(
            Block::bordered()
                .title(format!(
                    " {} ",
                    tr.pick("按键帮助（Esc 关闭）", "Keys (Esc closes)")
                ))
                .border_style(Style::new().fg(Color::Cyan)),
        )
        .render(popup, buf);
}
