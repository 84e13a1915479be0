"""Progress since the last visit: what changed in a workbook since a git version or a date.

``werkboek export KLANT.toml --sinds 2026-10-06`` and "Voortgang sinds …" in the app compare the file
now with the version committed last on or before that day (or with a named revision: ``HEAD~3``, a tag,
a commit) and put first what an employer asks about at the next visit: what was finished, what is new,
which scores moved, which legal items were put in order, and the sessions in between. Everything else
the semantic diff (:mod:`models.diff`) found is counted, so nothing changes unseen.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from models.compare import workbook_from_text
from models.content import Content
from models.diff import diff_workbooks
from models.form_parsing import FormError, parse_date
from models.formatting import aantal, short_date
from models.git import GitError, file_at, repository_root, run_git
from models.workbook import Action, LogEntry, Workbook


@dataclass(frozen=True)
class SinceVersion:
    """The version compared with: its commit, when it was made, and how the user named it."""

    commit: str
    day: dt.date
    asked: str

    @property
    def label(self) -> str:
        return f"{short_date(self.day)} (vastlegging {self.commit[:7]})"


@dataclass(frozen=True)
class ScoreMove:
    factor: str
    before: int | None
    now: int | None


@dataclass(frozen=True)
class ProgressSince:
    """What changed since ``since``, in the order an employer asks about it."""

    client: str
    since: SinceVersion
    finished: list[Action] = field(default_factory=list)
    new: list[Action] = field(default_factory=list)
    stopped: list[Action] = field(default_factory=list)
    new_rounds: list[dt.date] = field(default_factory=list)
    scores: list[ScoreMove] = field(default_factory=list)
    legal_in_order: list[str] = field(default_factory=list)
    sessions: list[LogEntry] = field(default_factory=list)
    other_changes: int = 0

    def sections(self) -> list[tuple[str, list[str]]]:
        """(heading, lines) per subject, every subject present (an empty one says so)."""
        return [
            ("Afgerond", [f"{a.id} {a.titel}" + _when(a.afgerond_op) for a in self.finished] or ["niets"]),
            ("Nieuw in het plan", [f"{a.id} {a.titel} ({a.status})" for a in self.new] or ["niets"]),
            ("Gestopt", [f"{a.id} {a.titel}" for a in self.stopped] or ["niets"]),
            ("Scores", _score_lines(self) or ["geen nieuwe meting"]),
            ("Wettelijk minimum in orde gebracht", self.legal_in_order or ["niets"]),
            ("Sessies", [f"{short_date(e.datum)}: {e.titel}" for e in self.sessions] or ["geen vastgelegd"]),
        ]


def _when(day: dt.date | None) -> str:
    return f" (afgerond {short_date(day)})" if day else ""


def _score_lines(progress: ProgressSince) -> list[str]:
    if not progress.new_rounds:
        return []
    dates = ", ".join(short_date(day) for day in progress.new_rounds)
    lines = [f"{aantal(len(progress.new_rounds), 'nieuwe meting', 'nieuwe metingen')}: {dates}"]
    for move in progress.scores:
        before = "—" if move.before is None else str(move.before)
        now = "—" if move.now is None else str(move.now)
        lines.append(f"{move.factor}: {before} → {now}")
    return lines


def since_version(path: Path, asked: str) -> SinceVersion:
    """The commit to compare with: the last one of ``path`` on or before a date (``2026-10-06`` or
    ``6-10-2026``), or a revision git knows (``HEAD~3``, a tag, a commit). A :class:`GitError` in Dutch
    when there is none."""
    root = repository_root(path)
    if root is None:
        raise GitError(f"{path} staat niet in een git-repository; voortgang sinds een versie vraagt git")
    relative = path.resolve().relative_to(root.resolve()).as_posix()
    try:
        day = parse_date(asked)
    except FormError:
        day = None
    if day is not None:
        # The whole log of the file, followed through renames (git's --before would stop it finding the
        # old name), newest first: the first commit on or before the day.
        log = run_git(root, "log", "--follow", "--format=%H %cs", "--", relative).split("\n")
        found = next((line for line in log if line and dt.date.fromisoformat(line.split()[1]) <= day), "")
        if not found:
            raise GitError(f"{relative} heeft geen vastlegging op of voor {short_date(day)}")
    else:
        found = run_git(root, "log", "-1", "--format=%H %cs", f"{asked}^{{commit}}", "--")
    commit, date_text = found.split()
    return SinceVersion(commit, dt.date.fromisoformat(date_text), asked)


def progress_since(path: Path, asked: str, now: Workbook, content: Content) -> ProgressSince:
    """What changed in ``now`` (the workbook of ``path`` as it is) since the version ``asked`` names."""
    since = since_version(path, asked)
    before = workbook_from_text(f"{path.name} ({since.commit[:7]})", file_at(path, since.commit), content)
    return compare(before, now, since, content)


def compare(before: Workbook, now: Workbook, since: SinceVersion, content: Content) -> ProgressSince:
    """The progress between two versions of a workbook."""
    old = {action.id: action for action in before.acties}
    finished = [a for a in now.acties if a.status == "klaar" and (a.id not in old or old[a.id].status != "klaar")]
    stopped = [a for a in now.acties if a.status == "gestopt" and a.id in old and old[a.id].status != "gestopt"]
    new = [a for a in now.acties if a.id not in old]
    old_dates = {scoring.datum for scoring in before.metingen}
    new_rounds = sorted(scoring.datum for scoring in now.metingen if scoring.datum not in old_dates)
    scores = _score_moves(before, now, content) if new_rounds else []
    legal = [item.titel for item in content.legal if _put_in_order(before, now, item.id)]
    old_sessions = {(entry.datum, entry.titel) for entry in before.logboek}
    sessions = sorted(
        (entry for entry in now.logboek if (entry.datum, entry.titel) not in old_sessions), key=lambda e: e.datum
    )
    told = len(finished) + len(stopped) + len(new) + len(new_rounds) + len(legal) + len(sessions)
    return ProgressSince(
        client=now.organisatie.naam,
        since=since,
        finished=finished,
        new=new,
        stopped=stopped,
        new_rounds=new_rounds,
        scores=scores,
        legal_in_order=legal,
        sessions=sessions,
        other_changes=max(0, len(diff_workbooks(before, now, content)) - told),
    )


def _put_in_order(before: Workbook, now: Workbook, item_id: str) -> bool:
    state, old_state = now.wettelijk.get(item_id), before.wettelijk.get(item_id)
    return state is not None and state.status == "aanwezig" and (old_state is None or old_state.status != "aanwezig")


def _score_moves(before: Workbook, now: Workbook, content: Content) -> list[ScoreMove]:
    """Per factor, the latest score then and the latest now, where they differ."""
    then = max(before.metingen, key=lambda scoring: scoring.datum, default=None)
    latest = max(now.metingen, key=lambda scoring: scoring.datum, default=None)
    moves = []
    for factor in content.factors:
        old_score = then.scores.get(factor.id) if then else None
        new_score = latest.scores.get(factor.id) if latest else None
        if old_score != new_score:
            moves.append(ScoreMove(factor.naam, old_score, new_score))
    return moves
