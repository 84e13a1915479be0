"""How the app changes the workbook: one path for every screen, with undo, autosave within a second,
a watch on the file for changes by others, and a save before quitting or when the terminal goes."""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import time
from typing import TYPE_CHECKING

from textual import work
from textual.app import App
from textual.screen import Screen
from textual.signal import Signal
from textual.timer import Timer

from models.drafts import keep_drafts
from models.problems import ChangedOnDiskError, CommentsWouldBeLostError, ReadOnlyError
from models.store import LoadedWorkbook, backup_path, changed_on_disk, save_conflict_copy, save_workbook
from models.workbook import Workbook
from screens.confirm import ConfirmScreen
from screens.external_change import ExternalChangeScreen
from screens.form import FormScreen

if TYPE_CHECKING:
    from tui.session import WorkbookSession

AUTOSAVE_SECONDS = float(os.environ.get("WERKBOEK_AUTOSAVE_SECONDS", "0.3"))
"""Pause after a change before it is written; every change is on disk within a second."""
LEAVE_SECONDS = 1.5
"""After a hang-up or SIGTERM (edits kept), the process ends within this time, whatever blocks it."""
DISK_CHECK_SECONDS = 2.0
"""How often the file is looked at for changes made outside the app."""


class WorkbookChanges(App[None]):
    """The part of the app that owns changes to the open workbook and their way to the file."""

    session: WorkbookSession | None

    def init_changes(self) -> None:
        self.workbook_changed: Signal[WorkbookSession] = Signal(self, "workbook-changed")
        """Published after every change, so each screen can redraw from the session."""
        self.file_state_changed: Signal[WorkbookSession] = Signal(self, "file-state-changed")
        """Published when the file state (saved, unsaved, conflict) changes."""
        self._save_timer: Timer | None = None
        self._saving = False
        self._write_lock = threading.Lock()
        """One write at a time: a background save and a save on quitting never cross."""
        self._disk_stamp: tuple[int, int] | None = None
        self._external_notice_open = False

    # -- changes ---------------------------------------------------------------------------------

    def change(self, workbook: Workbook, description: str) -> bool:
        """Make ``workbook`` the current state (undoable) and save it soon; False if refused."""
        session = self.session
        if session is None:
            return False
        if session.loaded.read_only_reason:
            self.notify(f"Niet gewijzigd: {session.loaded.read_only_reason}", severity="error", timeout=10)
            return False
        if session.loaded.comment_lines and not session.drop_comments:
            self._ask_to_drop_comments(workbook, description)
            return False
        session.apply(workbook, description)
        self._changed(session)
        return True

    def _changed(self, session: WorkbookSession) -> None:
        self.workbook_changed.publish(session)
        self.file_state_changed.publish(session)
        self.schedule_save()

    def _ask_to_drop_comments(self, workbook: Workbook, description: str) -> None:
        session = self.session
        assert session is not None
        lines = ", ".join(str(n) for n in session.loaded.comment_lines[:8])

        def answered(drop: bool | None) -> None:
            if drop and self.session is session:
                session.drop_comments = True
                self.change(workbook, description)
            else:
                self.notify("Niets gewijzigd: de opmerkingen in het bestand blijven staan.", severity="warning")

        self.push_screen(
            ConfirmScreen(
                "Opmerkingen gaan verloren",
                f"Het bestand bevat opmerkingen (#) op regel {lines}. Het werkboek slaat elke wijziging "
                "op en haalt die opmerkingen dan weg. De versie van nu blijft bewaard als reservekopie: "
                f"{backup_path(session.loaded.path)}. Doorgaan?",
            ),
            answered,
        )

    def action_undo(self) -> None:
        """Undo the last change to the workbook."""
        session = self.session
        change = session.undo() if session else None
        if session is None or change is None:
            self.notify("Er is niets om ongedaan te maken.")
            return
        self._changed(session)
        self.notify(f"Ongedaan gemaakt: {change.description}.", timeout=4)

    def action_redo(self) -> None:
        """Do the last undone change again."""
        session = self.session
        change = session.redo() if session else None
        if session is None or change is None:
            self.notify("Er is niets om opnieuw te doen.")
            return
        self._changed(session)
        self.notify(f"Opnieuw gedaan: {change.description}.", timeout=4)

    # -- autosave -------------------------------------------------------------------------------

    def schedule_save(self) -> None:
        """Write the current state shortly; changes that follow quickly go in the same write."""
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(AUTOSAVE_SECONDS, self._start_save, name="autosave")

    def _start_save(self) -> None:
        session = self.session
        if session is None or not session.dirty or session.conflict:
            return
        if self._saving:
            return  # the running save schedules the next one when it is done
        self._saving = True
        self._save_in_background(session, session.workbook)

    def _write(self, session: WorkbookSession, workbook: Workbook) -> None:
        """Write ``workbook`` to the session's file; raises when that is not safe or not possible."""
        with self._write_lock:
            session.loaded = save_workbook(
                session.loaded, workbook, content=session.content, drop_comments=session.drop_comments
            )
            self._disk_stamp = _stamp(session.loaded)

    @work(thread=True, group="autosave", exit_on_error=False)
    def _save_in_background(self, session: WorkbookSession, workbook: Workbook) -> None:
        """Write in a thread so typing goes on; the outcome is handled back on the app's side."""
        problem: str | None = None
        try:
            self._write(session, workbook)
        except ChangedOnDiskError:
            problem = "conflict"
        except (OSError, ReadOnlyError, CommentsWouldBeLostError) as error:
            problem = str(error)
        with contextlib.suppress(RuntimeError):  # the app may be closing down meanwhile
            self.call_from_thread(self._save_done, session, problem)

    def _save_done(self, session: WorkbookSession, problem: str | None) -> None:
        self._saving = False
        if session is not self.session:
            return  # the workbook was reloaded meanwhile
        if problem is None:
            if session.dirty:
                self.schedule_save()
        elif problem == "conflict":
            self.file_changed_outside()
        else:
            self.notify(f"Opslaan mislukt: {problem}. De wijziging staat nog in het werkboek.", severity="error")
        self.file_state_changed.publish(session)

    def save_now(self) -> bool:
        """Write unsaved changes right away (before quitting); False when the file needs the user first."""
        session = self.session
        if session is None or not session.dirty:
            return True
        if session.conflict:
            return False
        try:
            self._write(session, session.workbook)
        except ChangedOnDiskError:
            self.file_changed_outside()
            return False
        return True

    # -- the file on disk -----------------------------------------------------------------------

    def watch_file(self) -> None:
        """Look at the file every few seconds; a change by someone else is reported, never overwritten."""
        self.remember_disk_state()
        self.set_interval(DISK_CHECK_SECONDS, self._check_disk, name="disk-check")

    def remember_disk_state(self) -> None:
        """Take the file as it is now as the known state (after opening or reloading it)."""
        if self.session is not None:
            self._disk_stamp = _stamp(self.session.loaded)

    def _check_disk(self) -> None:
        session = self.session
        if session is None or self._saving or self._external_notice_open or session.conflict:
            return
        stamp = _stamp(session.loaded)
        if stamp == self._disk_stamp:
            return
        self._disk_stamp = stamp
        if changed_on_disk(session.loaded):
            self.file_changed_outside()

    def file_changed_outside(self) -> None:
        """Tell the user the file changed outside the app, and let them choose what happens."""
        session = self.session
        if session is None or self._external_notice_open:
            return
        self._external_notice_open = True
        if session.dirty:
            session.conflict = True
            self.file_state_changed.publish(session)

        def decided(reload: bool | None) -> None:
            self._external_notice_open = False
            if self.session is not session:
                return
            if reload:
                self._take_theirs(session)
            elif session.dirty:
                self.notify(
                    "Je wijzigingen worden niet opgeslagen zolang het bestand op schijf afwijkt. "
                    "Kies 'Wijziging op schijf afhandelen' in het palet (ctrl+p) om te kiezen.",
                    severity="warning",
                    timeout=12,
                )

        self.push_screen(ExternalChangeScreen(session.loaded.path, unsaved=session.dirty), decided)

    def _take_theirs(self, session: WorkbookSession) -> None:
        note = ""
        if session.dirty:
            copy = save_conflict_copy(session.loaded, session.workbook, content=session.content)
            note = f" Jouw wijzigingen staan in {copy.name}."
        self.open_workbook()
        self.notify(f"De versie op schijf is geladen.{note}", timeout=12)

    def action_resolve_conflict(self) -> None:
        """Choose again what happens with a file that changed on disk."""
        session = self.session
        if session is not None and (session.conflict or changed_on_disk(session.loaded)):
            self.file_changed_outside()
        else:
            self.notify("Het bestand op schijf is gelijk aan wat het werkboek kent.")

    # -- leaving --------------------------------------------------------------------------------

    def keep_edits_on_exit(self) -> str | None:
        """Save what is unsaved before the app ends; a message when it had to go elsewhere."""
        session = self.session
        if session is None or not session.dirty:
            return None
        try:
            if not session.conflict:
                self._write(session, session.workbook)
                return None
        except ChangedOnDiskError:
            pass
        copy = save_conflict_copy(session.loaded, session.workbook, content=session.content)
        return f"Het werkboek op schijf was gewijzigd; jouw wijzigingen staan in {copy}."

    def keep_open_forms(self) -> str | None:
        """Forms still open become drafts in the app's state folder; says so, or None when there were none."""
        session = self.session
        if session is None:
            return None
        try:
            drafts = [
                draft
                for screen in self._all_screens()
                if isinstance(screen, FormScreen) and (draft := screen.as_draft()) is not None
            ]
            path = keep_drafts(session.loaded.path, drafts)
        except Exception as error:  # leaving must go on: say what could not be kept
            return f"Het open formulier kon niet als concept worden bewaard: {error}"
        if path is None:
            return None
        return (
            f"Wat je in het formulier typte, is als concept bewaard ({path}). Het komt terug als je dit "
            "werkboek weer opent."
        )

    def _all_screens(self) -> list[Screen[object]]:
        stacks = getattr(self, "_screen_stacks", None) or {"": self.screen_stack}
        return [screen for stack in stacks.values() for screen in stack]

    async def action_quit_now(self) -> None:
        """ctrl+q: quit at once, from anywhere; an open form is kept as a draft, edits are saved."""
        drafts = self.keep_open_forms()
        message = self.keep_edits_on_exit()
        self.exit(message="\n".join(part for part in (drafts, message) if part) or None)

    async def action_quit(self) -> None:
        """Quit; unsaved changes are written first (or, in a conflict, kept beside the file)."""
        session = self.session
        if session is not None and session.dirty and not session.conflict and not self.save_now():
            return  # the user is asked what to do with the changed file first
        message = self.keep_edits_on_exit()
        self.exit(message=message)

    def on_unmount(self) -> None:
        """However the app ends, what was changed is written (or kept beside the file)."""
        self.keep_edits_on_exit()

    def catch_hangup(self) -> None:
        """A closed terminal or dropped SSH link (SIGHUP) or SIGTERM saves before the app ends."""
        loop = self._loop
        if loop is None:
            return
        for number in (signal.SIGHUP, signal.SIGTERM):
            # Not every platform or thread can take signal handlers (tests run the app elsewhere).
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.add_signal_handler(number, self._save_and_leave)

    def _save_and_leave(self) -> None:
        try:
            self.keep_open_forms()
            self.keep_edits_on_exit()
        finally:
            _end_process_after(LEAVE_SECONDS)
            self.exit()


def _end_process_after(seconds: float) -> None:
    """The last guard after a hang-up: the edits are kept, so if shutting down blocks on a terminal
    that is gone, end the process anyway rather than leave it running unseen."""

    def end() -> None:
        time.sleep(seconds)
        os._exit(0)

    threading.Thread(target=end, name="leave-guard", daemon=True).start()


def _stamp(loaded: LoadedWorkbook) -> tuple[int, int] | None:
    """Modification time and size of the file: a cheap way to see that it may have changed."""
    try:
        stat = loaded.path.stat()
    except OSError:
        return None
    return (stat.st_mtime_ns, stat.st_size)
