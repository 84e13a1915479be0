"""What the app does for several screens at once: an item as an action, a scoring round, a report,
the history, saving now."""

from __future__ import annotations

import datetime as dt
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from models.plan import action_from_item, with_action
from models.scoring import round_on

if TYPE_CHECKING:
    from models.diff import DiffLine
    from models.library import LibraryItem
    from models.workbook import Workbook
    from tui.app import WerkboekApp


class WorkbookTasks:
    """Tasks started from the palette or from more than one screen."""

    def __init__(self, app: WerkboekApp) -> None:
        self.app = app

    def add_item_as_action(self, item: LibraryItem) -> None:
        """Make a new action from a library item, saying which action it became."""
        if self.app.store.session is None or not item.actionable:
            return
        action = action_from_item(item, self.app.store.session.workbook)
        description = f"Actie {action.id} toegevoegd: {action.titel}"
        if self.app.store.change(with_action(self.app.store.session.workbook, action), description):
            self.app.notify(f"{description}; het werkboek wordt opgeslagen.", timeout=6)

    def export_report(self) -> None:
        """Write a report or CSV of the open workbook; says where it went."""
        from screens.export import ExportScreen

        if self.app.store.session is None:
            return

        def written(path: Path | None) -> None:
            if path is not None:
                self.app.notify(f"Geschreven: {path}", timeout=10, markup=False)

        self.app.push_screen(ExportScreen(), written)

    def read_back_excel(self) -> None:
        """Excel terug inlezen: ask which file, read it in a thread, show what would change, apply on yes."""
        from models.report_formats import REPORT_FORMATS
        from screens.prompt import TextPromptScreen

        session = self.app.store.session
        if session is None:
            return

        def check(text: str) -> str | None:
            path = Path(text.strip()).expanduser()
            if not text.strip():
                return "Geef het Excel-bestand (.xlsx) met de acties."
            if not path.is_file():
                return f"{path} bestaat niet (of is geen bestand)."
            return None

        def chosen(text: str | None) -> None:
            if text is not None:
                self.app.run_worker(
                    partial(self._read_excel, Path(text.strip()).expanduser()),
                    thread=True,
                    exclusive=True,
                    group="excel",
                    description="Excel terug inlezen",
                )

        default = REPORT_FORMATS["xlsx"].default_path(session.loaded.path)
        hint = "Het blad Acties, per id: status, eigenaar, start, deadline, afgerond op, opmerking · escape sluit"
        self.app.push_screen(TextPromptScreen("Excel terug inlezen", hint, str(default), check=check), chosen)

    def _read_excel(self, path: Path) -> None:
        """In a thread: the workbook as the sheet would make it, or the sheet's problems; then the preview."""
        from models.diff import diff_workbooks
        from models.xlsx_import import SheetRefusedError, actions_from_sheet

        session = self.app.store.session
        if session is None:
            return
        before = session.workbook
        try:
            after = actions_from_sheet(before, path, today=self.app.today)
        except SheetRefusedError as refused:
            self.app.call_from_thread(self._preview, path, before, before, [], refused.messages)
            return
        changes = diff_workbooks(before, after, session.content)
        self.app.call_from_thread(self._preview, path, before, after, changes, [])

    def _preview(
        self, path: Path, before: Workbook, after: Workbook, changes: list[DiffLine], problems: list[str]
    ) -> None:
        from screens.import_preview import ImportPreviewScreen

        def answered(apply: bool | None) -> None:
            session = self.app.store.session
            if not apply or session is None:
                return
            if session.workbook is not before:
                changed = "Het werkboek veranderde intussen; lees het Excel-bestand opnieuw in."
                self.app.notify(changed, severity="warning")
                return
            count = len(changes)
            description = f"Uit Excel ingelezen ({path.name}): {count} {'wijziging' if count == 1 else 'wijzigingen'}"
            if self.app.store.change(after, description):
                self.app.notify(f"{description}; het werkboek wordt opgeslagen.", timeout=8, markup=False)

        self.app.push_screen(ImportPreviewScreen(path.name, changes, problems), answered)

    def show_history(self) -> None:
        """The open workbook's versions in git."""
        from screens.history import HistoryScreen

        if self.app.store.session is not None:
            self.app.push_screen(HistoryScreen())

    def start_scoring(self, day: dt.date | None = None) -> None:
        """Open the scoring round of ``day`` (default: a new one today, or today's if there is one)."""
        from screens.scoring import ScoringScreen

        if self.app.store.session is None:
            return
        if day is None:
            day = self.app.today
            if round_on(self.app.store.session.workbook, day) is not None:
                self.app.notify("Er is al een meting van vandaag; die gaat nu open om aan te vullen.", timeout=5)
        self.app.push_screen(ScoringScreen(day))

    def correct_round(self) -> None:
        """Choose an earlier scoring round and open it to correct it."""
        from screens.rounds import RoundPickerScreen

        if self.app.store.session is None:
            return
        if not self.app.store.session.workbook.metingen:
            self.app.notify("Er is nog geen meting om te corrigeren; begin een nieuwe meting.")
            return

        def chosen(day: dt.date | None) -> None:
            if day is not None:
                self.start_scoring(day)

        self.app.push_screen(RoundPickerScreen(), chosen)

    def save_now(self) -> None:
        """Save right away (from the palette), saying so."""
        store = self.app.store
        if store.save_now():
            self.app.notify("Alles is opgeslagen.")
            if store.session is not None:
                self.app.file_state_changed.publish(store.session)
