"""``werkboek due [PAD...] [--dagen 30] [--eigenaar NAAM]``: what is overdue or due soon, per client and owner."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path

from cli.dutch_argparse import DutchArgumentParser
from models.content import default_content
from models.due import ClientDue, due_actions, report_lines
from models.problems import WorkbookError
from models.store import load_workbook
from models.terminal_text import visible_stream
from models.workbook_files import workbook_files

OVERDUE = 1
UNREADABLE = 2


def due_parser() -> DutchArgumentParser:
    parser = DutchArgumentParser(
        prog="werkboek due",
        description=(
            "Toon de open acties die te laat zijn of binnenkort hun deadline hebben, per klant en per eigenaar. "
            f"Exitcode 0 als niets te laat is, {OVERDUE} als er iets te laat is (voor cron, een prompt of CI), "
            f"{UNREADABLE} als een werkboek niet te lezen was en verder niets te laat is."
        ),
    )
    parser.add_argument(
        "paden",
        nargs="*",
        type=Path,
        help="werkboeken (.toml) of mappen met werkboeken (standaard: de map uit de instellingen, anders saves/)",
    )
    parser.add_argument(
        "--dagen", type=int, default=30, help="hoeveel dagen vooruit kijken (standaard 30; 0: alleen wat te laat is)"
    )
    parser.add_argument("--eigenaar", help="alleen acties van deze eigenaar (een deel van de naam is genoeg)")
    parser.add_argument(
        "--vandaag",
        type=dt.date.fromisoformat,
        help="rekenen vanaf deze datum (JJJJ-MM-DD) in plaats van vandaag, bijvoorbeeld voor maandag",
    )
    return parser


def _files(paths: Sequence[Path]) -> list[Path]:
    """The workbook files named, and those in the folders named; without paths, the default folder."""
    if not paths:
        from tui.locations import configured_folder  # noqa: PLC0415 - plain Python, only without a path

        paths = [configured_folder()]
    files: list[Path] = []
    for path in paths:
        files += workbook_files(path) if path.is_dir() else [path]
    return files


def main(args: Sequence[str]) -> int:
    options = due_parser().parse_args(list(args))
    out = visible_stream(sys.stdout)
    if options.dagen < 0:
        print("--dagen moet 0 of meer zijn.", file=sys.stderr)
        return UNREADABLE
    today = options.vandaag or dt.date.today()
    content = default_content()
    clients: list[ClientDue] = []
    unreadable = False
    for path in _files(options.paden):
        try:
            loaded = load_workbook(path, content)
        except WorkbookError as error:
            unreadable = True
            for problem in error.problems:
                print(f"{path}: niet te lezen: {problem}", file=sys.stderr)
            continue
        workbook = loaded.workbook
        due = due_actions(workbook, today, options.dagen, options.eigenaar)
        clients.append(ClientDue(workbook.organisatie.naam, path, due))
    if not clients and not unreadable:
        print("Geen werkboeken gevonden.", file=out)
        return 0
    for line in report_lines(clients, today, options.dagen):
        print(line, file=out)
    if any(client.overdue for client in clients):
        return OVERDUE
    return UNREADABLE if unreadable else 0
