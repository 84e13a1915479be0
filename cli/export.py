"""``werkboek export BESTAND --format html|docx|pdf|xlsx|md|csv|ics [-o UIT] [--sjabloon HUISSTIJL.docx]``:
a report of one workbook (the formats: ``models.report_formats``)."""

from __future__ import annotations

import datetime as dt
import sys
from argparse import Namespace
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO, TextIO, cast

from cli.dutch_argparse import DutchArgumentParser
from models.compare import workbook_from_file
from models.content import Content, default_content
from models.export_writer import ReportRefusedError, write_export
from models.formatting import aantal
from models.os_errors import dutch_os_error
from models.problems import WorkbookError
from models.report_formats import (
    FORMAT_KINDS,
    REPORT_FORMATS,
    Kind,
    ReportFormat,
    ReportRequest,
    TemplateError,
)
from models.settings import house_style, load_settings
from models.terminal_text import visible_stream
from models.workbook import Workbook


def _parser() -> DutchArgumentParser:
    parser = DutchArgumentParser(
        prog="werkboek export",
        description=(
            "Maak een plan van aanpak (HTML, Word, PDF of Markdown), de acties voor Excel (xlsx, om in te "
            "vullen en met 'werkboek import' terug te lezen, of CSV) of de deadlines voor de agenda (ics)."
        ),
    )
    parser.add_argument("bestand", type=Path, help="het werkboek (.toml)")
    parser.add_argument(
        "--format",
        "-f",
        choices=FORMAT_KINDS,
        default="html",
        help=", ".join(FORMAT_KINDS) + " (standaard html)",
    )
    parser.add_argument(
        "-o", "--uit", type=Path, help="waar het naartoe gaat (standaard naast het werkboek; '-' voor het scherm)"
    )
    parser.add_argument(
        "--sjabloon",
        type=Path,
        help=(
            "een Word-bestand (.docx) in je huisstijl: stijlen, kop- en voettekst, logo (alleen docx; "
            "standaard 'huisstijl' uit je instellingen, zie werkboek config)"
        ),
    )
    parser.add_argument(
        "--sinds",
        metavar="VERSIE|DATUM",
        help=(
            "in plaats van het plan: de voortgang sinds een git-versie (HEAD~3, een tag, een commit) of sinds "
            "de laatste vastlegging op of voor een datum (2026-10-06 of 6-10-2026); html, md, docx of pdf"
        ),
    )
    parser.add_argument(
        "--eigenaar",
        help="alleen de acties van deze eigenaar (een deel van de naam is genoeg; alleen bij --format ics)",
    )
    parser.add_argument(
        "--overschrijven",
        action="store_true",
        help="een bestaand bestand vervangen (nooit een werkboek); zonder deze optie weigert export dat",
    )
    return parser


def _refusal(
    report: ReportFormat, template: Path | None, owner: str | None, *, to_screen: bool, binary_out: bool
) -> str | None:
    """Why these options do not go together, or None."""
    if template is not None and not report.template:
        return f"--sjabloon hoort bij --format docx (een Word-sjabloon), niet bij {report.kind}."
    if owner is not None and not report.owner:
        return f"--eigenaar hoort bij --format ics (de agenda van één eigenaar), niet bij {report.kind}."
    if to_screen and not report.text and not binary_out:
        return f"Een {report.kind}-bestand kan niet op het scherm; geef met -o een bestandsnaam."
    return None


