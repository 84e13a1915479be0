"""``werkboek import WERKBOEK.toml ACTIES.xlsx [--ja]``: the employer's edits in the Excel action list
(``werkboek export --format xlsx``) back into the workbook.

The change is shown first, exactly as ``werkboek diff`` shows it; then it is saved at once (``--ja``),
after a question (on a terminal), or not at all (no terminal and no ``--ja``). Any problem in the sheet
and nothing is saved: the workbook file stays byte for byte as it was. Saving goes through the store
(:func:`models.store.save_workbook`): atomic, under the workbook's lock, comments kept.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from cli.dutch_argparse import DutchArgumentParser, DutchHelpFormatter
from models.content import Content, default_content
from models.diff import diff_workbooks, render_diff
from models.os_errors import dutch_os_error
from models.problems import ChangedOnDiskError, ReadOnlyError, WorkbookError
from models.store import LoadedWorkbook, load_workbook, save_workbook
from models.terminal_text import visible_stream
from models.workbook import Workbook
from models.xlsx_import import SheetRefusedError, actions_from_sheet

APPLIED = 0
"""Saved, or nothing to change (the file then untouched)."""
NOT_APPLIED = 1
"""Changes found but not saved: answered no, or no terminal to ask and no --ja."""
FAILED = 2
"""Nothing saved: the workbook or the sheet cannot be read, a cell is wrong, or the save was refused."""
YES = frozenset({"j", "ja"})

EPILOG = """\
Ingelezen worden de kolommen Status, Eigenaar, Start, Deadline, Afgerond op en Opmerking, per rij bij de
actie met het Id van die rij; een lege cel maakt het veld leeg (de status mag niet leeg zijn). Andere
kolommen en acties zonder rij blijven zoals ze zijn.

exitcodes:
  0  toegepast, of niets te veranderen (het werkboek is dan niet aangeraakt)
  1  wijzigingen gevonden maar niet toegepast (nee geantwoord, of geen --ja zonder terminal)
  2  fout: het werkboek of het Excel-bestand is niet te lezen, een cel klopt niet, of het werkboek
     kan niet worden opgeslagen; het werkboek is niet veranderd
"""


class _HelpFormatter(argparse.RawDescriptionHelpFormatter, DutchHelpFormatter):
    """The Dutch help, with the epilog's lines kept as written."""


def import_parser() -> DutchArgumentParser:
    parser = DutchArgumentParser(
        prog="werkboek import",
        description=(
            "Lees de acties terug die de werkgever in Excel heeft bijgewerkt (een xlsx van "
            "'werkboek export --format xlsx'). De wijzigingen staan eerst op het scherm zoals werkboek diff "
            "ze toont; daarna volgt de vraag of ze worden toegepast."
        ),
        epilog=EPILOG,
        formatter_class=_HelpFormatter,
    )
    parser.add_argument("werkboek", type=Path, metavar="WERKBOEK", help="het werkboek (.toml) dat wordt bijgewerkt")
    parser.add_argument("excel", type=Path, metavar="ACTIES.xlsx", help="het bijgewerkte Excel-bestand")
    parser.add_argument("--ja", action="store_true", help="pas de wijzigingen toe zonder te vragen")
    return parser


def _asked(question: str, out: TextIO, stdin: TextIO) -> bool:
    """Whether the answer to ``question`` is j or ja (no answer, end of input: no)."""
    out.write(question)
    out.flush()
    try:
        answer = stdin.readline()
    except (OSError, UnicodeDecodeError, KeyboardInterrupt):  # ctrl+c at the question is a no
        out.write("\n")
        return False
    if not answer.endswith("\n"):
        out.write("\n")
    return answer.strip().casefold() in YES


def _save(loaded: LoadedWorkbook, new: Workbook, content: Content, err: TextIO) -> bool:
    """Save ``new`` over the workbook (atomic and locked, as the app does); False, and said why, if refused."""
    try:
        save_workbook(loaded, new, content=content)
    except ChangedOnDiskError:
        err.write(
            f"{loaded.path} is intussen door iets anders gewijzigd; er is niets ingelezen. "
            "Draai werkboek import opnieuw.\n"
        )
        return False
    except ReadOnlyError as error:
        err.write(f"{loaded.path}: {error}\n")
        return False
    except OSError as error:
        err.write(f"{dutch_os_error(error, loaded.path)}; er is niets ingelezen\n")
        return False
    return True


def import_command(
    args: Sequence[str], out: TextIO, err: TextIO, stdin: TextIO, *, today: dt.date | None = None
) -> int:
    """Run ``werkboek import`` with ``args`` (what follows ``import``); asks on ``stdin`` when it is a terminal."""
    parsed = import_parser().parse_args(list(args))
    out, err = visible_stream(out), visible_stream(err)  # text from the files is shown, never obeyed
    content = default_content()
    read = _read(parsed.werkboek, parsed.excel, content, err, today or dt.date.today())
    if read is None:
        return FAILED
    loaded, new = read
    lines = diff_workbooks(loaded.workbook, new, content)
    if not lines:
        out.write(f"Geen wijzigingen: {parsed.excel} komt overeen met {parsed.werkboek}.\n")
        return APPLIED
    out.write(render_diff(lines))
    if not parsed.ja:
        if not stdin.isatty():
            out.write("Niets toegepast. Geef --ja om deze wijzigingen toe te passen.\n")
            return NOT_APPLIED
        if not _asked("Toepassen? [j/N] ", out, stdin):
            out.write(f"Niets toegepast; {parsed.werkboek} is niet veranderd.\n")
            return NOT_APPLIED
    if not _save(loaded, new, content, err):
        return FAILED
    out.write(f"Toegepast in {parsed.werkboek}.\n")
    return APPLIED


def _read(
    path: Path, excel: Path, content: Content, err: TextIO, today: dt.date
) -> tuple[LoadedWorkbook, Workbook] | None:
    """The workbook as loaded and as the sheet would make it; None, and every problem said, when it cannot be."""
    try:
        loaded = load_workbook(path, content)
    except WorkbookError as error:
        for problem in error.problems:
            err.write(f"{problem}\n")
        return None
    if loaded.read_only_reason:
        err.write(f"{path}: niet bij te werken: {loaded.read_only_reason}\n")
        return None
    try:
        return loaded, actions_from_sheet(loaded.workbook, excel, today=today)
    except SheetRefusedError as error:
        for message in error.messages:
            err.write(f"{message}\n")
        err.write(f"Niets ingelezen; {path} is niet veranderd.\n")
        return None


def main(args: Sequence[str]) -> int:
    return import_command(args, out=sys.stdout, err=sys.stderr, stdin=sys.stdin)
