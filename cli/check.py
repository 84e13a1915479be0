"""``werkboek check BESTAND...``: check workbooks without opening them."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from cli.dutch_argparse import DutchArgumentParser
from models.check import check_files


def check_parser() -> DutchArgumentParser:
    parser = DutchArgumentParser(
        prog="werkboek check",
        description=(
            "Controleer werkboeken. Exitcode 0 als alles in orde is, 1 bij fouten, 3 als er geen fouten zijn "
            "maar een bestand een nieuwer schema heeft dan deze versie kent (dan kan check er niet voor instaan)."
        ),
    )
    parser.add_argument("bestanden", nargs="+", type=Path, help="werkboekbestanden (.toml)")
    return parser


def main(args: Sequence[str]) -> int:
    return check_files(check_parser().parse_args(list(args)).bestanden, out=sys.stdout)
