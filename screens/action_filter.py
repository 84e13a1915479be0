"""Pick a quick filter for the action plan: a status, phase, factor or owner, or only overdue ones.

One list, grouped, chosen with the arrows and enter; the chosen value of a group is marked, and
choosing it again takes that filter away.
"""

from __future__ import annotations

import dataclasses
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from models.action_list import ActionFilter
from models.content import Content as Library
from models.workbook import ACTION_STATUSES
from screens.base import AppDialog
from widgets.lists import ChoiceList

FIELD_LABELS = {"status": "Status", "phase": "Fase", "factor": "Succesfactor", "owner": "Eigenaar"}


def choices(library: Library, owners: list[str]) -> dict[str, list[tuple[str, str]]]:
    """Per filter field, the (value, label) pairs to choose from."""
    return {
        "status": [(status, status) for status in ACTION_STATUSES],
        "phase": [(phase.id, phase.naam) for phase in library.phases],
        "factor": [(factor.id, factor.naam) for factor in library.factors],
        "owner": [(owner, owner) for owner in owners],
    }


def describe(wanted: ActionFilter, library: Library) -> str:
    """The quick filters in words, for the bar above the table."""
    parts = []
    if wanted.status:
        parts.append(f"status {wanted.status}")
    if wanted.phase:
        parts.append(f"fase {library.phase_by_id[wanted.phase].label}")
    if wanted.factor:
        parts.append(f"factor {library.factor_by_id[wanted.factor].label}")
    if wanted.owner:
        parts.append(f"eigenaar {wanted.owner}")
    if wanted.overdue_only:
        parts.append("alleen te laat")
    return " · ".join(parts)


class ActionFilterScreen(AppDialog[ActionFilter]):
    """Dismisses with the filter as it becomes after the choice (unchanged on escape)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Sluiten", tooltip="Filters laten zoals ze zijn", id="filter.sluiten"),
    ]

    def __init__(self, current: ActionFilter, library: Library, owners: list[str]) -> None:
        super().__init__()
        self.current = current
        self.library = library
        self.owners = owners

    def compose(self) -> ComposeResult:
        options: list[Option] = []
        for field, values in choices(self.library, self.owners).items():
            if not values:
                continue
            options.append(Option(Content.styled(FIELD_LABELS[field], "bold $text-primary"), disabled=True))
            chosen = getattr(self.current, field)
            for value, label in values:
                mark = "● " if value == chosen else "  "
                options.append(Option(f"{mark}{label}", id=f"{field}:{value}"))
        mark = "● " if self.current.overdue_only else "  "
        options.append(Option(Content.styled("Deadline", "bold $text-primary"), disabled=True))
        options.append(Option(f"{mark}alleen acties die te laat zijn", id="overdue:"))
        with Vertical(id="filter-dialog"):
            yield Static("Filter kiezen · enter: aan/uit · esc: sluiten", id="filter-title")
            yield ChoiceList(*options, id="filter-options")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = 1
        options.focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        field, _, value = (event.option.id or "").partition(":")
        if field == "overdue":
            self.dismiss(dataclasses.replace(self.current, overdue_only=not self.current.overdue_only))
        elif field in FIELD_LABELS:
            same = getattr(self.current, field) == value
            changed: dict[str, Any] = {field: None if same else value}
            self.dismiss(dataclasses.replace(self.current, **changed))

    def action_close(self) -> None:
        self.dismiss(self.current)
