"""Recovery copies: the unsaved workbook, kept when a save failed (disk full, no permission, read-only disk).

A recovery copy lives in the app's state folder (``herstel/`` beside the app's own memory), never
beside the client's workbook: that folder is often a git repository, and it may be the very folder
that cannot be written. Each copy is named after its workbook (like drafts: the name made safe and
a short hash of the full path) and the moment it was made, and never replaces another copy. When
even the state folder cannot be written, the system's temporary folder is tried.

The next time that workbook opens, the app offers the newest copy: open it as the workbook's
unsaved state, set it aside (``herstel/bewaard/``: kept, not offered again), or throw it away.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import re
import tempfile
from pathlib import Path

import tomli_w

from models.canonical import dumps_workbook
from models.content import Content
from models.new_file import free_name, write_new
from models.os_errors import dutch_os_error
from models.settings import state_path
from models.store import load_workbook
from models.workbook import Workbook

SUFFIX = ".toml"
_STAMP = re.compile(r"-(\d{4}-\d{2}-\d{2})-(\d{6})(?:-\d+)?$")


class RecoveryFailedError(Exception):
    """No recovery copy could be written anywhere; the message says why, in Dutch."""


def recovery_folder() -> Path:
    """``herstel/`` beside the app's own memory (``$WERKBOEK_STATE``, else the user's state folder)."""
    return state_path().parent / "herstel"


def fallback_folder() -> Path:
    """Where a copy goes when the state folder cannot be written: the system's temporary folder."""
    user = getattr(os, "getuid", lambda: "gebruiker")()
    return Path(tempfile.gettempdir()) / f"preventiewerkboek-herstel-{user}"


def set_aside_folder() -> Path:
    """Copies the user chose to keep but not to open: still there, never offered again."""
    return recovery_folder() / "bewaard"


def copy_prefix(workbook: Path) -> str:
    """The start of every copy's name for ``workbook``: its name made safe and a hash of its full path."""
    resolved = os.path.realpath(workbook)  # absolute; never raises, not even on a loop of symlinks
    digest = hashlib.sha256(resolved.encode("utf-8")).hexdigest()[:12]
    stem = re.sub(r"[^A-Za-z0-9_-]+", "-", workbook.stem)[:40] or "werkboek"
    return f"{stem}-{digest}"


def workbook_bytes(workbook: Workbook, content: Content) -> bytes:
    """The workbook as the app writes it; if even that fails, as plain TOML (nothing is lost either way)."""
    try:
        return dumps_workbook(workbook, content).encode("utf-8")
    except Exception:  # the copy matters more than its layout
        data = workbook.model_dump(mode="python", by_alias=True, exclude_none=True)
        return tomli_w.dumps(data).encode("utf-8")


def keep_recovery_copy(
    workbook_path: Path,
    workbook: Workbook,
    content: Content,
    *,
    replacing: Path | None = None,
    now: dt.datetime | None = None,
) -> Path:
    """Write ``workbook`` (the unsaved state of ``workbook_path``) to a new recovery copy; returns it.

    ``replacing`` is an earlier copy of this same session: it is removed only once the new copy is
    safely written (it holds an older state of the same edits). Raises :class:`RecoveryFailedError`
    when no folder takes the copy.
    """
    data = workbook_bytes(workbook, content)
    moment = (now or dt.datetime.now()).strftime("%Y-%m-%d-%H%M%S")
    base = f"{copy_prefix(workbook_path)}-{moment}"
    problems = []
    for folder in (recovery_folder(), fallback_folder()):
        try:
            copy = write_new(folder, base, SUFFIX, data)
        except OSError as error:
            problems.append(dutch_os_error(error, folder / f"{base}{SUFFIX}"))
            continue
        if replacing is not None and replacing != copy:
            with contextlib.suppress(OSError):
                replacing.unlink()
        return copy
    raise RecoveryFailedError("; ".join(problems))


def recovery_copies(workbook_path: Path) -> list[Path]:
    """The copies waiting to be offered for ``workbook_path``, newest first (not those set aside)."""
    prefix = copy_prefix(workbook_path)
    pattern = re.compile(rf"{re.escape(prefix)}-\d{{4}}-\d{{2}}-\d{{2}}-\d{{6}}(?:-\d+)?{re.escape(SUFFIX)}")
    found = []
    for folder in (recovery_folder(), fallback_folder()):
        with contextlib.suppress(OSError):
            for entry in os.scandir(folder):
                if pattern.fullmatch(entry.name) and entry.is_file(follow_symlinks=False):
                    found.append(Path(entry.path))
    return sorted(found, key=_order, reverse=True)


def _order(copy: Path) -> tuple[str, float]:
    match = _STAMP.search(copy.stem)
    try:
        made = copy.stat().st_mtime
    except OSError:
        made = 0.0
    return (f"{match.group(1)}{match.group(2)}" if match else "", made)


def made_at(copy: Path) -> dt.datetime | None:
    """When the copy was made (from its name)."""
    match = _STAMP.search(copy.stem)
    if match is None:
        return None
    try:
        return dt.datetime.strptime(f"{match.group(1)}-{match.group(2)}", "%Y-%m-%d-%H%M%S")
    except ValueError:
        return None


def read_recovery_copy(copy: Path, content: Content) -> Workbook:
    """The workbook in a recovery copy; raises :class:`models.problems.WorkbookError` when it is not valid."""
    return load_workbook(copy, content).workbook


def set_aside(copy: Path) -> Path:
    """Move ``copy`` to :func:`set_aside_folder` (never over another file); returns where it is now."""
    folder = set_aside_folder()
    folder.mkdir(parents=True, exist_ok=True)
    target = free_name(folder, copy.stem, copy.suffix)
    try:
        os.link(copy, target)
    except OSError:  # another disk (the temporary folder) or no hard links: copy the bytes
        target = write_new(folder, copy.stem, copy.suffix, copy.read_bytes())
    copy.unlink()
    return target


def throw_away(copy: Path) -> None:
    """Remove a recovery copy (the user chose so)."""
    copy.unlink(missing_ok=True)
