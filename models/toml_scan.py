"""A light scanner over TOML source text.

``tomllib`` keeps neither comments nor positions. This scanner finds the lines that hold
comments (so a save never drops them silently) and where each key, table and list item
sits (so a validation error can point at ``file:line:col``). It does not validate: the text
has already been parsed by ``tomllib`` when positions are looked up.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

Path = tuple[str | int, ...]

_BARE = r"[A-Za-z0-9_-]+"
_BASIC = r'"(?:[^"\\\n]|\\.)*"'
_LITERAL = r"'[^'\n]*'"
_PART = rf"(?:{_BARE}|{_BASIC}|{_LITERAL})"
_DOTTED = rf"{_PART}(?:[ \t]*\.[ \t]*{_PART})*"
_KEY_VALUE = re.compile(rf"({_DOTTED})[ \t]*=[ \t]*")
_ARRAY_HEADER = re.compile(rf"\[\[[ \t]*({_DOTTED})[ \t]*\]\]")
_TABLE_HEADER = re.compile(rf"\[[ \t]*({_DOTTED})[ \t]*\]")
_SPLIT_PART = re.compile(_PART)
_INTERESTING = re.compile(r"[\n\"'#\[\]{}]")
_BLANK = re.compile(r"[ \t\r]*")
_ML_BASIC_END = re.compile(r'(?:[^"\\]|\\.|"(?!""))*""""{0,2}', re.DOTALL)
_ML_LITERAL_END = re.compile(r"(?:[^']|'(?!''))*'''\'{0,2}", re.DOTALL)
_BASIC_STRING = re.compile(_BASIC)
_LITERAL_STRING = re.compile(_LITERAL)
_SCALAR = re.compile(r"[^,\]\s#]+")
_CONFLICT_MARKER = re.compile(r"^(<{7}|={7}|>{7})(?:[ \t].*)?$", re.MULTILINE)


@dataclass
class ScanResult:
    """What the scanner saw: comment lines and the position of every key, table and list item."""

    comment_lines: list[int] = field(default_factory=list)
    positions: dict[Path, tuple[int, int]] = field(default_factory=dict)
    """Resolved TOML path → (line, column) of its value or table header (1-based)."""

    def locate(self, loc: Sequence[str | int]) -> tuple[int, int] | None:
        """Position of the longest known prefix of ``loc`` (so a bad nested value points at its key)."""
        path = tuple(loc)
        while path:
            found = self.positions.get(path)
            if found is not None:
                return found
            path = path[:-1]
        return None


def conflict_marker_lines(text: str) -> list[int]:
    """Line numbers of git merge-conflict markers (``<<<<<<<``, ``=======``, ``>>>>>>>``)."""
    if "<<<<<<<" not in text and ">>>>>>>" not in text:
        return []
    return [text.count("\n", 0, m.start()) + 1 for m in _CONFLICT_MARKER.finditer(text)]


_BRACE = re.compile(r"[{}]")
_STRINGS_AND_COMMENT = re.compile(r"""\"(?:[^"\\\n]|\\.)*"|'[^'\n]*'|#.*""")
_TRAILING_COMMA = re.compile(r",[ \t]*\}")
_NEW_ESCAPE = re.compile(r"\\[ex]")
_MINUTES_LAST = re.compile(r":\d\d(?![:\d])")
"""``:30`` with no seconds after it; a regex with a literal first character, so it scans fast."""


def may_hold_toml11(text: str) -> bool:
    """Whether the text may hold a form TOML 1.1 allows and TOML 1.0 does not (cheap; false alarms allowed).

    The candidates: the escapes ``\\e`` and ``\\xHH``, a time without seconds (``10:30``), and an
    inline table over more than one line or with a comma before its ``}``. A text without any of
    them costs a few fast substring searches; one with a candidate is parsed again by ``tomllib``.
    """
    if ("\\" in text and _NEW_ESCAPE.search(text)) or _has_short_time(text):
        return True
    if "{" not in text and "}" not in text:
        return False
    seen = -1
    for brace in _BRACE.finditer(text):
        start = text.rfind("\n", 0, brace.start()) + 1
        if start <= seen:
            continue
        end = text.find("\n", brace.start())
        seen = end = len(text) if end < 0 else end
        line = _STRINGS_AND_COMMENT.sub("", text[start:end])
        if line.count("{") != line.count("}") or _TRAILING_COMMA.search(line):
            return True
    return False


def _has_short_time(text: str) -> bool:
    """A value like ``10:30`` or ``2026-12-01T10:30``: a time without seconds, not inside words."""
    for hit in _MINUTES_LAST.finditer(text):
        start = hit.start() - 2
        if start < 0 or not text[start : hit.start()].isdigit():
            continue
        if start >= 2 and text[start - 1] in "Tt " and text[start - 2].isdigit():
            return True  # after a date
        head = text[text.rfind("\n", 0, start) + 1 : start].rstrip()
        if not head or head[-1] in "=[,{":
            return True  # a value of its own
    return False


def comment_lines(text: str) -> list[int]:
    """Line numbers holding a TOML comment; cheap when the text has no ``#`` at all."""
    if "#" not in text:
        return []
    return scan(text).comment_lines


def scan(text: str) -> ScanResult:
    """Walk the text once, skipping string contents, and record comments and positions."""
    scanner = _Scanner(text)
    scanner.run()
    return scanner.result


