"""``werkboek export BESTAND --format md|html|csv [-o UIT]``: a report or CSV of one workbook."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO, cast

from cli.dutch_argparse import DutchArgumentParser
from models.compare import workbook_from_file
from models.content import default_content
from models.export_writer import ReportRefusedError, write_export
from models.formatting import aantal
from models.os_errors import dutch_os_error
from models.problems import WorkbookError
from models.report import FORMATS, Format, default_export_path, export_text
from models.terminal_text import visible_stream


def _parser() -> DutchArgumentParser:
    parser = DutchArgumentParser(
        prog="werkboek export",
        description="Maak een plan van aanpak (Markdown of HTML) of een CSV van de acties voor Excel.",
    )
    parser.add_argument("bestand", type=Path, help="het werkboek (.toml)")
    parser.add_argument("--format", "-f", choices=FORMATS, default="html", help="md, html of csv (standaard html)")
    parser.add_argument(
        "-o", "--uit", type=Path, help="waar het naartoe gaat (standaard naast het werkboek; '-' voor het scherm)"
    )
    parser.add_argument(
        "--overschrijven",
        action="store_true",
        help="een bestaand bestand vervangen (nooit een werkboek); zonder deze optie weigert export dat",
    )
    return parser


def export_command(args: Sequence[str], out: TextIO, err: TextIO, *, today: dt.date | None = None) -> int:
    parsed = _parser().parse_args(list(args))
    out, err = visible_stream(out), visible_stream(err)  # text from the file is shown, never obeyed
    kind = cast(Format, parsed.format)
    content = default_content()
    try:
        workbook = workbook_from_file(parsed.bestand, content)
    except WorkbookError as error:
        for problem in error.problems:
            err.write(f"{problem}\n")
        return 2
    text = export_text(workbook, content, today or dt.date.today(), kind)
    if parsed.uit is not None and str(parsed.uit) == "-":
        out.write(text)
        return 0
    target: Path = parsed.uit or default_export_path(parsed.bestand, kind)
    try:
        write_export(target, text, kind, workbook_path=parsed.bestand, overwrite=parsed.overschrijven)
    except ReportRefusedError as error:
        hint = " Geef --overschrijven om het te vervangen, of kies een andere naam met -o." if error.can_confirm else ""
        err.write(f"{error.message}{hint}\n")
        return 2
    except OSError as error:
        err.write(f"{dutch_os_error(error, target)}\n")
        return 2
    out.write(f"Geschreven: {target} ({aantal(len(workbook.acties), 'actie', 'acties')})\n")
    return 0


def main(args: Sequence[str]) -> int:
    return export_command(args, out=sys.stdout, err=sys.stderr)
