"""The Textual app: opens a workbook (or explains why it cannot), switches screens, keeps changes."""

from __future__ import annotations

import datetime as dt
import gc
import importlib
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import ClassVar

from textual import events, work
from textual.binding import Binding, BindingType
from textual.command import CommandPalette
from textual.driver import Driver
from textual.geometry import Size
from textual.screen import ModalScreen, Screen
from textual.theme import Theme
from textual.widget import Widget
from textual.widgets import Input, TextArea

from core.session import WorkbookSession
from models.action_list import search_text
from models.canonical import dumps_workbook
from models.content import Content, default_content
from models.drafts import keep_drafts, take_drafts
from models.problems import Problem, WorkbookError
from models.settings import THEMES as THEME_NAMES
from models.settings import LoadedSettings, announce_ready, config_path, load_settings, read_state, remember
from models.store import load_workbook, remove_leftover_temps
from screens.base import WorkbookScreen
from screens.dashboard import DashboardScreen
from screens.form import FormScreen
from screens.load_error import LoadErrorScreen
from screens.too_small import MIN_HEIGHT, MIN_WIDTH, TooSmallScreen
from tui.commands import PaletteCommand, WerkboekCommands
from tui.dutch_textual import DutchCommandPalette
from tui.key_gate import GateEvent, KeyGate
from tui.navigation import DRAFT_FORMS, MAIN_SCREENS, PORTFOLIO, PRELOADED
from tui.tasks import WorkbookTasks
from tui.themes import DARK, LABELS, THEMES

PRELOAD_AFTER_SECONDS = 1.5
SCREEN_TITLES = {
    **{screen.class_name: screen.name for screen in (*MAIN_SCREENS, PORTFOLIO)},
    "HistoryScreen": "Geschiedenis",
    "VersionScreen": "Eerdere versie",
    "ScoringScreen": "Meting",
    "LoadErrorScreen": "Werkboek niet te openen",
    "ActionFormScreen": "Actieformulier",
    "ProfileFormScreen": "Organisatieprofiel",
    "LogFormScreen": "Verslag",
    "LegalFormScreen": "Wettelijk minimum",
}


def _typing_text(widget: Widget | None) -> bool:
    """A number key is text here: a text area, or a field that already holds text (an empty search box
    lets the number keys switch screens, as everywhere else)."""
    if isinstance(widget, TextArea):
        return True
    return isinstance(widget, Input) and bool(widget.value)


SCREENS_GROUP = Binding.Group("Scherm", compact=True)
"""Shows the screen keys as one footer entry ("12345 Scherm") so each screen keeps room for its own keys."""
UNDO_GROUP = Binding.Group("Terug/opnieuw")


