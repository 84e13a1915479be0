"""``werkboek export BESTAND --format md|html|csv [-o UIT]``: a report or CSV of one workbook."""

from __future__ import annotations

import datetime as dt
import re
import stat
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO, cast

from models.atomic import write_atomic
from models.cli_text import DutchArgumentParser
from models.compare import workbook_from_file
from models.content import default_content
from models.formatting import aantal
from models.os_errors import dutch_os_error
from models.problems import WorkbookError
from models.report import FORMATS, Format, default_export_path, export_bytes, export_text
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


SNIFF_BYTES = 1 << 20
"""How much of an existing file is read to see whether it is a workbook."""
_WORKBOOK_LINE = re.compile(rb"^[ \t]*(?:schema[ \t]*=[ \t]*[0-9]|\[[ \t]*organisatie[ \t]*\])", re.MULTILINE)


class ReportRefusedError(Exception):
    """A report that may not be written where asked; ``can_confirm`` when the user may agree to it."""

    def __init__(self, message: str, *, can_confirm: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.can_confirm = can_confirm


def looks_like_workbook(path: Path) -> bool:
    """Whether ``path`` is a TOML file or reads as a workbook (a ``schema =`` line or ``[organisatie]``)."""
    if path.suffix.lower() == ".toml" or ".toml." in path.name.lower():
        return True
    try:
        with path.open("rb") as handle:
            head = handle.read(SNIFF_BYTES)
    except OSError:
        return True  # what cannot be read cannot be shown not to be a workbook
    return _WORKBOOK_LINE.search(head.removeprefix(b"\xef\xbb\xbf")) is not None


def _same_file(one: Path, other: Path) -> bool:
    try:
        return one.samefile(other)
    except OSError:
        return one.resolve() == other.resolve()


def check_report_target(target: Path, workbook_path: Path, *, overwrite: bool) -> None:
    """Raise :class:`ReportRefusedError` when a report may not go to ``target``.

    Never over the workbook itself or any other workbook, a folder or a special file; over another
    existing file only when the user agreed (``overwrite``).
    """
    if _same_file(target, workbook_path):
        raise ReportRefusedError(
            f"{target} is het werkboek zelf; een rapport schrijft nooit over een werkboek. Kies een andere naam."
        )
    try:
        info = target.stat()
    except FileNotFoundError:
        return
    except OSError as error:
        raise ReportRefusedError(f"{target}: niet te gebruiken ({error.strerror})") from None
    if stat.S_ISDIR(info.st_mode):
        raise ReportRefusedError(f"{target} is een map; geef een bestandsnaam.")
    if not stat.S_ISREG(info.st_mode):
        raise ReportRefusedError(f"{target} is geen gewoon bestand; kies een andere naam.")
    if looks_like_workbook(target):
        raise ReportRefusedError(
            f"{target} is een werkboek (of een TOML-bestand); een rapport schrijft nooit over een werkboek, "
            "ook niet met --overschrijven. Kies een andere naam."
        )
    if not overwrite:
        raise ReportRefusedError(f"{target} bestaat al en wordt niet overschreven.", can_confirm=True)


def write_export(path: Path, text: str, kind: Format, *, workbook_path: Path, overwrite: bool = False) -> None:
    """Write the export atomically (a crash never leaves half a report), after checking the target
    once more right before the write: never a workbook, an existing file only when agreed."""
    check_report_target(path, workbook_path, overwrite=overwrite)
    write_atomic(path, export_bytes(text, kind), keep_backup=False)


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