def export_command(
    args: Sequence[str], out: TextIO, err: TextIO, *, today: dt.date | None = None, binary_out: BinaryIO | None = None
) -> int:
    parsed = _parser().parse_args(list(args))
    out, err = visible_stream(out), visible_stream(err)  # text from the file is shown, never obeyed
    report = REPORT_FORMATS[cast(Kind, parsed.format)]
    to_screen = parsed.uit is not None and str(parsed.uit) == "-"
    if refusal := _refusal(
        report, parsed.sjabloon, parsed.eigenaar, to_screen=to_screen, binary_out=binary_out is not None
    ):
        err.write(f"{refusal}\n")
        return 2
    content = default_content()
    try:
        workbook = workbook_from_file(parsed.bestand, content)
    except WorkbookError as error:
        for problem in error.problems:
            err.write(f"{problem}\n")
        return 2
    if parsed.sinds is not None:
        return _progress(parsed, workbook, content, today or dt.date.today(), out=out, err=err, to_screen=to_screen)
    template = parsed.sjabloon
    if template is None and report.template:
        template = house_style(load_settings().settings)  # the consultant's own, from `werkboek config`
    request = ReportRequest(
        workbook, content, today or dt.date.today(), template=template, owner=parsed.eigenaar, source=parsed.bestand
    )
    try:
        data = report.make(request)
    except TemplateError as error:
        err.write(f"{error}\n")
        return 2
    if to_screen:
        if report.text:
            out.write(data.decode("utf-8-sig"))
        else:
            assert binary_out is not None
            binary_out.write(data)
        return 0
    target: Path = parsed.uit or report.default_path(parsed.bestand)
    return _write(data, target, parsed, len(workbook.acties), out=out, err=err)


def _progress(
    parsed: Namespace,
    workbook: Workbook,
    content: Content,
    today: dt.date,
    *,
    out: TextIO,
    err: TextIO,
    to_screen: bool,
) -> int:
    """``--sinds``: the progress report instead of the plan."""
    from models.git import GitError  # noqa: PLC0415 - only for a progress report
    from models.progress_report import PROGRESS_KINDS, WRITERS  # noqa: PLC0415
    from models.progress_since import progress_since  # noqa: PLC0415

    kind = parsed.format
    if kind not in PROGRESS_KINDS or parsed.sjabloon is not None or parsed.eigenaar is not None:
        err.write(
            f"--sinds maakt een voortgangsrapport als {', '.join(PROGRESS_KINDS)}, zonder --sjabloon of --eigenaar.\n"
        )
        return 2
    try:
        progress = progress_since(parsed.bestand, parsed.sinds, workbook, content)
    except GitError as error:
        err.write(f"{error.reason}\n")
        return 2
    data = WRITERS[kind](progress, today)
    if to_screen:
        if kind in {"md", "html"}:
            out.write(data.decode("utf-8"))
            return 0
        err.write(f"Een {kind}-bestand kan niet op het scherm; geef met -o een bestandsnaam.\n")
        return 2
    stem = parsed.bestand.stem
    target: Path = parsed.uit or parsed.bestand.with_name(
        f"{stem}-voortgang-sinds-{progress.since.day.isoformat()}.{kind}"
    )
    return _write(data, target, parsed, len(workbook.acties), out=out, err=err)


def _write(data: bytes, target: Path, parsed: Namespace, actions: int, *, out: TextIO, err: TextIO) -> int:
    """Write the report where asked (never over a workbook) and say where it went."""
    try:
        write_export(target, data, workbook_path=parsed.bestand, overwrite=parsed.overschrijven)
    except ReportRefusedError as error:
        hint = " Geef --overschrijven om het te vervangen, of kies een andere naam met -o." if error.can_confirm else ""
        err.write(f"{error.message}{hint}\n")
        return 2
    except OSError as error:
        err.write(f"{dutch_os_error(error, target)}\n")
        return 2
    out.write(f"Geschreven: {target} ({aantal(actions, 'actie', 'acties')})\n")
    return 0


def main(args: Sequence[str]) -> int:
    # A Word, Excel or PDF file goes to stdout only when it is not a terminal (a pipe or a file).
    binary_out = None if sys.stdout.isatty() else getattr(sys.stdout, "buffer", None)
    return export_command(args, out=sys.stdout, err=sys.stderr, binary_out=binary_out)
