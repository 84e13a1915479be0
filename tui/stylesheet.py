"""A stylesheet that parses each piece of CSS once per process, not once per screen.

Textual keeps parsed rules in a small cache per stylesheet object (64 entries) and builds a fresh
stylesheet object, without that cache, at every re-parse: at start-up (twice: the theme is set) and
whenever a screen brings widgets with CSS of their own. Each time it tokenised all of the app's CSS
again, some 55 ms per new screen. Here the parsed rules are kept for the whole process, keyed by the
CSS text, where it came from and the theme's variables (the rules hold the variables' values), so a
re-parse only parses what is new. Parsed rules are not changed after parsing (Textual's own cache
shares them the same way).

The rules parsed at start-up are also kept on disk (:func:`save_parsed`, beside the app's state), so the
next start reads them (3 ms) instead of tokenising the app's CSS (13 ms, measured in a pseudo-terminal). The
file is named after the Python and the installed Textual it was made with, holds only rules used by the
last run, and is only a cache: unreadable, it is ignored and written anew.

Textual is pinned exactly (pyproject.toml); ``reparse`` and ``copy`` follow its 8.2.8 code.
"""

from __future__ import annotations

import sys
import zlib
from pathlib import Path
from typing import ClassVar

import textual.css.model
from textual.css.model import RuleSet
from textual.css.stylesheet import Stylesheet
from textual.css.types import CSSLocation

from models.cache_file import read_cache, write_cache
from models.settings import state_path


class SharedParseStylesheet(Stylesheet):
    """Textual's stylesheet with one cache of parsed rules for all its copies in this process."""

    _parsed: ClassVar[dict[tuple[object, ...], list[RuleSet]]] = {}
    _used: ClassVar[set[tuple[object, ...]]] = set()
    """Keys looked up in this process: what the next start will need, and all that is saved."""
    _saved: ClassVar[frozenset[tuple[object, ...]] | None] = None
    """Keys read from the disk cache (None: not read yet)."""

    def __init__(self, *, variables: dict[str, str] | None = None) -> None:
        super().__init__(variables=variables)
        self._variables_key: tuple[tuple[str, str], ...] | None = None

    def set_variables(self, variables: dict[str, str]) -> None:
        super().set_variables(variables)
        self._variables_key = None

    def _parse_rules(
        self,
        css: str,
        read_from: CSSLocation,
        is_default_rules: bool = False,
        tie_breaker: int = 0,
        scope: str = "",
    ) -> list[RuleSet]:
        if self._variables_key is None:
            self._variables_key = tuple(sorted(self._variables.items()))
        key = (css, read_from, is_default_rules, tie_breaker, scope, self._variables_key)
        if SharedParseStylesheet._saved is None:
            _read_saved()
        self._used.add(key)
        rules = self._parsed.get(key)
        if rules is None:
            rules = super()._parse_rules(css, read_from, is_default_rules, tie_breaker, scope)
            self._parsed[key] = rules
        return rules

    def copy(self) -> SharedParseStylesheet:
        stylesheet = SharedParseStylesheet(variables=self._variables.copy())
        stylesheet.source = self.source.copy()
        return stylesheet

    def reparse(self) -> None:
        """As Textual's: parse into a fresh stylesheet (so an error leaves this one intact), then take it."""
        stylesheet = SharedParseStylesheet(variables=self._variables)
        for read_from, (css, is_defaults, tie_breaker, scope) in self.source.items():
            stylesheet.add_source(
                css, read_from=read_from, is_default_css=is_defaults, tie_breaker=tie_breaker, scope=scope
            )
        try:
            stylesheet.parse()
        except Exception:
            self._invalid_css.update(stylesheet._invalid_css)
            raise
        self._rules = stylesheet.rules
        self._rules_map = None
        self.source = stylesheet.source
        self._require_parse = False


def _cache_file() -> Path:
    """The disk cache for this Python and this installed Textual (its path and the stamp of its CSS model)."""
    textual_file = textual.css.model.__file__
    made_by = f"{sys.version}|{textual_file}|{Path(textual_file).stat().st_mtime_ns}"
    return state_path().parent / f"css-{zlib.crc32(made_by.encode()):08x}.pickle"


def _read_saved() -> None:
    saved = read_cache(_cache_file())  # a missing, broken or foreign file reads as None: parsed anew
    if isinstance(saved, dict):
        SharedParseStylesheet._parsed.update(saved)
        SharedParseStylesheet._saved = frozenset(saved)
    else:
        SharedParseStylesheet._saved = frozenset()


def save_parsed() -> None:
    """Keep the rules this run used for the next start, when they differ from what it read (atomic write)."""
    used = frozenset(SharedParseStylesheet._used)
    if not used or used == SharedParseStylesheet._saved:
        return
    parsed = SharedParseStylesheet._parsed
    if write_cache(_cache_file(), {key: parsed[key] for key in used if key in parsed}):
        SharedParseStylesheet._saved = used
