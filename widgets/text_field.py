"""A one-line text field that keeps all of a paste.

Textual's Input keeps only the first line of pasted text and passes escape sequences and control
characters on to the field. This field joins the lines with spaces and drops what cannot be shown,
so what someone pasted is what they see (and the form checks its length when saving).
"""

from __future__ import annotations

from textual import events
from textual.widgets import Input

from models.form_parsing import printable


class TextField(Input):
    """An Input whose paste is cleaned and kept whole on one line."""

    def _on_paste(self, event: events.Paste) -> None:
        event.stop()
        event.prevent_default()  # Input's own paste handler would add the first line once more
        text = printable(event.text, multiline=False)
        if not text:
            return
        selection = self.selection
        if selection.is_empty:
            self.insert_text_at_cursor(text)
        else:
            self.replace(text, *selection)
