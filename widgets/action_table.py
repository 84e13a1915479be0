"""A fast table of actions: draws only the rows on screen, so thousands of actions stay instant.

Textual's DataTable builds every row up front; this table takes a list of actions and renders
lines on demand, with a cursor row, overdue rows marked by a sign and colour, and columns that
fit the width.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import chain, filterfalse
from operator import attrgetter
from typing import ClassVar

from rich.cells import cell_len
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.visual import Visual

from models.action_list import is_overdue
from models.content import Content as Library
from models.form_parsing import printable
from models.formatting import short_date
from models.workbook import Action
from widgets.cells import cell, row
from widgets.same_frame import draw_in_next_frame

GAP = 1


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    width: int


TITLE_WANTED = 60
"""A title up to this many characters is shown whole once the table is wide enough (140 columns)."""
MOST = {"eigenaar": 40, "succesfactoren": 60}
"""The widest an owner and the factors get before the rest of the width goes to the title."""
LEAST = {"titel": 12, "succesfactoren": 10, "eigenaar": 10}


def fit_columns(width: int, wanted: Mapping[str, int] | None = None) -> list[Column]:
    """The columns for ``width`` cells, given the widest text per column (``wanted``).

    At 80 columns all still fit. Width to spare goes first to the title (up to 60 characters),
    then to the owner (in full, up to 40) and the factors, and what is left to the title again.
    Without ``wanted`` the owner and factors get a usual width.
    """
    wanted = wanted or {"eigenaar": 20, "succesfactoren": 24}
    fixed = [
        Column("id", "Id", max(4, min(7, wanted.get("id", 4)))),
        Column("status", "Status", 7),
        Column("fase", "Fase", 9),
        Column("deadline", "Deadline", 13),
    ]
    widths = dict(LEAST)
    spare = width - sum(column.width for column in fixed) - GAP * (len(fixed) + 2) - sum(widths.values())
    for key, most in (
        ("titel", TITLE_WANTED),
        ("eigenaar", MOST["eigenaar"]),
        ("succesfactoren", MOST["succesfactoren"]),
    ):
        extra = max(0, min(spare, min(most, wanted.get(key, most)) - widths[key]))
        widths[key] += extra
        spare -= extra
    widths["titel"] += max(0, spare)
    return [
        fixed[0],
        Column("titel", "Titel", widths["titel"]),
        fixed[1],
        fixed[2],
        Column("succesfactoren", "Factoren", widths["succesfactoren"]),
        Column("eigenaar", "Eigenaar", widths["eigenaar"]),
        fixed[3],
    ]


class Measure:
    """How wide the ids, titles, owners and factors of actions are in cells: per column, how many
    actions have each width (so the widest is known, and stays known as actions come and go)."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self.labels = {factor.id: cell_len(factor.label) for factor in library.factors}

    def __call__(self, actions: Sequence[Action]) -> dict[str, Counter[int]]:
        # Counted with map and Counter (loops in C): a fresh count of 50,000 actions stays a few ms.
        owners = Counter(map(attrgetter("eigenaar"), actions))
        factors = Counter(map(tuple, map(attrgetter("succesfactoren"), actions)))
        counts = {
            "id": Counter(map(len, map(attrgetter("id"), actions))),
            "titel": _text_widths(list(map(attrgetter("titel"), actions))),
            "eigenaar": Counter[int](),
            "succesfactoren": Counter[int](),
        }
        for owner, times in owners.items():
            counts["eigenaar"][_text_width(owner) if owner else 0] += times
        for chosen, times in factors.items():
            widths = [self.labels[f] for f in chosen if f in self.labels]
            counts["succesfactoren"][sum(widths) + 2 * (len(widths) - 1) if widths else 0] += times
        return counts


def _text_width(text: str) -> int:
    return len(text) if text.isascii() and text.isprintable() else cell_len(text)


