"""The versions of a workbook in git, newest first, each with what changed since the one before.

Versions are produced one by one, so a screen can show the first while the older ones are read.
A version that is not a valid workbook is listed with its problem instead.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from models.content import Content
from models.diff import DiffLine, diff_workbooks
from models.formatting import aantal
from models.git import Commit, GitError, file_history, repository_root, text_at
from models.problems import WorkbookError
from models.store import parse_workbook
from models.workbook import Workbook


@dataclass(frozen=True)
class Version:
    """The workbook as one commit left it (``commit`` None: the file now, not yet committed)."""

    commit: Commit | None
    workbook: Workbook | None
    problem: str | None
    changes: list[DiffLine] | None
    """What changed since the previous version; None for the first version."""


def _read(root: Path, commit: Commit, content: Content) -> tuple[Workbook | None, str | None]:
    try:
        text = text_at(root, commit.sha, commit.path)
        workbook, _ = parse_workbook(f"{commit.path} ({commit.short})", text, content)
    except WorkbookError as error:
        return None, str(error.problems[0])
    except Exception as error:  # git trouble for one version must not hide the others
        return None, str(error)
    return workbook, None


def first_version_summary(workbook: Workbook) -> str:
    """What the first version held, in one line."""
    return (
        f"eerste versie: {aantal(len(workbook.acties), 'actie', 'acties')}, "
        f"{aantal(len(workbook.metingen), 'meting', 'metingen')}, "
        f"{aantal(len(workbook.logboek), 'verslag', 'verslagen')}"
    )


def versions(path: Path, content: Content, now: Workbook | None = None) -> Iterator[Version]:
    """Newest first: the file as it is ``now`` when that differs from the last commit, then every commit."""
    root = repository_root(path)
    try:
        commits = file_history(path) if root is not None else []
    except GitError:  # git cannot read the history: show none rather than stop the screen
        return
    if root is None or not commits:
        return
    read = [_read(root, commit, content) for commit in commits[:1]]
    if now is not None and read[0][0] is not None:
        uncommitted = diff_workbooks(read[0][0], now, content)
        if uncommitted:
            yield Version(None, now, None, uncommitted)
    for index, commit in enumerate(commits):
        if index + 1 < len(commits):
            read.append(_read(root, commits[index + 1], content))
        workbook, problem = read[index]
        older = read[index + 1][0] if index + 1 < len(read) else None
        changes: list[DiffLine] | None = None
        if workbook is not None and older is not None:
            changes = diff_workbooks(older, workbook, content)
        yield Version(commit, workbook, problem, changes)
