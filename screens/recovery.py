"""Offered when a workbook opens for which a recovery copy waits: an earlier save failed (disk full, no
permission, a read-only disk) and the unsaved edits were kept in the app's state folder."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import ClassVar, Literal

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from models.formatting import aantal, clock, form_date
from screens.base import AppDialog

RecoveryChoice = Literal["openen", "bewaren", "weggooien"]


class RecoveryScreen(AppDialog[RecoveryChoice]):
    """``o`` opens the copy as unsaved edits, ``b`` (also escape and enter) keeps it aside, ``w`` throws it away.

    The default loses nothing: the copy is moved aside, where it stays.
    """

    DEFAULT_CSS = """
    RecoveryScreen { align: center middle; }
    #recovery-dialog { width: 76; max-width: 100%; height: auto; max-height: 100%; border: thick $warning;
                       background: $surface; padding: 1 2; }
    #recovery-title { text-style: bold; margin-bottom: 1; }
    #recovery-changes { margin-top: 1; color: $foreground-muted; }
    #recovery-choices { margin-top: 1; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("o", "choose('openen')", "Herstelkopie openen", id="herstel.openen"),
        Binding("b,escape,enter", "choose('bewaren')", "Apart bewaren", id="herstel.bewaren"),
        Binding("w", "choose('weggooien')", "Weggooien", id="herstel.weggooien"),
    ]

    def __init__(
        self,
        workbook: Path,
        copy: Path,
        *,
        made: dt.datetime | None,
        changes: list[str],
        aside: Path,
        others: int = 0,
    ) -> None:
        super().__init__()
        self.workbook = workbook
        self.copy = copy
        self.made = made
        self.changes = changes
        self.aside = aside
        self.others = others

    def compose(self) -> ComposeResult:
        when = f" van {form_date(self.made.date())} om {clock(self.made)}" if self.made else ""
        more = (
            f" Daarna {'volgt' if self.others == 1 else 'volgen'} nog "
            f"{aantal(self.others, 'oudere kopie', 'oudere kopieën')}."
            if self.others
            else ""
        )
        with Vertical(id="recovery-dialog"):
            yield Static("Herstelkopie gevonden", id="recovery-title")
            yield Static(
                f"Eerder kon {self.workbook.name} niet worden opgeslagen. De wijzigingen die toen nog niet in het "
                f"bestand stonden, zijn bewaard in een herstelkopie{when}:\n{self.copy}{more}",
                id="recovery-text",
            )
            if self.changes:
                shown = self.changes[:8]
                rest = len(self.changes) - len(shown)
                lines = "\n".join(f"  {line}" for line in shown) + (f"\n  … en nog {rest}" if rest else "")
                yield Static(f"Verschil met het bestand:\n{lines}", id="recovery-changes")
            yield Static(
                Content.assemble(
                    ("o", "bold $accent"),
                    "  openen: de herstelkopie wordt het werkboek, als wijziging die nog niet is opgeslagen "
                    "(ctrl+z zet de versie van het bestand terug)\n",
                    ("b", "bold $accent"),
                    f"  apart bewaren (ook escape): de kopie gaat naar {self.aside} en komt niet meer terug\n",
                    ("w", "bold $accent"),
                    "  weggooien (vraagt het eerst)",
                ),
                id="recovery-choices",
            )

    def action_choose(self, choice: RecoveryChoice) -> None:
        self.dismiss(choice)
