"""Git from the app: Vastleggen (commit with a message from the semantic diff), Bijwerken (pull through
the workbook merge driver), Delen (push), and the git state the header shows.

Git runs in a thread: the screen never waits on a slow server. Errors are shown in Dutch, never raised.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from core.session import WorkbookSession
from models.git import GitError, repository_root
from models.git_sync import (
    GitState,
    commit,
    committed_workbook,
    git_state,
    pull,
    push,
    suggested_message,
)

if TYPE_CHECKING:
    from screens.form import FormValues
    from tui.app import WerkboekApp

T = TypeVar("T")


class GitTasks:
    """The three git commands of the app and the state the header shows."""

    def __init__(self, app: WerkboekApp) -> None:
        self.app = app
        self.busy: str | None = None
        """The git command running now ("vastleggen", "bijwerken", "delen"), one at a time."""

    # -- running git off the screen's thread ----------------------------------------------------

    def _in_thread(self, what: str, job: Callable[[], T], done: Callable[[T], None], *, title: str) -> None:
        """Run ``job`` in a thread, then ``done`` with its result on the app's side; a failure is shown."""

        def run() -> None:
            try:
                result = job()
            except GitError as error:
                self.app.call_from_thread(self._failed, title, error.reason, error.detail)
                return
            except Exception as error:  # never a traceback in the user's face
                self.app.call_from_thread(self._failed, title, f"onverwachte fout ({type(error).__name__})", str(error))
                return
            self.app.call_from_thread(done, result)

        self.app.run_worker(run, name=what, group="git", description=f"git: {what}", thread=True, exit_on_error=False)

    def _failed(self, title: str, reason: str, detail: str) -> None:
        self.busy = None
        self.app.store.hold_disk_watch(False)
        extra = f"\n(git: {detail})" if detail else ""
        text = f"{reason[:1].upper()}{reason[1:]}.{extra}"
        self.app.notify(text, title=title, severity="error", timeout=15, markup=False)  # git output is no markup
        self.refresh_state()

    def _start(self, what: str) -> WorkbookSession | None:
        """The open session when ``what`` may start now; else None, with the reason shown."""
        session = self.app.store.session
        if session is None:
            return None
        if self.busy is not None:
            self.app.notify(f"Git is nog bezig met {self.busy}; even geduld.", timeout=5)
            return None
        if repository_root(session.loaded.path) is None:
            self.app.notify(
                f"{session.loaded.path.name} staat niet in een git-repository: vastleggen, bijwerken en delen "
                "werken alleen in een map die met git wordt bijgehouden ('git init' of 'git clone').",
                title="Geen git",
                severity="warning",
                timeout=12,
            )
            return None
        if not self.app.store.save_now():
            self.app.notify(f"Eerst moet het werkboek opgeslagen zijn; {what} wacht.", severity="warning")
            return None
        return session

    # -- the state in the header ----------------------------------------------------------------

    def refresh_state(self) -> None:
        """Look up the git state of the open workbook (in a thread); the header follows."""
        session = self.app.store.session
        if session is None:
            return
        path = session.loaded.path

        def run() -> None:
            try:
                state = git_state(path)
            except Exception:  # the state is a help: without it the header just shows none
                state = None
            with contextlib.suppress(Exception):  # the app is closing
                self.app.call_from_thread(self._state_known, session, state)

        self.app.run_worker(run, name="git-state", group="git-state", description="git: stand", thread=True,
                            exclusive=True, exit_on_error=False)  # fmt: skip

    def _state_known(self, session: WorkbookSession, state: GitState | None) -> None:
        if self.app.store.session is session and session.git != state:
            session.git = state
            self.app.file_state_changed.publish(session)

    # -- Vastleggen, Bijwerken, Delen -----------------------------------------------------------

    def commit(self, draft: FormValues | None = None) -> None:
        """Vastleggen: ask the message (suggested from the change since the last commit), then commit."""
        session = self._start("vastleggen")
        if session is None:
            return
        if getattr(session.workbook, "conflicten", None):
            self.app.notify("Los eerst de conflicten op (Conflicten), dan vastleggen.", severity="warning")
            return
        path, content, now = session.loaded.path, session.content, session.workbook
        self.busy = "vastleggen"

        def prepare() -> tuple[GitState | None, str, str]:
            state = git_state(path)
            merging = state is not None and state.merging
            message = suggested_message(committed_workbook(path, content), now, content, merging=merging)
            return state, message, _in_repository(path)

        def ask(found: tuple[GitState | None, str, str]) -> None:
            self.busy = None
            state, suggestion, place = found
            if state is None or not (state.uncommitted or state.merging):
                self.app.notify("Niets vast te leggen: het werkboek is gelijk aan de laatste vastlegging.")
                return
            merging = " · rondt de samenvoeging af" if state.merging else ""
            where = f"{place} · tak {state.branch}{merging}"
            from screens.commit_form import CommitFormScreen  # noqa: PLC0415 - only when committing

            form = CommitFormScreen(suggestion, where)
            if draft:
                form.restoring(dict(draft))
            self.app.push_screen(form, lambda message: self._commit(path, message))

        self._in_thread("vastleggen", prepare, ask, title="Vastleggen mislukt")

    def _commit(self, path: Path, message: str | None) -> None:
        if message is None or self.busy is not None:
            return
        self.busy = "vastleggen"

        def done(short: str) -> None:
            self.busy = None
            title = message.splitlines()[0]
            self.app.notify(
                f"Vastgelegd als {short}: {title}. Delen (d) zet het in de gedeelde repository.", timeout=10
            )
            self.refresh_state()

        self._in_thread("vastleggen", lambda: commit(path, message), done, title="Vastleggen mislukt")

    def pull(self) -> None:
        """Bijwerken: bring in what colleagues shared, merged by meaning; conflicts open Conflicten."""
        session = self._start("bijwerken")
        if session is None:
            return
        path = session.loaded.path
        self.busy = "bijwerken"
        self.app.store.hold_disk_watch(True)  # the pull changes the file: that is no change "by someone else"

        def done(outcome_message: tuple[str, str]) -> None:
            self.busy = None
            kind, message = outcome_message
            self.app.open_workbook()  # the merged file, read fresh
            self.app.store.hold_disk_watch(False)
            self.app.notify(message, title="Bijwerken", severity="warning" if kind == "conflict" else "information",
                            timeout=12)  # fmt: skip
            self.refresh_state()

        def job() -> tuple[str, str]:
            outcome = pull(path)
            return outcome.kind, outcome.message

        self._in_thread("bijwerken", job, done, title="Bijwerken mislukt")

    def push(self) -> None:
        """Delen: put the commits made here in the shared repository."""
        session = self._start("delen")
        if session is None:
            return
        path = session.loaded.path
        self.busy = "delen"

        def done(message: str) -> None:
            self.busy = None
            self.app.notify(message, title="Delen", timeout=10)
            self.refresh_state()

        self._in_thread("delen", lambda: push(path), done, title="Delen mislukt")


def _in_repository(path: Path) -> str:
    root = repository_root(path)
    if root is None:
        return path.name
    return f"{path.resolve().relative_to(root.resolve()).as_posix()} in {root.name}"
