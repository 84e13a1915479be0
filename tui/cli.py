"""The ``werkboek`` command: open a workbook in the app, or check files without the app.

Only opening the app imports Textual; ``werkboek check`` stays light and fast.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.app import WerkboekApp

# The workbook uses no pydantic plugins; not scanning installed packages for them saves start-up time.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")


def _open_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="werkboek",
        description="Preventiewerkboek: dashboards en actieplan per mkb-klant, opgeslagen als TOML.",
        epilog=(
            "Andere opdrachten: 'werkboek check BESTAND...' controleert werkboeken zonder ze te openen; "
            "'werkboek diff OUD NIEUW' of 'werkboek diff BESTAND [VERSIE]' vat de verschillen samen; "
            "'werkboek export BESTAND --format md|html|csv' maakt een rapport; "
            "'werkboek new \"Naam BV\"' begint een nieuw werkboek."
        ),
    )
    parser.add_argument(
        "pad",
        nargs="?",
        type=Path,
        help="een werkboek (.toml), of een map: dan volgt een overzicht van alle werkboeken erin "
        "(standaard: saves/; staat daar één werkboek, dan gaat dat meteen open)",
    )
    return parser


def _check_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="werkboek check",
        description="Controleer werkboeken. Exitcode 0 als alles in orde is, 1 bij fouten.",
    )
    parser.add_argument("bestanden", nargs="+", type=Path, help="werkboekbestanden (.toml)")
    return parser


def create_app(argv: Sequence[str]) -> WerkboekApp:
    """Build the app for ``werkboek [PAD]`` without running it."""
    from tui.app import WerkboekApp
    from tui.locations import default_workbook

    args = _open_parser().parse_args(list(argv))
    app = WerkboekApp(args.pad or default_workbook())
    # Modules, schemas and content made so far live as long as the app: keeping them out of
    # the garbage collector's passes spares a full collection during start-up.
    gc.freeze()
    return app


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``werkboek`` console script."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] == "check":
        from models.check import check_files

        parsed = _check_parser().parse_args(args[1:])
        return check_files(parsed.bestanden, out=sys.stdout)
    if args and args[0] == "diff":
        from models.compare import diff_command

        return diff_command(args[1:], out=sys.stdout, err=sys.stderr)
    if args and args[0] == "export":
        from models.export_command import export_command

        return export_command(args[1:], out=sys.stdout, err=sys.stderr)
    if args and args[0] == "new":
        from models.new_command import new_command
        from tui.locations import default_location

        return new_command(args[1:], out=sys.stdout, err=sys.stderr, default_folder=default_location())
    create_app(args).run()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
