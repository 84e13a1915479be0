"""A multiple choice whose ticks read without colour: ``☑`` ticked, ``☐`` not.

Textual's SelectionList draws the same ``▐X▌`` for both states and tells them apart by colour
alone, which is lost on a projector and with NO_COLOR. Every form uses this list instead. Its keys
have ids, so they can be remapped: the ``lijst.…`` keys of every list, and ``vinklijst.aan-uit``.
"""

from __future__ import annotations

from typing import ClassVar, TypeVar

from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding, BindingType
from textual.strip import Strip
from textual.widgets import OptionList, SelectionList
from textual.widgets.option_list import OptionDoesNotExist

from widgets.lists import LIST_BINDINGS

V = TypeVar("V")


class CheckboxList(SelectionList[V]):
    """A SelectionList with a checkbox sign before each choice; space ticks and unticks."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *LIST_BINDINGS,
        Binding(
            "space",
            "select",
            "Aan/uit",
            tooltip="Vink de keuze onder de cursor aan of uit",
            show=False,
            id="vinklijst.aan-uit",
        ),
    ]

    TICKED: ClassVar[str] = "☑"
    UNTICKED: ClassVar[str] = "☐"

    DEFAULT_CSS = """
    CheckboxList {
        & > .selection-list--button { color: $foreground-muted; }
        & > .selection-list--button-highlighted { color: $foreground; }
        & > .selection-list--button-selected { color: $text-success; text-style: bold; }
        & > .selection-list--button-selected-highlighted { color: $text-success; text-style: bold; }
    }
    """

    def _get_left_gutter_width(self) -> int:
        return 2  # the sign and a space

    def render_line(self, y: int) -> Strip:
        line = OptionList.render_line(self, y)
        index = self.scroll_offset.y + y
        try:
            choice = self.get_option_at_index(index)
        except OptionDoesNotExist:
            return line
        ticked = choice.value in self._selected
        component = "selection-list--button"
        if ticked:
            component += "-selected"
        if self.highlighted == index:
            component += "-highlighted"
        underlying = next(iter(line)).style or self.rich_style
        sign = self.get_component_rich_style(component)
        style = underlying + Style(color=sign.color, bold=sign.bold, meta={"option": index})
        return Strip([Segment(self.TICKED if ticked else self.UNTICKED, style), Segment(" ", underlying), *line])
