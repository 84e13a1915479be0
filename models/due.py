"""What is due: the open actions of one or more workbooks that are overdue or due within a number of
days, grouped by client and by owner (``werkboek due``).

Between two sessions the work lies with the action owners at the employer; this is the consultant's
list of whom to call. Plain text, in Dutch, for a terminal, a cron mail or a shell prompt.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path

from models.formatting import aantal, days_phrase, short_date
from models.text_search import fold
from models.workbook import Action, Workbook

NO_OWNER = "zonder eigenaar"


@dataclass(frozen=True)
class DueAction:
    """One open action with a deadline inside the window, and where it stands."""

    action: Action
    deadline: dt.date
    overdue: bool


@dataclass(frozen=True)
class ClientDue:
    """The due actions of one workbook (one client)."""

    client: str
    path: Path
    due: list[DueAction]

    @property
    def overdue(self) -> int:
        return sum(1 for item in self.due if item.overdue)


def owner_matches(owner: str | None, wanted: str | None) -> bool:
    """``wanted`` found in the owner's name, without regard to case or accents (``linda`` finds
    "Linda Bos (office manager)"); no ``wanted`` matches every action."""
    if not wanted:
        return True
    return fold(wanted.strip()) in fold(owner or "")


def due_actions(workbook: Workbook, today: dt.date, days: int, owner: str | None = None) -> list[DueAction]:
    """Open actions whose deadline has passed or falls within ``days`` days, the earliest first."""
    horizon = today + dt.timedelta(days=days)
    found = [
        DueAction(action, action.deadline, action.deadline < today)
        for action in workbook.acties
        if action.is_open
        and action.deadline is not None
        and action.deadline <= horizon
        and owner_matches(action.eigenaar, owner)
    ]
    return sorted(found, key=lambda item: (item.deadline, item.action.id))


def _owner_key(item: DueAction) -> str:
    return item.action.eigenaar or ""


def report_lines(clients: Iterable[ClientDue], today: dt.date, days: int) -> list[str]:
    """The list as text: per client (name and file), per owner, one line per action; then the totals."""
    lines: list[str] = []
    clients = list(clients)
    for client in clients:
        if not client.due:
            continue
        lines.append(f"{client.client} ({client.path})")
        by_owner = sorted(client.due, key=lambda item: (fold(_owner_key(item)) or "\uffff", item.deadline))
        for owner, items in groupby(by_owner, key=_owner_key):
            lines.append(f"  {owner or NO_OWNER}")
            lines += [_action_line(item, today) for item in items]
        lines.append("")
    overdue = sum(client.overdue for client in clients)
    soon = sum(len(client.due) for client in clients) - overdue
    with_due = sum(1 for client in clients if client.due)
    if not with_due:
        lines.append(f"Niets te laat en niets binnen {aantal(days, 'dag', 'dagen')}." if days else "Niets te laat.")
    else:
        counted = [number_phrase(overdue, "te laat")]
        if days:
            counted.append(number_phrase(soon, f"binnen {days} dagen"))
        lines.append(f"Samen: {', '.join(counted)}, bij {aantal(with_due, 'klant', 'klanten')}.")
    return lines


def number_phrase(count: int, what: str) -> str:
    """``3 acties te laat``, ``1 actie binnen 30 dagen``."""
    return f"{aantal(count, 'actie', 'acties')} {what}"


def _action_line(item: DueAction, today: dt.date) -> str:
    mark = "⚠" if item.overdue else "•"
    action = item.action
    when = f"{short_date(item.deadline):>11}  {days_phrase(item.deadline, today):<17}"
    return f"    {mark} {action.id:<5} {when}  {action.titel}"
