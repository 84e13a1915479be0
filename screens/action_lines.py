"""The actions of one factor or phase as lines in a reading pane: the first few, and how many more.

A pane that printed every action cost a frame of several hundred milliseconds at 10,000 actions, and
nobody reads two thousand lines in a side pane: past ``SHOWN`` the rest is counted, and Acties (key 4)
shows them all, with a filter.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content

from models.formatting import number
from models.workbook import OPEN_STATUSES, Action

SHOWN = 40
"""More lines than any pane is high: the cut only shows in a large plan."""


def action_lines(actions: Sequence[Action], *, where: str) -> list[Content]:
    """One line per action (id, status, title), at most ``SHOWN``; then a line counting the rest."""
    lines = []
    for action in actions[:SHOWN]:
        style = "" if action.status in OPEN_STATUSES else "$foreground-muted"
        lines.append(Content.assemble((f"{action.id:<4}", "bold"), (f"{action.status:<8} ", style), action.titel))
    rest = actions[SHOWN:]
    if rest:
        still_open = sum(1 for action in rest if action.status in OPEN_STATUSES)
        lines.append(
            Content.styled(
                f"… en nog {number(len(rest))} ({number(still_open)} open); Acties (4) toont alle acties {where}, "
                "f filtert ze.",
                "italic $foreground-muted",
            )
        )
    return lines
