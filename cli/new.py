"""``werkboek new "Naam BV" [--map MAP]``: start a workbook for a new client."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from cli.dutch_argparse import DutchArgumentParser
from models.content import default_content
from models.os_errors import dutch_os_error
from models.portfolio import create_workbook_file, file_name_for, new_workbook


def _parser(default_folder: Path) -> DutchArgumentParser:
    parser = DutchArgumentParser(
        prog="werkboek new",
        description="Maak een nieuw werkboek voor een klant; de bestandsnaam wordt van de naam gemaakt.",
    )
    parser.add_argument("naam", help='de naam van de organisatie, bijvoorbeeld "Bakkerij De Vries B.V."')
    parser.add_argument(
        "--map", type=Path, default=default_folder, help=f"waar het werkboek komt (standaard {default_folder})"
    )
    return parser


def new_command(args: Sequence[str], out: TextIO, err: TextIO, *, default_folder: Path) -> int:
    parsed = _parser(default_folder).parse_args(list(args))
    try:
        file_name_for(parsed.naam)
        path = create_workbook_file(parsed.map, new_workbook(parsed.naam), default_content())
    except (ValueError, FileExistsError) as error:
        err.write(f"Niet gemaakt: {error}\n")
        return 2
    except OSError as error:
        err.write(f"Niet gemaakt: {dutch_os_error(error, parsed.map)}\n")
        return 2
    out.write(f"Gemaakt: {path}\nOpenen: werkboek {path}\n")
    return 0


def main(args: Sequence[str]) -> int:
    from tui.locations import default_location  # plain Python: where the app looks for workbooks

    return new_command(args, out=sys.stdout, err=sys.stderr, default_folder=default_location())
