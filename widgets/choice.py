"""A drop-down choice whose keys can be remapped: Textual's Select, with ids on its keys.

Closed, the choice opens with ``enter``, ``space``, ``up`` or ``down`` (``keuzemenu.openen``); open,
its list has the ``lijst.…`` keys of every list of the app and ``escape`` closes it without choosing
(``keuzemenu.sluiten``). Typing a letter in the open list still jumps to a choice, as in Textual.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import ClassVar, TypeVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Select
from textual.widgets._select import SelectCurrent, SelectOverlay

from widgets.lists import LIST_BINDINGS

V = TypeVar("V", bound=Hashable)


class ChoiceOverlay(SelectOverlay):
    """The open list of a :class:`Choice`."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *LIST_BINDINGS,
        # Shown in the footer while the list is open, as Textual's own binding of this key is.
        Binding(
            "escape", "dismiss", "Menu sluiten", tooltip="Sluit de keuzes zonder te kiezen", id="keuzemenu.sluiten"
        ),
    ]


class Choice(Select[V]):
    """Textual's Select with remappable keys; every drop-down choice of the app is one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter,down,space,up",
            "show_overlay",
            "Menu openen",
            tooltip="Toon de keuzes",
            show=False,
            id="keuzemenu.openen",
        ),
    ]

    def compose(self) -> ComposeResult:
        """As Textual's Select, with the open list that has the app's keys."""
        yield SelectCurrent(self.prompt)
        yield ChoiceOverlay(type_to_search=self._type_to_search).data_bind(compact=Select.compact)
