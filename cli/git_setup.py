"""``werkboek git-setup [MAP]``: set up the repository with workbooks for diffs and merges by content.

git runs the drivers through the shell, in the repository, possibly without ``werkboek`` on the
PATH (``uv run werkboek`` puts it there only for its own run). So the config names the program
by an absolute path: the ``werkboek`` script that is running (``.venv/bin/werkboek``, or
``~/.local/bin/werkboek`` after ``uv tool install``; a link is kept as a link, so a reinstall
behind it keeps working), and otherwise the Python that runs this (``python -P -m cli.main``; ``-P``
keeps a ``cli`` folder in the client repository from being imported instead). Run it again after
moving or removing that installation; it then updates the paths.
"""

from __future__ import annotations

import os
import shlex
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from cli.dutch_argparse import DutchArgumentParser
from models.git import GitError
from models.git_setup import set_up
from models.terminal_text import visible_stream

SCRIPT_NAMES = ("werkboek", "werkboek.exe")


def werkboek_command(argv0: str | None = None) -> str:
    """How git should start ``werkboek``: the running script by its absolute path, else this Python."""
    script = Path(sys.argv[0] if argv0 is None else argv0)
    if script.name in SCRIPT_NAMES and script.is_file() and os.access(script, os.X_OK):
        return shlex.quote(str(script.absolute()))
    return f"{shlex.quote(sys.executable)} -P -m cli.main"


def _parser() -> DutchArgumentParser:
    parser = DutchArgumentParser(
        prog="werkboek git-setup",
        description=(
            "Stel de git-repository met werkboeken in: git diff, git log -p en git show tonen werkboeken "
            "per onderwerp, git merge voegt ze op inhoud samen. Schrijft de drivers in .git/config en "
            "'*.toml diff=werkboek merge=werkboek' in .gitattributes; twee keer draaien verandert niets."
        ),
    )
    parser.add_argument(
        "map", nargs="?", type=Path, default=Path(), help="een map in de repository (standaard de huidige map)"
    )
    return parser


def git_setup_command(args: Sequence[str], out: TextIO, err: TextIO, *, command: str | None = None) -> int:
    """Run ``werkboek git-setup``; ``command`` is how git should start werkboek (default: this one)."""
    parsed = _parser().parse_args(list(args))
    out, err = visible_stream(out), visible_stream(err)
    folder: Path = parsed.map
    try:
        report = set_up(folder, command or werkboek_command())
    except GitError as error:
        err.write(f"werkboek git-setup: {folder.absolute()}: {error.reason}\n")
        if error.detail and "not a git repository" in error.detail:
            err.write("Maak er een repository van met 'git init', of geef de map van je werkboeken op.\n")
        return 1
    except OSError as error:
        err.write(f"werkboek git-setup: .gitattributes niet te schrijven in {folder.absolute()}: {error.strerror}\n")
        return 1
    if not report.changed:
        out.write(f"Alles stond al goed in {report.root}; er is niets veranderd.\n")
    else:
        out.write(f"Ingesteld in {report.root}:\n")
        for line in report.done:
            out.write(f"  {line}\n")
        out.write(
            "git diff, git log -p en git show tonen werkboeken nu per onderwerp (andere TOML-bestanden zoals "
            "altijd), en git merge voegt werkboeken samen met werkboek merge.\n"
            "Leg .gitattributes vast (git add .gitattributes, git commit) zodat collega's dezelfde regels "
            "krijgen; zij draaien elk zelf ook eenmaal werkboek git-setup.\n"
        )
    for warning in report.warnings:
        err.write(f"Let op: {warning}\n")
    return 0


def main(args: Sequence[str]) -> int:
    return git_setup_command(args, out=sys.stdout, err=sys.stderr)
