"""A consultant's portfolio: every workbook in a folder summed up in one row, a new workbook with a
safe file name, and a new cycle of an existing one.

Broken files are listed with their first problem instead of being left out. Each file is read once
(:func:`read_row`), so the Werkboeken screen can read a folder in a thread and show rows as they come.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from models.atomic import write_atomic
from models.canonical import dumps_workbook
from models.content import Content
from models.figures import overdue_actions
from models.formatting import aantal
from models.next_steps import last_session
from models.portfolio_git import FileGit
from models.problems import Problem, WorkbookError
from models.profile import size_class
from models.store import parse_workbook
from models.toml_file import decode_text, read_bytes
from models.workbook import OPEN_STATUSES, LogEntry, Organisation, PhaseState, Workbook, new_log_id
from models.workbook_files import workbook_files

_NOT_NAME = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class WorkbookSummary:
    """One client at a glance."""

    path: Path
    client: str
    staff: int | None
    size: str | None
    latest_round: dt.date | None
    average_score: float | None
    open_actions: int
    overdue_actions: int
    changed: dt.datetime
    last_entry: dt.date | None = None
    """The latest logbook entry or scoring round (:func:`models.next_steps.last_session`)."""
    git: FileGit | None = None
    """Where the file stands in git; None outside git."""

    @property
    def last_session(self) -> dt.date | None:
        """The latest of the last logbook entry, scoring round and commit of the file."""
        return latest(self.last_entry, self.git.committed if self.git else None)


@dataclass(frozen=True)
class BrokenWorkbook:
    """A file in the folder that is not a valid workbook, with what is wrong."""

    path: Path
    problem: Problem
    changed: dt.datetime
    git: FileGit | None = None

    @property
    def last_session(self) -> dt.date | None:
        """The file's latest commit (what is in it cannot be read)."""
        return self.git.committed if self.git else None


def latest(*days: dt.date | None) -> dt.date | None:
    return max((day for day in days if day is not None), default=None)


def quiet_weeks(row: WorkbookSummary | BrokenWorkbook, today: dt.date, weeks: int) -> int | None:
    """How many whole weeks the client has been quiet, when it is more than ``weeks`` (the setting
    ``stille_klant_weken``) since the last session; None when not quiet or nothing is known."""
    last = row.last_session
    if last is None or (today - last).days <= 7 * weeks:
        return None
    return (today - last).days // 7


def subfolder(path: Path, folder: Path) -> str:
    """The subfolder of ``folder`` that ``path`` is in (``team-a/2026``), or ``""`` when right in it."""
    try:
        return path.parent.relative_to(folder).as_posix().removeprefix(".")
    except ValueError:
        return ""


def summarize(
    workbook: Workbook, path: Path, changed: dt.datetime, today: dt.date, git: FileGit | None = None
) -> WorkbookSummary:
    rounds = sorted(workbook.metingen, key=lambda scoring: scoring.datum)
    latest = rounds[-1] if rounds else None
    scores = list(latest.scores.values()) if latest else []
    staff = workbook.organisatie.medewerkers
    return WorkbookSummary(
        path=path,
        client=workbook.organisatie.naam,
        staff=staff,
        size=size_class(staff),
        latest_round=latest.datum if latest else None,
        average_score=sum(scores) / len(scores) if scores else None,
        open_actions=sum(1 for action in workbook.acties if action.status in OPEN_STATUSES),
        overdue_actions=len(overdue_actions(workbook, today)),
        changed=changed,
        last_entry=last_session(workbook),
        git=git,
    )


PortfolioRow = WorkbookSummary | BrokenWorkbook


def read_row(
    path: Path, content: Content, today: dt.date, git: FileGit | None = None, open_workbook: Workbook | None = None
) -> PortfolioRow | None:
    """One file of the folder, read once: its summary, or its first problem; None when it was removed
    while we looked. ``git``: where the file stands in git (:func:`models.portfolio_git.folder_git`).
    ``open_workbook``: the file is the workbook open in the app, summarised as it is in memory (with the
    edits not yet saved) instead of read again: at 50,000 actions reading it would hold the app still.

    Validated exactly as opening it validates (:func:`models.store.parse_workbook`), so a row is a
    summary exactly when the file opens; what only an open workbook needs (its digest, comment lines
    and unknown keys, :func:`models.store.load_workbook`) is left out.
    """
    name = str(path)
    try:
        changed = dt.datetime.fromtimestamp(path.stat().st_mtime)
    except OSError:
        return None  # removed while we looked
    if open_workbook is not None:
        return summarize(open_workbook, path, changed, today, git)
    try:
        workbook, _ = parse_workbook(name, decode_text(name, read_bytes(path)), content)
    except WorkbookError as error:
        return BrokenWorkbook(path, error.problems[0], changed, git)
    except Exception as error:  # never a crash over one file: listed as broken, as ``werkboek check`` does
        problem = Problem(name, f"kon niet worden gelezen door een onverwachte fout ({type(error).__name__})")
        return BrokenWorkbook(path, problem, changed, git)
    return summarize(workbook, path, changed, today, git)


