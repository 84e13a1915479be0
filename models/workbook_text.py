"""A workbook as plain text for git's own line diff: ``werkboek diff --textconv FILE``.

git's ``textconv`` turns each version of a file into text and diffs those texts line by line; it is
what ``git diff``, ``git log -p`` and ``git show`` use without extra flags. So this rendering is made
for a line diff to read as the change in meaning:

- one heading per block, starting at the left margin (``Actie A7 Werkoverleg werkdruk``,
  ``Meting 10 mrt 2026``, ``Fase in-kaart``): git's hunk header names the nearest one, also
  without any ``xfuncname`` setting;
- every value on its own indented line with its key (``  status: gepland``), list items one per
  line (``  afgevinkt: rie-actueel``), texts with line breaks as indented lines of their own, so a
  changed status, a ticked item or one changed sentence is one ``-``/``+`` pair;
- blocks in a fixed order (actions by number, scoring rounds, DI-scans, levels and log entries by
  date), dates and amounts written as the rest of the program writes them (``1 feb 2027``, ``€ 1.250``), so
  a file saved with another layout or order renders the same and shows no change.

It is rendered from the parsed TOML alone: no validation and no content library (labels stay ids,
as in the file), so it is quick enough to run once per version in ``git log -p``, renders a version
with invalid values too, and depends on nothing but the file. Every key is shown, also keys this
version does not know, so nothing changes unseen. Control characters are shown as visible signs.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import rtoml

from models.formatting import clock, hours, money, percentage, plain_number, short_date
from models.terminal_text import visible
from models.workbook_sniff import looks_like_workbook_bytes

RENDERING = 1
"""The version of this rendering. git keeps the rendering of each version it has shown (``cachetextconv``)
and starts that cache over when the textconv command changes; ``werkboek git-setup`` writes this number
into the command (``--weergave=1``), so raise it whenever the rendering changes."""
INDENT = "  "
_ACTION_NUMBER = re.compile(r"(\d+)$")
_UNITS: dict[str, Callable[[float], str]] = {"budget": money, "uren": hours, "verzuimpercentage": percentage}
"""Fields shown in their unit, as ``werkboek diff`` shows them."""
KNOWN_BLOCKS = (
    "organisatie", "niveaus", "metingen", "di_scan", "fasen", "wettelijk", "acties", "logboek", "akkoord",
)  # fmt: skip
"""The workbook's own blocks, always in this order; other blocks follow in the file's order."""


def _scalar(value: Any, key: str = "") -> str:
    if value is None or value == "":
        return "(leeg)"
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, int | float) and key in _UNITS:
        return _UNITS[key](value)
    return _plain(value)


def _plain(value: Any) -> str:
    if isinstance(value, float):
        return plain_number(value)
    if isinstance(value, dt.datetime):
        return f"{short_date(value.date())} {clock(value)}:{value.second:02d}{_zone(value)}"
    if isinstance(value, dt.date):
        return short_date(value)
    if isinstance(value, dt.time):
        return value.isoformat()
    return str(value)


def _zone(moment: dt.datetime) -> str:
    offset = moment.utcoffset()
    return "" if offset is None else f" {moment.isoformat()[19:]}"


def _field(key: str, value: Any, indent: str = INDENT) -> Iterator[str]:
    """The lines of one key and its value: a list item per line, a table key by key, long texts indented."""
    if isinstance(value, Mapping):
        if not value:
            yield f"{indent}{key}: (leeg)"
        for sub, item in value.items():
            yield from _field(f"{key}.{sub}", item, indent)
    elif isinstance(value, list):
        if not value:
            yield f"{indent}{key}: (leeg)"
        for number, item in enumerate(value, start=1):
            if isinstance(item, Mapping | list):
                yield from _field(f"{key}[{number}]", item, indent)
            else:
                yield from _field(key, item, indent)
    elif isinstance(value, str) and "\n" in value:
        yield f"{indent}{key}:"
        for line in value.split("\n"):
            yield f"{indent}{INDENT}{line}" if line else ""
    else:
        yield f"{indent}{key}: {_scalar(value, key)}"


def _fields(table: Mapping[str, Any], skip: tuple[str, ...] = ()) -> Iterator[str]:
    for key, value in table.items():
        if key not in skip:
            yield from _field(key, value)


def _block(heading: str, lines: Iterator[str]) -> list[str]:
    return ["", heading, *lines]


def _by(key: str) -> Callable[[Any], tuple[int, str]]:
    """Sort entries by a date field; entries without a date (or not a table) last, in file order."""

    def order(entry: Any) -> tuple[int, str]:
        value = entry.get(key) if isinstance(entry, Mapping) else None
        if isinstance(value, dt.date):
            return (0, value.isoformat())
        return (1, "")

    return order


def _action_order(entry: Any) -> tuple[int, str, int]:
    identifier = entry.get("id") if isinstance(entry, Mapping) else None
    if not isinstance(identifier, str):
        return (1, "", 0)
    found = _ACTION_NUMBER.search(identifier)
    if found is None:
        return (0, identifier, -1)
    return (0, identifier[: found.start()], int(found.group(1)))


def _date_label(entry: Mapping[str, Any], key: str = "datum") -> str:
    value = entry.get(key)
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return short_date(value)
    return "(zonder datum)" if value is None else _scalar(value)


def _entries(value: Any) -> list[Mapping[str, Any]]:
    return [entry for entry in value if isinstance(entry, Mapping)] if isinstance(value, list) else []


def _rounds(value: Any, heading: str = "Meting", values: str = "scores") -> Iterator[list[str]]:
    """Scoring rounds (or DI-scans: ``DI-scan``, ``stand``), by date: a line per factor (indicator), then notes."""
    for entry in sorted(_entries(value), key=_by("datum")):
        lines: list[str] = []
        for key, item in entry.items():
            if key == "datum":
                continue
            if key == values and isinstance(item, Mapping):
                lines += [f"{INDENT}{factor}: {_scalar(score)}" for factor, score in item.items()]
            elif key == "toelichting" and isinstance(item, Mapping):
                for factor, note in item.items():
                    lines += _field(f"toelichting bij {factor}", note)
            else:
                lines += _field(key, item)
        yield _block(f"{heading} {_date_label(entry)}", iter(lines))


def _phases(value: Any) -> Iterator[list[str]]:
    if not isinstance(value, Mapping):
        yield _block("Fasen", _field("fasen", value))
        return
    for phase_id, state in value.items():
        if not isinstance(state, Mapping):
            yield _block(f"Fase {phase_id}", _field("waarde", state))
            continue
        lines: list[str] = []
        for key, item in state.items():
            if key == "notities" and isinstance(item, Mapping):
                for item_id, note in item.items():
                    lines += _field(f"notitie bij {item_id}", note)
            else:
                lines += _field(key, item)
        yield _block(f"Fase {phase_id}", iter(lines))


def _tables(heading: str, value: Any) -> Iterator[list[str]]:
    """A table of tables (``wettelijk``): one block per inner table."""
    if not isinstance(value, Mapping):
        yield _block(heading, _field("waarde", value))
        return
    for item_id, state in value.items():
        if isinstance(state, Mapping):
            yield _block(f"{heading} {item_id}", _fields(state))
        else:
            yield _block(f"{heading} {item_id}", _field("waarde", state))


def _actions(value: Any) -> Iterator[list[str]]:
    for entry in sorted(_entries(value), key=_action_order):
        title = entry.get("titel")
        heading = f"Actie {_scalar(entry.get('id', '(zonder id)'))}"
        heading += f" {_scalar(title)}" if isinstance(title, str) and "\n" not in title else ""
        skip = ("id", "titel") if isinstance(title, str) and "\n" not in title else ("id",)
        yield _block(heading, _fields(entry, skip))


def _logbook(value: Any) -> Iterator[list[str]]:
    for entry in sorted(_entries(value), key=_by("datum")):
        title = entry.get("titel")
        single = isinstance(title, str) and "\n" not in title
        heading = f"Logboek {_date_label(entry)}" + (f" {title}" if single else "")
        yield _block(heading, _fields(entry, ("datum", "titel") if single else ("datum",)))


def _agreements(value: Any) -> Iterator[list[str]]:
    """Consent to the plan, by date: ``Akkoord 1 dec 2026 werkgever``."""
    for entry in sorted(_entries(value), key=_by("datum")):
        who = entry.get("door")
        single = isinstance(who, str) and "\n" not in who
        heading = f"Akkoord {_date_label(entry)}" + (f" {who}" if single else "")
        yield _block(heading, _fields(entry, ("datum", "door") if single else ("datum",)))


def _other(key: str, value: Any) -> Iterator[list[str]]:
    """A block this version does not know (or a known one in an unexpected shape), shown key by key."""
    if isinstance(value, list) and value and all(isinstance(entry, Mapping) for entry in value):
        for number, entry in enumerate(value, start=1):
            yield _block(f"{key} {number}", _fields(entry))
    elif isinstance(value, Mapping):
        yield _block(key, _fields(value))
    else:
        yield _block(key, _field(key, value))


def render_workbook(data: Mapping[str, Any]) -> str:
    """The parsed workbook ``data`` as text whose line diff reads as the change in meaning."""
    blocks: list[list[str]] = []
    top = [key for key, value in data.items() if not _is_block(key, value)]
    blocks.append(["Werkboek", *(line for key in top for line in _field(key, data[key]))])
    known = [key for key in KNOWN_BLOCKS if key in data and key not in top]
    for key in [*known, *(key for key in data if key not in top and key not in known)]:
        value = data[key]
        if key == "organisatie" and isinstance(value, Mapping):
            blocks.append(_block("Profiel", _fields(value)))
        elif key == "niveaus" and isinstance(value, list):
            entries = sorted(_entries(value), key=_by("datum"))
            blocks += [_block(f"Niveaus {_date_label(entry)}", _fields(entry, ("datum",))) for entry in entries]
        elif key == "metingen" and isinstance(value, list):
            blocks += _rounds(value)
        elif key == "di_scan" and isinstance(value, list):
            blocks += _rounds(value, "DI-scan", "stand")
        elif key == "fasen":
            blocks += _phases(value)
        elif key == "wettelijk":
            blocks += _tables("Wettelijk minimum", value)
        elif key == "acties" and isinstance(value, list):
            blocks += _actions(value)
        elif key == "logboek" and isinstance(value, list):
            blocks += _logbook(value)
        elif key == "akkoord" and isinstance(value, list):
            blocks += _agreements(value)
        else:
            blocks += _other(key, value)
    return visible("\n".join(line for block in blocks for line in block) + "\n")


def _is_block(key: str, value: Any) -> bool:
    if key in KNOWN_BLOCKS:
        return True
    return isinstance(value, Mapping) or (
        isinstance(value, list) and bool(value) and all(isinstance(entry, Mapping) for entry in value)
    )


NOT_TOML = "(werkboek dat geen geldige TOML is; hieronder het bestand zoals het is)\n"


def textconv(data: bytes) -> bytes:
    """What git's textconv shows for a file: a workbook rendered, any other file exactly as it is.

    A file that is no workbook (see :mod:`models.workbook_sniff`) comes back unchanged, so git
    shows its usual line diff; so does a workbook that is not valid TOML, after a line saying so.
    """
    if not looks_like_workbook_bytes(data):
        return data
    try:
        text = data.decode("utf-8").removeprefix("\ufeff").replace("\r\n", "\n")
        parsed = rtoml.loads(text)
    except (UnicodeDecodeError, rtoml.TomlParsingError, ValueError):
        return NOT_TOML.encode("utf-8") + data
    return render_workbook(parsed).encode("utf-8")
