"""What every screen shares: Textual's screen keys (the next and previous field, copying a selection)
with ids, so they can be remapped (:class:`AppScreen`, :class:`AppDialog`); and what every main screen
shares: typed access to the app and the open workbook, the header, and redrawing after each saved
change (:class:`WorkbookScreen`)."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from textual import events, on
from textual._context import active_app
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen, Screen

from screens.host import host_of
from widgets.header import WorkbookHeader

if TYPE_CHECKING:
    from core.session import WorkbookSession
    from models.drafts import Draft
    from screens.host import WorkbookHost


ResultT = TypeVar("ResultT")

SCREEN_KEYS: list[BindingType] = [
    Binding("tab", "app.focus_next", "Volgend veld", tooltip="Naar het volgende veld, de volgende lijst of het "
            "volgende vak", show=False, id="scherm.volgende"),
    Binding("shift+tab", "app.focus_previous", "Vorig veld", tooltip="Terug naar het vorige veld, de vorige lijst "
            "of het vorige vak", show=False, id="scherm.vorige"),
    Binding("ctrl+c,super+c", "screen.copy_text", "Selectie kopiëren", tooltip="Kopieer de tekst die je met de muis "
            "selecteerde", show=False, id="scherm.kopieren"),
]  # fmt: skip
"""Textual's keys of every screen, with ids; a subclass that binds a key again replaces Textual's binding."""


class AppScreen(Screen[ResultT]):
    """Every screen of the app: the keys of :data:`SCREEN_KEYS`."""

    BINDINGS: ClassVar[list[BindingType]] = SCREEN_KEYS
    IS_FORM: ClassVar[bool] = False
    """A form (screens/form.py): q is typed there, never quits, and what is typed becomes a draft."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        with contextlib.suppress(LookupError):  # made outside a running app (a test): nothing to follow
            app = active_app.get()
            # A new screen is styled as its widgets mount, with the stylesheet as it is now. Textual marks
            # every new screen as behind on CSS updates (-1), and so re-parsed and re-applied the whole
            # app's CSS the first time each screen opened (tens of ms); mark it up to date instead.
            # (A private field of Textual, pinned exactly in pyproject.toml; a theme change later still
            # reaches every screen through Textual's own count.)
            self._css_update_count = app._css_update_count
            self._breakpoints_for(app.size.width, app.size.height)

    def _breakpoints_for(self, width: int, height: int) -> None:
        """The breakpoint classes (``-wide``) for the terminal's size, from the start: Textual sets them on
        the first resize, after the screen was laid out and drawn once in the wrong layout (at 160×45 the
        dashboard was drawn narrow first, then wide)."""
        horizontal = (self.HORIZONTAL_BREAKPOINTS if self.HORIZONTAL_BREAKPOINTS is not None else
                      self.app.HORIZONTAL_BREAKPOINTS) or []  # fmt: skip
        vertical = (self.VERTICAL_BREAKPOINTS if self.VERTICAL_BREAKPOINTS is not None else
                    self.app.VERTICAL_BREAKPOINTS) or []  # fmt: skip
        if not (width and (horizontal or vertical)):
            return
        wanted = self._get_breakpoint_classes(width, horizontal) | self._get_breakpoint_classes(height, vertical)
        self.update_classes({name: name in wanted for _, name in [*horizontal, *vertical]})


class AppDialog(ModalScreen[ResultT], AppScreen[ResultT]):
    """Every dialog of the app (over another screen): a ModalScreen with the keys of every screen."""


class WorkbookScreen(AppScreen[None]):
    """A main screen of the open workbook (dashboard, factors, phases, library, …)."""

    SWITCHES_SCREENS: ClassVar[bool] = True
    """The number keys go to the other main screens; a focused mode (scoring) turns that off."""

    @property
    def werkboek(self) -> WorkbookHost:
        return host_of(self)

    @property
    def session(self) -> WorkbookSession:
        session = self.werkboek.session
        if session is None:  # the app only shows these screens with an open workbook
            raise RuntimeError("geen werkboek geopend")
        return session

    def header(self) -> WorkbookHeader:
        return WorkbookHeader.of(self.session)

    def on_mount(self) -> None:
        self.werkboek.workbook_changed.subscribe(self, self._workbook_changed)
        self.werkboek.file_state_changed.subscribe(self, self._file_state_changed)

    _stale: bool = False
    """The workbook changed while this screen was out of sight: it redraws when it is shown again."""

    def _workbook_changed(self, session: WorkbookSession) -> None:
        if self.is_current:
            self._redraw(lambda: self.show_workbook(session))
        else:
            self._stale = True  # one redraw when shown, not one per change while hidden

    @on(events.ScreenResume)
    def _redraw_if_stale(self) -> None:
        if self._stale and self.werkboek.session is not None:
            self._stale = False
            session = self.werkboek.session
            self._redraw(lambda: self.show_workbook(session))

    def _file_state_changed(self, session: WorkbookSession) -> None:
        self._redraw(lambda: self.query_one(WorkbookHeader).show(session))

    def _redraw(self, draw: Callable[[], None]) -> None:
        """Textual's Signal swallows a subscriber's exception, so a screen whose redraw failed would stay
        stale unnoticed: the app is told instead (the user sees it, a test fails on it)."""
        try:
            draw()
        except Exception as error:
            self.werkboek.redraw_failed(self, error)

    def restore_draft(self, draft: Draft) -> None:
        """Open the form a draft came from, with the draft in it; screens that open forms say how."""
        self.notify(f"Concept '{draft.title}' kan hier niet terugkomen.", severity="warning")

    def show_workbook(self, session: WorkbookSession) -> None:
        """Redraw from the (changed) workbook; screens that show workbook data override this."""
