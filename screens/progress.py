"""'Voortgang sinds …': what changed since the last visit, read from git (models/progress_since.py).

Opened from the palette: it asks since when (proposed: the last session before today), looks it up in a
thread (git may take a moment), and shows the subjects one under the other. The same report as a file:
``werkboek export KLANT.toml --sinds VERSIE|DATUM``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import Static

from models.formatting import aantal, form_date
from models.git import GitError
from models.progress_since import ProgressSince, progress_since
from screens.base import AppScreen
from screens.prompt import TextPromptScreen
from widgets.header import WorkbookHeader
from widgets.key_bar import KeyBar
from widgets.scroll import Scroll

if TYPE_CHECKING:
    from core.session import WorkbookSession


def proposed_since(session: WorkbookSession) -> str:
    """The last session (logbook entry or scoring) before today, else the version before the last commit."""
    today = session.today
    days = [entry.datum for entry in session.workbook.logboek if entry.datum < today]
    days += [scoring.datum for scoring in session.workbook.metingen if scoring.datum < today]
    return form_date(max(days)) if days else "HEAD~1"


def ask_progress(app: App[Any], session: WorkbookSession) -> None:
    """Ask since when, then show the progress (or say in Dutch why it cannot be found)."""

    def chosen(asked: str | None) -> None:
        if asked and asked.strip():
            app.run_worker(lambda: _look_up(app, session, asked.strip()), thread=True, group="voortgang",
                           description="voortgang sinds", exit_on_error=False)  # fmt: skip

    app.push_screen(
        TextPromptScreen(
            "Voortgang sinds welke versie of datum?",
            "Een datum (6-10-2026: de laatste vastlegging op of voor die dag) of een git-versie (HEAD~3, een tag). "
            "enter toont de voortgang · escape annuleert",
            proposed_since(session),
        ),
        chosen,
    )


def _look_up(app: App[Any], session: WorkbookSession, asked: str) -> None:
    try:
        progress = progress_since(session.loaded.path, asked, session.workbook, session.content)
    except GitError as error:
        app.call_from_thread(app.notify, f"Geen voortgang te tonen: {error.reason}", severity="warning", timeout=10)
        return
    except Exception as error:  # an old version that cannot be read, ...: said, never a traceback
        app.call_from_thread(app.notify, f"Geen voortgang te tonen: {error}", severity="error", timeout=10)
        return
    app.call_from_thread(_show, app, progress, session)


def _show(app: App[Any], progress: ProgressSince, session: WorkbookSession) -> None:
    app.push_screen(ProgressScreen(progress, session))  # made here, on the app's thread


def progress_text(progress: ProgressSince) -> Content:
    lines: list[Content] = []
    for heading, items in progress.sections():
        lines.append(Content.styled(heading, "bold $text-primary"))
        lines += [Content(f"  • {item}") for item in items]
        lines.append(Content(""))
    if progress.other_changes:
        other = aantal(progress.other_changes, "andere wijziging", "andere wijzigingen")
        lines.append(Content.styled(f"Verder {other}; de geschiedenis (g) toont alles.", "$foreground-muted"))
    return Content("\n").join(lines)


class ProgressScreen(AppScreen[None]):
    """The progress since a version, to read; escape goes back."""

    HELP = (
        "Wat er veranderde sinds een eerdere versie uit git: afgeronde, nieuwe en gestopte acties, de scores "
        "van nieuwe metingen, wat van het wettelijk minimum in orde kwam en de sessies ertussen. Als bestand: "
        "werkboek export KLANT.toml --sinds VERSIE|DATUM."
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Terug", tooltip="Terug naar waar je was", id="voortgang.terug"),
    ]

    def __init__(self, progress: ProgressSince, session: WorkbookSession) -> None:
        super().__init__()
        self.progress = progress
        self.session = session

    def compose(self) -> ComposeResult:
        yield WorkbookHeader(self.progress.client, self.session.loaded.path)
        since = self.progress.since
        title = f" Voortgang sinds {since.label} · gevraagd: {since.asked}"
        yield Static(Content.styled(title, "bold"), id="progress-title")
        with Scroll(id="progress-body"):
            yield Static(progress_text(self.progress), id="progress-text")
        yield KeyBar()

    def action_close(self) -> None:
        self.dismiss()
