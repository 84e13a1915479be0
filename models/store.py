"""Reading and saving workbook files: validation with clear Dutch errors, and safe writes."""

from __future__ import annotations

import contextlib
import hashlib
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from models.atomic import leftover_temps, write_atomic
from models.canonical import dumps_workbook
from models.content import Content, default_content
from models.dutch_messages import located, validation_problems
from models.file_lock import real_path, workbook_lock
from models.limits import extreme_values
from models.new_file import free_name, write_new
from models.problems import ChangedOnDiskError, Problem, ReadOnlyError, WorkbookError
from models.references import reference_errors
from models.schema import ValidationError
from models.settings import state_path
from models.toml_file import decode_text, parse_toml, read_bytes
from models.toml_scan import comment_lines, conflict_marker_lines, scan
from models.unknown_keys import unknown_keys
from models.workbook import SCHEMA_VERSION, Workbook


@dataclass(frozen=True)
class LoadedWorkbook:
    """A workbook together with what is known about the file it came from."""

    path: Path
    workbook: Workbook
    digest: str | None
    """SHA-256 of the bytes on disk as last read or written, to notice changes by others;
    None for a new file that does not exist yet (and so must not exist when first saved)."""
    read_only_reason: str | None = None
    comment_lines: list[int] = field(default_factory=list)
    unknown_keys: list[Problem] = field(default_factory=list)
    """Keys the program does not know; kept through a save, reported so typos get noticed."""
    newline: str = "\n"
    """The file's line ending (CRLF for a file from Windows), kept when it is saved."""

    @property
    def read_only(self) -> bool:
        return self.read_only_reason is not None


def digest_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _read_only_reason(name: str, data: dict[str, Any], text: str) -> str | None:
    """Why the file must open read-only (a newer format), if so; a missing or bad version is an error."""
    version = data.get("schema")
    if version is None:
        raise WorkbookError([Problem(name, f"'schema' ontbreekt; zet bovenaan het bestand: schema = {SCHEMA_VERSION}")])
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise WorkbookError(
            [
                located(
                    name,
                    text,
                    ("schema",),
                    f"schema moet een geheel getal zijn (nu {SCHEMA_VERSION}), niet {version!r}",
                )
            ]
        )
    if version > SCHEMA_VERSION:
        return (
            f"dit bestand heeft schema {version}, deze versie van het werkboek kent schema {SCHEMA_VERSION}; "
            "het is alleen-lezen geopend zodat er niets verloren gaat. Werk het programma bij om te bewerken."
        )
    return None


def parse_workbook(name: str, text: str, content: Content) -> tuple[Workbook, str | None]:
    """Validate workbook text; returns the workbook and a read-only reason, or raises WorkbookError."""
    text = text.replace("\r\n", "\n")  # a CRLF file holds the same texts (no "\r" in its long texts)
    if not text.strip():
        raise WorkbookError(
            [
                Problem(
                    name,
                    f"het bestand is leeg; een werkboek begint met schema = {SCHEMA_VERSION} "
                    "en een [organisatie] met naam",
                )
            ]
        )
    markers = conflict_marker_lines(text)
    if markers:
        first, *others = markers
        problems = [
            Problem(
                name,
                "git-conflictmarkering: dit bestand is half samengevoegd. Kies per conflict welke versie "
                "blijft, haal de regels <<<<<<<, ======= en >>>>>>> weg en sla op",
                line=first,
                column=1,
            )
        ]
        problems += [Problem(name, "nog een git-conflictmarkering", line=line, column=1) for line in others]
        raise WorkbookError(problems)
    data = parse_toml(name, text)
    read_only_reason = _read_only_reason(name, data, text)
    try:
        workbook = Workbook.model_validate(data)
    except ValidationError as error:
        problems = validation_problems(name, error, text)
        if read_only_reason:
            problems.insert(0, Problem(name, read_only_reason))
        raise WorkbookError(problems) from None
    extreme = list(extreme_values(workbook))  # what a save could not write back, refused now
    if extreme:
        where = scan(text)
        raise WorkbookError([located(name, text, loc, message, where) for loc, message in extreme])
    found = list(reference_errors(workbook, content))
    positions = scan(text) if found else None
    references = [located(name, text, loc, message, positions) for loc, message in found]
    if references:
        raise WorkbookError(references)
    return workbook, read_only_reason


def load_workbook(path: Path, content: Content | None = None) -> LoadedWorkbook:
    """Read and validate a workbook file; raises :class:`WorkbookError` with every problem found."""
    content = content or default_content()
    data = read_bytes(path)
    text = decode_text(str(path), data)
    workbook, read_only_reason = parse_workbook(str(path), text, content)
    extras = list(unknown_keys(workbook))
    positions = scan(text) if extras else None
    return LoadedWorkbook(
        path=path,
        workbook=workbook,
        digest=digest_of(data),
        read_only_reason=read_only_reason,
        comment_lines=comment_lines(text),
        unknown_keys=[located(str(path), text, loc, note, positions) for loc, note in extras],
        newline=line_ending(text),
    )


def line_ending(text: str) -> str:
    """CRLF when the first line of ``text`` ends so, else LF."""
    end = text.find("\n")
    return "\r\n" if end > 0 and text[end - 1] == "\r" else "\n"


def disk_digest(path: Path) -> str | None:
    """SHA-256 of the file as it is on disk now; None when it is gone or unreadable."""
    try:
        return digest_of(path.read_bytes())
    except OSError:
        return None


