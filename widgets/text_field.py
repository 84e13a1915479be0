"""A one-line text field that keeps all of a paste.

Textual's Input keeps only the first line of pasted text and passes escape sequences and control
characters on to the field. This field joins the lines with spaces and drops what cannot be shown,
so what someone pasted is what they see (and the form checks its length when saving).

The keys one would want elsewhere (going to the start or end, deleting a word, cut, copy and paste,
the next field) have ids (``tekstveld.…``), so they show in help and can be remapped; moving and
selecting a character at a time keep Textual's keys. The search boxes and one-line questions
(:class:`SearchField`) have the same editing keys with the same ids; their ``enter`` does what the
screen makes of it (to the results, answer the question, write the report).
"""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.reactive import Reactive
from textual.widgets import Input

from models.form_parsing import printable


def _key(key: str, action: str, description: str, tooltip: str, name: str) -> Binding:
    return Binding(key, action, description, tooltip=tooltip, show=False, id=f"tekstveld.{name}")


EDITING_KEYS: list[BindingType] = [
    _key("home,ctrl+a", "home", "Naar het begin", "Cursor naar het begin van het veld", "begin"),
    _key("end,ctrl+e", "end", "Naar het einde", "Cursor naar het einde van het veld", "einde"),
    _key("ctrl+left", "cursor_left_word", "Woord terug", "Cursor een woord naar links", "woord-links"),
    _key("ctrl+right", "cursor_right_word", "Woord verder", "Cursor een woord naar rechts", "woord-rechts"),
    _key("ctrl+w", "delete_left_word", "Woord wissen", "Wis het woord links van de cursor", "woord-wissen"),
    _key("ctrl+u,super+backspace", "delete_left_all", "Begin wissen", "Wis alles links van de cursor",
         "wissen-tot-begin"),
    _key("ctrl+k", "delete_right_all", "Einde wissen", "Wis alles rechts van de cursor", "wissen-tot-einde"),
    _key("ctrl+shift+a", "select_all", "Alles selecteren", "Selecteer de hele tekst van het veld",
         "alles-selecteren"),
    _key("ctrl+x", "cut", "Knippen", "Knip de geselecteerde tekst", "knippen"),
    _key("ctrl+c,super+c", "copy", "Kopiëren", "Kopieer de geselecteerde tekst", "kopieren"),
    _key("ctrl+v", "paste", "Plakken", "Plak tekst van het klembord", "plakken"),
]  # fmt: skip
"""The editing keys of every one-line field (Textual's Input keys, with ids)."""


def _text_width() -> Reactive[Size]:
    """A field's ``virtual_size`` (the width of the typed text, for scrolling sideways) that repaints the field
    instead of asking for a layout. Textual's Input asks for a new layout of the whole screen on every
    keystroke; a field of fixed size (all of ours, app.tcss) only needs to be drawn again, and Input itself
    still asks for a layout when its size is ``auto``. On Acties that layout ran before the filtered table was
    drawn, which then came a screen update (17 ms) later (issue 16). One per class: a Reactive keeps its owner.
    """
    return Reactive(Size(0, 0), layout=False)


class TextField(Input):
    """An Input whose paste is cleaned and kept whole on one line."""

    virtual_size = _text_width()  # typing repaints the field, no layout (see _text_width)

    BINDINGS: ClassVar[list[BindingType]] = [
        _key("enter", "submit", "Volgend veld", "Naar het volgende veld van het formulier", "volgende"),
        *EDITING_KEYS,
    ]

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


class SearchField(Input):
    """A search box or a one-line question: Textual's Input (paste and all) with remappable keys."""

    virtual_size = _text_width()  # typing repaints the field, no layout (see _text_width)

    BINDINGS: ClassVar[list[BindingType]] = [
        _key("enter", "submit", "Invoeren", "Klaar met typen: naar de resultaten, of de vraag beantwoorden",
             "invoeren"),
        *EDITING_KEYS,
    ]  # fmt: skip