def _key_parts(dotted: str) -> list[str]:
    import tomllib  # noqa: PLC0415 - only for quoted keys: not part of every start-up

    parts = []
    for raw in _SPLIT_PART.findall(dotted):
        parts.append(tomllib.loads(f"k = {raw}")["k"] if raw[0] in "\"'" else raw)
    return parts


class _Scanner:
    """A cursor over the text that knows its line and the table it is in."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.end = len(text)
        self.pos = 0
        self.line = 1
        self.line_start = 0
        self.result = ScanResult()
        self.table: Path = ()
        self.array_index: dict[Path, int] = {}

    @property
    def column(self) -> int:
        return self.pos - self.line_start + 1

    def newline(self) -> None:
        self.pos += 1
        self.line += 1
        self.line_start = self.pos

    def comment(self) -> None:
        self.result.comment_lines.append(self.line)
        newline = self.text.find("\n", self.pos)
        self.pos = self.end if newline < 0 else newline

    def run(self) -> None:
        depth = 0
        at_statement = True
        while self.pos < self.end:
            if at_statement and depth == 0:
                at_statement = False
                if self.statement():
                    continue
            found = _INTERESTING.search(self.text, self.pos)
            if found is None:
                return
            self.pos = found.start()
            char = self.text[self.pos]
            if char == "\n":
                self.newline()
                at_statement = depth == 0
            elif char == "#":
                self.comment()
            elif char in "\"'":
                self.string()
            else:
                depth = depth + 1 if char in "[{" else max(0, depth - 1)
                self.pos += 1

    def statement(self) -> bool:
        """Read a table header or the key of a key/value line; False when there is neither."""
        self.pos = _BLANK.match(self.text, self.pos).end()  # type: ignore[union-attr]
        line, column = self.line, self.column
        if self.text.startswith("[", self.pos):
            header = _ARRAY_HEADER.match(self.text, self.pos)
            if header:
                self.table = self._open_array(_key_parts(header.group(1)))
            else:
                header = _TABLE_HEADER.match(self.text, self.pos)
                if header:
                    self.table = self._resolve(_key_parts(header.group(1)))
            if not header:
                return False
            self.result.positions.setdefault(self.table, (line, column))
            self.pos = header.end()
            return True
        key_value = _KEY_VALUE.match(self.text, self.pos)
        if not key_value:
            return False
        path = (*self.table, *_key_parts(key_value.group(1)))
        self.pos = key_value.end()
        self.result.positions[path] = (self.line, self.column)
        if self.text.startswith("[", self.pos):
            self.array(path)
        return True

    def _resolve(self, parts: Sequence[str]) -> Path:
        """A header's path with the current index of every array of tables on the way."""
        path: Path = ()
        for part in parts:
            path = (*path, part)
            if path in self.array_index:
                path = (*path, self.array_index[path])
        return path

    def _open_array(self, parts: Sequence[str]) -> Path:
        key = (*self._resolve(parts[:-1]), parts[-1])
        self.array_index[key] = self.array_index.get(key, -1) + 1
        return (*key, self.array_index[key])

    def array(self, path: Path) -> None:
        """Record where each item of the array at the cursor starts, and move past it."""
        self.pos += 1
        index = 0
        while self.pos < self.end:
            char = self.text[self.pos]
            if char == "\n":
                self.newline()
            elif char in " \t\r":
                self.pos += 1
            elif char == "#":
                self.comment()
            elif char == ",":
                index += 1
                self.pos += 1
            elif char == "]":
                self.pos += 1
                return
            else:
                self.result.positions.setdefault((*path, index), (self.line, self.column))
                self.value(char, (*path, index))

    def value(self, char: str, path: Path) -> None:
        """Move past one array item that starts with ``char``."""
        if char == "[":
            self.array(path)
        elif char in "\"'":
            self.string()
        elif char == "{":
            self.inline_table()
        else:
            scalar = _SCALAR.match(self.text, self.pos)
            self.pos = scalar.end() if scalar else self.pos + 1

    def string(self) -> None:
        """Move past the string at the cursor, counting the newlines inside it."""
        text, pos = self.text, self.pos
        quote = text[pos]
        if text.startswith(quote * 3, pos):
            closing = (_ML_BASIC_END if quote == '"' else _ML_LITERAL_END).match(text, pos + 3)
            stop = closing.end() if closing else self.end
            inner_newlines = text.count("\n", pos, stop)
            if inner_newlines:
                self.line += inner_newlines
                self.line_start = text.rfind("\n", pos, stop) + 1
            self.pos = stop
            return
        single = (_BASIC_STRING if quote == '"' else _LITERAL_STRING).match(text, pos)
        if single:
            self.pos = single.end()
        else:
            newline = text.find("\n", pos)
            self.pos = self.end if newline < 0 else newline

    def inline_table(self) -> None:
        """Move past the inline table at the cursor (TOML keeps it on one line)."""
        depth = 0
        while self.pos < self.end:
            char = self.text[self.pos]
            if char in "\"'":
                self.string()
                continue
            if char == "\n":
                return
            self.pos += 1
            if char == "{":
                depth += 1
            elif char == "}":
                depth -= 1
                if depth == 0:
                    return
