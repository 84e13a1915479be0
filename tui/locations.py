"""Where the app finds workbooks when none is named on the command line."""

from __future__ import annotations

from pathlib import Path

from models.settings import load_settings
from models.workbook_files import workbook_files

CHECKOUT_SAVES = Path(__file__).resolve().parent.parent / "saves"


def default_location() -> Path:
    """``saves/`` in the current folder, else the ``saves/`` folder of the checkout."""
    here = Path("saves")
    return here if here.is_dir() else CHECKOUT_SAVES


def default_workbook(folder: Path | None = None) -> Path:
    """What ``werkboek`` opens without a path: the only workbook in ``folder`` (the configured one,
    else ``saves/``), else that folder, to choose from."""
    folder = folder or default_location()
    found = workbook_files(folder) if folder.is_dir() else []
    return found[0] if len(found) == 1 else folder


def configured_folder() -> Path:
    """The folder of workbooks: the one in the settings file (``werkboeken``), else ``saves/``."""
    folder = load_settings().settings.werkboeken
    return Path(folder).expanduser() if folder else default_location()
