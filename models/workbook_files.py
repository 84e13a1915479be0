"""Which files in a folder are workbooks: the one question start-up asks of a folder (``werkboek`` without
a path), kept apart from the Werkboeken summaries so answering it loads nothing else."""

from __future__ import annotations

import os
from pathlib import Path


def _is_workbook_file(path: Path) -> bool:
    return path.is_file() and not path.name.startswith(".") and not path.name.endswith(".conflict.toml")


def workbook_files(folder: Path, *, recursive: bool = False) -> list[Path]:
    """The workbook files in ``folder``, by name (backups and conflict copies left out); ``recursive``:
    in its subfolders too, except hidden ones (``.git``), by path."""
    if not recursive:
        return sorted(path for path in folder.glob("*.toml") if _is_workbook_file(path))
    found: list[Path] = []
    for here, folders, files in os.walk(folder):
        folders[:] = [name for name in folders if not name.startswith(".")]
        found += (Path(here) / name for name in files if name.endswith(".toml"))
    return sorted((path for path in found if _is_workbook_file(path)), key=lambda path: (path.parent.parts, path.name))
