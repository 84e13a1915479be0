"""TOML text with a stable shape: every array of tables is written as ``[[name]]`` blocks.

``tomli_w`` writes an array of small tables as one inline array, and switches to ``[[name]]``
blocks once one table grows past a line. That would turn a one-field edit into a rewrite of
the whole list. Here the table structure is laid out explicitly and ``tomli_w`` formats the
values. Plain text, whole numbers and dates, by far the most common values, take a shortcut
that gives the very same bytes as ``tomli_w`` (a test holds the two to that); anything
else goes to ``tomli_w`` itself.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

import tomli_w

_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")
_NEEDS_ESCAPE = re.compile(r'[\x00-\x08\x0a-\x1f\x7f"\\]')
"""Characters ``tomli_w`` escapes in a one-line string (everything but tab among controls)."""
_NEEDS_ESCAPE_MULTILINE = re.compile(r'[\x00-\x08\x0b-\x1f\x7f"\\]')
"""The same for a multi-line string, where a line break stays a line break."""


def format_key(key: str) -> str:
    """A key as TOML writes it: bare when it can be, quoted otherwise."""
    if _BARE_KEY.match(key):
        return key
    return tomli_w.dumps({"k": key})[len("k = ") : -1]


def format_value(value: object) -> str:
    """One value as ``tomli_w`` formats it (with multi-line strings for text with line breaks)."""
    kind = type(value)
    if kind is str:
        text: str = value  # type: ignore[assignment]
        if "\n" in text:
            if "\r" not in text and not _NEEDS_ESCAPE_MULTILINE.search(text):
                return f'"""\n{text}"""'
        elif not _NEEDS_ESCAPE.search(text):
            return f'"{text}"'
    elif kind is int or kind is float or kind is dt.date:
        return str(value)
    elif kind is bool:
        return "true" if value else "false"
    elif kind is list and all(type(item) is str and not _NEEDS_ESCAPE.search(item) for item in value):  # type: ignore[attr-defined]
        items: list[str] = value  # type: ignore[assignment]
        return "[\n" + "".join(f'    "{item}",\n' for item in items) + "]" if items else "[]"
    return tomli_w.dumps({"k": value}, multiline_strings=True)[len("k = ") : -1]


class RenderedItem(str):
    """A ``[[name]]`` block already rendered by :func:`render_array_item`; written as it is."""


def render_array_item(name: str, table: Mapping[str, Any]) -> RenderedItem:
    """One ``[[name]]`` block as text, to be reused while the table it came from is unchanged."""
    out: list[str] = []
    _emit(table, name, True, out)
    return RenderedItem("".join(out))


def _is_table_array(value: object) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(item, (Mapping, RenderedItem)) for item in value)


def _emit(table: Mapping[str, Any], name: str, as_array_item: bool, out: list[str]) -> None:
    literals = [(k, v) for k, v in table.items() if not isinstance(v, Mapping) and not _is_table_array(v)]
    nested = [(k, v) for k, v in table.items() if isinstance(v, Mapping) or _is_table_array(v)]
    if as_array_item or (name and (literals or not nested)):
        if out:
            out.append("\n")
        out.append(f"[[{name}]]\n" if as_array_item else f"[{name}]\n")
    out.extend(f"{format_key(key)} = {format_value(value)}\n" for key, value in literals)
    for key, value in nested:
        child = f"{name}.{format_key(key)}" if name else format_key(key)
        if isinstance(value, Mapping):
            _emit(value, child, False, out)
        else:
            for item in value:
                if isinstance(item, RenderedItem):
                    out.append("\n" if out else "")
                    out.append(item)
                else:
                    _emit(item, child, True, out)


def dumps(document: Mapping[str, Any]) -> str:
    """Format ``document`` as TOML, tables and arrays of tables always as blocks."""
    out: list[str] = []
    _emit(document, "", False, out)
    return "".join(out)
