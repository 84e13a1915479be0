"""Is this TOML text a workbook? A cheap look at its lines, without parsing it.

A workbook has an ``[organisatie]`` table (required) and usually ``schema = 1`` at the top; other TOML
files in a repository (``pyproject.toml``, a tool's settings) have neither. The look is by content,
not by file name, so ``werkboek check``, the pre-commit hook and git's diff driver leave other TOML
files alone, while a workbook that no longer parses (a conflict marker, a typo) is still recognised
and reported as a broken workbook.

A workbook is recognised by either sign, so one that lost one of them is still a workbook:

- a table header ``[organisatie]`` (also quoted, ``["organisatie"]``), or a top-level key
  ``organisatie = {...}`` or ``organisatie.naam = ...``;
- a top-level ``schema`` whose value is a whole number (``schema = 1``); a text such as
  ``schema = "https://..."`` in another tool's settings does not count.

Lines inside a multi-line string (``\"\"\"`` or ``'''``) are skipped, so a note that quotes a header
does not make a file a workbook.
"""

from __future__ import annotations

import re

_HEADER = re.compile(r"""^\s*\[\s*(?:organisatie|"organisatie"|'organisatie')\s*\]\s*(?:#.*)?$""")
_ORGANISATION_KEY = re.compile(r"""^\s*(?:organisatie|"organisatie"|'organisatie')\s*[.=]""")
_SCHEMA = re.compile(r"""^\s*(?:schema|"schema"|'schema')\s*=\s*[+]?[0-9][0-9_]*\s*(?:#.*)?$""")
_ANY_HEADER = re.compile(r"^\s*\[")
_TRIPLE = re.compile(r'"""|\'\'\'')


def looks_like_workbook(text: str) -> bool:
    """True when ``text`` has a sign of a workbook: an ``[organisatie]`` table or ``schema = N`` at the top."""
    top_level = True
    open_quote: str | None = None
    for line in text.lstrip("\ufeff").splitlines():
        starts_inside = open_quote is not None
        for found in _TRIPLE.finditer(line):
            quote = found.group()
            if open_quote is None:
                open_quote = quote
            elif quote == open_quote:
                open_quote = None
        if starts_inside:
            continue
        if _HEADER.match(line):
            return True
        if _ANY_HEADER.match(line):
            top_level = False
            continue
        if top_level and (_SCHEMA.match(line) or _ORGANISATION_KEY.match(line)):
            return True
    return False


def looks_like_workbook_bytes(data: bytes) -> bool:
    """:func:`looks_like_workbook` for a file's bytes in any encoding that keeps ASCII as ASCII."""
    return looks_like_workbook(data.decode("utf-8", errors="replace"))