class WerkboekApp(WorkbookTasks):
    """Preventiewerkboek: dashboards, reference content and the action plan of one client workbook."""

    _workbook_frozen = False
    """A workbook load has frozen objects (gc.freeze); the next load unfreezes them first."""

    TITLE = "Preventiewerkboek"
    STRICT_REDRAWS: ClassVar[bool] = False
    """Tests set this: a failed redraw then ends the app with the error instead of a notice."""
    CSS_PATH = "app.tcss"
    COMMANDS: ClassVar = {WerkboekCommands}
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
                # Taken before the focused widget sees it (see check_action), so a key typed right
                # after it goes to the new screen.
                priority=True,
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
        Binding(
            "question_mark,f1",
            "help",
            "Hulp",
            tooltip="Wat dit scherm doet en al zijn toetsen",
            id="app.hulp",
        ),
        Binding("q", "quit", "Afsluiten", tooltip="Sla op en sluit het werkboek", id="app.afsluiten"),
        Binding(
            "ctrl+q",
            "quit_now",
            "Afsluiten",
            show=False,
            priority=True,
            tooltip="Sluit meteen, ook midden in een formulier: wat je typte wordt een concept",
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

    def __init__(
        self,
        location: Path,
        *,
        today: dt.date | None = None,
        content: Content | None = None,
        settings: LoadedSettings | None = None,
    ) -> None:
        super().__init__()
        # No animations: every frame over a slow SSH link costs, and the screens do not need them.
        self.animation_level = "none"
        self.settings = settings or load_settings()
        self._settings_problems = list(self.settings.problems)
        state = read_state()
        for theme in THEMES:
            self.register_theme(theme)
        self.theme = self._first_theme(state.get("thema"))
        self.hint_seen = bool(state.get("hint_gezien"))
        """The first-run hint on the dashboard was used (help or palette opened) and stays away."""
        self.location = location
        self._today = today
        self._content = content
        self.session: WorkbookSession | None = None
        self._tried: Path = location
        """The file the last load tried (the first workbook when opening a folder)."""
        self._notices: list[tuple[str, str]] = []
        self.key_gate = KeyGate(self._let_in, self._screen_ready, self._call_after)
        self.init_changes()

    def get_driver_class(self) -> type[Driver]:
        """Textual's driver for this terminal; on Linux and macOS one that cannot hang on a hang-up."""
        driver = super().get_driver_class()
        if driver.__name__ == "LinuxDriver":
            from tui.driver import WorkbookDriver

            return WorkbookDriver
        return driver

    @property
    def today(self) -> dt.date:
        return self._today or dt.date.today()

    def _first_theme(self, remembered: object) -> str:
        """The theme chosen last in the palette, else the one in the config file, else dark."""
        names = {theme.name for theme in THEMES}
        if isinstance(remembered, str) and remembered in names:
            return remembered
        configured = self.settings.settings.thema or ""
        return THEME_NAMES.get(configured, DARK.name)

    def _apply_keymap(self) -> None:
        keymap = self.settings.settings.toetsen
        if not keymap:
            return
        from tui.keymap import checked_keymap

        usable, problems = checked_keymap(keymap, config_path())
        self._settings_problems += problems
        self.set_keymap(usable)

    def _theme_changed(self, theme: Theme) -> None:
        if read_state().get("thema") != theme.name:
            remember("thema", theme.name)

    @property
    def folder(self) -> Path:
        """The folder whose workbooks the Werkboeken screen lists."""
        return self.location if self.location.is_dir() else self.location.parent

    def _load(self) -> list[Problem]:
        """Load the workbook into a new session; returns the problems when it cannot be opened."""
        self._notices.clear()
        self._tried = self.location
        # Frozen objects are never collected: what an earlier load froze may since have become garbage
        # (the previous workbook's screens, its library), so the collector sees them again first.
        reloading = self._workbook_frozen
        if reloading:
            gc.unfreeze()
        try:
            path = self._tried = self.location
            content = self._content or default_content()
            loaded = load_workbook(path, content)
        except WorkbookError as error:
            self.session = None
            return error.problems
        remove_leftover_temps(path)  # temporary files a crash during an earlier save left behind
        self.session = WorkbookSession(loaded=loaded, content=content, today=self.today)
        if reloading:
            gc.collect()  # what the previous workbook left behind goes now, before it is frozen for good
        # The workbook just read stays in memory for the session: keep it out of the garbage
        # collector's full passes, which would otherwise pause the app while saving large plans.
        gc.freeze()
        self._workbook_frozen = True
        if loaded.read_only_reason:
            self._notices.append((f"Alleen-lezen: {loaded.read_only_reason}", "warning"))
        return []

    def on_mount(self) -> None:
        self._apply_keymap()
        if self.location.is_dir():
            self.switch_mode("werkboeken")
        else:
            self._open()
        self.watch_file()
        self.catch_hangup()
        self.set_timer(PRELOAD_AFTER_SECONDS, self._preload_screens)
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        self.screen_change_signal.subscribe(self, lambda _screen: self.key_gate.screen_changed())
        for problem in self._settings_problems:
            self.notify(f"Instellingen niet gebruikt: {problem}", severity="warning", timeout=20)
        self._check_size()
        self.call_after_refresh(lambda: announce_ready(type(self.screen).__name__))

    def on_resize(self, event: events.Resize) -> None:
        self._check_size(event.size)

    def _check_size(self, size: Size | None = None) -> None:
        """Below 60×20 the screens cannot be used: say so, and take the message away when it fits again."""
        size = size or self.size
        too_small = size.width < MIN_WIDTH or size.height < MIN_HEIGHT
        showing = isinstance(self.screen, TooSmallScreen)
        if too_small and not showing:
            self.push_screen(TooSmallScreen())
        elif not too_small and showing:
            self.pop_screen()

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
            self.call_later(self._bring_back_draft)
            self.call_later(self.offer_recovery)  # edits kept after a failed save (tui/changes.py)
        for message, severity in self._notices:
            self.notify(message, severity=severity, timeout=12)  # type: ignore[arg-type]

    async def _bring_back_draft(self) -> None:
        """A form that was open when the app last closed on this workbook comes back, with its text."""
        session = self.session
        if session is None or session.loaded.read_only_reason:
            return
        drafts = take_drafts(session.loaded.path)
        usable = [draft for draft in drafts if draft.form in DRAFT_FORMS]
        if not usable:
            return
        first, rest = usable[0], usable[1:]
        keep_drafts(session.loaded.path, rest)
        await self.switch_mode(DRAFT_FORMS[first.form])
        screen = self.screen
        if isinstance(screen, WorkbookScreen):
            screen.restore_draft(first)
        more = f" Er {'is' if len(rest) == 1 else 'zijn'} nog {len(rest)} daarna." if rest else ""
        self.notify(
            f"Concept hersteld: {first.title}, getypt op {first.saved_at:%-d-%-m-%Y} om {first.saved_at:%H:%M}. "
            f"ctrl+s bewaart het, escape gooit het weg.{more}",
            title="Concept hersteld",
            timeout=15,
        )

    def open_workbook(self) -> None:
        """(Re)load the workbook from disk and show it; or its problems."""
        self._open()
        self.remember_disk_state()

    def _screen_in_view(self) -> Screen[object]:
        """The screen the user works on: the one under the palette or the help, if those are open."""
        from screens.help import HelpScreen

        for screen in reversed(self.screen_stack):
            if not isinstance(screen, (CommandPalette, HelpScreen)):
                return screen
        return self.screen

    # -- keys ---------------------------------------------------------------------------------------

    async def on_event(self, event: events.Event) -> None:
        """Keys and pastes go in one at a time (see tui/key_gate.py); everything else as usual."""
        if isinstance(event, (events.Key, events.Paste)) and not event.is_forwarded:
            self.key_gate.arrive(event)
            return
        await super().on_event(event)

    async def _enter(self, event: GateEvent) -> None:
        try:
            target = self.focused or self.screen
        except Exception:  # no screen yet, or none left while closing
            await super().on_event(event)
            return
        await super().on_event(event)
        self.key_gate.let_in(target)

    def _let_in(self, event: GateEvent) -> None:
        # Behind what is queued already: a new screen sets its focus through the queue.
        self.call_later(self._enter, event)

    def _screen_ready(self) -> bool:
        try:
            return self.screen.is_mounted
        except Exception:
            return True

    def _call_after(self, seconds: float, callback: Callable[[], None]) -> None:
        self.set_timer(seconds, callback)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in {"show", "undo", "redo"}:
            # Only from the main screens: not halfway through a form or a question.
            screen = self._screen_in_view()
            if self.session is None or not isinstance(screen, WorkbookScreen):
                return False
            if action == "show":
                typing = isinstance(self.screen, CommandPalette) or _typing_text(self.focused)
                return screen.SWITCHES_SCREENS and not typing
            return True
        if action == "quit":
            # q never closes the app from a form or a dialog: there it may be typed, or be a slip.
            return not isinstance(self._screen_in_view(), (ModalScreen, FormScreen))
        return True

    def redraw_failed(self, screen: Screen[object], error: Exception) -> None:
        """A screen could not redraw after a change. The change itself is kept and saved; the user is
        told, and under test (STRICT_REDRAWS) the error fails the test like any other."""
        if self.STRICT_REDRAWS:
            self._handle_exception(error)
            return
        title = SCREEN_TITLES.get(type(screen).__name__, "dit scherm")
        self.log.error(f"redraw of {type(screen).__name__} failed: {error!r}")
        self.notify(
            f"{title} kon niet worden bijgewerkt ({type(error).__name__}: {error}). De wijziging is wel "
            "bewaard; open het scherm opnieuw om het bij te werken.",
            severity="error",
            timeout=15,
        )

    def action_help_quit(self) -> None:
        """ctrl+c outside a text field: say, in Dutch, how the app is closed (it copies in a field)."""
        self.notify("Afsluiten doe je met q, of met ctrl+q vanuit elk scherm.", title="Afsluiten?")

    def action_show(self, mode: str) -> None:
        """Switch to one of the main screens."""
        if self.session is not None and self.current_mode != mode:
            self.switch_mode(mode)

    def action_command_palette(self) -> None:
        if self.use_command_palette and not CommandPalette.is_open(self):
            self.hint_used()
            self.push_screen(DutchCommandPalette(id="--command-palette"))

    def action_help(self) -> None:
        """The help of the screen in view."""
        from screens.help import HelpScreen

        screen = self.screen
        if isinstance(screen, (HelpScreen, CommandPalette, TooSmallScreen)):
            return
        self.hint_used()
        self.push_screen(HelpScreen(screen, SCREEN_TITLES.get(type(screen).__name__, "dit scherm")))

    def hint_used(self) -> None:
        """The first-run hint did its work: remember that, so it does not come back."""
        if not self.hint_seen:
            self.hint_seen = True
            remember("hint_gezien", True)

    async def run_on_screen(self, mode: str, action: str) -> None:
        """Go to one of the main screens and run one of its commands there (from the palette)."""
        if self.session is None:
            return
        if self.current_mode != mode:
            await self.switch_mode(mode)
        await self.screen.run_action(action)

    def set_theme(self, name: str) -> None:
        self.theme = name
        self.notify(f"Thema: {LABELS[name]}. Het werkboek onthoudt deze keuze.", timeout=4)

    def palette_commands(self, screen: Screen[object]) -> list[PaletteCommand]:
        """The app's own commands for the palette (beside the keys of the screen in view)."""
        commands = [
            PaletteCommand("Hulp", "Wat dit scherm doet en al zijn toetsen (toets ? of f1)", self.action_help,
                           "help keys shortcuts"),
            PaletteCommand("Werkboeken", "Alle werkboeken in de map: openen, nieuw werkboek, nieuwe cyclus",
                           self.show_portfolio, "open workbooks files clients portfolio"),
            PaletteCommand("Nieuw werkboek", "Begin een werkboek voor een nieuwe klant",
                           partial(self.run_on_screen_any, "werkboeken", "new"), "new workbook client"),
            *(
                PaletteCommand(f"Thema: {label}", "Kleuren van het werkboek; de keuze wordt onthouden",
                               partial(self.set_theme, name), "theme colours colors dark light contrast projector")
                for name, label in LABELS.items()
            ),
            PaletteCommand("Instellingen", f"Waar je toetsen, thema en werkboekmap instelt: {config_path()}",
                           self._show_settings, "settings config keymap preferences"),
        ]  # fmt: skip
        if self.session is None:
            return commands
        return [
            *commands,
            PaletteCommand("Nieuwe meting", "Scoor de tien succesfactoren, één voor één", self.start_scoring,
                           "new score round rating"),
            PaletteCommand("Meting corrigeren", "Open een eerdere meting om scores te verbeteren",
                           self.correct_round, "correct edit score round"),
            PaletteCommand("Rapport maken", "Plan van aanpak (HTML, Markdown) of acties voor Excel (CSV)",
                           self.export_report, "export report print csv excel html markdown"),
            PaletteCommand("Geschiedenis", "De versies van dit werkboek in git en wat er telkens veranderde",
                           self.show_history, "history git log versions"),
            PaletteCommand("Nieuwe cyclus", "Kopie voor een nieuwe periode: geschiedenis bewaard, open acties mee",
                           self.ask_new_cycle, "new cycle period year copy"),
            PaletteCommand("Nu opslaan", "Schrijf de wijzigingen nu naar het bestand", self._save_command,
                           "save write"),
            PaletteCommand("Wijziging op schijf afhandelen",
                           "Kies wat er gebeurt als het bestand buiten het werkboek is gewijzigd",
                           self.action_resolve_conflict, "conflict disk reload changed"),
        ]  # fmt: skip

    async def run_on_screen_any(self, mode: str, action: str) -> None:
        """Like :meth:`run_on_screen`, also without an open workbook (the Werkboeken screen)."""
        if self.current_mode != mode:
            await self.switch_mode(mode)
        await self.screen.run_action(action)

    def _show_settings(self) -> None:
        path = config_path()
        where = f"{path}" if path.exists() else f"{path} (bestaat nog niet; 'werkboek config' maakt het aan)"
        self.notify(f"Instellingen: {where}", timeout=12)
