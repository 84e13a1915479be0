"""Problems found in a workbook or content file, as clear Dutch messages with a position."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a file: where it is and what to do about it."""

    file: str
    message: str
    line: int | None = None
    column: int | None = None
    path: str | None = None
    """TOML path of the value, e.g. ``acties[3].deadline`` (indices count from 1)."""

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        parts = [where]
        if self.path:
            parts.append(self.path)
        parts.append(self.message)
        return ": ".join(parts)


class WorkbookError(Exception):
    """A file could not be read as a workbook; carries every problem found."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class ReadOnlyError(Exception):
    """A save was refused because the workbook is open read-only."""


class ChangedOnDiskError(Exception):
    """A save was refused because the file on disk is no longer what this session read or wrote."""

    def __init__(self, path: object) -> None:
        self.path = path
        super().__init__(f"{path} is buiten het werkboek gewijzigd; er is niets overschreven")


def format_path(loc: Sequence[str | int]) -> str:
    """Render a location tuple as a TOML path: ``('acties', 2, 'deadline')`` → ``acties[3].deadline``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            text = part if _is_bare(part) else f'"{part}"'
            out += f".{text}" if out else text
    return out


def _is_bare(key: str) -> bool:
    return bool(key) and all(c.isascii() and (c.isalnum() or c in "-_") for c in key)
