"""The Textual app: opens a workbook (or explains why it cannot), switches screens, keeps changes."""

from __future__ import annotations

import datetime as dt
import gc
import importlib
import os
import sys
from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, cast

from textual import events, work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.command import CommandPalette
from textual.driver import Driver
from textual.geometry import Size
from textual.screen import ModalScreen, Screen
from textual.signal import Signal
from textual.theme import Theme
from textual.widget import Widget
from textual.widgets import Input

from core.memory import release_freed_memory
from core.session import WorkbookSession
from core.store import AUTOSAVE_SECONDS, WorkbookStore
from models.action_list import search_text
from models.canonical import dumps_workbook
from models.content import Content, default_content
from models.settings import THEMES as THEME_NAMES
from models.settings import LoadedSettings, announce_ready, config_path, load_settings, read_state, remember
from screens.base import AppScreen, WorkbookScreen
from screens.dashboard import DashboardScreen
from screens.host import WorkbookHost
from screens.load_error import LoadErrorScreen
from screens.registry import MAIN_SCREENS, PORTFOLIO, PRELOADED, screen_title
from screens.too_small import MIN_HEIGHT, MIN_WIDTH, TooSmallScreen
from tui.commands import PaletteCommand, WerkboekCommands
from tui.drafts import bring_back_draft
from tui.dutch_textual import DutchCommandPalette
from tui.key_gate import GateEvent, KeyGate
from tui.leaving import catch_hangup, keep_open_forms
from tui.scheduler import TextualScheduler
from tui.store_dialogs import AppListener, offer_recovery
from tui.stylesheet import SharedParseStylesheet, save_parsed
from tui.themes import DARK, LABELS, THEMES
from tui.typing_collector import TypingCollectorPause

if TYPE_CHECKING:
    from models.library import LibraryItem
    from models.workbook import Workbook
    from screens.form import FormValues
    from tui.git_tasks import GitTasks
    from tui.switching import WorkbookSwitcher
    from tui.tasks import WorkbookTasks

PRELOAD_AFTER_SECONDS = 1.5
GIT_STATE_SECONDS = 10.0
"""How often the header's git state is looked up again (local only: no network)."""


def _typing_text(widget: Widget | None) -> bool:
    """A number key is text here: a text area, or a field that already holds text (an empty search box
    lets the number keys switch screens, as everywhere else)."""
    # Textual's TextArea module loads with the first form that has one, not at start-up: without it
    # loaded, no widget can be a text area.
    text_area = sys.modules.get("textual.widgets._text_area")
    if text_area is not None and isinstance(widget, text_area.TextArea):
        return True
    return isinstance(widget, Input) and bool(widget.value)


SCREENS_GROUP = Binding.Group("Scherm", compact=True)
"""Shows the screen keys as one footer entry ("12345 Scherm") so each screen keeps room for its own keys."""
UNDO_GROUP = Binding.Group("Terug/opnieuw")


