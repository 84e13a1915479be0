"""What the app does for several screens at once: an item as an action, a scoring round, a report,
the history, saving now."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from models.plan import action_from_item, with_action
from models.scoring import round_on
from tui.workbooks import WorkbookSwitching

if TYPE_CHECKING:
    from models.library import LibraryItem


class WorkbookTasks(WorkbookSwitching):
    """Tasks started from the palette or from more than one screen."""

    def add_item_as_action(self, item: LibraryItem) -> None:
        """Make a new action from a library item, saying which action it became."""
        if self.session is None or not item.actionable:
            return
        action = action_from_item(item, self.session.workbook)
        description = f"Actie {action.id} toegevoegd: {action.titel}"
        if self.change(with_action(self.session.workbook, action), description):
            self.notify(f"{description}; het werkboek wordt opgeslagen.", timeout=6)

    def action_export_report(self) -> None:
        self.export_report()

    def action_show_history(self) -> None:
        self.show_history()

    def action_show_portfolio(self) -> None:
        self.show_portfolio()

    def export_report(self) -> None:
        """Write a report or CSV of the open workbook; says where it went."""
        from screens.export import ExportScreen

        if self.session is None:
            return

        def written(path: Path | None) -> None:
            if path is not None:
                self.notify(f"Geschreven: {path}", timeout=10)

        self.push_screen(ExportScreen(), written)

    def show_history(self) -> None:
        """The open workbook's versions in git."""
        from screens.history import HistoryScreen

        if self.session is not None:
            self.push_screen(HistoryScreen())

    def start_scoring(self, day: dt.date | None = None) -> None:
        """Open the scoring round of ``day`` (default: a new one today, or today's if there is one)."""
        from screens.scoring import ScoringScreen

        if self.session is None:
            return
        if day is None:
            day = self.today
            if round_on(self.session.workbook, day) is not None:
                self.notify("Er is al een meting van vandaag; die gaat nu open om aan te vullen.", timeout=5)
        self.push_screen(ScoringScreen(day))

    def correct_round(self) -> None:
        """Choose an earlier scoring round and open it to correct it."""
        from screens.rounds import RoundPickerScreen

        if self.session is None:
            return
        if not self.session.workbook.metingen:
            self.notify("Er is nog geen meting om te corrigeren; begin een nieuwe meting.")
            return

        def chosen(day: dt.date | None) -> None:
            if day is not None:
                self.start_scoring(day)

        self.push_screen(RoundPickerScreen(), chosen)

    def _save_command(self) -> None:
        if self.save_now():
            self.notify("Alles is opgeslagen.")
            assert self.session is not None
            self.file_state_changed.publish(self.session)
