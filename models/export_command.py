"""``werkboek export BESTAND --format md|html|csv [-o UIT]``: a report or CSV of one workbook."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO, cast

from models.atomic import write_atomic
from models.cli_text import DutchArgumentParser
from models.compare import workbook_from_file
from models.content import default_content
from models.formatting import aantal
from models.problems import WorkbookError
from models.report import FORMATS, Format, default_export_path, export_bytes, export_text


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
    return parser


def write_export(path: Path, text: str, kind: Format) -> None:
    """Write the export atomically: a crash never leaves half a report."""
    write_atomic(path, export_bytes(text, kind), keep_backup=False)


def export_command(args: Sequence[str], out: TextIO, err: TextIO, *, today: dt.date | None = None) -> int:
    parsed = _parser().parse_args(list(args))
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
        write_export(target, text, kind)
    except OSError as error:
        err.write(f"{target}: niet te schrijven ({error.strerror})\n")
        return 2
    out.write(f"Geschreven: {target} ({aantal(len(workbook.acties), 'actie', 'acties')})\n")
    return 0
