"""How the app changes the workbook: one path for every screen, with undo, autosave within a second,
a watch on the file for changes by others, and a save before quitting or when the terminal goes."""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import App
from textual.screen import Screen
from textual.signal import Signal
from textual.timer import Timer

from models.diff import diff_workbooks
from models.drafts import keep_drafts
from models.os_errors import dutch_os_error
from models.problems import ChangedOnDiskError, ReadOnlyError, WorkbookError
from models.recovery import (
    RecoveryFailedError,
    keep_recovery_copy,
    made_at,
    read_recovery_copy,
    recovery_copies,
    set_aside,
    set_aside_folder,
    throw_away,
    workbook_bytes,
)
from models.store import LoadedWorkbook, changed_on_disk, save_conflict_copy, save_workbook
from models.workbook import Workbook
from screens.confirm import ConfirmScreen
from screens.external_change import ExternalChangeScreen
from screens.form import FormScreen
from screens.recovery import RecoveryChoice, RecoveryScreen

if TYPE_CHECKING:
    from core.session import WorkbookSession

AUTOSAVE_SECONDS = float(os.environ.get("WERKBOEK_AUTOSAVE_SECONDS", "0.3"))
"""Pause after a change before it is written; every change is on disk within a second."""
LEAVE_SECONDS = 1.5
"""After a hang-up or SIGTERM (edits kept), the process ends within this time, whatever blocks it."""
DISK_CHECK_SECONDS = 2.0
"""How often the file is looked at for changes made outside the app."""
RETRY_SECONDS = 15.0
"""After a failed save (a full disk may get room again), how long until autosave tries once more."""


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
        self._recovery: tuple[WorkbookSession, Workbook, Path] | None = None
        """After a failed save: the session, the state kept and its recovery copy (removed once saved)."""
        self._conflict_copy: tuple[WorkbookSession, Workbook, Path] | None = None
        """The conflict copy written on leaving, so a second call on the way out does not write another."""
        self._last_failure: str | None = None
        """The save failure shown last; the same one again (every retry) is not shown again."""

    # -- changes ---------------------------------------------------------------------------------

    def change(self, workbook: Workbook, description: str) -> bool:
        """Make ``workbook`` the current state (undoable) and save it soon; False if refused."""
        session = self.session
        if session is None:
            return False
        if session.loaded.read_only_reason:
            self.notify(f"Niet gewijzigd: {session.loaded.read_only_reason}", severity="error", timeout=10)
            return False
        session.apply(workbook, description)
        self._changed(session)
        return True

    def _changed(self, session: WorkbookSession) -> None:
        self.workbook_changed.publish(session)
        self.file_state_changed.publish(session)
        self.schedule_save()

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
            session.loaded = save_workbook(session.loaded, workbook, content=session.content)
            self._disk_stamp = _stamp(session.loaded)

    def _try_write(self, session: WorkbookSession) -> Exception | None:
        """Write the session's current state; the error instead of raising it (None when saved)."""
        try:
            self._write(session, session.workbook)
        except Exception as error:  # whatever went wrong is handled by the caller, never raised on
            return error
        self._saved(session)
        return None

    @work(thread=True, group="autosave", exit_on_error=False)
    def _save_in_background(self, session: WorkbookSession, workbook: Workbook) -> None:
        """Write in a thread so typing goes on; the outcome, whatever it is, is handled on the app's side."""
        problem: Exception | None = RuntimeError("het opslaan werd afgebroken")
        try:
            self._write(session, workbook)
            problem = None
        except Exception as error:  # not only OSError: any failure is reported, none ends autosave unseen
            problem = error
        finally:
            try:
                self.call_from_thread(self._save_done, session, problem)
            except Exception:  # the app is closing down meanwhile: leaving saves what is unsaved
                self._saving = False

    def _save_done(self, session: WorkbookSession, problem: Exception | None) -> None:
        self._saving = False
        if session is not self.session:
            return  # the workbook was reloaded meanwhile
        if problem is None:
            self._saved(session)
            if session.dirty:
                self.schedule_save()
        elif isinstance(problem, ChangedOnDiskError):
            self.file_changed_outside()
        else:
            self._report_failure(session, problem)
            self.set_timer(RETRY_SECONDS, self._start_save, name="autosave-retry")
        self.file_state_changed.publish(session)

    def save_now(self) -> bool:
        """Write unsaved changes right away; False when the file needs the user first (it changed on disk)
        or the save failed (then the failure is shown and the edits are kept in a recovery copy)."""
        session = self.session
        if session is None or not session.dirty:
            return True
        if session.conflict:
            return False
        problem = self._try_write(session)
        if isinstance(problem, ChangedOnDiskError):
            self.file_changed_outside()
            return False
        if problem is not None:
            self._last_failure = None  # asked for now: always answered
            self._report_failure(session, problem)
            return False
        return True

    # -- failed saves ---------------------------------------------------------------------------

    def _saved(self, session: WorkbookSession) -> None:
        """A save succeeded: once nothing is unsaved, this session's recovery copy is no longer needed."""
        if self._last_failure is not None and not session.dirty:
            self._last_failure = None
            self.notify("Opslaan lukt weer: alles staat in het bestand.", timeout=6)
        kept = self._recovery
        if kept is not None and kept[0] is session and not session.dirty:
            self._recovery = None
            with contextlib.suppress(OSError):
                throw_away(kept[2])

    @staticmethod
    def _failure_text(error: Exception, path: Path) -> str:
        """Why a save failed, in Dutch, naming the workbook (never Python's English text or a traceback)."""
        if isinstance(error, OSError):
            return dutch_os_error(error, path)
        if isinstance(error, ReadOnlyError):
            return f"{path} is niet opgeslagen: {error}"
        return (
            f"{path} kon niet worden opgeslagen door een fout in het programma ({type(error).__name__}); "
            "meld dit aan wie het werkboek beheert"
        )

    def _report_failure(self, session: WorkbookSession, error: Exception) -> None:
        """Show a failed save (once per kind of failure) and keep the unsaved state in a recovery copy."""
        text = self._failure_text(error, session.loaded.path)
        kept = self._keep_unsaved(session)
        if text != self._last_failure:
            self._last_failure = text
            self.notify(
                f"{text}. {kept} Het werkboek probeert het zo opnieuw.",
                title="Opslaan mislukt",
                severity="error",
                timeout=20,
            )

    def _keep_unsaved(self, session: WorkbookSession) -> str:
        """Keep the session's unsaved state in a recovery copy (one per state); says where, in Dutch."""
        kept = self._recovery
        own = kept if kept is not None and kept[0] is session else None
        if own is not None and own[1] is session.workbook and own[2].exists():
            copy = own[2]
        else:
            try:
                copy = keep_recovery_copy(
                    session.loaded.path,
                    session.workbook,
                    session.content,
                    replacing=own[2] if own is not None else None,
                )
            except RecoveryFailedError as error:
                return f"Ook een herstelkopie kon niet worden gemaakt: {error}."
            except Exception as error:
                return f"Ook een herstelkopie kon niet worden gemaakt ({type(error).__name__})."
            self._recovery = (session, session.workbook, copy)
        return (
            f"Je wijzigingen staan veilig in een herstelkopie: {copy}. Die wordt aangeboden als je "
            f"{session.loaded.path.name} weer opent."
        )

    def offer_recovery(self) -> None:
        """After a workbook opened: offer the newest recovery copy of an earlier failed save, if there is one."""
        session = self.session
        if session is None or session.loaded.read_only_reason:
            return
        kept = self._recovery
        own = kept[2] if kept is not None and kept[0] is session else None
        copies = [copy for copy in recovery_copies(session.loaded.path) if copy != own]
        if not copies:
            return
        copy, others = copies[0], len(copies) - 1
        try:
            recovered = read_recovery_copy(copy, session.content)
        except (WorkbookError, OSError):
            self._set_aside(copy, "De herstelkopie is geen geldig werkboek meer")
            self.offer_recovery()
            return
        if workbook_bytes(recovered, session.content) == workbook_bytes(session.workbook, session.content):
            throw_away(copy)  # the file already holds exactly this: nothing to offer, nothing lost
            self.offer_recovery()
            return
        try:
            changes = [
                f"{line.section}: {line.text}" for line in diff_workbooks(session.workbook, recovered, session.content)
            ]
        except Exception:  # the summary is a help, not a condition
            changes = []

        def chosen(choice: RecoveryChoice | None) -> None:
            if self.session is not session:
                return
            if choice == "openen":
                if self.change(recovered, "herstelkopie geopend"):
                    self._recovery = (session, recovered, copy)
                    self.notify(
                        f"De herstelkopie is geopend en wordt nu opgeslagen in {session.loaded.path.name}. "
                        "ctrl+z zet de versie van het bestand terug.",
                        timeout=12,
                    )
            elif choice == "weggooien":
                self._ask_to_throw_away(session, copy)
                return
            else:
                self._set_aside(copy, "Apart bewaard")
            self.offer_recovery()

        self.push_screen(
            RecoveryScreen(
                session.loaded.path, copy, made=made_at(copy), changes=changes, aside=set_aside_folder(), others=others
            ),
            chosen,
        )

    def _set_aside(self, copy: Path, why: str) -> None:
        try:
            where = set_aside(copy)
        except OSError as error:
            self.notify(f"{why}, maar verplaatsen lukte niet: {dutch_os_error(error, copy)}.", severity="warning")
            return
        self.notify(f"{why}: de herstelkopie staat nu in {where}.", timeout=12)

    def _ask_to_throw_away(self, session: WorkbookSession, copy: Path) -> None:
        def answered(sure: bool | None) -> None:
            if self.session is not session:
                return
            if sure:
                throw_away(copy)
                self.notify("De herstelkopie is weggegooid.", timeout=6)
            else:
                self._set_aside(copy, "Niet weggegooid")
            self.offer_recovery()

        self.push_screen(
            ConfirmScreen(
                "Herstelkopie weggooien?",
                f"De wijzigingen in {copy.name} gaan dan verloren. Weggooien? (n bewaart de kopie apart)",
            ),
            answered,
        )

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
            try:
                copy = save_conflict_copy(session.loaded, session.workbook, content=session.content)
                note = f" Jouw wijzigingen staan in {copy.name}."
            except Exception as error:
                self._report_failure(session, error)
                if self._recovery is None or self._recovery[1] is not session.workbook:
                    return  # not kept anywhere: the edits stay open in this window
                note = f" Jouw wijzigingen staan in de herstelkopie {self._recovery[2]}."
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
        """Save what is unsaved before the app ends; a message when it had to go elsewhere.

        Never raises: when the save fails (disk full, no permission, read-only disk, a fault in the
        program) the edits go to a recovery copy in the state folder, and the message says where.
        """
        session = self.session
        if session is None or not session.dirty:
            return None
        problem = None if session.conflict else self._try_write(session)
        if problem is None and not session.conflict:
            return None
        if session.conflict or isinstance(problem, ChangedOnDiskError):
            done = self._conflict_copy
            if done is not None and done[0] is session and done[1] is session.workbook:
                return f"Het werkboek op schijf was gewijzigd; jouw wijzigingen staan in {done[2]}."
            try:
                copy = save_conflict_copy(session.loaded, session.workbook, content=session.content)
            except Exception as error:
                problem = error
            else:
                self._conflict_copy = (session, session.workbook, copy)
                return f"Het werkboek op schijf was gewijzigd; jouw wijzigingen staan in {copy}."
        assert problem is not None
        return f"Opslaan mislukt: {self._failure_text(problem, session.loaded.path)}. {self._keep_unsaved(session)}"

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
        """Quit; unsaved changes are written first (in a conflict kept beside the file, after a failed
        save in a recovery copy): quitting always ends, except to ask about a file changed on disk."""
        session = self.session
        if session is not None and session.dirty and not session.conflict:
            problem = self._try_write(session)
            if isinstance(problem, ChangedOnDiskError):
                self.file_changed_outside()
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
