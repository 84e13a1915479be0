"""Moving between workbooks: the Werkboeken screen, opening another file with fresh screens, a new
workbook for a new client, and the next cycle of a workbook."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual._styles_cache import StylesCache
from textual.widgets import Footer

from models.content import Content, default_content
from models.formatting import aantal
from models.portfolio import create_workbook_file, cycle_file_name, new_cycle, new_workbook
from models.problems import Problem, WorkbookError
from models.store import load_workbook
from screens.dashboard import DashboardScreen
from screens.load_error import LoadErrorScreen
from screens.prompt import TextPromptScreen
from tui.changes import WorkbookChanges
from tui.navigation import MAIN_SCREENS


def _let_go_of_removed_widgets(app: WorkbookChanges) -> None:
    """Two places in Textual keep widgets of screens removed at a switch in memory; empty them.

    The Footer binds every key it composes to its own ``compact`` and lets go of keys it has replaced
    only when ``compact`` changes, which it never does here: each time a footer recomposes (every
    switch passes the Werkboeken screen) its old keys would stay. And ``StylesCache.get_inner_outer``
    is an lru_cache of 1,024 entries keyed by the widget's cache of rendered lines: a plain cache,
    emptied here so the removed screens' lines go with them."""
    for stack in app._screen_stacks.values():
        for screen in stack:
            for footer in screen.query(Footer):
                for watchers in getattr(footer, "__watchers", {}).values():
                    watchers[:] = [(node, callback) for node, callback in watchers if not node._closing]
    StylesCache.get_inner_outer.cache_clear()


class WorkbookSwitching(WorkbookChanges):
    """The part of the app that opens other workbooks than the one it started with."""

    location: Path
    _content: Content | None
    _tried: Path
    _notices: list[tuple[str, str]]

    @property
    def today(self) -> dt.date:
        raise NotImplementedError

    def _load(self) -> list[Problem]:
        raise NotImplementedError

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
                # save_now has said why: the file changed on disk (the choice is open) or the save failed
                # (the message names the recovery copy). Either way this workbook stays open.
                self.notify("Het open werkboek blijft open tot het is opgeslagen.", severity="warning")
                return
        if self.current_mode != "werkboeken":
            await self.switch_mode("werkboeken")
        for screen in MAIN_SCREENS:  # screens of the previous workbook go; new ones compose from the new one
            if screen.mode in self._screen_stacks:
                for old in self._screen_stacks[screen.mode]:
                    # A signal lets go of a removed screen only when it next publishes: until the first
                    # edit, every screen of every workbook opened before would stay in memory.
                    self.workbook_changed.unsubscribe(old)
                    self.file_state_changed.unsubscribe(old)
                await self.remove_mode(screen.mode)
                self.add_mode(screen.mode, DashboardScreen if screen.mode == "dashboard" else screen.factory())
        _let_go_of_removed_widgets(self)
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
        self.notify(
            f"Nieuwe cyclus: {target.name}, met {aantal(carried, 'open actie', 'open acties')} uit {source.name}.",
            timeout=8,
        )
        self.open_path(target)
