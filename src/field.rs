//! A one-line text field with a cursor, for prompts: the editing itself is tui-input's; and
//! the simpler search text typed at its end (the help's search, the picker's filter).

use tui_input::Input;
pub use tui_input::InputRequest;

/// What a prompt holds: the text typed so far and where the cursor is in it.
#[derive(Debug, Clone, Default)]
pub struct Field(Input);

impl Field {
    /// A field holding `value`, the cursor at its end, ready to be edited.
    pub fn new(value: &str) -> Self {
        Field(Input::new(value.to_string()))
    }

    /// The text.
    pub fn value(&self) -> &str {
        self.0.value()
    }

    /// The cursor, in characters from the start.
    pub fn cursor(&self) -> usize {
        self.0.cursor()
    }

    /// The cursor, in display columns from the start.
    pub fn visual_cursor(&self) -> usize {
        self.0.visual_cursor()
    }

    /// How many display columns to skip so that the cursor shows in `width` columns.
    pub fn visual_scroll(&self, width: usize) -> usize {
        self.0.visual_scroll(width)
    }

    /// Applies one editing request (insert, move, delete).
    pub fn edit(&mut self, request: InputRequest) {
        self.0.handle(request);
    }
}

impl PartialEq for Field {
    fn eq(&self, other: &Self) -> bool {
        self.value() == other.value() && self.cursor() == other.cursor()
    }
}

impl Eq for Field {}

impl From<&str> for Field {
    fn from(value: &str) -> Self {
        Field::new(value)
    }
}

impl std::ops::Deref for Field {
    type Target = str;

    fn deref(&self) -> &str {
        self.value()
    }
}

impl PartialEq<str> for Field {
    fn eq(&self, other: &str) -> bool {
        self.value() == other
    }
}

/// Types `action` into a search that is only ever typed at its end: a safe character is
/// added, Backspace takes the last one off, Ctrl-u clears it. Whether it was one of those
/// (the search changed, or would have); any other action is left to the caller.
pub fn type_into_search(search: &mut String, action: crate::action::Action) -> bool {
    use crate::action::Action;
    match action {
        Action::Input(c) if !crate::model::text::is_unsafe(c) => search.push(c),
        Action::Backspace => {
            search.pop();
        }
        Action::Edit(InputRequest::DeleteFromStart) => search.clear(),
        _ => return false,
    }
    true
}
