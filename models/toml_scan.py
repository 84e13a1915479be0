"""A light scanner over TOML source text.

``tomllib`` keeps neither comments nor positions. This scanner finds the lines that hold
comments (so a save never drops them silently) and where each key and table sits (so a
validation error can point at ``file:line:col``). It does not validate: the text has
already been parsed by ``tomllib`` when positions are looked up.
"""

from __future__ import annotations

import re
import tomllib
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
_CONFLICT_MARKER = re.compile(r"^(<{7}|={7}|>{7})(?:[ \t].*)?$", re.MULTILINE)


@dataclass
class ScanResult:
    """What the scanner saw: comment lines and the position of every key and table."""

    comment_lines: list[int] = field(default_factory=list)
    positions: dict[Path, tuple[int, int]] = field(default_factory=dict)
    """Resolved TOML path → (line, column) of its value or table header (1-based)."""

    def locate(self, loc: Sequence[str | int]) -> tuple[int, int] | None:
        """Position of the longest known prefix of ``loc`` (so a bad list item points at its key)."""
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


def comment_lines(text: str) -> list[int]:
    """Line numbers holding a TOML comment; cheap when the text has no ``#`` at all."""
    if "#" not in text:
        return []
    return scan(text).comment_lines


def _key_parts(dotted: str) -> list[str]:
    parts = []
    for raw in _SPLIT_PART.findall(dotted):
        if raw[0] in "\"'":
            parts.append(tomllib.loads(f"k = {raw}")["k"])
        else:
            parts.append(raw)
    return parts


class _Tables:
    """Resolves table headers to paths with array indices, as TOML defines them."""

    def __init__(self) -> None:
        self.array_index: dict[Path, int] = {}

    def resolve(self, parts: Sequence[str]) -> Path:
        path: Path = ()
        for part in parts:
            path = (*path, part)
            if path in self.array_index:
                path = (*path, self.array_index[path])
        return path

    def open_array(self, parts: Sequence[str]) -> Path:
        parent = self.resolve(parts[:-1])
        key = (*parent, parts[-1])
        self.array_index[key] = self.array_index.get(key, -1) + 1
        return (*key, self.array_index[key])


def scan(text: str) -> ScanResult:
    """Walk the text once, skipping string contents, and record comments and key positions."""
    result = ScanResult()
    tables = _Tables()
    current: Path = ()
    pos, end, line, line_start = 0, len(text), 1, 0
    depth = 0
    at_statement = True
    while pos < end:
        if at_statement and depth == 0:
            pos = _BLANK.match(text, pos).end()  # type: ignore[union-attr]
            at_statement = False
            column = pos - line_start + 1
            if pos < end and text[pos] == "[":
                header = _ARRAY_HEADER.match(text, pos)
                if header:
                    current = tables.open_array(_key_parts(header.group(1)))
                else:
                    header = _TABLE_HEADER.match(text, pos)
                    if header:
                        current = tables.resolve(_key_parts(header.group(1)))
                if header:
                    result.positions.setdefault(current, (line, column))
                    pos = header.end()
                    continue
            else:
                key_value = _KEY_VALUE.match(text, pos)
                if key_value:
                    path = (*current, *_key_parts(key_value.group(1)))
                    result.positions[path] = (line, key_value.end() - line_start + 1)
                    pos = key_value.end()
                    continue
        found = _INTERESTING.search(text, pos)
        if found is None:
            break
        pos = found.start()
        char = text[pos]
        if char == "\n":
            line += 1
            pos += 1
            line_start = pos
            at_statement = depth == 0
        elif char == "#":
            result.comment_lines.append(line)
            newline = text.find("\n", pos)
            pos = end if newline < 0 else newline
        elif char in "\"'":
            pos, line, line_start = _skip_string(text, pos, line, line_start)
        elif char in "[{":
            depth += 1
            pos += 1
        else:
            depth = max(0, depth - 1)
            pos += 1
    return result


def _skip_string(text: str, pos: int, line: int, line_start: int) -> tuple[int, int, int]:
    """Move past the string starting at ``pos``, counting the newlines inside it."""
    quote = text[pos]
    if text.startswith(quote * 3, pos):
        closing = (_ML_BASIC_END if quote == '"' else _ML_LITERAL_END).match(text, pos + 3)
        stop = closing.end() if closing else len(text)
        inner_newlines = text.count("\n", pos, stop)
        if inner_newlines:
            line += inner_newlines
            line_start = text.rfind("\n", pos, stop) + 1
        return stop, line, line_start
    single = (_BASIC_STRING if quote == '"' else _LITERAL_STRING).match(text, pos)
    if single:
        return single.end(), line, line_start
    newline = text.find("\n", pos)
    return (len(text) if newline < 0 else newline), line, line_start
