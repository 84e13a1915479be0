"""Shown instead of the dashboard when a workbook cannot be opened: what is wrong, and where."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import Static

from models.problems import Problem
from screens.base import AppScreen
from screens.host import host_of
from widgets.header import WorkbookHeader, display_path
from widgets.key_bar import KeyBar
from widgets.scroll import Scroll

if TYPE_CHECKING:
    pass


class LoadErrorScreen(AppScreen[None]):
    """Lists every problem in the file with its position; ``r`` tries again after a fix."""

    HELP = (
        "Dit werkboek kan niet worden geopend. De meldingen noemen regel, kolom en wat er mag; pas het "
        "bestand aan en druk op r."
    )

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "reload", "Opnieuw laden", tooltip="Lees het bestand opnieuw na een correctie", id="fout.opnieuw"),
    ]

    def __init__(self, path: Path, problems: list[Problem]) -> None:
        super().__init__()
        self.path = path
        self.problems = problems

    def compose(self) -> ComposeResult:
        yield WorkbookHeader("kan niet worden geopend", self.path)
        with Scroll(id="load-error"):
            yield Static(
                Content.assemble(
                    ("Dit werkboek kan niet worden geopend", "bold $error"),
                    "\n",
                    (display_path(self.path), "$foreground-muted"),
                ),
                id="load-error-title",
            )
            count = len(self.problems)
            intro = "Er is 1 probleem gevonden:" if count == 1 else f"Er zijn {count} problemen gevonden:"
            yield Static(intro, id="load-error-intro")
            yield Static(Content("\n").join(Content(str(problem)) for problem in self.problems), id="load-error-list")
            yield Static(
                Content.assemble(
                    "Pas het bestand aan in een editor en druk op ",
                    ("r", "bold $accent"),
                    " om het opnieuw te laden, of op ",
                    ("q", "bold $accent"),
                    " om te stoppen. Buiten de app toont ",
                    ("werkboek check", "bold"),
                    " dezelfde meldingen.",
                ),
                id="load-error-hint",
            )
        yield KeyBar()

    def action_reload(self) -> None:
        host_of(self).open_workbook()
