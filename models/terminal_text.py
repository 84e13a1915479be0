"""Text from a workbook made safe to print in a terminal, with anything odd shown, not obeyed.

A shared file or a ``git pull`` can carry escape sequences in a title or note (``\\x1b[2J`` clears
the screen, ``\\x1b]0;…\\x07`` sets the window title). The command line shows every control
character as its visible picture instead (ESC as ␛, BEL as ␇), so a reviewer sees that something
odd is in the file; the app leaves them out (:func:`models.form_parsing.printable`).
"""

from __future__ import annotations

import re
from typing import TextIO

_CONTROL = re.compile(r"\r(?!\n)|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")
"""Control characters except tab, newline and the carriage return of a CRLF line ending, and the
invisible marks that reverse text direction."""


def _picture(found: re.Match[str]) -> str:
    code = ord(found.group())
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ … ␟: ESC is ␛, BEL is ␇
    if code == 0x7F:
        return "␡"
    return f"<U+{code:04X}>"


def visible(text: str) -> str:
    """``text`` with every control character shown as a visible sign instead of sent to the terminal."""
    return _CONTROL.sub(_picture, text)


class VisibleWriter:
    """Writes to ``stream`` through :func:`visible`; for output that shows text from a file."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        return self.stream.write(visible(text))

    def flush(self) -> None:
        self.stream.flush()


def visible_stream(stream: TextIO) -> TextIO:
    """``stream`` wrapped in a :class:`VisibleWriter` (once)."""
    if isinstance(stream, VisibleWriter):
        return stream
    return VisibleWriter(stream)  # type: ignore[return-value]
