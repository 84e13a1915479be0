"""The Textual app: opens a workbook (or explains why it cannot) and shows its dashboard."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.command import CommandPalette
from textual.screen import Screen

from models.content import Content, default_content
from models.problems import Problem, WorkbookError
from models.store import load_workbook
from screens.dashboard import DashboardScreen
from screens.load_error import LoadErrorScreen
from tui.commands import BindingCommands
from tui.locations import workbooks_in
from tui.session import WorkbookSession


class WerkboekApp(App[None]):
    """Preventiewerkboek: dashboards and the action plan of one client workbook."""

    TITLE = "Preventiewerkboek"
    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {BindingCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Afsluiten", tooltip="Sluit het werkboek", id="app.afsluiten"),
        Binding(
            "ctrl+q",
            "quit",
            "Afsluiten",
            show=False,
            priority=True,
            tooltip="Sluit het werkboek",
            id="app.afsluiten-direct",
        ),
        Binding(
            "ctrl+p",
            "command_palette",
            "Opdrachten",
            tooltip="Zoek en start elke opdracht van het werkboek",
            id="app.opdrachten",
            show=False,
            priority=True,
        ),
    ]

    def __init__(self, location: Path, *, today: dt.date | None = None, content: Content | None = None) -> None:
        super().__init__()
        self.animation_level = "none"
        self.location = location
        self._today = today
        self._content = content
        self.session: WorkbookSession | None = None
        self._notices: list[tuple[str, str]] = []

    @property
    def today(self) -> dt.date:
        return self._today or dt.date.today()

    def _workbook_path(self) -> Path:
        """The file to open: the location itself, or the first workbook in a folder."""
        if not self.location.is_dir():
            return self.location
        found = workbooks_in(self.location)
        if not found:
            raise WorkbookError([Problem(str(self.location), "deze map bevat geen werkboeken (.toml)")])
        if len(found) > 1:
            self._notices.append(
                (
                    f"De map bevat {len(found)} werkboeken; geopend is {found[0].name}. "
                    "Open een ander met: werkboek PAD-NAAR-BESTAND",
                    "information",
                )
            )
        return found[0]

    def _load(self) -> Screen[None]:
        """Load the workbook into a session; the screen to show is the dashboard or the problems."""
        self._notices.clear()
        path = self.location
        try:
            path = self._workbook_path()
            content = self._content or default_content()
            loaded = load_workbook(path, content)
        except WorkbookError as error:
            self.session = None
            return LoadErrorScreen(path, error.problems)
        self.session = WorkbookSession(loaded=loaded, content=content, today=self.today)
        if loaded.read_only_reason:
            self._notices.append((f"Alleen-lezen: {loaded.read_only_reason}", "warning"))
        if loaded.comment_lines:
            lines = ", ".join(str(n) for n in loaded.comment_lines[:6])
            self._notices.append(
                (
                    f"Dit bestand bevat opmerkingen (#) op regel {lines}. Opslaan vanuit het werkboek "
                    "haalt die weg; het werkboek vraagt je dat eerst.",
                    "warning",
                )
            )
        return DashboardScreen()

    def on_mount(self) -> None:
        self.push_screen(self._load())
        self._show_notices()

    def _show_notices(self) -> None:
        for message, severity in self._notices:
            self.notify(message, severity=severity, timeout=12)  # type: ignore[arg-type]

    def open_workbook(self) -> None:
        """(Re)load the workbook from disk and show its dashboard, or its problems."""
        self.switch_screen(self._load())
        self._show_notices()

    def action_command_palette(self) -> None:
        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(CommandPalette(id="--command-palette", placeholder="Zoek een opdracht…"))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield SystemCommand("Thema kiezen", "Kies de kleuren van het werkboek", self.action_change_theme)
        if screen.query("HelpPanel"):
            yield SystemCommand("Toetsen verbergen", "Verberg het paneel met toetsen", self.action_hide_help_panel)
        else:
            yield SystemCommand("Toetsen tonen", "Toon de toetsen van dit scherm", self.action_show_help_panel)