def sort_key(row: PortfolioRow) -> tuple[bool, str, str]:
    """Where a row stands: workbooks by client name, then the broken files by file name."""
    if isinstance(row, BrokenWorkbook):
        return True, row.path.name.casefold(), row.path.name
    return False, row.client.casefold(), row.path.name


def portfolio(folder: Path, content: Content, today: dt.date) -> list[PortfolioRow]:
    """Every workbook in ``folder``, summed up (or with its problem), by client name."""
    rows = (read_row(path, content, today) for path in workbook_files(folder))
    return sorted((row for row in rows if row is not None), key=sort_key)


@dataclass
class FolderReading:
    """The rows to show while a folder is read (again), file by file.

    ``previous`` are the rows shown before: while the folder is read again they stay until their
    file's new row comes, so a refresh does not empty the table; a file no longer in the folder
    leaves as soon as the listing is known.
    """

    previous: dict[Path, PortfolioRow] = field(default_factory=dict)
    listed: list[Path] | None = None
    """The folder's workbook files, once known."""
    fresh: dict[Path, PortfolioRow] = field(default_factory=dict)
    read: int = 0
    """Files read so far (a file removed while we looked counts, without a row)."""
    done: bool = False

    def add(self, rows: Iterable[PortfolioRow], read: int) -> None:
        self.fresh.update((row.path, row) for row in rows)
        self.read = read

    def rows(self) -> list[PortfolioRow]:
        """Every row to show now, in :func:`sort_key` order."""
        if self.done:
            shown = list(self.fresh.values())
        else:
            waiting = self.previous.keys() if self.listed is None else set(self.listed) & self.previous.keys()
            shown = [*self.fresh.values(), *(self.previous[path] for path in waiting if path not in self.fresh)]
        return sorted(shown, key=sort_key)


# -- new workbooks -----------------------------------------------------------------------------


def file_name_for(client: str) -> str:
    """A safe file name for a client: ``Bakkerij De Vries B.V.`` → ``bakkerij-de-vries-b-v.toml``.

    Raises ``ValueError`` for a name that looks like a path or has nothing to make a name from.
    """
    if "/" in client or "\\" in client or ".." in client:
        raise ValueError("de naam mag geen '/', '\\' of '..' bevatten; geef de naam van de organisatie")
    plain = unicodedata.normalize("NFKD", client).encode("ascii", "ignore").decode("ascii").lower()
    slug = _NOT_NAME.sub("-", plain).strip("-")
    if not slug:
        raise ValueError("vul een naam in met letters of cijfers")
    return f"{slug[:60].rstrip('-')}.toml"


def new_workbook(client: str) -> Workbook:
    if not client.strip():
        raise ValueError("vul de naam van de organisatie in")
    return Workbook(organisatie=Organisation(naam=client.strip()))


def create_workbook_file(folder: Path, workbook: Workbook, content: Content, name: str | None = None) -> Path:
    """Write ``workbook`` as a new file in ``folder``; never overwrites (raises ``FileExistsError``)."""
    target = folder / (name or file_name_for(workbook.organisatie.naam))
    if target.exists():
        raise FileExistsError(f"{target} bestaat al; kies een andere naam of open dat werkboek")
    folder.mkdir(parents=True, exist_ok=True)
    write_atomic(target, dumps_workbook(workbook, content).encode("utf-8"), keep_backup=False)
    return target


def new_cycle(workbook: Workbook, today: dt.date, source: str, period: str | None = None) -> Workbook:
    """A workbook for the next period: profile, levels, scores, DI-scans, legal minimum and log as history
    (the latest DI-scan is where the next one starts, see :func:`models.di_scan.with_new_scan`),
    the open actions carried over (same ids), the checklists empty again, and a log entry saying so.

    Consent (``akkoord``) is not carried over: it was given to the old plan, and the new one is signed anew.
    """
    carried = [action for action in workbook.acties if action.status in OPEN_STATUSES]
    left = len(workbook.acties) - len(carried)
    entry = LogEntry(
        datum=today,
        titel=f"Nieuwe cyclus {period} gestart" if period else "Nieuwe cyclus gestart",
        id=new_log_id(),
        notitie=(
            f"Voortgezet vanuit {source}: {aantal(len(carried), 'open actie', 'open acties')} meegenomen; "
            f"{aantal(left, 'afgeronde of gestopte actie staat', 'afgeronde of gestopte acties staan')} in het vorige "
            "werkboek. "
            "Scores, niveaus, DI-scan, wettelijk minimum en logboek zijn als geschiedenis bewaard "
            "(de laatste DI-scan is het beginpunt van de volgende); "
            "de checklists van de fasen beginnen opnieuw, en het nieuwe plan wordt opnieuw ondertekend."
        ),
    )
    return workbook.model_copy(
        update={
            "acties": carried,
            "fasen": dict[str, PhaseState](),
            "huidige_fase": None,
            "logboek": [*workbook.logboek, entry],
            "akkoord": [],
        }
    )
