"""A workbook file's history in git, read with the ``git`` command itself.

Only reading: the commits that touched the file (following renames), and the file's text at a
commit. Outside a repository, or without git installed, there is simply no history.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

RECORD = "\x1e"
FIELD = "\x1f"


class GitError(Exception):
    """git could not give what was asked; the message says why, in Dutch, with git's own words after it."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason} (git: {detail})" if detail else reason)
        self.reason = reason
        """Why, in Dutch."""
        self.detail = detail
        """What git itself said (English), or empty."""


UNKNOWN_REVISION = "die versie bestaat niet: er is geen commit, tak of tag met die naam"
NOT_IN_REVISION = "het bestand bestond niet in die versie"
NO_COMMITS = "er is in deze repository nog niets vastgelegd"
_GIT_MESSAGES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"not a git repository"), "deze map staat niet in een git-repository"),
    (
        re.compile(r"dubious ownership"),
        "git vertrouwt deze repository niet omdat ze van een andere gebruiker is; "
        "'git config --global --add safe.directory MAP' lost dat op",
    ),
    (re.compile(r"does not have any commits yet"), NO_COMMITS),
    (re.compile(r"path '.*' (?:does not exist|exists on disk, but not) in '"), NOT_IN_REVISION),
    (re.compile(r"is outside repository"), "het bestand ligt buiten de git-repository"),
    (re.compile(r"cannot change to"), "de map bestaat niet (meer)"),
    (
        re.compile(r"invalid object name|bad revision|Not a valid object name|unknown revision|bad object"),
        UNKNOWN_REVISION,
    ),
    (re.compile(r"index\.lock"), "een ander git-programma is bezig in deze repository; probeer het zo opnieuw"),
)


def git_error(command: str, stderr: str) -> GitError:
    """A Dutch :class:`GitError` for what git wrote to stderr when ``git COMMAND`` failed."""
    lines = [line.strip() for line in stderr.strip().splitlines() if line.strip()]
    detail = next(
        (line for line in reversed(lines) if line.startswith(("fatal:", "error:"))), lines[-1] if lines else ""
    )
    for pattern, reason in _GIT_MESSAGES:
        if pattern.search(detail):
            return GitError(reason, detail)
    return GitError(f"git {command} is mislukt", detail)


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
        raise git_error(args[0], result.stderr)
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
    try:
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
    except GitError as error:
        if error.reason == NO_COMMITS:  # a new repository: nothing committed yet, so no history
            return []
        raise
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
    except GitError as error:
        history = file_history(path)
        if not history:
            raise GitError(
                f"{relative} is nog nooit vastgelegd in git (git add, git commit), dus er is geen versie "
                f"{revision} om mee te vergelijken",
                error.detail,
            ) from None
        for commit in history:  # newest first: the first one in that revision's past
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
        if error.reason == UNKNOWN_REVISION:
            reason = f"{relative} bestaat niet in versie {revision}: er is geen commit, tak of tag met die naam"
        elif error.reason == NO_COMMITS:
            reason = f"{relative} bestaat niet in versie {revision}: {NO_COMMITS}"
        elif error.reason == NOT_IN_REVISION:
            reason = f"{relative} bestaat niet in versie {revision}"
        else:
            reason = f"{relative} in versie {revision} is niet te lezen: {error.reason}"
        raise GitError(reason, error.detail) from None
