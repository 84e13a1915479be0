"""Writing a report or CSV of a workbook: where it may go (never over a workbook) and the atomic write.

Used by ``werkboek export`` (cli/export.py) and the app's export screen."""

from __future__ import annotations

import re
import stat
from pathlib import Path

from models.atomic import write_atomic

SNIFF_BYTES = 1 << 20
"""How much of an existing file is read to see whether it is a workbook."""
_WORKBOOK_LINE = re.compile(rb"^[ \t]*(?:schema[ \t]*=[ \t]*[0-9]|\[[ \t]*organisatie[ \t]*\])", re.MULTILINE)


class ReportRefusedError(Exception):
    """A report that may not be written where asked; ``can_confirm`` when the user may agree to it."""

    def __init__(self, message: str, *, can_confirm: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.can_confirm = can_confirm


def looks_like_workbook(path: Path) -> bool:
    """Whether ``path`` is a TOML file or reads as a workbook (a ``schema =`` line or ``[organisatie]``)."""
    if path.suffix.lower() == ".toml" or ".toml." in path.name.lower():
        return True
    try:
        with path.open("rb") as handle:
            head = handle.read(SNIFF_BYTES)
    except OSError:
        return True  # what cannot be read cannot be shown not to be a workbook
    return _WORKBOOK_LINE.search(head.removeprefix(b"\xef\xbb\xbf")) is not None


def _same_file(one: Path, other: Path) -> bool:
    try:
        return one.samefile(other)
    except OSError:
        return one.resolve() == other.resolve()


def check_report_target(target: Path, workbook_path: Path, *, overwrite: bool) -> None:
    """Raise :class:`ReportRefusedError` when a report may not go to ``target``.

    Never over the workbook itself or any other workbook, a folder or a special file; over another
    existing file only when the user agreed (``overwrite``).
    """
    if _same_file(target, workbook_path):
        raise ReportRefusedError(
            f"{target} is het werkboek zelf; een rapport schrijft nooit over een werkboek. Kies een andere naam."
        )
    try:
        info = target.stat()
    except FileNotFoundError:
        return
    except OSError as error:
        raise ReportRefusedError(f"{target}: niet te gebruiken ({error.strerror})") from None
    if stat.S_ISDIR(info.st_mode):
        raise ReportRefusedError(f"{target} is een map; geef een bestandsnaam.")
    if not stat.S_ISREG(info.st_mode):
        raise ReportRefusedError(f"{target} is geen gewoon bestand; kies een andere naam.")
    if looks_like_workbook(target):
        raise ReportRefusedError(
            f"{target} is een werkboek (of een TOML-bestand); een rapport schrijft nooit over een werkboek, "
            "ook niet met --overschrijven. Kies een andere naam."
        )
    if not overwrite:
        raise ReportRefusedError(f"{target} bestaat al en wordt niet overschreven.", can_confirm=True)


def write_export(path: Path, data: bytes, *, workbook_path: Path, overwrite: bool = False) -> None:
    """Write the export atomically (a crash never leaves half a report), after checking the target
    once more right before the write: never a workbook, an existing file only when agreed."""
    check_report_target(path, workbook_path, overwrite=overwrite)
    write_atomic(path, data, keep_backup=False)
