"""A workbook file's history in git, read with the ``git`` command itself.

Only reading: the commits that touched the file (following renames), and the file's text at a
commit. Outside a repository, or without git installed, there is simply no history.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

RECORD = "\x1e"
FIELD = "\x1f"


class GitError(Exception):
    """git could not give what was asked; the message says why, in Dutch."""


@dataclass(frozen=True)
class Commit:
    """A commit that changed the file, with the path the file had in it."""

    sha: str
    author: str
    when: dt.datetime
    message: str
    path: str
    """The file's path (relative to the repository) in this commit: it may have been renamed since."""

    @property
    def short(self) -> str:
        return self.sha[:7]


def _git(folder: Path, *args: str) -> str:
    if shutil.which("git") is None:
        raise GitError("git is niet geïnstalleerd op deze computer")
    result = subprocess.run(
        ["git", "-C", str(folder), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        check=False,
    )
    if result.returncode != 0:
        detail = result.stderr.strip().splitlines()
        raise GitError(detail[-1] if detail else f"git {args[0]} mislukte")
    return result.stdout


def repository_root(path: Path) -> Path | None:
    """The repository the file is in, or None (not in a repository, or no git)."""
    try:
        return Path(_git(path.resolve().parent, "rev-parse", "--show-toplevel").strip())
    except GitError:
        return None


def file_history(path: Path) -> list[Commit]:
    """The commits that changed ``path``, newest first, following the file through renames."""
    root = repository_root(path)
    if root is None:
        return []
    relative = path.resolve().relative_to(root.resolve()).as_posix()
    output = _git(
        root,
        "log",
        "--follow",
        "--name-only",
        "--date=iso-strict",
        f"--format={RECORD}%H{FIELD}%an{FIELD}%ad{FIELD}%s",
        "--",
        relative,
    )
    commits = []
    for record in output.split(RECORD)[1:]:
        header, _, names = record.partition("\n")
        sha, author, when, message = header.split(FIELD, 3)
        files = [name for name in names.splitlines() if name.strip()]
        commits.append(
            Commit(
                sha=sha,
                author=author,
                when=dt.datetime.fromisoformat(when),
                message=message,
                path=files[-1] if files else relative,
            )
        )
    return commits


def file_at(path: Path, revision: str) -> str:
    """The text of ``path`` at ``revision`` (a commit, branch or tag; ``HEAD`` is the last commit).

    When the file had another name at that revision, the name it had then is used.
    """
    root = repository_root(path)
    if root is None:
        raise GitError(f"{path} staat niet in een git-repository")
    relative = path.resolve().relative_to(root.resolve()).as_posix()
    try:
        return text_at(root, revision, relative)
    except GitError:
        for commit in file_history(path):  # newest first: the first one in that revision's past
            if commit.path != relative and _is_ancestor(root, commit.sha, revision):
                return text_at(root, revision, commit.path)
        raise


def _is_ancestor(root: Path, commit: str, revision: str) -> bool:
    try:
        _git(root, "merge-base", "--is-ancestor", commit, revision)
    except GitError:
        return False
    return True


def text_at(root: Path, revision: str, relative: str) -> str:
    """The text of the file at ``relative`` (from the repository root) in ``revision``."""
    try:
        return _git(root, "show", f"{revision}:{relative}")
    except GitError as error:
        raise GitError(f"{relative} bestaat niet in versie {revision} ({error})") from None
