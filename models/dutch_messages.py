"""Dutch messages for parse and validation errors, with positions where the source has them."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from models.problems import Problem, format_path
from models.schema import ErrorDetails, ValidationError
from models.toml_scan import ScanResult, scan

if TYPE_CHECKING:
    import tomllib

_POSITION = re.compile(r"^(?P<msg>.*) \(at (?:line (?P<line>\d+), column (?P<col>\d+)|end of document)\)$")

_TOML_MESSAGES: dict[str, str] = {
    "Invalid value": (
        "ongeldige waarde; tekst hoort tussen aanhalingstekens, een datum schrijf je als 2026-12-01, "
        "een getal zonder eenheid (1250 of 12.5)"
    ),
    "Invalid date or datetime": (
        "ongeldige datum: die dag bestaat niet of staat in de verkeerde vorm; schrijf jaar-maand-dag, "
        "bijvoorbeeld 2026-12-01"
    ),
    "Expected '=' after a key in a key/value pair": "na de naam van een veld hoort '=' en dan de waarde",
    "Invalid statement": "deze regel is geen 'naam = waarde' en geen [tabel]-kop",
    "Invalid initial character for a key part": "een veldnaam begint hier met een teken dat niet mag",
    "Unclosed array": "de lijst is niet afgesloten met ']'",
    "Unclosed inline table": "de tabel tussen { } is niet afgesloten met '}' op dezelfde regel",
    "Unterminated string": "de tekst is niet afgesloten met een aanhalingsteken",
    "Unescaped '\\' in a string": "losse backslash (\\) in tekst; schrijf \\\\ of gebruik enkele aanhalingstekens",
    "Cannot overwrite a value": "deze waarde is al eerder gegeven; elk veld mag maar één keer voorkomen",
    "Expected ']' at the end of a table declaration": "de tabelkop moet eindigen op ']'",
    "Expected ']]' at the end of an array declaration": "de kop van een lijstitem moet eindigen op ']]'",
    "Invalid hex value": "ongeldige \\u-code in tekst",
    "Escaped character is not a Unicode scalar value": "ongeldige \\u-code in tekst",
}
_TOML_PREFIXES: tuple[tuple[str, str], ...] = (
    ("Cannot declare", "deze tabelkop komt twee keer voor"),
    ("Cannot redefine namespace", "deze tabel is eerder al anders gedefinieerd"),
    ("Cannot mutate immutable namespace", "deze tabel is al als vaste waarde gegeven"),
    ("Duplicate inline table key", "dubbele naam binnen de tabel tussen { }"),
    ("Found invalid character", "ongeldig teken; staat er een naam zonder aanhalingstekens of een teken te veel?"),
    (
        "Illegal character",
        'ongeldig teken in tekst; voor een nieuwe regel gebruik \\n of tekst tussen """ en """',
    ),
    ("Expected", "onverwacht teken; controleer de leestekens op deze plek"),
)


_DATE_LIKE = re.compile(
    r"""^\s*(?P<key>[A-Za-z0-9_.'"-]+)\s*=\s*(?P<value>\d{4}-\d{1,2}-\d{1,2}(?:[T ]\d{1,2}:\d{1,2}(?::[0-9.]+)?)?)\S*"""
)
"""A line ``key = value`` whose value starts like a date (``2026-13-01``, ``2026-1-5``, ``2026-12-01T25:00``)."""


def _date_problem(line_text: str) -> tuple[str, int] | None:
    """For a date that does not exist or is written wrongly: a message naming the field, and its column."""
    found = _DATE_LIKE.match(line_text)
    if found is None:
        return None
    key, value = found.group("key").strip("'\""), found.group("value")
    return (
        f"ongeldige datum: die dag bestaat niet of staat in de verkeerde vorm ({key} = {value}). Schrijf "
        "jaar-maand-dag zonder aanhalingstekens, met een maand van 01 tot 12 en een dag die in die maand "
        "bestaat, bijvoorbeeld 2026-12-01",
        found.start("value") + 1,
    )


_ESCAPE = re.compile(r"\\(.)")
_SHORT_TIME_VALUE = re.compile(r"(?:^|[=\[,{])[ \t]*((?:\d{4}-\d\d-\d\d[Tt ])?\d\d:\d\d)(?![:\d])")
_INLINE_NOISE = re.compile(r"""\"(?:[^"\\\n]|\\.)*"|'[^'\n]*'""")
_TOML10 = "TOML-fout: dit mag niet in TOML 1.0 (alleen in TOML 1.1, dat andere programma's weigeren): "


def _escape_problem(line_text: str) -> tuple[str, int] | None:
    for escape in _ESCAPE.finditer(line_text):
        code, rest = escape.group(1), line_text[escape.end() : escape.end() + 2]
        if code == "e":
            return _TOML10 + "de escape \\e in tekst; schrijf \\u001B", escape.start() + 1
        if code == "x" and re.fullmatch(r"[0-9A-Fa-f]{2}", rest):
            return _TOML10 + f"de escape \\x{rest} in tekst; schrijf \\u00{rest.upper()}", escape.start() + 1
    return None


def _inline_table_problem(english: str, line_text: str, column: int) -> tuple[str, int] | None:
    before = _INLINE_NOISE.sub("", line_text[: column - 1])
    if before.count("{") <= before.count("}"):
        return None
    at = line_text[column - 1 : column]
    if at == "}" and before.rstrip().endswith(","):
        return _TOML10 + "een komma na het laatste veld van een tabel tussen { }; haal de komma vóór '}' weg", column
    if at in ("", "\r", "#") or english in ("Unclosed inline table", "Invalid initial character for a key part"):
        return (
            _TOML10 + "een tabel tussen { } over meer regels (of met een opmerking erin); zet de hele tabel "
            "op één regel, zonder komma na het laatste veld, of schrijf hem als [kop] met de velden eronder",
            column,
        )
    return None


def _toml11_problem(english: str, line_text: str, column: int) -> tuple[str, int] | None:
    """For an error at a form only TOML 1.1 allows: a Dutch message that says how to write it, and its column."""
    if english == "Unescaped '\\' in a string":
        return _escape_problem(line_text)
    time = _SHORT_TIME_VALUE.search(line_text)
    if time is not None and english.startswith(("Expected", "Unclosed array", "Invalid value")):
        value = time.group(1)
        return _TOML10 + f"een tijd zonder seconden ({value}); schrijf de seconden erbij: {value}:00", time.start(1) + 1
    return _inline_table_problem(english, line_text, column)


def toml_syntax_problem(file: str, error: tomllib.TOMLDecodeError, text: str) -> Problem:
    """Translate a ``tomllib`` error into a Dutch problem with line and column."""
    raw = str(error)
    match = _POSITION.match(raw)
    english = match.group("msg") if match else raw
    if match and match.group("line"):
        line, column = int(match.group("line")), int(match.group("col"))
    else:
        line = text.count("\n") + 1
        column = len(text) - (text.rfind("\n") + 1) + 1
    message: str | None
    lines = text.splitlines()
    toml11 = _toml11_problem(english, lines[line - 1], column) if 0 < line <= len(lines) else None
    if toml11 is not None:
        return Problem(file=file, line=line, column=toml11[1], message=toml11[0])
    date = _date_problem(lines[line - 1]) if 0 < line <= len(lines) else None
    if date is not None and (english.startswith("Expected") or english == "Invalid date or datetime"):
        return Problem(file=file, line=line, column=date[1], message=f"TOML-fout: {date[0]}")
    if english == "Illegal character '\\n'":
        message = "de tekst loopt door tot het einde van de regel: ontbreekt het afsluitende aanhalingsteken?"
    else:
        message = _TOML_MESSAGES.get(english)
    if message is None:
        message = next((dutch for prefix, dutch in _TOML_PREFIXES if english.startswith(prefix)), None)
    if message is None:
        message = f"ongeldige TOML ({english})"
    return Problem(file=file, line=line, column=column, message=f"TOML-fout: {message}")


def validation_problems(file: str, error: ValidationError, text: str | None) -> list[Problem]:
    """Translate validation errors (models/schema.py) into Dutch problems, located in the source text when possible."""
    positions = scan(text) if text is not None else None
    return [
        located(file, text, _clean_loc(detail["loc"]), dutch_validation_message(detail), positions)
        for detail in error.errors(include_url=False)
    ]


def located(
    file: str,
    text: str | None,
    loc: Sequence[str | int],
    message: str,
    positions: ScanResult | None = None,
) -> Problem:
    """A problem at a TOML path, with line and column when the text shows where it is.

    Pass ``positions`` when locating many problems in one text, so it is scanned once.
    """
    if positions is None and text is not None:
        positions = scan(text)
    where = positions.locate(loc) if positions else None
    return Problem(
        file=file,
        line=where[0] if where else None,
        column=where[1] if where else None,
        path=format_path(loc) or None,
        message=message,
    )


def _clean_loc(loc: Sequence[Any]) -> tuple[str | int, ...]:
    """Drop internal steps (key markers, validator names) from a location."""
    cleaned: list[str | int] = []
    for part in loc:
        if isinstance(part, str) and (part.startswith("function-") or part in {"[key]"}):
            continue
        cleaned.append(part)
    return tuple(cleaned)


def _shown(value: object) -> str:
    if isinstance(value, dt.date | dt.time):  # as written in the file, not Python's datetime.datetime(…)
        text = value.isoformat()
    else:
        text = repr(value) if not isinstance(value, str) else f'"{value}"'
    return text if len(text) <= 40 else text[:37] + "…"


def _allowed_values(ctx: dict[str, Any]) -> str:
    return str(ctx.get("expected", "")).replace(" or ", ", ").replace("'", "")


_VALIDATION_MESSAGES: dict[str, Callable[[str, dict[str, Any]], str]] = {
    "missing": lambda got, ctx: "verplicht veld ontbreekt",
    "string_type": lambda got, ctx: f"verwacht tekst tussen aanhalingstekens, niet {got}",
    "int_type": lambda got, ctx: f"verwacht een geheel getal (zoals 34), niet {got}",
    "int_parsing": lambda got, ctx: f"verwacht een geheel getal (zoals 34), niet {got}",
    "int_from_float": lambda got, ctx: f"verwacht een geheel getal (zoals 34), niet {got}",
    "float_type": lambda got, ctx: f"verwacht een getal (zoals 1250 of 12.5), niet {got}",
    "float_parsing": lambda got, ctx: f"verwacht een getal (zoals 1250 of 12.5), niet {got}",
    "bool_type": lambda got, ctx: f"verwacht true of false, niet {got}",
    "literal_error": lambda got, ctx: f"ongeldige waarde {got}; toegestaan: {_allowed_values(ctx)}",
    "list_type": lambda got, ctx: f'verwacht een lijst tussen [ ], zoals ["a", "b"], niet {got}',
    "dict_type": lambda got, ctx: f"verwacht een tabel (een [kop] met velden eronder), niet {got}",
    "model_type": lambda got, ctx: f"verwacht een tabel (een [kop] met velden eronder), niet {got}",
    "greater_than_equal": lambda got, ctx: f"moet minstens {ctx.get('ge')} zijn, niet {got}",
    "greater_than": lambda got, ctx: f"moet groter zijn dan {ctx.get('gt')}, niet {got}",
    "less_than_equal": lambda got, ctx: f"mag hoogstens {ctx.get('le')} zijn, niet {got}",
    "string_too_short": lambda got, ctx: "mag niet leeg zijn",
    "too_short": lambda got, ctx: f"te weinig items: minstens {ctx.get('min_length')}",
    "too_long": lambda got, ctx: f"te veel items: hoogstens {ctx.get('max_length')}",
    "string_pattern_mismatch": lambda got, ctx: f"ongeldige code {got}; gebruik letters, cijfers en '-' zonder spaties",
    "extra_forbidden": lambda got, ctx: "onbekend veld",
}


def dutch_validation_message(detail: ErrorDetails) -> str:
    """One validation error as a Dutch sentence that says what is allowed."""
    kind = detail["type"]
    ctx: dict[str, Any] = dict(detail.get("ctx") or {})
    got = _shown(detail.get("input"))
    if kind == "value_error":
        return str(ctx.get("error", detail["msg"]))
    if kind.startswith("date"):
        if isinstance(detail.get("input"), dt.datetime):
            return f"verwacht een datum zonder tijd, zoals 2026-12-01, niet {got} (een datum met een tijd)"
        if isinstance(detail.get("input"), dt.time):
            return f"verwacht een datum zoals 2026-12-01, niet {got} (een tijd)"
        return f"verwacht een datum zonder aanhalingstekens, zoals 2026-12-01, niet {got}"
    message = _VALIDATION_MESSAGES.get(kind)
    if message is None:
        return f"ongeldige waarde {got} ({detail['msg']})"
    return message(got, ctx)
