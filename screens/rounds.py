"""Pick a scoring round to reopen and correct (or remove), newest first."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from models.formatting import short_date
from models.scoring import round_summary, rounds_by_date, without_round
from screens.base import AppDialog
from screens.host import host_of
from widgets.lists import ChoiceList

if TYPE_CHECKING:
    from screens.host import WorkbookHost


class RoundPickerScreen(AppDialog[dt.date | None]):
    """Dismisses with the date of the round to open, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("x", "remove", "Verwijderen", tooltip="Verwijder de gekozen meting (ctrl+z zet hem terug)",
                id="metingen.verwijderen"),
        Binding("escape", "close", "Sluiten", tooltip="Terug zonder een meting te openen", id="metingen.sluiten"),
    ]  # fmt: skip

    @property
    def werkboek(self) -> WorkbookHost:
        return host_of(self)

    def compose(self) -> ComposeResult:
        with Vertical(id="rounds-dialog"):
            yield Static("Meting corrigeren  ·  enter opent · x verwijdert · escape sluit", id="rounds-title")
            yield ChoiceList(id="rounds-list")

    def on_mount(self) -> None:
        self._fill()
        self.query_one(OptionList).focus()

    def _fill(self) -> None:
        session = self.werkboek.session
        assert session is not None
        rounds = list(reversed(rounds_by_date(session.workbook)))
        options = self.query_one(OptionList)
        keep = options.highlighted or 0
        options.set_options(
            Option(
                Content.assemble(
                    (f"{short_date(scoring.datum):<14}", "bold"),
                    (round_summary(scoring, session.content), "$foreground-muted"),
                    (f"  {'nulmeting' if scoring is rounds[-1] else ''}", "italic"),
                ),
                id=scoring.datum.isoformat(),
            )
            for scoring in rounds
        )
        if rounds:
            options.highlighted = min(keep, len(rounds) - 1)
        else:
            self.dismiss(None)
            self.notify("Er is nog geen meting; m begint er een.")

    def _chosen_date(self) -> dt.date | None:
        option = self.query_one(OptionList).highlighted_option
        return dt.date.fromisoformat(option.id) if option is not None and option.id else None

    @on(OptionList.OptionSelected)
    def _open(self) -> None:
        self.dismiss(self._chosen_date())

    def action_remove(self) -> None:
        day = self._chosen_date()
        session = self.werkboek.session
        if day is None or session is None:
            return
        description = f"meting van {short_date(day)} verwijderd"
        if self.werkboek.change(without_round(session.workbook, day), description):
            self.notify(f"Meting van {short_date(day)} verwijderd; ctrl+z op een hoofdscherm zet hem terug.")
            self._fill()

    def action_close(self) -> None:
        self.dismiss(None)
