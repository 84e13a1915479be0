"""Lists and tables whose keys can be remapped: Textual's OptionList and DataTable, with the keys a
user moves and chooses with given an id (``lijst.…``), so help shows them and ``[toetsen]`` in the
config file can move them (``"lijst.omlaag" = "j,down"``).

Textual binds these keys without an id; a subclass that binds a key again replaces Textual's binding
of that key, so help lists the id and the keymap moves the key.
"""

from __future__ import annotations

from typing import ClassVar, TypeVar

from textual.binding import Binding, BindingType
from textual.widgets import DataTable, OptionList

CellType = TypeVar("CellType")


def list_key(key: str, action: str, description: str, tooltip: str, name: str) -> Binding:
    """A key of a list, with its id ``lijst.NAME``; not in the footer (help shows it)."""
    return Binding(key, action, description, tooltip=tooltip, show=False, id=f"lijst.{name}")


LIST_MOVES: list[BindingType] = [
    list_key("up", "cursor_up", "Omhoog", "Een regel omhoog", "omhoog"),
    list_key("down", "cursor_down", "Omlaag", "Een regel omlaag", "omlaag"),
    list_key("pageup", "page_up", "Pagina omhoog", "Een scherm omhoog", "pagina-omhoog"),
    list_key("pagedown", "page_down", "Pagina omlaag", "Een scherm omlaag", "pagina-omlaag"),
]
"""Moving through a list or table a line or a page at a time; the actions have the same name in both."""

FIRST = ("Eerste", "Naar de eerste regel", "eerste")
LAST = ("Laatste", "Naar de laatste regel", "laatste")
CHOOSE = ("Kiezen", "Kies de regel onder de cursor", "kiezen")

LIST_BINDINGS: list[BindingType] = [
    *LIST_MOVES,
    list_key("home", "first", *FIRST),
    list_key("end", "last", *LAST),
    list_key("enter", "select", *CHOOSE),
]
"""The keys of every list of the app (Textual's OptionList keys, with ids)."""


class ChoiceList(OptionList):
    """Textual's OptionList with remappable keys; every list of the app is one."""

    BINDINGS: ClassVar[list[BindingType]] = LIST_BINDINGS


class ChoiceTable(DataTable[CellType]):
    """Textual's DataTable with remappable keys to move and choose rows (the Werkboeken table)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *LIST_MOVES,
        list_key("ctrl+home", "scroll_top", *FIRST),
        list_key("ctrl+end", "scroll_bottom", *LAST),
        list_key("enter", "select_cursor", *CHOOSE),
    ]
