"""An option list whose rows wrap with a hanging indent: a sign or date in front, and the text's
later lines under the text, not under the sign. Rows are wrapped again when the width changes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual import events
from textual.content import Content
from textual.widgets.option_list import Option

from widgets.cells import hanging
from widgets.lists import ChoiceList


@dataclass(frozen=True)
class Line:
    """One wrapped part of a row: what goes in front, the text, and the text's style."""

    prefix: Content
    text: str
    style: str = ""


@dataclass(frozen=True)
class Row:
    """One option: its id and its lines (the first line, then notes under it)."""

    id: str
    lines: tuple[Line, ...]
    disabled: bool = False
    """A heading between the options (a group name): shown, but the cursor passes over it."""


class HangingOptionList(ChoiceList):
    """Options given as :class:`Row` values, laid out for the list's current width (keys: the
    remappable ``lijst.…`` keys of :class:`~widgets.lists.ChoiceList`)."""

    _rows: Sequence[Row] = ()
    _width = 0

    def show_rows(self, rows: Sequence[Row]) -> None:
        """Show ``rows``, keeping the highlighted position where it still exists."""
        keep = self.highlighted
        self._rows = list(rows)
        self._render_rows()
        if self._rows:
            self.highlighted = keep if keep is not None and keep < len(self._rows) else self._first_enabled()

    def _first_enabled(self) -> int:
        return next((index for index, row in enumerate(self._rows) if not row.disabled), 0)

    def _text_width(self) -> int:
        return max(0, self.scrollable_content_region.width - 1)

    def _render_rows(self) -> None:
        self._width = self._text_width()
        self.set_options(
            Option(
                Content("\n").join(
                    hanging(line.prefix, line.text, self._width, style=line.style) for line in row.lines
                ),
                id=row.id,
                disabled=row.disabled,
            )
            for row in self._rows
        )

    def on_resize(self, event: events.Resize) -> None:
        if self._rows and self._text_width() != self._width:
            keep = self.highlighted
            self._render_rows()
            self.highlighted = keep
