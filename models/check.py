"""``werkboek check``: validate workbook files and report every problem in Dutch."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from models.content import default_content
from models.formatting import aantal
from models.problems import WorkbookError
from models.store import load_workbook
from models.terminal_text import visible_stream

NEWER_SCHEMA = 3
"""Exit status when every file is valid but one has a newer ``schema``: this version cannot vouch for it."""
UNRESOLVED_CONFLICTS = 4
"""Exit status when every file is valid but one still holds merge conflicts (``[[conflicten]]``, see
:mod:`models.merge`): a valid workbook, not yet a finished one, so a pre-commit hook stops."""


def check_files(paths: Iterable[Path], out: TextIO) -> int:
    """Print the problems of each file; 0 when all files are valid, 1 when one has errors,
    :data:`UNRESOLVED_CONFLICTS` (4) when none has errors but one holds merge conflicts (each printed as a
    line), and :data:`NEWER_SCHEMA` (3) when none has either but one is of a newer schema than this
    version knows."""
    out = visible_stream(out)  # a title or file name with escape sequences is shown, not obeyed
    content = default_content()
    checked = failed = problem_count = newer = conflicted = 0
    for path in paths:
        checked += 1
        try:
            loaded = load_workbook(path, content)
        except WorkbookError as error:
            failed += 1
            problem_count += len(error.problems)
            for problem in error.problems:
                print(problem, file=out)
            continue
        except Exception as error:  # never a traceback: say it, and go on with the next file
            failed += 1
            problem_count += 1
            print(f"{path}: kon niet worden gecontroleerd door een onverwachte fout ({type(error).__name__})", file=out)
            continue
        notes = []
        if loaded.read_only_reason:
            newer += 1
            notes.append("nieuwer schema, alleen te lezen; deze versie kan het niet helemaal controleren")
        if loaded.comment_lines:
            count = len(loaded.comment_lines)
            notes.append(
                f"{aantal(count, 'opmerking', 'opmerkingen')} (#), die bij opslaan vanuit de app blijven staan"
            )
        suffix = f" ({'; '.join(notes)})" if notes else ""
        for note in loaded.unknown_keys:
            print(note, file=out)
        actions = aantal(len(loaded.workbook.acties), "actie", "acties")
        if loaded.workbook.conflicten:
            from models.merge_conflicts import conflict_lines  # noqa: PLC0415 - only for a file with conflicts

            conflicted += 1
            for line in conflict_lines(loaded.workbook, content):
                print(f"{path}: {line}", file=out)
            open_ones = aantal(len(loaded.workbook.conflicten), "conflict", "conflicten")
            summary = f"geldig, maar met {open_ones} van een samenvoeging om op te lossen, {actions}{suffix}"
            print(f"{path}: {summary}", file=out)
            continue
        print(f"{path}: in orde, {actions}{suffix}", file=out)
    word = "bestand" if checked == 1 else "bestanden"
    if failed:
        print(f"{checked} {word} gecontroleerd: {failed} met fouten ({problem_count} in totaal).", file=out)
        return 1
    if conflicted:
        print(
            f"{checked} {word} gecontroleerd: geen fouten, maar {conflicted} met conflicten van een samenvoeging. "
            "Kies per conflict welke waarde blijft: in de app (scherm Conflicten) of in het bestand "
            "(zet de waarde in het werkboek en haal het [[conflicten]]-blok weg).",
            file=out,
        )
        return UNRESOLVED_CONFLICTS
    if newer:
        print(
            f"{checked} {word} gecontroleerd: geen fouten gevonden, maar {newer} met een nieuwer schema "
            "dat deze versie niet helemaal kan controleren; werk het programma bij.",
            file=out,
        )
        return NEWER_SCHEMA
    print(f"{checked} {word} gecontroleerd: alles in orde.", file=out)
    return 0
