"""A text box of several lines (notes, the 6 W's, a commit message) whose keys can be remapped.

Textual's TextArea binds its keys without an id. This box binds the keys one would want elsewhere
again, with ids: those that do what a one-line field's key does keep that key's id (``tekstveld.…``:
a word left or right, delete a word, select all, cut, copy, paste), so one entry in ``[toetsen]``
moves the key in both; the keys only a box of lines has get ``tekstvak.…`` (start and end of the
line, a page up or down, select a word or line, delete to the start or end of the line, undo and
redo of the typing in the box). Moving and selecting a character or a line at a time, backspace and
delete keep Textual's keys, as in the one-line field.
"""

from __future__ import annotations

import dataclasses
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import TextArea

from widgets.text_field import EDITING_KEYS


def _as_in_a_field(name: str, key: str, action: str) -> Binding:
    """The one-line field's key ``tekstveld.NAME`` (same id, words and help), on ``key`` and ``action``."""
    for binding in EDITING_KEYS:
        if isinstance(binding, Binding) and binding.id == f"tekstveld.{name}":
            return dataclasses.replace(binding, key=key, action=action)
    raise KeyError(name)


def _key(key: str, action: str, description: str, tooltip: str, name: str) -> Binding:
    return Binding(key, action, description, tooltip=tooltip, show=False, id=f"tekstvak.{name}")


class TextBox(TextArea):
    """Textual's TextArea with remappable keys; every text of several lines in a form is one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        _as_in_a_field("woord-links", "ctrl+left", "cursor_word_left"),
        _as_in_a_field("woord-rechts", "ctrl+right", "cursor_word_right"),
        _key("home,ctrl+a", "cursor_line_start", "Begin van de regel", "Cursor naar het begin van de regel",
             "regel-begin"),
        _key("end,ctrl+e", "cursor_line_end", "Einde van de regel", "Cursor naar het einde van de regel",
             "regel-einde"),
        _key("pageup", "cursor_page_up", "Pagina omhoog", "Cursor een scherm omhoog in de tekst", "pagina-omhoog"),
        _key("pagedown", "cursor_page_down", "Pagina omlaag", "Cursor een scherm omlaag in de tekst",
             "pagina-omlaag"),
        _key("f5", "select_word", "Woord selecteren", "Selecteer het woord bij de cursor", "woord-selecteren"),
        _key("f6", "select_line", "Regel selecteren", "Selecteer de hele regel", "regel-selecteren"),
        _as_in_a_field("alles-selecteren", "f7", "select_all"),
        _as_in_a_field("woord-wissen", "ctrl+w,ctrl+backspace,alt+backspace", "delete_word_left"),
        _key("alt+delete", "delete_word_right", "Woord rechts wissen", "Wis het woord rechts van de cursor",
             "woord-rechts-wissen"),
        _as_in_a_field("knippen", "ctrl+x,super+x", "cut"),
        _as_in_a_field("kopieren", "ctrl+c,super+c", "copy"),
        _as_in_a_field("plakken", "ctrl+v", "paste"),
        _key("ctrl+u,super+backspace", "delete_to_start_of_line", "Regelbegin wissen",
             "Wis de regel links van de cursor", "wissen-tot-regelbegin"),
        _key("ctrl+k", "delete_to_end_of_line_or_delete_line", "Regeleinde wissen",
             "Wis de regel rechts van de cursor; op een lege regel de regel zelf", "wissen-tot-regeleinde"),
        _key("ctrl+shift+k", "delete_line", "Regel wissen", "Wis de hele regel", "regel-wissen"),
        _key("ctrl+z,super+z", "undo", "Typen ongedaan maken", "Maak het laatste typen in dit vak ongedaan",
             "ongedaan"),
        _key("ctrl+y,super+y", "redo", "Typen opnieuw doen", "Doe het ongedaan gemaakte typen in dit vak opnieuw",
             "opnieuw"),
    ]  # fmt: skip
