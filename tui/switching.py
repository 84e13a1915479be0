"""Moving between workbooks: the Werkboeken screen, opening another file with fresh screens, a new
workbook for a new client, and the next cycle of a workbook."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual._styles_cache import StylesCache

from models.cycle_period import PeriodError, checked_period, cycle_file_name, proposed_period
from models.formatting import aantal
from models.portfolio import create_workbook_file, new_cycle, new_workbook
from models.problems import WorkbookError
from models.store import load_workbook
from screens.load_error import LoadErrorScreen
from screens.prompt import TextPromptScreen
from screens.registry import MAIN_SCREENS

if TYPE_CHECKING:
    from tui.app import WerkboekApp


def _let_go_of_removed_widgets() -> None:
    """Empty a cache of Textual's that keeps widgets of screens removed at a switch in memory.

    ``StylesCache.get_inner_outer`` is an lru_cache of 1,024 entries keyed by the widget's cache of
    rendered lines: a plain cache, emptied here so the removed screens' lines go with them."""
    StylesCache.get_inner_outer.cache_clear()


class WorkbookSwitcher:
    """Opens other workbooks than the one the app started with, each with fresh screens."""

    def __init__(self, app: WerkboekApp) -> None:
        self.app = app

    def open_path(self, path: Path) -> None:
        """Open another workbook (the current one is saved first) with fresh screens."""
        self.app.run_worker(self._switch_workbook(path), group="switch-workbook", exclusive=True)

    async def _switch_workbook(self, path: Path) -> None:
        app, store = self.app, self.app.store
        # No local names the open session: a switch cancelled halfway (another one started) keeps this
        # frame in its exception's traceback, and with it the whole previous workbook.
        if store.session is not None:
            if store.session.loaded.path.resolve() == path.resolve():
                app.switch_mode("dashboard")
                return
            if not store.save_now():
                # save_now has said why: the file changed on disk (the choice is open) or the save failed
                # (the message names the recovery copy). Either way this workbook stays open.
                app.notify("Het open werkboek blijft open tot het is opgeslagen.", severity="warning")
                return
        if app.current_mode != "werkboeken":
            await app.switch_mode("werkboeken")
        for screen in MAIN_SCREENS:  # screens of the previous workbook go; new ones compose from the new one
            if screen.mode in app._screen_stacks:
                for old in app._screen_stacks[screen.mode]:
                    # A signal lets go of a removed screen only when it next publishes: until the first
                    # edit, every screen of every workbook opened before would stay in memory.
                    app.workbook_changed.unsubscribe(old)
                    app.file_state_changed.unsubscribe(old)
                await app.remove_mode(screen.mode)
                app.add_mode(screen.mode, app.MODES[screen.mode])
        _let_go_of_removed_widgets()
        app.location = path
        store.close()
        problems = store.load(path, app.content, app.today)
        if problems:
            app.push_screen(LoadErrorScreen(path, problems))
            return
        await app.switch_mode("dashboard")
        app.show_notices()
        app.show_conflicts(quiet=True)
        app.git.refresh_state()

    def create_workbook(self, folder: Path, client: str) -> None:
        """Start a workbook for a new client in ``folder`` and open it."""
        try:
            path = create_workbook_file(folder, new_workbook(client), self.app.content)
        except (ValueError, FileExistsError, OSError) as error:
            self.app.notify(f"Niet gemaakt: {error}", severity="error", timeout=8)
            return
        self.app.notify(f"Nieuw werkboek: {path.name}. Vul het profiel in op Organisatie (8).", timeout=8)
        self.open_path(path)

    def ask_new_cycle(self, path: Path | None = None) -> None:
        """Ask the period of the next cycle of ``path`` (default: the open workbook), then make its file,
        named after the period (``klant-2027.toml``)."""
        session = self.app.store.session
        source = path or (session.loaded.path if session else None)
        if source is None:
            return
        folder = source.parent

        def check(text: str) -> str | None:
            try:
                checked_period(text)
            except PeriodError as error:
                return str(error)
            return None

        def chosen(text: str | None) -> None:
            if text:
                period = checked_period(text)
                name = cycle_file_name(source, period, (p.name for p in folder.glob("*.toml")))
                self._make_cycle(source, folder / name, period)

        self.app.push_screen(
            TextPromptScreen(
                f"Nieuwe cyclus van {source.name}: welke periode?",
                "Een jaar (2027) of twee jaren (2027-2028); het bestand krijgt die naam. Scores, niveaus, wettelijk "
                "minimum en logboek blijven als geschiedenis; open acties gaan mee, de checklists beginnen opnieuw. "
                "enter maakt het bestand · escape annuleert",
                proposed_period(source, self.app.today),
                check=check,
            ),
            chosen,
        )

    def _make_cycle(self, source: Path, target: Path, period: str) -> None:
        app = self.app
        session = app.store.session
        try:
            if session is not None and session.loaded.path.resolve() == source.resolve():
                workbook, content = session.workbook, session.content
            else:
                content = app.content
                workbook = load_workbook(source, content).workbook
            cycle = new_cycle(workbook, app.today, source.name, period)
            create_workbook_file(target.parent, cycle, content, target.name)
        except (WorkbookError, FileExistsError, OSError) as error:
            app.notify(f"Geen nieuwe cyclus gemaakt: {error}", severity="error", timeout=8)
            return
        carried = len(cycle.acties)
        app.notify(
            f"Nieuwe cyclus {period}: {target.name}, met {aantal(carried, 'open actie', 'open acties')} "
            f"uit {source.name}.",
            timeout=8,
        )
        self.open_path(target)
