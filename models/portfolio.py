"""A consultant's portfolio: every workbook in a folder summed up in one row, a new workbook with a
safe file name, and a new cycle of an existing one.

Broken files are listed with their first problem instead of being left out.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from models.atomic import write_atomic
from models.canonical import dumps_workbook
from models.content import Content
from models.figures import overdue_actions
from models.formatting import aantal
from models.problems import Problem, WorkbookError
from models.profile import size_class
from models.store import load_workbook
from models.workbook import OPEN_STATUSES, LogEntry, Organisation, PhaseState, Workbook, new_log_id

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


@dataclass(frozen=True)
class BrokenWorkbook:
    """A file in the folder that is not a valid workbook, with what is wrong."""

    path: Path
    problem: Problem
    changed: dt.datetime


def workbook_files(folder: Path) -> list[Path]:
    """The workbook files in ``folder``, by name (backups and conflict copies left out)."""
    return sorted(
        path
        for path in folder.glob("*.toml")
        if path.is_file() and not path.name.startswith(".") and not path.name.endswith(".conflict.toml")
    )


def summarize(workbook: Workbook, path: Path, changed: dt.datetime, today: dt.date) -> WorkbookSummary:
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
    )


def portfolio(folder: Path, content: Content, today: dt.date) -> list[WorkbookSummary | BrokenWorkbook]:
    """Every workbook in ``folder``, summed up (or with its problem), by client name."""
    rows: list[WorkbookSummary | BrokenWorkbook] = []
    for path in workbook_files(folder):
        try:
            changed = dt.datetime.fromtimestamp(path.stat().st_mtime)
        except OSError:
            continue  # removed while we looked
        try:
            loaded = load_workbook(path, content)
        except WorkbookError as error:
            rows.append(BrokenWorkbook(path, error.problems[0], changed))
            continue
        rows.append(summarize(loaded.workbook, path, changed, today))
    return sorted(rows, key=lambda row: (isinstance(row, BrokenWorkbook), _sort_name(row)))


def _sort_name(row: WorkbookSummary | BrokenWorkbook) -> str:
    return row.client.casefold() if isinstance(row, WorkbookSummary) else row.path.name.casefold()


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
