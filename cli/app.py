"""``werkboek [PAD]``: open a workbook (or a folder of workbooks) in the app.

Only this module's functions import Textual (through ``tui``), and only when called.
"""

from __future__ import annotations

import gc
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cli.dutch_argparse import DutchArgumentParser
    from tui.app import WerkboekApp


def open_parser() -> DutchArgumentParser:
    from cli.dutch_argparse import DutchArgumentParser

    parser = DutchArgumentParser(
        prog="werkboek",
        description="Preventiewerkboek: dashboards en actieplan per mkb-klant, opgeslagen als TOML.",
        epilog=(
            "Andere opdrachten: 'werkboek check BESTAND...' controleert werkboeken zonder ze te openen; "
            "'werkboek diff OUD NIEUW' of 'werkboek diff BESTAND [VERSIE]' vat de verschillen samen; "
            "'werkboek export BESTAND --format html|docx|pdf|xlsx|md|csv' maakt een rapport; "
            "'werkboek import BESTAND ACTIES.xlsx' leest de acties terug die de werkgever in Excel bijwerkte; "
            "'werkboek merge BASIS ONS HUN' voegt twee versies samen; "
            "'werkboek new \"Naam BV\"' begint een nieuw werkboek; "
            "'werkboek due [PAD...]' toont wat te laat is of binnenkort af moet, per klant en eigenaar; "
            "'werkboek config [--toetsen]' toont (en maakt) het instellingenbestand; "
            "'werkboek serve [--port N]' opent het werkboek in een browser."
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


def create_app(argv: Sequence[str]) -> WerkboekApp:
    """Build the app for ``werkboek [PAD]`` without running it."""
    # No collections while the app starts: the modules, schemas and content made now live as long as
    # the app, and passes over them during the imports cost tens of milliseconds. The app turns the
    # collector back on once its first screen is drawn (WerkboekApp.on_mount).
    gc.disable()
    from models.settings import load_settings
    from tui.app import WerkboekApp
    from tui.locations import default_workbook

    settings = load_settings()
    folder = settings.settings.werkboeken
    pad = _plain_path(argv) if _is_plain(argv) else open_parser().parse_args(list(argv)).pad
    return WerkboekApp(pad or default_workbook(Path(folder).expanduser() if folder else None), settings=settings)


def _is_plain(argv: Sequence[str]) -> bool:
    """No options, at most one path: read without argparse (building the parser cost 3 ms of every start)."""
    return len(argv) <= 1 and not any(argument.startswith("-") or not argument for argument in argv)


def _plain_path(argv: Sequence[str]) -> Path | None:
    return Path(argv[0]) if argv else None
