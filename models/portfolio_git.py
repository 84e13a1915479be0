"""Git state of every workbook in a folder at once, for Werkboeken: per file whether it is committed,
its repository's branch ahead of or behind its upstream, and the date of the file's latest commit.

One ``git status`` and one ``git log`` per repository, never per file (a folder of 1,000 workbooks
would otherwise start 1,000 processes). The repository of a file is found by looking for ``.git`` in
its folder and the folders above, without starting git. No network: behind is as of the last fetch.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from models.git import GitError

_AHEAD = re.compile(r"\bahead (\d+)")
_BEHIND = re.compile(r"\bbehind (\d+)")


@dataclass(frozen=True)
class FileGit:
    """Where one workbook file stands in git (as :func:`models.git_sync.git_state` says for one file)."""

    uncommitted: bool
    """The file differs from its last commit, or was never committed."""
    ahead: int
    """Commits of its repository's branch that the upstream does not have yet."""
    behind: int
    """Commits of the upstream (as last fetched) that are not here yet."""
    committed: dt.date | None
    """The date of the file's latest commit (None: never committed)."""
    shared: bool = True
    """Its branch has an upstream to share with (False: the commits stay on this computer)."""

    def short(self) -> str:
        """In a few cells: ``●↑2↓1`` (● not committed), ``✓`` when all is committed (and shared, when the
        branch has an upstream: :meth:`words` says which)."""
        signs = ("●" if self.uncommitted else "") + (f"↑{self.ahead}" if self.ahead else "")
        signs += f"↓{self.behind}" if self.behind else ""
        return signs or "✓"

    def words(self) -> str:
        """In words, for the detail line: ``niet vastgelegd · 2 te delen``, or ``vastgelegd en gedeeld``."""
        parts = ["niet vastgelegd"] if self.uncommitted else []
        parts += [f"{self.ahead} te delen"] if self.ahead else []
        parts += [f"{self.behind} binnen te halen"] if self.behind else []
        if not self.shared:
            parts.append(
                "alleen op deze computer (geen upstream)"
                if parts
                else "vastgelegd, alleen op deze computer (geen upstream)"
            )
        return " · ".join(parts) or "vastgelegd en gedeeld"


def repository_of(folder: Path, known: dict[Path, Path | None]) -> Path | None:
    """The work tree ``folder`` is in (the folder holding ``.git``), or None; ``known`` remembers folders."""
    seen: list[Path] = []
    found: Path | None = None
    for candidate in (folder, *folder.parents):
        if candidate in known:
            found = known[candidate]
            break
        seen.append(candidate)
        if (candidate / ".git").exists():
            found = candidate
            break
    for candidate in seen:
        known[candidate] = found
    return found


def _run(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """git in ``root`` the app's quiet, prompt-free way; models.git_sync is imported here, not at start-up."""
    from models.git_sync import run_git  # noqa: PLC0415 - Werkboeken only, never before the first screen

    return run_git(root, *args)


def _status(root: Path) -> tuple[set[str], int, int, bool]:
    """The paths (relative to ``root``) that differ from the last commit or are untracked; ahead, behind;
    whether the branch has an upstream."""
    output = _run(root, "status", "--porcelain=v1", "-b", "-z", "--untracked-files=all").stdout
    entries = output.split("\0")
    changed: set[str] = set()
    ahead = behind = 0
    shared = skip = False
    for entry in entries:
        if skip:  # the old name of a rename
            skip = False
            continue
        if entry.startswith("## "):
            ahead_match, behind_match = _AHEAD.search(entry), _BEHIND.search(entry)
            ahead = int(ahead_match.group(1)) if ahead_match else 0
            behind = int(behind_match.group(1)) if behind_match else 0
            shared = "..." in entry.split(" [", 1)[0]  # ``## main...origin/main``; ``## main`` has none
        elif len(entry) > 3:
            changed.add(entry[3:])
            skip = entry[0] in "RC"
    return changed, ahead, behind, shared


def _commit_dates(root: Path) -> dict[str, dt.date]:
    """Per path (relative to ``root``) the committer date of its latest commit, from one ``git log``."""
    output = _run(root, "-c", "core.quotePath=false", "log", "--format=%x00%cs", "--name-only", "--no-renames").stdout
    dates: dict[str, dt.date] = {}
    day: dt.date | None = None
    for line in output.splitlines():
        if line.startswith("\0"):
            try:
                day = dt.date.fromisoformat(line[1:].strip())
            except ValueError:
                day = None
        elif line and day is not None:
            dates.setdefault(line, day)
    return dates


def folder_git(paths: Iterable[Path]) -> dict[Path, FileGit]:
    """The git state of each of ``paths`` that is in a repository (files outside git are left out)."""
    if shutil.which("git") is None:
        return {}
    known: dict[Path, Path | None] = {}
    by_root: dict[Path, list[tuple[Path, str]]] = {}
    for path in paths:
        full = path.resolve()
        root = repository_of(full.parent, known)
        if root is not None:
            by_root.setdefault(root, []).append((path, full.relative_to(root).as_posix()))
    states: dict[Path, FileGit] = {}
    for root, files in by_root.items():
        try:
            changed, ahead, behind, shared = _status(root)
            dates = _commit_dates(root)
        except GitError:
            continue
        for path, relative in files:
            committed = dates.get(relative)
            states[path] = FileGit(relative in changed or committed is None, ahead, behind, committed, shared)
    return states
