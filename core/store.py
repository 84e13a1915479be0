"""The open workbook as one object: every change goes through it (with undo), it is saved within a
second, the file is watched for changes made elsewhere, a failed save is kept in a recovery copy, and
what is unsaved is kept when the app ends.

Plain Python, no Textual: time and threads come from a :class:`~core.ports.Scheduler`, and what the user
must see goes to a :class:`~core.ports.StoreListener`. The app owns one store; tests drive it by hand.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import threading
from dataclasses import dataclass
from pathlib import Path

from core.memory import LARGE_PLAN, release_freed_memory
from core.ports import Cancellable, Scheduler, Severity, StoreListener
from core.session import WorkbookSession
from models.content import Content
from models.diff import diff_workbooks
from models.drafts import Draft, keep_drafts
from models.history import Change
from models.os_errors import dutch_os_error
from models.problems import ChangedOnDiskError, Problem, ReadOnlyError, WorkbookError
from models.recovery import (
    RecoveryFailedError,
    keep_recovery_copy,
    made_at,
    read_recovery_copy,
    recovery_copies,
    set_aside,
    throw_away,
    workbook_bytes,
)
from models.store import (
    LoadedWorkbook,
    changed_on_disk,
    load_workbook,
    remove_leftover_temps,
    save_conflict_copy,
    save_workbook,
)
from models.workbook import Workbook

AUTOSAVE_SECONDS = 0.3
"""Pause after a change before it is written; every change is on disk within a second."""
DISK_CHECK_SECONDS = 2.0
"""How often the file is looked at for changes made outside the app."""
RETRY_SECONDS = 15.0
"""After a failed save (a full disk may get room again), how long until autosave tries once more."""


@dataclass(frozen=True)
class RecoveryOffer:
    """A recovery copy of an earlier failed save, read and compared with the open workbook."""

    copy: Path
    workbook: Workbook
    made: dt.datetime | None
    changes: list[str]
    """What opening it would change, as "Section: text" lines (empty when that could not be worked out)."""
    others: int
    """How many older copies wait after this one."""


class WorkbookStore:
    """The open workbook (a :class:`WorkbookSession`) and its way to the file."""

    def __init__(
        self,
        scheduler: Scheduler,
        listener: StoreListener,
        *,
        autosave_seconds: float = AUTOSAVE_SECONDS,
        disk_check_seconds: float = DISK_CHECK_SECONDS,
        retry_seconds: float = RETRY_SECONDS,
    ) -> None:
        self.scheduler = scheduler
        self.listener = listener
        self.autosave_seconds = autosave_seconds
        self.disk_check_seconds = disk_check_seconds
        self.retry_seconds = retry_seconds
        self.session: WorkbookSession | None = None
        self.tried: Path | None = None
        """The file the last :meth:`load` tried."""
        self.notices: list[tuple[str, Severity]] = []
        """What the last :meth:`load` has to say besides opening (a read-only file, say)."""
        self.saving = False
        """A background save is running; the next one waits for it."""
        self._save_timer: Cancellable | None = None
        self._disk_watch: Cancellable | None = None
        self._write_lock = threading.Lock()
        """One write at a time: a background save and a save on quitting never cross."""
        self._disk_stamp: tuple[int, int] | None = None
        self._asking_about_outside_change = False
        self._recovery: tuple[WorkbookSession, Workbook, Path] | None = None
        """After a failed save: the session, the state kept and its recovery copy (removed once saved)."""
        self._conflict_copy: tuple[WorkbookSession, Workbook, Path] | None = None
        """The conflict copy written on leaving, so a second call on the way out does not write another."""
        self._last_failure: str | None = None
        """The save failure shown last; the same one again (every retry) is not shown again."""
        self._frozen = False
        """A load has frozen objects (gc.freeze); the next load unfreezes them first."""
        self._watch_held = False

    # -- opening --------------------------------------------------------------------------------

    def load(self, path: Path, content: Content, today: dt.date) -> list[Problem]:
        """Read the workbook at ``path`` into a new session; the problems when it cannot be opened."""
        self.notices = []
        self.tried = path
        # Frozen objects are never collected: what an earlier load froze may since have become garbage
        # (the previous workbook's screens, its library), so the collector sees them again first.
        reloading = self._frozen
        if reloading:
            gc.unfreeze()
        try:
            loaded = load_workbook(path, content)
        except WorkbookError as error:
            self.session = None
            return error.problems
        remove_leftover_temps(path)  # temporary files a crash during an earlier save left behind
        self.session = WorkbookSession(loaded=loaded, content=content, today=today)
        if reloading:
            gc.collect()  # what the previous workbook left behind goes now, before it is frozen for good
        # The workbook just read stays in memory for the session: keep it out of the garbage
        # collector's full passes, which would otherwise pause the app while saving large plans.
        gc.freeze()
        self._frozen = True
        if len(loaded.workbook.acties) >= LARGE_PLAN:
            release_freed_memory()  # the file's parse is gone: its peak goes back to the system
        if loaded.read_only_reason:
            self.notices.append((f"Alleen-lezen: {loaded.read_only_reason}", "warning"))
        self.remember_disk_state()
        return []

    def close(self) -> None:
        """No workbook open any more (on the way to another one; unsaved changes must be saved first)."""
        self.session = None

    # -- changes ---------------------------------------------------------------------------------

    def change(self, workbook: Workbook, description: str) -> bool:
        """Make ``workbook`` the current state (undoable) and save it soon; False if refused."""
        session = self.session
        if session is None:
            return False
        if session.loaded.read_only_reason:
            self.listener.tell(f"Niet gewijzigd: {session.loaded.read_only_reason}", severity="error", timeout=10)
            return False
        session.apply(workbook, description)
        self._changed(session)
        return True

    def _changed(self, session: WorkbookSession) -> None:
        self.listener.workbook_changed(session)
        self.listener.file_state_changed(session)
        self.schedule_save()

    def undo(self) -> Change | None:
        """Undo the last change, saying what was undone (or that there was nothing)."""
        session = self.session
        change = session.undo() if session else None
        if session is None or change is None:
            self.listener.tell("Er is niets om ongedaan te maken.")
            return None
        self._changed(session)
        self.listener.tell(f"Ongedaan gemaakt: {change.description}.", timeout=4)
        return change

    def redo(self) -> Change | None:
        """Do the last undone change again, saying what (or that there was nothing)."""
        session = self.session
        change = session.redo() if session else None
        if session is None or change is None:
            self.listener.tell("Er is niets om opnieuw te doen.")
            return None
        self._changed(session)
        self.listener.tell(f"Opnieuw gedaan: {change.description}.", timeout=4)
        return change

    # -- autosave -------------------------------------------------------------------------------

    def schedule_save(self) -> None:
        """Write the current state shortly; changes that follow quickly go in the same write."""
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.scheduler.later(self.autosave_seconds, self._start_save, name="autosave")

    def _start_save(self) -> None:
        session = self.session
        if session is None or not session.dirty or session.conflict:
            return
        if self.saving:
            return  # the running save schedules the next one when it is done
        self.saving = True
        workbook = session.workbook
        self.scheduler.in_background(
            lambda: self._write(session, workbook), lambda problem: self._save_done(session, problem), name="autosave"
        )

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

    def _save_done(self, session: WorkbookSession, problem: Exception | None) -> None:
        self.saving = False
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
            self.scheduler.later(self.retry_seconds, self._start_save, name="autosave-retry")
        self.listener.file_state_changed(session)

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

    def save_before_quitting(self) -> bool:
        """Try to write unsaved changes before the app ends; False only when the file changed on disk,
        and then the user is asked first. A failed save is left to :meth:`keep_edits_on_exit`."""
        session = self.session
        if session is None or not session.dirty or session.conflict:
            return True
        if isinstance(self._try_write(session), ChangedOnDiskError):
            self.file_changed_outside()
            return False
        return True

    # -- failed saves ---------------------------------------------------------------------------

    def _saved(self, session: WorkbookSession) -> None:
        """A save succeeded: once nothing is unsaved, this session's recovery copy is no longer needed."""
        if self._last_failure is not None and not session.dirty:
            self._last_failure = None
            self.listener.tell("Opslaan lukt weer: alles staat in het bestand.", timeout=6)
        kept = self._recovery
        if kept is not None and kept[0] is session and not session.dirty:
            self._recovery = None
            with contextlib.suppress(OSError):
                throw_away(kept[2])

    @staticmethod
    def failure_text(error: Exception, path: Path) -> str:
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
        text = self.failure_text(error, session.loaded.path)
        kept = self.keep_unsaved(session)
        if text != self._last_failure:
            self._last_failure = text
            self.listener.tell(
                f"{text}. {kept} Het werkboek probeert het zo opnieuw.",
                title="Opslaan mislukt",
                severity="error",
                timeout=20,
            )

    def keep_unsaved(self, session: WorkbookSession) -> str:
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

    # -- recovery copies of earlier failed saves ------------------------------------------------

    def recovery_offer(self) -> RecoveryOffer | None:
        """The newest recovery copy worth offering for the open workbook, or None.

        A copy that is no longer a valid workbook is set aside, one that equals the file is thrown away:
        neither is worth a question, and nothing is lost."""
        session = self.session
        if session is None or session.loaded.read_only_reason:
            return None
        kept = self._recovery
        own = kept[2] if kept is not None and kept[0] is session else None
        while copies := [copy for copy in recovery_copies(session.loaded.path) if copy != own]:
            copy = copies[0]
            try:
                recovered = read_recovery_copy(copy, session.content)
            except (WorkbookError, OSError):
                if not self.set_aside(copy, "De herstelkopie is geen geldig werkboek meer"):
                    return None
                continue
            if workbook_bytes(recovered, session.content) == workbook_bytes(session.workbook, session.content):
                throw_away(copy)  # the file already holds exactly this: nothing to offer, nothing lost
                continue
            try:
                changes = [
                    f"{line.section}: {line.text}"
                    for line in diff_workbooks(session.workbook, recovered, session.content)
                ]
            except Exception:  # the summary is a help, not a condition
                changes = []
            return RecoveryOffer(copy, recovered, made_at(copy), changes, len(copies) - 1)
        return None

    def open_recovery(self, offer: RecoveryOffer) -> bool:
        """Make the recovery copy the workbook's state (undoable); it is thrown away once saved."""
        session = self.session
        if session is None or not self.change(offer.workbook, "herstelkopie geopend"):
            return False
        self._recovery = (session, offer.workbook, offer.copy)
        self.listener.tell(
            f"De herstelkopie is geopend en wordt nu opgeslagen in {session.loaded.path.name}. "
            "ctrl+z zet de versie van het bestand terug.",
            timeout=12,
        )
        return True

    def set_aside(self, copy: Path, why: str) -> bool:
        """Move a recovery copy out of the way (kept, no longer offered); says where. False if it stayed."""
        try:
            where = set_aside(copy)
        except OSError as error:
            self.listener.tell(
                f"{why}, maar verplaatsen lukte niet: {dutch_os_error(error, copy)}.", severity="warning"
            )
            return False
        self.listener.tell(f"{why}: de herstelkopie staat nu in {where}.", timeout=12)
        return True

    def throw_away(self, copy: Path) -> None:
        throw_away(copy)
        self.listener.tell("De herstelkopie is weggegooid.", timeout=6)

    # -- the file on disk -----------------------------------------------------------------------

    def watch_file(self) -> None:
        """Look at the file every few seconds; a change by someone else is reported, never overwritten."""
        self.remember_disk_state()
        if self._disk_watch is None:
            self._disk_watch = self.scheduler.every(self.disk_check_seconds, self.check_disk, name="disk-check")

    def remember_disk_state(self) -> None:
        """Take the file as it is now as the known state (after opening or reloading it)."""
        if self.session is not None:
            self._disk_stamp = _stamp(self.session.loaded)

    def hold_disk_watch(self, held: bool) -> None:
        """While the app itself changes the file outside a save (a git pull), that is no change by
        someone else: the watch waits, and takes the file as it then is when it resumes."""
        self._watch_held = held
        if not held:
            self.remember_disk_state()

    def check_disk(self) -> None:
        """Has the file changed since it was last read or written? Then the user is asked."""
        session = self.session
        if session is None or self.saving or self._watch_held or self._asking_about_outside_change:
            return
        if session.conflict:
            return
        stamp = _stamp(session.loaded)
        if stamp == self._disk_stamp:
            return
        self._disk_stamp = stamp
        if changed_on_disk(session.loaded):
            self.file_changed_outside()

    def file_changed_outside(self) -> None:
        """The file changed outside the app: unsaved changes wait (conflict), and the user is asked."""
        session = self.session
        if session is None or self._asking_about_outside_change:
            return
        self._asking_about_outside_change = True
        if session.dirty:
            session.conflict = True
            self.listener.file_state_changed(session)
        self.listener.changed_outside(session)

    def outside_change_answered(self) -> None:
        """The question about a change on disk is closed (whatever the answer)."""
        self._asking_about_outside_change = False

    def needs_resolving(self) -> bool:
        """The file on disk differs from what the app knows (or a conflict waits for a choice)."""
        session = self.session
        return session is not None and (session.conflict or changed_on_disk(session.loaded))

    def keep_mine_aside(self, session: WorkbookSession) -> str | None:
        """Before the version on disk is loaded: unsaved changes go to a conflict copy (or, when that
        fails, a recovery copy). The sentence saying where; None when they could not be kept anywhere
        (then the version on disk must not be loaded)."""
        if not session.dirty:
            return ""
        try:
            copy = save_conflict_copy(session.loaded, session.workbook, content=session.content)
        except Exception as error:
            self._report_failure(session, error)
            if self._recovery is None or self._recovery[1] is not session.workbook:
                return None  # not kept anywhere: the edits stay open in this window
            return f" Jouw wijzigingen staan in de herstelkopie {self._recovery[2]}."
        return f" Jouw wijzigingen staan in {copy.name}."

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
        return f"Opslaan mislukt: {self.failure_text(problem, session.loaded.path)}. {self.keep_unsaved(session)}"

    def keep_drafts(self, drafts: list[Draft]) -> str | None:
        """Forms still open become drafts in the app's state folder; says so, or None when there were none."""
        session = self.session
        if session is None:
            return None
        try:
            path = keep_drafts(session.loaded.path, drafts)
        except Exception as error:  # leaving must go on: say what could not be kept
            return f"Het open formulier kon niet als concept worden bewaard: {error}"
        if path is None:
            return None
        return (
            f"Wat je in het formulier typte, is als concept bewaard ({path}). Het komt terug als je dit "
            "werkboek weer opent."
        )


def _stamp(loaded: LoadedWorkbook) -> tuple[int, int] | None:
    """Modification time and size of the file: a cheap way to see that it may have changed."""
    try:
        stat = loaded.path.stat()
    except OSError:
        return None
    return (stat.st_mtime_ns, stat.st_size)
