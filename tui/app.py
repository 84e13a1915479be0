"""The Textual app: opens a workbook (or explains why it cannot), switches screens, keeps changes."""

from __future__ import annotations

import datetime as dt
import gc
import importlib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import SystemCommand
from textual.binding import Binding, BindingType
from textual.command import CommandPalette
from textual.screen import Screen

from models.action_list import search_text
from models.canonical import dumps_workbook
from models.content import Content, default_content
from models.plan import action_from_item, with_action
from models.problems import Problem, WorkbookError
from models.store import load_workbook
from screens.base import WorkbookScreen
from screens.dashboard import DashboardScreen
from screens.load_error import LoadErrorScreen
from tui.changes import WorkbookChanges
from tui.commands import BindingCommands
from tui.navigation import MAIN_SCREENS, PORTFOLIO, PRELOADED
from tui.session import WorkbookSession

if TYPE_CHECKING:
    from models.library import LibraryItem

PRELOAD_AFTER_SECONDS = 1.5


SCREENS_GROUP = Binding.Group("Scherm", compact=True)
"""Shows the screen keys as one footer entry ("12345 Scherm") so each screen keeps room for its own keys."""
UNDO_GROUP = Binding.Group("Terug/opnieuw")


class WerkboekApp(WorkbookChanges):
    """Preventiewerkboek: dashboards, reference content and the action plan of one client workbook."""

    TITLE = "Preventiewerkboek"
    CSS_PATH = "app.tcss"
    COMMANDS = WorkbookChanges.COMMANDS | {BindingCommands}
    MODES: ClassVar[dict[str, Callable[[], Screen[None]] | type[Screen[None]]]] = {  # type: ignore[assignment]
        screen.mode: DashboardScreen if screen.mode == "dashboard" else screen.factory()
        for screen in (*MAIN_SCREENS, PORTFOLIO)
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        *(
            Binding(
                screen.key,
                f"show('{screen.mode}')",
                screen.name,
                tooltip=screen.help,
                id=f"app.scherm-{screen.mode}",
                group=SCREENS_GROUP,
            )
            for screen in MAIN_SCREENS
        ),
        Binding(
            "ctrl+z",
            "undo",
            "Ongedaan maken",
            tooltip="Maak de laatste wijziging ongedaan",
            id="app.ongedaan",
            group=UNDO_GROUP,
        ),
        Binding(
            "ctrl+y",
            "redo",
            "Opnieuw doen",
            tooltip="Doe de laatst ongedaan gemaakte wijziging opnieuw",
            id="app.opnieuw",
            group=UNDO_GROUP,
        ),
        Binding("q", "quit", "Afsluiten", tooltip="Sla op en sluit het werkboek", id="app.afsluiten"),
        Binding(
            "ctrl+q",
            "quit",
            "Afsluiten",
            show=False,
            priority=True,
            tooltip="Sla op en sluit het werkboek",
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
        self.init_changes()

    @property
    def today(self) -> dt.date:
        return self._today or dt.date.today()

    @property
    def folder(self) -> Path:
        """The folder whose workbooks the Werkboeken screen lists."""
        return self.location if self.location.is_dir() else self.location.parent

    def _load(self) -> list[Problem]:
        """Load the workbook into a new session; returns the problems when it cannot be opened."""
        self._notices.clear()
        self._tried = self.location
        try:
            path = self._tried = self.location
            content = self._content or default_content()
            loaded = load_workbook(path, content)
        except WorkbookError as error:
            self.session = None
            return error.problems
        self.session = WorkbookSession(loaded=loaded, content=content, today=self.today)
        # The workbook just read stays in memory for the session: keep it out of the garbage
        # collector's full passes, which would otherwise pause the app while saving large plans.
        gc.freeze()
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
        if self.location.is_dir():
            self.switch_mode("werkboeken")
        else:
            self._open()
        self.watch_file()
        self.catch_hangup()
        self.set_timer(PRELOAD_AFTER_SECONDS, self._preload_screens)

    @work(thread=True, group="preload", exit_on_error=False)
    def _preload_screens(self) -> None:
        """Once the dashboard is up: import the other screens, so opening them the first time is quick,
        render the plan once, so the first autosave only writes what changed, and prepare the text the
        action filter searches."""
        for module in PRELOADED:
            importlib.import_module(module)
        session = self.session
        if session is not None:
            dumps_workbook(session.workbook, session.content)
            for action in session.workbook.acties:
                search_text(action)

    def _open(self) -> None:
        reloading = self.session is not None
        problems = self._load()
        if problems:
            self.push_screen(LoadErrorScreen(self._tried, problems))
        else:
            if isinstance(self.screen, LoadErrorScreen):
                self.pop_screen()
            if self.current_mode not in self.MODES:
                self.switch_mode("dashboard")
            if reloading:  # screens made earlier show the old workbook; new ones compose from the session
                assert self.session is not None
                self.workbook_changed.publish(self.session)
                self.file_state_changed.publish(self.session)
        for message, severity in self._notices:
            self.notify(message, severity=severity, timeout=12)  # type: ignore[arg-type]

    def open_workbook(self) -> None:
        """(Re)load the workbook from disk and show it; or its problems."""
        self._open()
        self.remember_disk_state()

    # -- other workbooks ----------------------------------------------------------------------

    def show_portfolio(self) -> None:
        """The Werkboeken screen of the open workbook's folder."""
        if self.current_mode != "werkboeken":
            self.switch_mode("werkboeken")

    def open_path(self, path: Path) -> None:
        """Open another workbook (the current one is saved first) with fresh screens."""
        self.run_worker(self._switch_workbook(path), group="switch-workbook", exclusive=True)

    async def _switch_workbook(self, path: Path) -> None:
        session = self.session
        if session is not None:
            if session.loaded.path.resolve() == path.resolve():
                self.switch_mode("dashboard")
                return
            if not self.save_now():
                self.notify(
                    "Het open werkboek is buiten de app gewijzigd; kies eerst wat daarmee gebeurt.", severity="warning"
                )
                return
        if self.current_mode != "werkboeken":
            await self.switch_mode("werkboeken")
        for screen in MAIN_SCREENS:  # screens of the previous workbook go; new ones compose from the new one
            if screen.mode in self._screen_stacks:
                await self.remove_mode(screen.mode)
                self.add_mode(screen.mode, DashboardScreen if screen.mode == "dashboard" else screen.factory())
        self.location = path
        self.session = None
        problems = self._load()
        if problems:
            self.push_screen(LoadErrorScreen(self._tried, problems))
            return
        self.remember_disk_state()
        await self.switch_mode("dashboard")
        for message, severity in self._notices:
            self.notify(message, severity=severity, timeout=12)  # type: ignore[arg-type]

    def create_workbook(self, folder: Path, client: str) -> None:
        """Start a workbook for a new client in ``folder`` and open it."""
        from models.portfolio import create_workbook_file, new_workbook

        content = self.session.content if self.session else self._content or default_content()
        try:
            path = create_workbook_file(folder, new_workbook(client), content)
        except (ValueError, FileExistsError, OSError) as error:
            self.notify(f"Niet gemaakt: {error}", severity="error", timeout=8)
            return
        self.notify(f"Nieuw werkboek: {path.name}. Vul het profiel in op Organisatie (8).", timeout=8)
        self.open_path(path)

    def ask_new_cycle(self, path: Path | None = None) -> None:
        """Ask the file name for the next cycle of ``path`` (default: the open workbook), then make it."""
        from models.portfolio import cycle_file_name
        from screens.prompt import TextPromptScreen

        source = path or (self.session.loaded.path if self.session else None)
        if source is None:
            return
        folder = source.parent
        suggestion = cycle_file_name(source, self.today, (p.name for p in folder.glob("*.toml")))

        def check(name: str) -> str | None:
            if "/" in name or "\\" in name or not name.endswith(".toml") or name.startswith("."):
                return "geef een bestandsnaam die eindigt op .toml, zonder map ervoor"
            if (folder / name).exists():
                return f"{name} bestaat al; kies een andere naam"
            return None

        def chosen(name: str | None) -> None:
            if name:
                self._make_cycle(source, folder / name)

        self.push_screen(
            TextPromptScreen(
                f"Nieuwe cyclus van {source.name}",
                "Scores, niveaus, wettelijk minimum en logboek blijven als geschiedenis; open acties gaan mee, "
                "de checklists beginnen opnieuw. enter maakt het bestand · escape annuleert",
                suggestion,
                check=check,
            ),
            chosen,
        )

    def _make_cycle(self, source: Path, target: Path) -> None:
        from models.portfolio import create_workbook_file, new_cycle

        session = self.session
        try:
            if session is not None and session.loaded.path.resolve() == source.resolve():
                workbook, content = session.workbook, session.content
            else:
                content = self._content or default_content()
                workbook = load_workbook(source, content).workbook
            cycle = new_cycle(workbook, self.today, source.name)
            create_workbook_file(target.parent, cycle, content, target.name)
        except (WorkbookError, FileExistsError, OSError) as error:
            self.notify(f"Geen nieuwe cyclus gemaakt: {error}", severity="error", timeout=8)
            return
        carried = len(cycle.acties)
        self.notify(f"Nieuwe cyclus: {target.name}, met {carried} open acties uit {source.name}.", timeout=8)
        self.open_path(target)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in {"show", "undo", "redo"}:
            # Only from the main screens: not halfway through a form or a question.
            screen = self.screen
            if self.session is None or not isinstance(screen, WorkbookScreen):
                return False
            return screen.SWITCHES_SCREENS or action != "show"
        return True

    def action_show(self, mode: str) -> None:
        """Switch to one of the main screens."""
        if self.session is not None and self.current_mode != mode:
            self.switch_mode(mode)

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
        from models.scoring import round_on
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

    def action_command_palette(self) -> None:
        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(CommandPalette(id="--command-palette", placeholder="Zoek een opdracht…"))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield SystemCommand(
            "Werkboeken", "Alle werkboeken in de map: openen, nieuw, nieuwe cyclus", self.show_portfolio
        )
        yield SystemCommand("Thema kiezen", "Kies de kleuren van het werkboek", self.action_change_theme)
        if screen.query("HelpPanel"):
            yield SystemCommand("Toetsen verbergen", "Verberg het paneel met toetsen", self.action_hide_help_panel)
        else:
            yield SystemCommand("Toetsen tonen", "Toon de toetsen van dit scherm", self.action_show_help_panel)
        if self.session is not None:
            yield SystemCommand("Nieuwe meting", "Scoor de tien succesfactoren, één voor één", self.start_scoring)
            yield SystemCommand(
                "Rapport maken",
                "Plan van aanpak (HTML, Markdown) of acties voor Excel (export, CSV)",
                self.export_report,
            )
            yield SystemCommand(
                "Geschiedenis", "De versies van dit werkboek in git en wat er telkens veranderde", self.show_history
            )
            yield SystemCommand(
                "Nieuwe cyclus",
                "Kopie van dit werkboek voor een nieuwe periode: geschiedenis bewaard, open acties mee",
                self.ask_new_cycle,
            )
            yield SystemCommand(
                "Meting corrigeren", "Open een eerdere meting om scores te verbeteren", self.correct_round
            )
            yield SystemCommand("Nu opslaan", "Schrijf de wijzigingen nu naar het bestand (save)", self._save_command)
            yield SystemCommand(
                "Wijziging op schijf afhandelen",
                "Kies wat er gebeurt als het bestand buiten het werkboek is gewijzigd",
                self.action_resolve_conflict,
            )

    def _save_command(self) -> None:
        if self.save_now():
            self.notify("Alles is opgeslagen.")
            assert self.session is not None
            self.file_state_changed.publish(self.session)