class WerkboekApp(App[None]):
    """Preventiewerkboek: dashboards, reference content and the action plan of one client workbook."""

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
                screen.title,
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
        autosave_seconds: float | None = None,
    ) -> None:
        super().__init__()
        self.stylesheet = SharedParseStylesheet(variables=self.get_css_variables())  # CSS parsed once per process
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
        self.workbook_changed: Signal[WorkbookSession] = Signal(self, "workbook-changed")
        """Published after every change, so each screen can redraw from the session."""
        self.file_state_changed: Signal[WorkbookSession] = Signal(self, "file-state-changed")
        """Published when the file state (saved, unsaved, conflict) changes."""
        if autosave_seconds is None:
            autosave_seconds = float(os.environ.get("WERKBOEK_AUTOSAVE_SECONDS", AUTOSAVE_SECONDS))
        self.store = WorkbookStore(TextualScheduler(self), AppListener(self), autosave_seconds=autosave_seconds)
        """The open workbook, its changes, autosave and the watch on its file (core/store.py)."""
        self.key_gate = KeyGate(self._let_in, self._screen_ready, self._call_after)
        self.typing_collector = TypingCollectorPause(self)
        """No cyclic garbage collection during a burst of keys (tui/typing_collector.py)."""

    @cached_property
    def git(self) -> GitTasks:
        """Vastleggen, Bijwerken, Delen and the header's git state (made after the first frame)."""
        from tui.git_tasks import GitTasks

        return GitTasks(self)

    _first_frame_shown = False
    """The first screen is on screen (:meth:`_first_frame_drawn`): from then on git is asked at once."""

    def delay_update(self, delay: float = 0.05) -> None:
        """Textual holds the screen back for 50 ms after a mode switch, to hide the change; before the first
        frame nothing is on screen to hide, and the hold delayed the dashboard's first frame (issue 16)."""
        if self._first_frame_shown:
            super().delay_update(delay)

    def _refresh_git_state(self) -> None:
        self.git.refresh_state()

    @cached_property
    def switcher(self) -> WorkbookSwitcher:
        """Opening other workbooks (made on first use: not needed for the first screen)."""
        from tui.switching import WorkbookSwitcher

        return WorkbookSwitcher(self)

    @cached_property
    def tasks(self) -> WorkbookTasks:
        """Scoring, reports, history and adding library items (made on first use)."""
        from tui.tasks import WorkbookTasks

        return WorkbookTasks(self)

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

    @property
    def session(self) -> WorkbookSession | None:
        """The open workbook, or None (none opened yet, or it could not be read)."""
        return self.store.session

    @property
    def content(self) -> Content:
        """The library content the open workbook is read with."""
        session = self.store.session
        return session.content if session is not None else self._content or default_content()

    def change(self, workbook: Workbook, description: str) -> bool:
        """Make ``workbook`` the current state (undoable, saved within a second); False if refused."""
        return self.store.change(workbook, description)

    def save_now(self) -> bool:
        """Write unsaved changes right away; False when that did not happen (the user has been told why)."""
        return self.store.save_now()

    def on_mount(self) -> None:
        if os.environ.get("WERKBOEK_STALL_LOG"):  # the benchmark's watch on the event loop (off for users)
            from tui.stall_watch import start_if_asked

            start_if_asked()
        self._apply_keymap()
        # The first screen is made once Textual's start-up batch is over: made inside it, its first frame
        # was drawn and thrown away, and only drawn again on the next screen update (15 ms later).
        self.call_later(self._show_first_screen)
        self.set_interval(GIT_STATE_SECONDS, self._refresh_git_state, name="git-state")
        catch_hangup(self)
        self.set_timer(PRELOAD_AFTER_SECONDS, self._preload_screens)
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        self.screen_change_signal.subscribe(self, lambda _screen: self.key_gate.screen_changed())

    def _show_first_screen(self) -> None:
        if self.location.is_dir():
            self.switch_mode("werkboeken")
        else:
            self._open()
        self.store.watch_file()  # from the file as just read
        for problem in self._settings_problems:
            self.notify(f"Instellingen niet gebruikt: {problem}", severity="warning", timeout=20)
        self._check_size()
        self.call_after_refresh(self._first_frame_drawn)

    def _first_frame_drawn(self) -> None:
        """The first screen is up: what start-up made lives as long as the app, so it leaves the garbage
        collector's passes (``gc.freeze``) before the collector, off during start-up, goes back on."""
        gc.freeze()
        gc.enable()
        self._first_frame_shown = True
        announce_ready(type(self.screen).__name__)
        # The CSS rules of this start, read back by the next one (tui/stylesheet.py); written only when new.
        self.run_worker(save_parsed, thread=True, group="css-cache", exit_on_error=False)
        if self.session is not None:
            self.call_after_refresh(self._refresh_git_state)

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
        build the library, render the plan once, so the first autosave only writes what changed, and prepare
        the text the action filter searches."""
        for module in PRELOADED:
            importlib.import_module(module)
        session = self.session
        if session is not None:
            session.library  # noqa: B018 - built here, not on the first key that needs it (Succesfactoren)
            dumps_workbook(session.workbook, session.content)
            for action in session.workbook.acties:
                search_text(action)
        # What was made here lives as long as the workbook (screens, rendered blocks, search texts): out of
        # the collector's full passes, which at 10,000 actions would otherwise pause a keystroke now and then.
        gc.freeze()
        release_freed_memory()

    def _open(self) -> None:
        reloading = self.session is not None
        problems = self.store.load(self.location, self.content, self.today)
        if problems:
            self.push_screen(LoadErrorScreen(self.store.tried or self.location, problems))
        else:
            if isinstance(self.screen, LoadErrorScreen):
                self.pop_screen()
            if self.current_mode not in self.MODES:
                self.switch_mode("dashboard")
            if reloading:  # screens made earlier show the old workbook; new ones compose from the session
                assert self.session is not None
                self.workbook_changed.publish(self.session)
                self.file_state_changed.publish(self.session)
            self.call_later(bring_back_draft, self)
            self.call_later(offer_recovery, self)  # edits kept after a failed save (tui/store_dialogs.py)
            self.call_later(self.show_conflicts, quiet=True)  # a merge left choices to make
            if self._first_frame_shown:
                self.call_after_refresh(self._refresh_git_state)  # git runs once the screen is up
            # else _first_frame_drawn asks git: not before the first frame is on screen
        self.show_notices()

    def show_notices(self) -> None:
        """What the last load had to say besides opening (a read-only file, say)."""
        for message, severity in self.store.notices:
            self.notify(message, severity=severity, timeout=12)

    def open_workbook(self) -> None:
        """(Re)load the workbook from disk and show it; or its problems."""
        self._open()

    # -- what screens and keys ask of the app (screens/host.py) -------------------------------------

    def action_undo(self) -> None:
        """Undo the last change to the workbook."""
        self.store.undo()

    def action_redo(self) -> None:
        """Do the last undone change again."""
        self.store.redo()

    def action_resolve_conflict(self) -> None:
        """Choose again what happens with a file that changed on disk."""
        if self.store.needs_resolving():
            self.store.file_changed_outside()
        else:
            self.notify("Het bestand op schijf is gelijk aan wat het werkboek kent.")

    def git_commit(self, draft: FormValues | None = None) -> None:
        """Vastleggen (v on the dashboard): commit the workbook with a message from what changed."""
        self.git.commit(draft)

    def action_git_commit(self) -> None:
        self.git.commit()

    def action_git_pull(self) -> None:
        """Bijwerken: bring in what colleagues shared, merged by meaning."""
        self.git.pull()

    def action_git_push(self) -> None:
        """Delen: put the commits made here in the shared repository."""
        self.git.push()

    def show_conflicts(self, *, quiet: bool = False) -> None:
        """The Conflicten screen, when a merge left conflicts in the open workbook (``quiet``: say nothing
        when there are none)."""
        session = self.session
        if session is None:
            return
        if not session.workbook.conflicten:
            if not quiet:
                self.notify("Dit werkboek heeft geen conflicten.")
            return
        from screens.conflicts import ConflictsScreen  # only when there are conflicts (not at every start)

        if not any(isinstance(screen, ConflictsScreen) for screen in self.screen_stack):
            self.push_screen(ConflictsScreen())

    def open_path(self, path: Path) -> None:
        self.switcher.open_path(path)

    def create_workbook(self, folder: Path, client: str) -> None:
        self.switcher.create_workbook(folder, client)

    def ask_new_cycle(self, path: Path | None = None) -> None:
        self.switcher.ask_new_cycle(path)

    def add_item_as_action(self, item: LibraryItem) -> None:
        self.tasks.add_item_as_action(item)

    def start_scoring(self, day: dt.date | None = None) -> None:
        self.tasks.start_scoring(day)

    def correct_round(self) -> None:
        self.tasks.correct_round()

    def action_export_report(self) -> None:
        self.tasks.export_report()

    def action_show_history(self) -> None:
        self.tasks.show_history()

    def action_show_portfolio(self) -> None:
        self.show_portfolio()

    def show_history(self) -> None:
        self.tasks.show_history()

    def show_portfolio(self) -> None:
        """The Werkboeken screen of the open workbook's folder."""
        if self.current_mode != "werkboeken":
            self.switch_mode("werkboeken")

    # -- leaving ------------------------------------------------------------------------------------

    async def action_quit_now(self) -> None:
        """ctrl+q: quit at once, from anywhere; an open form is kept as a draft, edits are saved."""
        drafts = keep_open_forms(self)
        message = self.store.keep_edits_on_exit()
        self.exit(message="\n".join(part for part in (drafts, message) if part) or None)

    async def action_quit(self) -> None:
        """Quit; unsaved changes are written first (in a conflict kept beside the file, after a failed
        save in a recovery copy): quitting always ends, except to ask about a file changed on disk."""
        if not self.store.save_before_quitting():
            return  # the file changed on disk: the user is asked what to do with it first
        self.exit(message=self.store.keep_edits_on_exit())

    def on_unmount(self) -> None:
        """However the app ends, what was changed is written (or kept beside the file)."""
        self.typing_collector.resume()
        self.store.keep_edits_on_exit()

    def _screen_in_view(self) -> Screen[object]:
        """The screen the user works on: the one under the palette or the help, if those are open."""
        from screens.help import HelpScreen

        for screen in reversed(self.screen_stack):
            if not isinstance(screen, (CommandPalette, HelpScreen)):
                return cast("Screen[object]", screen)
        return self.screen

    # -- keys ---------------------------------------------------------------------------------------

    async def on_event(self, event: events.Event) -> None:
        """Keys and pastes go in one at a time (see tui/key_gate.py); everything else as usual."""
        if isinstance(event, (events.Key, events.Paste)) and not event.is_forwarded:
            self.typing_collector.key()
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
        if action in {"git_commit", "git_pull", "git_push"}:
            # Keys for a workbook in git only; the palette calls the actions directly and explains.
            return self.session is not None and self.session.git is not None
        if action == "quit":
            # q never closes the app from a form or a dialog: there it may be typed, or be a slip.
            screen = self._screen_in_view()
            return not isinstance(screen, ModalScreen) and not (isinstance(screen, AppScreen) and screen.IS_FORM)
        return True

    def redraw_failed(self, screen: Screen[Any], error: Exception) -> None:
        """A screen could not redraw after a change. The change itself is kept and saved; the user is
        told, and under test (STRICT_REDRAWS) the error fails the test like any other."""
        if self.STRICT_REDRAWS:
            self._handle_exception(error)
            return
        title = screen_title(screen)
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
        if self.use_command_palette and not CommandPalette.is_open(cast("App[object]", self)):
            self.hint_used()
            self.push_screen(DutchCommandPalette(id="--command-palette"))

    def action_help(self) -> None:
        """The help of the screen in view."""
        from screens.help import HelpScreen

        screen = self.screen
        if isinstance(screen, (HelpScreen, CommandPalette, TooSmallScreen)):
            return
        self.hint_used()
        self.push_screen(HelpScreen(screen, screen_title(screen)))

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
        from tui.app_commands import app_commands

        return app_commands(self)

    async def run_on_screen_any(self, mode: str, action: str) -> None:
        """Like :meth:`run_on_screen`, also without an open workbook (the Werkboeken screen)."""
        if self.current_mode != mode:
            await self.switch_mode(mode)
        await self.screen.run_action(action)


def _as_host(app: WerkboekApp) -> WorkbookHost:
    """mypy checks here that the app gives the screens all that screens/host.py promises them."""
    return app
