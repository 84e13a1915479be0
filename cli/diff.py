"""``werkboek diff``: what changed between two versions of a workbook, as a Dutch summary.

    werkboek diff OUD NIEUW      two files
    werkboek diff BESTAND [REV]  the file as it is now against a git revision (default HEAD)
    werkboek diff --textconv [--weergave=N] BESTAND
                                 the file as text for git's own line diff (git's ``textconv``: what
                                 ``werkboek git-setup`` registers, used by git diff, git log -p, git show)
    werkboek diff --git ...      the seven arguments git gives an external diff driver (``git diff`` only)

Exit status as ``diff``: 0 when the contents are equal, 1 when they differ, 2 on trouble (a file
that cannot be read or is not a valid workbook). As git's driver it always exits 0, or git stops.

``--textconv`` runs once per version in ``git log -p``, so it loads only what it needs (the TOML
reader and the Dutch formatting; no validation, no content library): the heavier modules of the
other forms are imported inside the functions that use them.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from models.terminal_text import visible_stream

if TYPE_CHECKING:
    from models.content import Content
    from models.workbook import Workbook

NO_FILE = "/dev/null"
USAGE = (
    "gebruik: werkboek diff OUD NIEUW  of  werkboek diff BESTAND [VERSIE]\n"
    "         (VERSIE is een git-versie zoals HEAD, HEAD~2, een commit of een tag; standaard HEAD)"
)


def compare(old: Workbook, new: Workbook, content: Content, out: TextIO) -> int:
    from models.diff import diff_workbooks, render_diff  # noqa: PLC0415 (see the module's docstring)

    lines = diff_workbooks(old, new, content)
    out.write(render_diff(lines))
    return 1 if lines else 0


def _git_driver(args: Sequence[str], content: Content, out: TextIO) -> int:
    """git's external diff: PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE."""
    from models.compare import empty_workbook, workbook_from_file  # noqa: PLC0415
    from models.problems import WorkbookError  # noqa: PLC0415

    path, old_file, _, _, new_file, _, _ = args[:7]
    if not _is_workbook(old_file) and not _is_workbook(new_file):
        return _line_diff(path, old_file, new_file, out)
    out.write(f"werkboek diff {path}\n")
    try:
        old = empty_workbook() if old_file == NO_FILE else workbook_from_file(Path(old_file), content)
        new = empty_workbook() if new_file == NO_FILE else workbook_from_file(Path(new_file), content)
    except WorkbookError as error:
        out.write(f"(geen inhoudelijke vergelijking: {error.problems[0].message})\n")
        return 0
    if old_file == NO_FILE:
        out.write("nieuw werkboek\n")
    if new_file == NO_FILE:
        out.write("werkboek verwijderd\n")
    compare(old, new, content, out)
    return 0


def _is_workbook(name: str) -> bool:
    from models.workbook_sniff import looks_like_workbook_bytes  # noqa: PLC0415

    try:
        return name != NO_FILE and looks_like_workbook_bytes(Path(name).read_bytes())
    except OSError:
        return True  # let the workbook reader say what is wrong with it


def _lines(name: str) -> list[str]:
    if name == NO_FILE:
        return []
    return Path(name).read_bytes().decode("utf-8", errors="replace").splitlines(keepends=True)


def _line_diff(path: str, old_file: str, new_file: str, out: TextIO) -> int:
    """A TOML file that is no workbook, as an external driver: git's usual line diff, by difflib."""
    import difflib  # noqa: PLC0415

    old_name = "/dev/null" if old_file == NO_FILE else f"a/{path}"
    new_name = "/dev/null" if new_file == NO_FILE else f"b/{path}"
    out.write(f"diff --git a/{path} b/{path}\n")
    for line in difflib.unified_diff(_lines(old_file), _lines(new_file), old_name, new_name):
        out.write(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return 0


def textconv(args: Sequence[str], out: TextIO, err: TextIO) -> int:
    """``--textconv FILE``: a workbook as text for git's line diff; any other file exactly as it is."""
    from models.workbook_text import textconv as render  # noqa: PLC0415

    args = [arg for arg in args if not arg.startswith("--weergave=")]  # names the rendering for git's cache
    if len(args) != 1:
        err.write("werkboek diff --textconv verwacht één bestand (git geeft het mee)\n")
        return 2
    try:
        data = Path(args[0]).read_bytes()
    except OSError as error:
        err.write(f"{args[0]}: niet te lezen ({error.strerror or error})\n")
        return 2
    out.flush()
    binary = getattr(out, "buffer", None)
    if binary is not None:
        binary.write(render(data))
        binary.flush()
    else:
        out.write(render(data).decode("utf-8", errors="replace"))
    return 0


def _argument_problem(args: Sequence[str]) -> str | None:
    """What is wrong with the arguments, in Dutch; just the usage text when help is asked for."""
    if any(a in ("-h", "--help") for a in args):
        return USAGE
    if not 1 <= len(args) <= 2:
        return f"{USAGE}\nwerkboek diff: fout: geef twee bestanden, of een bestand en eventueel een versie"
    if len(args) == 2 and args[1].endswith(".toml") and not Path(args[1]).exists():
        return f"{args[1]}: bestand niet gevonden; controleer de naam en de map"
    return None


def diff_command(args: Sequence[str], out: TextIO, err: TextIO) -> int:
    """Run ``werkboek diff`` with ``args`` (what follows ``diff``); returns the exit status."""
    if args and args[0] == "--textconv":
        return textconv(args[1:], out, err)  # the rendering shows control characters itself
    return _semantic_diff(args, out, err)


def _semantic_diff(args: Sequence[str], out: TextIO, err: TextIO) -> int:
    from models.compare import workbook_from_file, workbook_from_text  # noqa: PLC0415
    from models.content import default_content  # noqa: PLC0415
    from models.git import GitError, file_at  # noqa: PLC0415
    from models.problems import WorkbookError  # noqa: PLC0415

    out, err = visible_stream(out), visible_stream(err)  # text from the files is shown, never obeyed
    content = default_content()
    if args and args[0] == "--git":
        if len(args) < 8:
            err.write("werkboek diff --git verwacht de zeven argumenten die git meegeeft\n")
            return 2
        return _git_driver(args[1:], content, out)
    problem = _argument_problem(args)
    if problem is not None:
        asked_for_help = problem == USAGE
        (out if asked_for_help else err).write(problem + "\n")
        return 0 if asked_for_help else 2
    first = Path(args[0])
    try:
        if len(args) == 2 and Path(args[1]).exists():
            old = workbook_from_file(first, content)
            new = workbook_from_file(Path(args[1]), content)
        else:
            revision = args[1] if len(args) == 2 else "HEAD"
            new = workbook_from_file(first, content)
            old = workbook_from_text(f"{first} ({revision})", file_at(first, revision), content)
    except WorkbookError as error:
        for found in error.problems:
            err.write(f"{found}\n")
        return 2
    except GitError as error:
        err.write(f"{error}\n")
        return 2
    return compare(old, new, content, out)


def main(args: Sequence[str]) -> int:
    return diff_command(args, out=sys.stdout, err=sys.stderr)
