"""A stylesheet that parses each piece of CSS once per process, not once per screen.

Textual keeps parsed rules in a small cache per stylesheet object (64 entries) and builds a fresh
stylesheet object, without that cache, at every re-parse: at start-up (twice: the theme is set) and
whenever a screen brings widgets with CSS of their own. Each time it tokenised all of the app's CSS
again, some 55 ms per new screen. Here the parsed rules are kept for the whole process, keyed by the
CSS text, where it came from and the theme's variables (the rules hold the variables' values), so a
re-parse only parses what is new. Parsed rules are not changed after parsing (Textual's own cache
shares them the same way).

Textual is pinned exactly (pyproject.toml); ``reparse`` and ``copy`` follow its 8.2.8 code.
"""

from __future__ import annotations

from typing import ClassVar

from textual.css.model import RuleSet
from textual.css.stylesheet import Stylesheet
from textual.css.types import CSSLocation


class SharedParseStylesheet(Stylesheet):
    """Textual's stylesheet with one cache of parsed rules for all its copies in this process."""

    _parsed: ClassVar[dict[tuple[object, ...], list[RuleSet]]] = {}

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
