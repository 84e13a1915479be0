"""The versions of a workbook in git, newest first, each with what it changed against its own parent.

Versions are produced one by one, so a screen can show the first while the older ones are read.
A version that is not a valid workbook is listed with its problem instead.

History with branches is read as a graph (:func:`models.git.file_changes`): each commit is compared
with the version of its own parent, never with the commit listed next to it, so a colleague's commit
on another branch is never shown as undoing ours. A merge is compared with each of its parents: against
the first (the branch merged into) it shows what the merged branch brought, against the second what
the branch merged into had that the other did not.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from models.content import Content
from models.diff import DiffLine, diff_workbooks
from models.formatting import aantal
from models.git import BlobReader, Commit, FileChange, GitError, blob_at, file_changes, repository_root
from models.problems import WorkbookError
from models.store import parse_workbook
from models.workbook import Workbook


@dataclass(frozen=True)
class Side:
    """What one side of a merge brought: the merge compared with the version on the other side."""

    brought_by: str
    """The branch that brought it: its name when git's merge message names it, else ``""``."""
    merged: bool
    """True for the branch that was merged in, False for the branch merged into."""
    against: str
    """The short id of the parent the merge is compared with (the other side's version)."""
    changes: list[DiffLine] | None
    """None when that parent's version is not a valid workbook."""


@dataclass(frozen=True)
class Version:
    """The workbook as one commit left it (``commit`` None: the file now, not yet committed)."""

    commit: Commit | None
    workbook: Workbook | None
    problem: str | None
    changes: list[DiffLine] | None
    """What changed since the version before it (for a merge: since its first parent); None for the first
    version, or when the version before it cannot be read."""
    sides: tuple[Side, ...] = ()
    """For a merge: what each side brought."""
    first: bool = False
    """The commit that added the file: there is nothing before it."""


def first_version_summary(workbook: Workbook) -> str:
    """What the first version held, in one line."""
    return (
        f"eerste versie: {aantal(len(workbook.acties), 'actie', 'acties')}, "
        f"{aantal(len(workbook.metingen), 'meting', 'metingen')}, "
        f"{aantal(len(workbook.logboek), 'verslag', 'verslagen')}"
    )


Read = tuple[Workbook | None, str | None]


class _Versions:
    """Each blob read and parsed once, however many commits compare with it."""

    def __init__(self, reader: BlobReader, content: Content, name: str) -> None:
        self.reader = reader
        self.content = content
        self.name = name
        self.found: dict[str, Read] = {}

    def read(self, blob: str | None, label: str) -> Read:
        if blob is None:
            return None, "het bestand bestaat niet in deze versie"
        if blob not in self.found:
            self.found[blob] = self._parse(blob, label)
        return self.found[blob]

    def _parse(self, blob: str, label: str) -> Read:
        try:
            workbook, _ = parse_workbook(f"{self.name} ({label})", self.reader.text(blob), self.content)
        except WorkbookError as error:
            return None, str(error.problems[0])
        except Exception as error:  # git trouble for one version must not hide the others
            return None, str(error)
        return workbook, None

    def diff(self, old: Workbook | None, new: Workbook | None) -> list[DiffLine] | None:
        if old is None or new is None:
            return None
        return diff_workbooks(old, new, self.content)


def _version(change: FileChange, versions: _Versions) -> Version:
    commit = change.commit
    workbook, problem = versions.read(change.blob, commit.short)
    pairs = zip(change.parent_blobs, commit.parents, strict=False)  # a first commit has no parent at all
    parents = [versions.read(blob, parent[:7])[0] for blob, parent in pairs]
    if not parents or all(blob is None for blob in change.parent_blobs):
        return Version(commit, workbook, problem, None, first=True)
    changes = versions.diff(parents[0], workbook)
    if not commit.is_merge or len(parents) < 2:
        return Version(commit, workbook, problem, changes)
    branch, into = commit.merged_branch or "", commit.merged_into or ""
    sides = (
        Side(branch, True, commit.parents[0][:7], changes),
        Side(into, False, commit.parents[1][:7], versions.diff(parents[1], workbook)),
    )
    return Version(commit, workbook, problem, changes, sides)


def versions(path: Path, content: Content, now: Workbook | None = None) -> Iterator[Version]:
    """Newest first: the file as it is ``now`` when its content differs from the last commit, then every
    commit that changed it, on every branch merged into this one."""
    root = repository_root(path)
    try:
        changes = file_changes(path) if root is not None else []
    except GitError:  # git cannot read the history: show none rather than stop the screen
        return
    if root is None or not changes:
        return
    relative = path.resolve().relative_to(root.resolve()).as_posix()
    with BlobReader(root) as reader:
        read = _Versions(reader, content, changes[0].commit.path)
        if now is not None:
            yield from _uncommitted(read, blob_at(root, "HEAD", relative) or changes[0].blob, now)
        for change in changes:
            yield _version(change, read)


def _uncommitted(versions: _Versions, head_blob: str | None, now: Workbook) -> Iterator[Version]:
    """The open workbook when its content differs from the last commit's: a file that differs only in
    layout, line endings or its time stamp, or a git setting (textconv, eol), is not a change."""
    committed, _ = versions.read(head_blob, "HEAD")
    if committed is None:
        return
    changes = diff_workbooks(committed, now, versions.content)
    if changes:
        yield Version(None, now, None, changes)
