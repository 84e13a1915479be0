"""``werkboek check BESTAND...``: check workbooks without opening them."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from cli.dutch_argparse import DutchArgumentParser
from models.check import check_files
from models.problems import WorkbookError
from models.terminal_text import visible_stream
from models.toml_file import read_bytes
from models.workbook_sniff import looks_like_workbook_bytes


def check_parser() -> DutchArgumentParser:
    parser = DutchArgumentParser(
        prog="werkboek check",
        description=(
            "Controleer werkboeken. Exitcode 0 als alles in orde is, 1 bij fouten, 3 als er geen fouten zijn "
            "maar een bestand een nieuwer schema heeft dan deze versie kent (dan kan check er niet voor instaan), "
            "4 als er geen fouten zijn maar een bestand nog conflicten van een samenvoeging heeft (elk conflict "
            "staat op een eigen regel; 4 gaat voor 3)."
        ),
    )
    parser.add_argument(
        "bestanden", nargs="+", type=Path, help="werkboekbestanden (.toml); andere TOML-bestanden worden overgeslagen"
    )
    return parser


def workbooks_only(paths: Sequence[Path], out: TextIO) -> list[Path]:
    """The paths to check: a readable TOML file without a sign of a workbook (no ``[organisatie]``, no
    ``schema = N``; :mod:`models.workbook_sniff`) is named and left out, as the pre-commit hook passes
    every staged ``.toml``. An empty file (a workbook lost in a crash?) and anything that cannot be
    read are kept, so check says what is wrong with them."""
    kept = []
    for path in paths:
        try:
            data = read_bytes(path)
            is_workbook = not data.strip() or looks_like_workbook_bytes(data)
        except WorkbookError:
            is_workbook = True
        if is_workbook:
            kept.append(path)
        else:
            print(f"{path}: geen werkboek (geen [organisatie] en geen schema = …), overgeslagen", file=out)
    return kept


def main(args: Sequence[str]) -> int:
    paths = check_parser().parse_args(list(args)).bestanden
    out = visible_stream(sys.stdout)
    workbooks = workbooks_only(paths, out)
    if not workbooks:
        print("Geen werkboeken om te controleren.", file=out)
        return 0
    return check_files(workbooks, out=sys.stdout)
