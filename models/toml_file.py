"""Reading a TOML file with every failure turned into a Dutch problem with its position.

Parsing goes through ``rtoml`` (about ten times faster than ``tomllib`` on a large plan: a
2,000-action workbook parses in ~13 ms instead of ~130 ms). When it refuses a text, ``tomllib``
parses it again: its error says exactly where and what, which the Dutch messages are built on.

rtoml also accepts forms only TOML 1.1 allows (the escapes ``\\e`` and ``\\xHH``, times without
seconds, inline tables over more lines or with a trailing comma), which TOML 1.0 readers such as
``tomllib`` refuse. A cheap scan (:func:`~models.toml_scan.may_hold_toml11`) looks for them; only a
text that may hold one is parsed by ``tomllib`` as well, so a valid file keeps rtoml's speed.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path
from typing import Any

import rtoml

from models.dutch_messages import toml_syntax_problem
from models.limits import MAX_FILE_BYTES, MAX_FILE_TEXT, depth_message
from models.os_errors import dutch_os_error
from models.problems import Problem, WorkbookError
from models.toml_scan import may_hold_toml11

_RTOML_POSITION = re.compile(r"at line (\d+) column (\d+)")


def read_bytes(path: Path) -> bytes:
    """The file's bytes; anything that is not a readable workbook-sized file is a clear problem.

    A missing file, a folder, no permission, a loop of symlinks, a FIFO or a device (``/dev/zero``)
    and a file over :data:`~models.limits.MAX_FILE_BYTES` are refused with a Dutch message, without
    waiting on a FIFO and without reading more than the limit.
    """
    name = str(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)  # non-blocking: opening a FIFO waits for a writer otherwise
    except FileNotFoundError:
        raise WorkbookError([Problem(name, "bestand niet gevonden; controleer de naam en de map")]) from None
    except OSError as error:
        raise WorkbookError([Problem(name, _open_problem(error))]) from None
    try:
        with os.fdopen(fd, "rb", buffering=0) as handle:
            kind = os.fstat(fd)
            if stat.S_ISDIR(kind.st_mode):
                raise WorkbookError([Problem(name, "dit is een map, geen werkboekbestand (.toml)")])
            if not stat.S_ISREG(kind.st_mode):
                raise WorkbookError(
                    [Problem(name, f"{_kind_of(kind.st_mode)}, geen gewoon bestand; een werkboek is een .toml-bestand")]
                )
            if kind.st_size > MAX_FILE_BYTES:
                raise WorkbookError([Problem(name, _too_big(kind.st_size))])
            if hasattr(os, "set_blocking"):
                os.set_blocking(fd, True)
            data = handle.read(MAX_FILE_BYTES + 1)
            if len(data) > MAX_FILE_BYTES:  # it grew while being read, or says it is smaller than it is
                raise WorkbookError([Problem(name, _too_big(len(data)))])
            return bytes(data)
    except OSError as error:
        raise WorkbookError([Problem(name, dutch_os_error(error, path, writing=False))]) from None


def _open_problem(error: OSError) -> str:
    if error.errno == errno.EISDIR:
        return "dit is een map, geen werkboekbestand (.toml)"
    if error.errno in (errno.EACCES, errno.EPERM):
        return "geen toestemming om dit bestand te lezen"
    if error.errno == errno.ELOOP:
        return "de symbolische koppelingen (symlinks) verwijzen in een kring naar elkaar; er is geen bestand te lezen"
    return dutch_os_error(error, error.filename, writing=False)


def _kind_of(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "dit is een pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "dit is een apparaat"
    if stat.S_ISSOCK(mode):
        return "dit is een socket"
    return "dit is een bijzonder bestand"


def _too_big(size: int) -> str:
    shown = f"{size / 1_000_000_000:.1f} GB" if size >= 1_000_000_000 else f"{size / 1_000_000:.0f} MB"
    return (
        f"het bestand is te groot ({shown.replace('.', ',')}); een werkboek mag hoogstens {MAX_FILE_TEXT} zijn "
        "(een plan met 50.000 acties is ongeveer 56 MB). Is dit wel een werkboek?"
    )


def decode_text(name: str, data: bytes) -> str:
    """The file's text; a non-UTF-8 file gets a message with the position of the first bad byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        start = error.start
        line = data.count(b"\n", 0, start) + 1
        column = start - (data.rfind(b"\n", 0, start) + 1) + 1
        message = (
            f"het bestand is geen UTF-8-tekst (byte 0x{data[start]:02X}); "
            "sla het op als UTF-8, bijvoorbeeld via 'Opslaan als' in je editor"
        )
        raise WorkbookError([Problem(name, message, line=line, column=column)]) from None


def parse_toml(name: str, text: str) -> dict[str, Any]:
    """The parsed document; a syntax error, or a form only TOML 1.1 allows, becomes a problem at its position."""
    try:
        document: dict[str, Any] = rtoml.loads(text)
    except rtoml.TomlParsingError as error:
        if "recurs" in str(error):  # nested beyond what a reader can take: no second try
            raise WorkbookError([_depth_problem(name, str(error))]) from None
        return _parse_strictly(name, text)  # parsed again for the position and wording of the error
    if may_hold_toml11(text):  # rtoml also reads TOML 1.1 (\e, 10:30, { } over lines); hold it to 1.0
        _parse_strictly(name, text)
    return document


def _parse_strictly(name: str, text: str) -> dict[str, Any]:
    """Parse with ``tomllib`` (TOML 1.0); its error becomes a Dutch problem."""
    import tomllib  # noqa: PLC0415 - only for a text rtoml refused or that may hold TOML 1.1

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise WorkbookError([toml_syntax_problem(name, error, text)]) from None
    except RecursionError:
        raise WorkbookError([_depth_problem(name, "")]) from None


def _depth_problem(name: str, english: str) -> Problem:
    where = _RTOML_POSITION.search(english)
    line, column = (int(where.group(1)), int(where.group(2))) if where else (None, None)
    return Problem(name, f"TOML-fout: {depth_message()}", line=line, column=column)
