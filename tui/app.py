"""The Textual app: opens a workbook (or explains why it cannot), switches screens, saves changes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.command import CommandPalette
from textual.screen import Screen
from textual.signal import Signal

from models.content import Content, default_content
from models.plan import action_from_item, with_action
from models.problems import CommentsWouldBeLostError, Problem, ReadOnlyError, WorkbookError
from models.store import load_workbook
from models.workbook import Workbook
from screens.dashboard import DashboardScreen
from screens.load_error import LoadErrorScreen
from tui.commands import BindingCommands
from tui.locations import workbooks_in
from tui.session import WorkbookSession

if TYPE_CHECKING:
    from models.library import LibraryItem

# Screens other than the dashboard are imported when first shown, which keeps start-up short.


def _factors_screen() -> Screen[None]:
    from screens.factors import FactorsScreen

    return FactorsScreen()


def _phases_screen() -> Screen[None]:
    from screens.phases import PhasesScreen

    return PhasesScreen()


def _library_screen() -> Screen[None]:
    from screens.library import LibraryScreen

    return LibraryScreen()


SCREEN_KEYS = {
    "dashboard": ("1", "Dashboard", "Overzicht van scores, fasen, acties en deadlines"),
    "succesfactoren": ("2", "Succesfactoren", "De tien succesfactoren met scoringswijzer en strategieën"),
    "fasen": ("3", "Fasen", "De vijf fasen met doel, stappen, checklist en strategieën"),
    "bibliotheek": ("5", "Bibliotheek", "Zoek in strategieën, wettelijk minimum, interventies en meer"),
}


class WerkboekApp(App[None]):
    """Preventiewerkboek: dashboards, reference content and the action plan of one client workbook."""

    TITLE = "Preventiewerkboek"
    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {BindingCommands}
    MODES: ClassVar[dict[str, Callable[[], Screen[None]] | type[Screen[None]]]] = {  # type: ignore[assignment]
        "dashboard": DashboardScreen,
        "succesfactoren": _factors_screen,
        "fasen": _phases_screen,
        "bibliotheek": _library_screen,
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        *(
            Binding(key, f"show('{mode}')", name, tooltip=help_text, id=f"app.scherm-{mode}")
            for mode, (key, name, help_text) in SCREEN_KEYS.items()
        ),
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
        self._tried: Path = location
        """The file the last load tried (the first workbook when opening a folder)."""
        self._notices: list[tuple[str, str]] = []
        self.workbook_changed: Signal[WorkbookSession] = Signal(self, "workbook-changed")
        """Published after every saved change, so each screen can redraw from the session."""

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

    def _load(self) -> list[Problem]:
        """Load the workbook into a session; returns the problems when it cannot be opened."""
        self._notices.clear()
        self._tried = self.location
        try:
            path = self._tried = self._workbook_path()
            content = self._content or default_content()
            loaded = load_workbook(path, content)
        except WorkbookError as error:
            self.session = None
            return error.problems
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
        return []

    def on_mount(self) -> None:
        self._open()

    def _open(self) -> None:
        problems = self._load()
        if problems:
            self.push_screen(LoadErrorScreen(self._tried, problems))
        else:
            if isinstance(self.screen, LoadErrorScreen):
                self.pop_screen()
            self.switch_mode("dashboard")
            if self.session is not None:
                self.workbook_changed.publish(self.session)
        for message, severity in self._notices:
            self.notify(message, severity=severity, timeout=12)  # type: ignore[arg-type]

    def open_workbook(self) -> None:
        """(Re)load the workbook from disk; show its dashboard, or its problems."""
        if isinstance(self.screen, LoadErrorScreen):
            self.pop_screen()
        self._open()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "show":
            return self.session is not None
        return True

    def action_show(self, mode: str) -> None:
        """Switch to one of the main screens."""
        if self.session is not None and self.current_mode != mode:
            self.switch_mode(mode)

    def add_item_as_action(self, item: LibraryItem) -> None:
        """Make a new action from a library item and save it, saying which action it became."""
        if self.session is None or not item.actionable:
            return
        action = action_from_item(item, self.session.workbook)
        self.commit(
            with_action(self.session.workbook, action),
            f"Actie {action.id} toegevoegd: {action.titel}",
        )

    def commit(self, workbook: Workbook, done: str) -> None:
        """Save a changed workbook (the one way screens change it) and tell every screen."""
        session = self.session
        if session is None:
            return
        try:
            session.save(workbook)
        except ReadOnlyError as error:
            self.notify(f"Niet opgeslagen: {error}", severity="error", timeout=10)
            return
        except CommentsWouldBeLostError as error:
            self._ask_to_drop_comments(workbook, done, error)
            return
        except OSError as error:
            self.notify(f"Opslaan mislukt ({error.strerror}); er is niets gewijzigd.", severity="error", timeout=10)
            return
        self._saved(done)

    def _ask_to_drop_comments(self, workbook: Workbook, done: str, error: CommentsWouldBeLostError) -> None:
        from screens.confirm import ConfirmScreen

        def answered(drop: bool | None) -> None:
            if not drop or self.session is None:
                self.notify("Niet opgeslagen: de opmerkingen in het bestand blijven staan.", severity="warning")
                return
            try:
                self.session.save(workbook, drop_comments=True)
            except OSError as failure:
                self.notify(f"Opslaan mislukt ({failure.strerror}); er is niets gewijzigd.", severity="error")
                return
            self._saved(done)

        self.push_screen(
            ConfirmScreen(
                "Opmerkingen gaan verloren",
                f"{str(error).capitalize()}. Toch opslaan? Het vorige bestand blijft bewaard als .bak.",
            ),
            answered,
        )

    def _saved(self, done: str) -> None:
        assert self.session is not None
        self.workbook_changed.publish(self.session)
        self.notify(f"{done}. Opgeslagen in {self.session.loaded.path.name}.", timeout=6)

    def action_command_palette(self) -> None:
        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(CommandPalette(id="--command-palette", placeholder="Zoek een opdracht…"))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield SystemCommand("Thema kiezen", "Kies de kleuren van het werkboek", self.action_change_theme)
        if screen.query("HelpPanel"):
            yield SystemCommand("Toetsen verbergen", "Verberg het paneel met toetsen", self.action_hide_help_panel)
        else:
            yield SystemCommand("Toetsen tonen", "Toon de toetsen van dit scherm", self.action_show_help_panel)
