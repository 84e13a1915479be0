"""A workbook that arrived with git's conflict markers, merged again by meaning (``werkboek merge --markers``).

That happens when a merge ran without the merge driver (a fresh clone where ``git config`` was not done
yet, a web merge, someone else's machine): git wrote ``<<<<<<<``, ``=======`` and ``>>>>>>>`` into the
file. The markers are split into our version (the lines between ``<<<<<<<`` and ``=======``, with the
unchanged text around them) and theirs (between ``=======`` and ``>>>>>>>``). The base comes from the
file itself when git wrote it there (``merge.conflictStyle = diff3`` or ``zdiff3``: the ``|||||||``
part), else from git: the index while the merge is still open (stage 1), or, when the file was
committed with its markers, the common ancestor of that merge commit's two parents.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

_MARKER = re.compile(r"^(<{7}|\|{7}|={7}|>{7})(?:[ \r\n]|$)")
_BEFORE = {"<": ("",), "|": ("ours",), "=": ("ours", "base"), ">": ("theirs",)}
"""Where each marker may come: ``<<<<<<<`` outside a conflict, ``=======`` after ours or the base, …"""


class MarkerError(ValueError):
    """The file cannot be split (no markers, markers out of order, no base to be found); the message is Dutch."""


@dataclass(frozen=True)
class MarkedVersions:
    ours: str
    theirs: str
    base: str | None
    """From the file's ``|||||||`` parts; None when git wrote none (then the base comes from git)."""


def split_markers(text: str) -> MarkedVersions:
    """Our and their text (and the base's, when the file holds it) of a file with conflict markers."""
    ours: list[str] = []
    theirs: list[str] = []
    base: list[str] = []
    state, hunks, with_base = "", 0, 0
    for number, line in enumerate(text.splitlines(keepends=True), start=1):
        found = _MARKER.match(line)
        marker = found.group(1) if found else ""
        kind = marker[:1]
        if kind and state not in _BEFORE[kind]:
            raise MarkerError(f"regel {number}: conflictmarkering {marker} staat hier niet op zijn plaats")
        if kind == "<":
            state, hunks = "ours", hunks + 1
        elif kind == "|":
            state, with_base = "base", with_base + 1
        elif kind == "=":
            state = "theirs"
        elif kind == ">":
            state = ""
        elif state == "":
            ours.append(line)
            theirs.append(line)
            base.append(line)
        else:
            {"ours": ours, "theirs": theirs, "base": base}[state].append(line)
    if state:
        raise MarkerError("het bestand eindigt midden in een conflict (er ontbreekt een >>>>>>>)")
    if not hunks:
        raise MarkerError("het bestand heeft geen git-conflictmarkeringen (<<<<<<<, =======, >>>>>>>)")
    complete_base = with_base == hunks
    return MarkedVersions("".join(ours), "".join(theirs), "".join(base) if complete_base else None)


def _git(folder: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(
            ["git", "-C", str(folder), *args], capture_output=True, text=True, encoding="utf-8", timeout=30, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def base_from_git(path: Path) -> str | None:
    """The common version of a conflicted ``path``: stage 1 of the index during the merge, else the
    version in the merge base of the two parents of the commit that holds the markers; None if neither."""
    folder, name = path.parent, f"./{path.name}"
    staged = _git(folder, "show", f":1:{name}")
    if staged is not None:
        return staged
    parents = (_git(folder, "rev-list", "--parents", "-n", "1", "HEAD") or "").split()
    if len(parents) != 3:
        return None
    common = (_git(folder, "merge-base", parents[1], parents[2]) or "").strip()
    if not common:
        return ""  # no common history: both added the file
    return _git(folder, "show", f"{common}:{name}") or ""
