//! Corrections to the lists of a meeting in progress: items, study topics, guests and action items
//! edited, removed and reordered. Each is an event, so the journal keeps what was changed and a
//! resumed meeting has the same lists. A voted item is never removed and keeps its type and
//! candidate: its rounds were judged by them.

use super::{ApplyError, Event, ListKind, Meeting};

impl Meeting {
    /// Apply an editing event (see `Event::ItemEdited` …). The meeting is unchanged on error.
    pub(super) fn apply_edit(&mut self, event: &Event) -> Result<(), ApplyError> {
        let no = |what, index| ApplyError::NoSuch { what, index };
        match event {
            Event::ItemEdited {
                index,
                title,
                item_type,
                stage,
                source,
                candidate,
            } => {
                if title.trim().is_empty() {
                    return Err(ApplyError::EmptyTitle);
                }
                let it = self.items.get_mut(*index).ok_or(no("item", *index))?;
                let voted = it.vote.is_some() || !it.rounds.is_empty();
                if voted && (it.item_type != *item_type || it.candidate != *candidate) {
                    return Err(ApplyError::Voted(*index));
                }
                it.title.clone_from(title);
                it.item_type = *item_type;
                it.stage = *stage;
                it.source = *source;
                it.candidate.clone_from(candidate);
            }
            Event::ItemRemoved { index } => {
                let it = self.items.get(*index).ok_or(no("item", *index))?;
                if it.vote.is_some() || !it.rounds.is_empty() {
                    return Err(ApplyError::Voted(*index));
                }
                self.items.remove(*index);
                // Action items follow their item; one that followed the removed item follows none.
                for a in &mut self.actions {
                    a.item = match a.item {
                        Some(i) if i == *index => None,
                        Some(i) if i > *index => Some(i - 1),
                        other => other,
                    };
                }
            }
            Event::TopicEdited {
                index,
                title,
                presenter,
                material,
            } => {
                if title.trim().is_empty() {
                    return Err(ApplyError::EmptyTitle);
                }
                let t = self.study.get_mut(*index).ok_or(no("topic", *index))?;
                t.title.clone_from(title);
                t.presenter.clone_from(presenter);
                t.material.clone_from(material);
            }
            Event::TopicRemoved { index } => {
                if *index >= self.study.len() {
                    return Err(no("topic", *index));
                }
                self.study.remove(*index);
            }
            Event::GuestEdited { index, guest } => {
                if guest.name.trim().is_empty() {
                    return Err(ApplyError::EmptyTitle);
                }
                let g = self.guests.get_mut(*index).ok_or(no("guest", *index))?;
                *g = guest.clone();
            }
            Event::ActionEdited { index, action } => {
                if action.task.trim().is_empty() {
                    return Err(ApplyError::EmptyTitle);
                }
                if let Some(i) = action.item
                    && i >= self.items.len()
                {
                    return Err(no("item", i));
                }
                let a = self.actions.get_mut(*index).ok_or(no("action", *index))?;
                *a = action.clone();
            }
            Event::Moved { list, from, to } => self.move_entry(*list, *from, *to)?,
            _ => {}
        }
        Ok(())
    }

    fn move_entry(&mut self, list: ListKind, from: usize, to: usize) -> Result<(), ApplyError> {
        let (len, what) = match list {
            ListKind::Items => (self.items.len(), "item"),
            ListKind::Topics => (self.study.len(), "topic"),
            ListKind::Guests => (self.guests.len(), "guest"),
            ListKind::Actions => (self.actions.len(), "action"),
        };
        for i in [from, to] {
            if i >= len {
                return Err(ApplyError::NoSuch { what, index: i });
            }
        }
        match list {
            ListKind::Items => {
                move_in(&mut self.items, from, to);
                for a in &mut self.actions {
                    a.item = a.item.map(|i| moved_index(i, from, to));
                }
            }
            ListKind::Topics => move_in(&mut self.study, from, to),
            ListKind::Guests => move_in(&mut self.guests, from, to),
            ListKind::Actions => move_in(&mut self.actions, from, to),
        }
        Ok(())
    }
}

fn move_in<T>(list: &mut Vec<T>, from: usize, to: usize) {
    let x = list.remove(from);
    list.insert(to, x);
}

/// Where the entry at `i` is after the entry at `from` moved to `to`.
fn moved_index(i: usize, from: usize, to: usize) -> usize {
    if i == from {
        to
    } else if from < to && i > from && i <= to {
        i - 1
    } else if to < from && i >= to && i < from {
        i + 1
    } else {
        i
    }
}

#[cfg(test)]
mod tests {
    use super::moved_index;

    #[test]
    fn indices_follow_a_move_as_the_list_does() {
        for (from, to) in [(0, 3), (3, 0), (1, 2), (2, 1), (2, 2)] {
            let mut list: Vec<usize> = (0..5).collect();
            let x = list.remove(from);
            list.insert(to, x);
            for i in 0..5 {
                assert_eq!(list[moved_index(i, from, to)], i, "{from}→{to}, {i}");
            }
        }
    }
}