def changed_on_disk(loaded: LoadedWorkbook) -> bool:
    """Whether someone else changed (or removed) the file since it was last read or written."""
    return disk_digest(loaded.path) != loaded.digest


def save_workbook(
    loaded: LoadedWorkbook,
    workbook: Workbook,
    *,
    content: Content | None = None,
) -> LoadedWorkbook:
    """Write ``workbook`` to the file of ``loaded`` atomically (previous version kept in the state folder).

    Refuses a read-only workbook and a file that changed on disk since it was read or written
    (another editor, ``git pull``, another window's save): that is never overwritten blindly.
    A file with hand-written comments keeps them: the canonical text is laid onto the file's own
    text (:mod:`models.toml_keep`); a file without comments gets the canonical text as it is.
    The check and the write happen under the workbook's lock (:mod:`models.file_lock`), so two
    windows saving at the same instant cannot both pass the check: one saves, the other gets
    :class:`ChangedOnDiskError`. A symlinked workbook is written through its link. Returns the new state.
    """
    if loaded.read_only_reason:
        raise ReadOnlyError(loaded.read_only_reason)
    text = dumps_workbook(workbook, content or default_content())
    comments: list[int] = []
    if loaded.comment_lines:
        text = _keeping_comments(loaded, text)
        comments = comment_lines(text)
    data = text.replace("\n", loaded.newline).encode("utf-8")
    new_digest = digest_of(data)
    if new_digest != loaded.digest:
        with workbook_lock(loaded.path):
            if changed_on_disk(loaded):
                raise ChangedOnDiskError(loaded.path)
            write_atomic(loaded.path, data, backup=backup_path(loaded.path))
    return replace(loaded, workbook=workbook, digest=new_digest, comment_lines=comments)


def _keeping_comments(loaded: LoadedWorkbook, canonical: str) -> str:
    """``canonical`` laid onto the text on disk, so its comments stay (the file must be as last read)."""
    try:
        current = loaded.path.read_bytes()
    except OSError:
        raise ChangedOnDiskError(loaded.path) from None
    if digest_of(current) != loaded.digest:
        raise ChangedOnDiskError(loaded.path)
    from models.toml_keep import merge_keeping_comments  # noqa: PLC0415 - tomlkit only for files with comments

    old_text = decode_text(str(loaded.path), current).replace("\r\n", "\n")
    return merge_keeping_comments(old_text, canonical)


def backups_folder() -> Path:
    """Where previous versions are kept: in the app's state folder, never in the client's (git) folder."""
    return state_path().parent / "reservekopieen"


def backup_path(path: Path) -> Path:
    """Where the previous version of the workbook ``path`` is kept (written before every save).

    In :func:`backups_folder`, named after the workbook and a short hash of its real full path (a
    symlink counts as its target), so two ``klant.toml`` in different folders never share a copy.
    The name keeps the workbook's own suffix, so the copy opens as a workbook: ``werkboek PAD``.
    """
    target = real_path(path)
    digest = hashlib.sha256(str(target).encode("utf-8")).hexdigest()[:12]
    stem = re.sub(r"[^A-Za-z0-9_-]+", "-", target.stem)[:40] or "werkboek"
    return backups_folder() / f"{stem}-{digest}{target.suffix}"


STALE_TEMP_SECONDS = 60.0
"""A temporary file this old is left from a crash, even while another window saves the workbook."""


def remove_leftover_temps(path: Path) -> list[Path]:
    """Remove the temporary files that a crash during a save of ``path`` left behind; returns them.

    Only files named like this workbook's own temporary files (``.NAME.XXXXXXXX.tmp`` beside it, and
    those of its copy in the state folder). When no other window is saving the workbook (its lock is
    free) they are all stale; while another process holds the lock, only those untouched for a
    minute are removed, so a temporary file that a live save is writing is never taken away.
    """

    def found(older_than: float) -> list[Path]:
        return [*leftover_temps(path, older_than=older_than), *leftover_temps(backup_path(path), older_than=older_than)]

    if not found(0.0):
        return []  # the usual case: nothing to clean, and no lock file made beside a file only read
    removed: list[Path] = []
    try:
        with workbook_lock(path, wait=0) as free:
            for temp in found(0.0 if free else STALE_TEMP_SECONDS):
                with contextlib.suppress(OSError):
                    temp.unlink()
                    removed.append(temp)
    except OSError:
        pass  # no lock to be had (a read-only folder): whatever is there stays
    return removed


def conflict_path(path: Path) -> Path:
    """The name of the first conflict copy of ``path`` (``NAME.conflict.toml``); later ones are numbered."""
    return path.with_name(f"{path.stem}.conflict{path.suffix}")


def next_conflict_path(path: Path) -> Path:
    """Where the next conflict copy of ``path`` goes: ``NAME.conflict.toml``, else ``NAME.conflict-2.toml``, …"""
    return free_name(path.parent, f"{path.stem}.conflict", path.suffix)


def save_conflict_copy(loaded: LoadedWorkbook, workbook: Workbook, *, content: Content | None = None) -> Path:
    """Write ``workbook`` next to the file as a new conflict copy (:func:`next_conflict_path`); returns it.

    An earlier conflict copy is never written over: it holds edits of an earlier conflict. The file
    itself is left alone.
    """
    data = dumps_workbook(workbook, content or default_content()).encode("utf-8")
    try:
        mode = loaded.path.stat().st_mode & 0o666
    except OSError:
        mode = 0o644
    return write_new(loaded.path.parent, f"{loaded.path.stem}.conflict", loaded.path.suffix, data, mode=mode)
