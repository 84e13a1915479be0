"""``werkboek merge BASIS ONS HUN [PAD]``: three-way merge of a workbook, also as git's merge driver.

git calls it as ``werkboek merge %O %A %B %P`` (``.gitattributes``: ``*.toml merge=werkboek``; in
``.git/config``: ``[merge "werkboek"] driver = werkboek merge %O %A %B %P``): the result goes into ONS
(``%A``), PAD is the file's name in the repository and only used in messages. By hand the same, or
with ``-o UITVOER`` to write elsewhere (``-o -``: to the screen). ``werkboek merge --markers BESTAND``
merges a file that git already filled with conflict markers (:mod:`models.merge_markers`).

Exit status: 0 merged cleanly; 1 merged with conflicts (the result is a valid workbook that keeps the
three versions of each conflict under ``[[conflicten]]``; git then marks the file as conflicted);
2 not merged (a version is not a workbook, has conflict markers, or a newer schema; the arguments are
wrong): ONS is left exactly as it was. What the merge means is in :mod:`models.merge`.
"""

from __future__ import annotations

import shlex
import subprocess
import sys
from argparse import Namespace
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from cli.dutch_argparse import DutchArgumentParser
from models.atomic import write_atomic
from models.content import default_content
from models.formatting import aantal
from models.merge import MergeResult, MergeSource, merge_sources
from models.merge_markers import MarkerError, base_from_git, split_markers
from models.os_errors import dutch_os_error
from models.problems import WorkbookError
from models.terminal_text import visible_stream
from models.toml_file import decode_text, read_bytes
from models.workbook_sniff import looks_like_workbook_bytes

MERGED = 0
CONFLICTS = 1
NOT_MERGED = 2


def merge_parser() -> DutchArgumentParser:
    parser = DutchArgumentParser(
        prog="werkboek merge",
        description=(
            "Voeg twee versies van een werkboek samen op inhoud (ook als merge-driver van git: "
            "werkboek merge %%O %%A %%B %%P). Het resultaat komt in ONS. Exitcode 0 zonder conflicten, "
            "1 met conflicten (het werkboek is geldig en bewaart per conflict de drie versies onder "
            "[[conflicten]]; werkboek check toont ze), 2 als er niet is samengevoegd (ONS is dan onveranderd)."
        ),
    )
    parser.add_argument(
        "basis", type=Path, nargs="?", help="de gemeenschappelijke voorouder (git: %%O); leeg als die er niet is"
    )
    parser.add_argument("ons", type=Path, nargs="?", help="onze versie; hier komt het resultaat (git: %%A)")
    parser.add_argument("hun", type=Path, nargs="?", help="hun versie, die wordt samengevoegd (git: %%B)")
    parser.add_argument("pad", nargs="?", help="de naam van het bestand in de repository, voor de meldingen (git: %%P)")
    parser.add_argument(
        "-o",
        "--uitvoer",
        metavar="UITVOER",
        help="schrijf het resultaat hierheen in plaats van in ONS; '-' voor het scherm",
    )
    parser.add_argument(
        "--markers",
        metavar="BESTAND",
        type=Path,
        help=(
            "voeg een werkboek met git-conflictmarkeringen (<<<<<<< ======= >>>>>>>) alsnog op inhoud samen; "
            "de basis komt uit het bestand (conflictStyle diff3) of uit git; het resultaat komt in BESTAND"
        ),
    )
    return parser


def _source(path: Path, name: str) -> MergeSource:
    return MergeSource(name, decode_text(name, read_bytes(path)))


def _report(result: MergeResult, label: str, err: TextIO) -> None:
    for moved in result.renumbered:
        if moved.side == "hun":
            err.write(
                f"{label}: hun nieuwe actie {moved.old} '{moved.titel}' heet nu {moved.new} "
                f"({moved.old} was aan onze kant al gegeven); hun verwijzingen ernaar zijn meeveranderd\n"
            )
        else:
            err.write(
                f"{label}: onze actie {moved.old} '{moved.titel}' heet nu {moved.new}, het nummer dat ze bij een "
                "eerdere merge op hun tak kreeg; onze verwijzingen ernaar zijn meeveranderd\n"
            )
    if result.clean:
        err.write(f"{label}: samengevoegd zonder conflicten\n")
        return
    from models.merge_conflicts import conflict_lines  # noqa: PLC0415 - only when there are conflicts

    for line in conflict_lines(result.workbook):
        err.write(f"{label}: {line}\n")
    count = aantal(len(result.workbook.conflicten), "conflict", "conflicten")
    err.write(
        f"{label}: samengevoegd met {count}. Het werkboek is geldig en houdt onze waarde aan; de drie versies "
        "staan per conflict onder [[conflicten]]. Kies in de app (scherm Conflicten) of in het bestand welke "
        f"blijft; 'werkboek check {shlex.quote(label)}' toont wat nog open staat.\n"
    )