def _text_widths(texts: list[str]) -> Counter[int]:
    """How many of ``texts`` are how many cells wide; plain printable ASCII (nearly all) is counted by length."""
    widths = Counter(map(len, texts))
    unusual = chain(filterfalse(str.isascii, texts), filterfalse(str.isprintable, filter(str.isascii, texts)))
    for text in unusual:
        widths[len(text)] -= 1
        widths[cell_len(text)] += 1
    return widths


def widest(actions: Sequence[Action], library: Library) -> dict[str, int]:
    """The widest id, title, owner and list of factors among ``actions``, in cells (0 for none)."""
    counts = Measure(library)(actions)
    return {
        column: max((width for width, times in found.items() if times > 0), default=0)
        for column, found in counts.items()
    }


class ActionTable(ScrollView, can_focus=True):
    """The rows of the action plan with a cursor; ``Highlighted`` tells which action is under it."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"action-table--cursor", "action-table--header"}
    DEFAULT_CSS = """
    ActionTable {
        height: 1fr;
        scrollbar-size-vertical: 1;
        & > .action-table--cursor { background: $block-cursor-blurred-background; }
        &:focus > .action-table--cursor { background: $block-cursor-background; color: $block-cursor-foreground; }
        & > .action-table--header { text-style: bold; background: $panel; }
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "move(-1)", "Omhoog", show=False, id="acties.omhoog"),
        Binding("down", "move(1)", "Omlaag", show=False, id="acties.omlaag"),
        Binding("pageup", "page(-1)", "Pagina omhoog", show=False, id="acties.pagina-omhoog"),
        Binding("pagedown", "page(1)", "Pagina omlaag", show=False, id="acties.pagina-omlaag"),
        Binding("home", "jump(0)", "Eerste actie", show=False, id="acties.eerste"),
        Binding("end", "jump(-1)", "Laatste actie", show=False, id="acties.laatste"),
    ]

    class Highlighted(Message):
        """The cursor is on another action (or on none: an empty list)."""

        def __init__(self, action: Action | None) -> None:
            super().__init__()
            self.action = action

    cursor: reactive[int] = reactive(0, always_update=True, repaint=False)
    """The row under the cursor; the watcher draws only the rows that change (or all, when it scrolls)."""

    def __init__(self, library: Library, today: dt.date, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.library = library
        self.today = today
        self.actions: Sequence[Action] = []
        self._wanted: Mapping[str, int] | None = None
        self._cells: dict[int, tuple[Action, dict[str, Content], bool]] = {}

    # -- data ---------------------------------------------------------------------------------

    def show(self, actions: Sequence[Action], *, cursor: int | None, widths: Mapping[str, int]) -> None:
        """Show ``actions`` with the cursor on row ``cursor`` (None: on the same row as before, or the
        last). The columns fit ``widths``, the widest texts of the whole plan (see :class:`Measure`), so
        they stay put while a filter narrows the rows. Only the rows on screen that show another action
        than before are drawn again."""
        before, self.actions = self.actions, actions
        if widths != self._wanted:
            self._wanted = widths
            self.refresh()
        else:
            self._refresh_changed_rows(before)
        if self.virtual_size.height != len(actions) + 1:
            self._set_rows(len(actions) + 1)
        self.cursor = cursor if cursor is not None else min(self.cursor, max(0, len(actions) - 1))
        draw_in_next_frame(self)  # with the filter's field and count line, not a frame later

    def _refresh_changed_rows(self, before: Sequence[Action]) -> None:
        """Draw again the rows on screen whose action is not the same object as before."""
        top = self.scroll_offset.y
        for index in range(top, top + max(0, self.scrollable_content_region.height - 1)):
            old = before[index] if index < len(before) else None
            new = self.actions[index] if index < len(self.actions) else None
            if old is not new:
                self.refresh_line(index + 1)

    @property
    def current(self) -> Action | None:
        return self.actions[self.cursor] if 0 <= self.cursor < len(self.actions) else None

    def _row_cells(self, action: Action) -> tuple[dict[str, Content], bool]:
        cached = self._cells.get(id(action))
        if cached is not None and cached[0] is action:
            return cached[1], cached[2]
        overdue = is_overdue(action, self.today)
        factors = ", ".join(
            self.library.factor_by_id[f].label for f in action.succesfactoren if f in self.library.factor_by_id
        )
        phase = self.library.phase_by_id[action.fase].label if action.fase in self.library.phase_by_id else ""
        deadline = short_date(action.deadline) if action.deadline else ""
        muted = "$foreground-muted" if action.status in {"klaar", "gestopt"} else ""
        cells = {
            "id": Content.styled(action.id, "bold"),
            "titel": Content.styled(printable(action.titel, multiline=False), muted),
            "status": Content.styled(action.status, muted),
            "fase": Content.styled(phase, muted),
            "succesfactoren": Content.styled(factors, muted),
            "eigenaar": Content.styled(printable(action.eigenaar or "", multiline=False), muted),
            "deadline": Content.styled(f"⚠ {deadline}", "bold $error") if overdue else Content.styled(deadline, muted),
        }
        if len(self._cells) > 20_000:
            self._cells.clear()
        self._cells[id(action)] = (action, cells, overdue)
        return cells, overdue

    # -- drawing ------------------------------------------------------------------------------

    def _set_rows(self, height: int) -> None:
        """A new number of rows: the scrollbar follows and the table is drawn again, without a new layout of
        the screen unless the scrollbar appears or goes. Setting ``virtual_size`` asks for a layout, and the
        rows were then only drawn a screen update later: a filter keystroke took 40–60 ms instead of 5–15
        (issue 16, timeline of a 10,000-action plan in a pseudo-terminal). ``_scroll_update`` is Textual's
        own step after a layout (pinned 8.2.8)."""
        size = Size(self.size.width, height)
        self.set_reactive(ScrollView.virtual_size, size)
        self._scroll_update(size)  # shows or hides the scrollbar (that asks for a layout itself), clamps scroll
        self.refresh()

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, len(self.actions) + 1)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        columns = fit_columns(width, self._wanted)
        if y == 0:
            style = self.get_visual_style("action-table--header")
            line = row(*[cell(column.title, column.width) for column in columns], gap=GAP)
            return self._strip(line, width, style)
        index = self.scroll_offset.y + y - 1
        if index >= len(self.actions):
            return Strip.blank(width, self.get_visual_style().rich_style)
        cells, _ = self._row_cells(self.actions[index])
        line = row(*[cell(cells[column.key], column.width) for column in columns], gap=GAP)
        if index == self.cursor:
            return self._strip(line, width, self.get_visual_style("action-table--cursor"))
        return self._strip(line, width, self.get_visual_style())

    def _strip(self, line: Content, width: int, style: object) -> Strip:
        strips = Visual.to_strips(self, line, width, 1, style)  # type: ignore[arg-type]
        return strips[0].extend_cell_length(width).crop(0, width)

    # -- moving ---------------------------------------------------------------------------------

    def watch_cursor(self, old: int, new: int) -> None:
        visible = max(1, self.scrollable_content_region.height - 1)
        top = self.scroll_offset.y
        if new < top:
            self.scroll_to(y=new, animate=False, immediate=True)
        elif new >= top + visible:
            self.scroll_to(y=new - visible + 1, animate=False, immediate=True)
        if self.scroll_offset.y == top:  # scrolling draws every row again; else only the two rows
            self.refresh_line(old + 1)
            self.refresh_line(new + 1)
        self.post_message(self.Highlighted(self.current))

    def action_move(self, step: int) -> None:
        if self.actions:
            self.cursor = max(0, min(len(self.actions) - 1, self.cursor + step))

    def action_page(self, direction: int) -> None:
        self.action_move(direction * max(1, self.scrollable_content_region.height - 2))

    def action_jump(self, position: int) -> None:
        if self.actions:
            self.cursor = position % len(self.actions)

    def on_click(self, event: object) -> None:
        y = getattr(event, "y", 0)
        if y >= 1 and self.actions:
            self.cursor = min(len(self.actions) - 1, self.scroll_offset.y + y - 1)
