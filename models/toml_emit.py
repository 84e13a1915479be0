"""TOML text with a stable shape: every array of tables is written as ``[[name]]`` blocks.

``tomli_w`` writes an array of small tables as one inline array, and switches to ``[[name]]``
blocks once one table grows past a line. That would turn a one-field edit into a rewrite of
the whole list. Here the table structure is laid out explicitly and ``tomli_w`` formats the
values (strings, dates, numbers, arrays) of each table.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import tomli_w

_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


def _key(key: str) -> str:
    if _BARE_KEY.match(key):
        return key
    return tomli_w.dumps({"k": key})[len("k = ") : -1]


def _is_table_array(value: object) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(item, Mapping) for item in value)


def _emit(table: Mapping[str, Any], name: str, as_array_item: bool, out: list[str]) -> None:
    literals = {k: v for k, v in table.items() if not isinstance(v, Mapping) and not _is_table_array(v)}
    nested = [(k, v) for k, v in table.items() if isinstance(v, Mapping) or _is_table_array(v)]
    if as_array_item or (name and (literals or not nested)):
        if out:
            out.append("\n")
        out.append(f"[[{name}]]\n" if as_array_item else f"[{name}]\n")
    if literals:
        out.append(tomli_w.dumps(literals, multiline_strings=True))
    for key, value in nested:
        child = f"{name}.{_key(key)}" if name else _key(key)
        if isinstance(value, Mapping):
            _emit(value, child, False, out)
        else:
            for item in value:
                _emit(item, child, True, out)


def dumps(document: Mapping[str, Any]) -> str:
    """Format ``document`` as TOML, tables and arrays of tables always as blocks."""
    out: list[str] = []
    _emit(document, "", False, out)
    return "".join(out)