def _marked_sources(path: Path) -> tuple[MergeSource, MergeSource, MergeSource]:
    """Base, ours and theirs of a file with conflict markers (see :mod:`models.merge_markers`)."""
    name = str(path)
    versions = split_markers(decode_text(name, read_bytes(path)))
    base = versions.base if versions.base is not None else base_from_git(path)
    if base is None:
        raise MarkerError(
            "de gemeenschappelijke versie staat niet in het bestand en niet in git. Voeg opnieuw samen met "
            "de merge-driver ingesteld (git merge --abort, dan git merge), of zet eerst "
            "'git config merge.conflictStyle diff3' zodat git de basis in het bestand schrijft"
        )
    return (
        MergeSource(f"{name} (basis)", base),
        MergeSource(f"{name} (ons)", versions.ours),
        MergeSource(f"{name} (hun)", versions.theirs),
    )


def _sources(parsed: Namespace) -> tuple[MergeSource, MergeSource, MergeSource]:
    if parsed.markers is not None:
        return _marked_sources(parsed.markers)
    names = (
        (f"{parsed.pad} (basis)", f"{parsed.pad} (ons)", f"{parsed.pad} (hun)")
        if parsed.pad
        else (str(parsed.basis), str(parsed.ons), str(parsed.hun))
    )
    paths = (parsed.basis, parsed.ons, parsed.hun)
    base, ours, theirs = (_source(path, name) for path, name in zip(paths, names, strict=True))
    return base, ours, theirs


def merge_command(args: Sequence[str], out: TextIO, err: TextIO) -> int:
    """Run ``werkboek merge`` with ``args`` (what follows ``merge``); returns the exit status."""
    parser = merge_parser()
    parsed = parser.parse_args(list(args))
    if parsed.markers is not None and parsed.basis is not None:
        parser.error("geef --markers BESTAND, of BASIS ONS HUN, niet allebei")
    if parsed.markers is None and parsed.hun is None:
        parser.error("geef drie bestanden (BASIS ONS HUN), of --markers BESTAND")
    err = visible_stream(err)  # titles from the files are shown, never obeyed
    written: Path = parsed.markers if parsed.markers is not None else parsed.ons
    label = parsed.pad or str(written)
    if parsed.markers is None and parsed.uitvoer is None and not _any_workbook(parsed.ons, parsed.hun):
        return _line_merge(parsed, label, err)
    try:
        result = merge_sources(*_sources(parsed), default_content())
    except WorkbookError as error:
        for problem in error.problems:
            err.write(f"{problem}\n")
        err.write(f"werkboek merge: niet samengevoegd; {written} is niet veranderd\n")
        return NOT_MERGED
    except MarkerError as error:
        err.write(f"{written}: {error}\nwerkboek merge: niet samengevoegd; {written} is niet veranderd\n")
        return NOT_MERGED
    except Exception as error:  # never a traceback, and never a half-written OURS
        err.write(
            f"werkboek merge: {label}: niet samengevoegd door een onverwachte fout ({type(error).__name__}); "
            f"{written} is niet veranderd\n"
        )
        return NOT_MERGED
    data = result.text.encode("utf-8")
    if parsed.uitvoer == "-":
        out.write(result.text)
    else:
        target = Path(parsed.uitvoer) if parsed.uitvoer else written
        try:
            write_atomic(target, data, keep_backup=False)
        except OSError as error:
            err.write(f"werkboek merge: {dutch_os_error(error, target, writing=True)}; niets geschreven\n")
            return NOT_MERGED
    _report(result, label, err)
    if parsed.markers is not None and parsed.uitvoer != "-":
        added = shlex.quote(str(parsed.markers))
        err.write(f"{label}: de conflictmarkeringen zijn weg; 'git add {added}' als het zo goed is\n")
    return MERGED if result.clean else CONFLICTS


def _any_workbook(*paths: Path) -> bool:
    """Does one of these versions look like a workbook? (unreadable counts as yes: the merge says why)"""
    for path in paths:
        try:
            if looks_like_workbook_bytes(path.read_bytes()):
                return True
        except OSError:
            return True
    return False


def _line_merge(parsed: Namespace, label: str, err: TextIO) -> int:
    """Not a workbook on either side (the driver is set for every *.toml): git's own line merge, with
    git's conflict markers, as if no driver were set."""
    names = (f"{label} (ons)", f"{label} (basis)", f"{label} (hun)")
    command = ["git", "merge-file", "-L", names[0], "-L", names[1], "-L", names[2]]
    try:
        done = subprocess.run(
            [*command, str(parsed.ons), str(parsed.basis), str(parsed.hun)], capture_output=True, text=True, check=False
        )
    except OSError:
        err.write(f"werkboek merge: {label} is geen werkboek en git is niet te starten; niet samengevoegd\n")
        return NOT_MERGED
    if done.returncode < 0 or done.returncode > 127:
        err.write(f"werkboek merge: {label} is geen werkboek; git merge-file mislukte: {done.stderr.strip()}\n")
        return NOT_MERGED
    if done.returncode == 0:
        err.write(f"{label}: geen werkboek; regel voor regel samengevoegd zonder conflicten\n")
        return MERGED
    err.write(f"{label}: geen werkboek; regel voor regel samengevoegd, met conflictmarkeringen\n")
    return CONFLICTS


def main(args: Sequence[str]) -> int:
    return merge_command(args, out=sys.stdout, err=sys.stderr)
