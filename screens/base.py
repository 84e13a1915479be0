"""What every main screen shares: typed access to the app and the open workbook, the header,
and redrawing after each saved change."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from textual import events, on
from textual.screen import Screen

from screens.host import host_of
from widgets.header import WorkbookHeader

if TYPE_CHECKING:
    from core.session import WorkbookSession
    from models.drafts import Draft
    from screens.host import WorkbookHost


class WorkbookScreen(Screen[None]):
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
