"""Where the app finds workbooks when none is named on the command line."""

from __future__ import annotations

from pathlib import Path

CHECKOUT_SAVES = Path(__file__).resolve().parent.parent / "saves"


def default_location() -> Path:
    """``saves/`` in the current folder, else the ``saves/`` folder of the checkout."""
    here = Path("saves")
    return here if here.is_dir() else CHECKOUT_SAVES


def workbooks_in(folder: Path) -> list[Path]:
    """The workbook files in ``folder``, by name (backups and conflict copies left out)."""
    return sorted(
        path
        for path in folder.glob("*.toml")
        if path.is_file() and not path.name.startswith(".") and not path.name.endswith(".conflict.toml")
    )
