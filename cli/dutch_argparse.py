"""argparse in Dutch: the parser every ``werkboek`` command uses for its help and its errors.

argparse writes its own texts in English ("usage:", "options", "show this help message and exit",
"error: the following arguments are required", ...). :class:`DutchArgumentParser` gives the help
Dutch headings and turns argparse's error messages into Dutch before they are printed (to stderr,
exit status 2, as argparse does). Plain Python: the commands that use it never load Textual.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable
from typing import Any, NoReturn

USAGE_PREFIX = "gebruik: "
HELP_HELP = "toon deze hulp en stop"

_PLACEHOLDER = re.compile(r"%\((\w+)\)[sr]|%[sr]")

# argparse's messages (Python 3.11 and later), with the Dutch to show; {name} are the values argparse
# filled in, named as in argparse's own text, or p0, p1, ... for its unnamed %s.
_MESSAGES: tuple[tuple[str, str], ...] = (
    ("the following arguments are required: %s", "niet opgegeven, maar nodig: {p0}"),
    ("unrecognized arguments: %s", "niet herkend: {p0}"),
    ("invalid choice: %(value)r (choose from %(choices)s)", "ongeldige keuze {value}; kies uit {choices}"),
    ("invalid %(type)s value: %(value)r", "{value} is geen {type}"),
    ("expected one argument", "hier hoort een waarde achter"),
    ("expected at most one argument", "hier hoort hooguit één waarde achter"),
    ("expected at least one argument", "hier hoort minstens één waarde achter"),
    ("expected %s argument", "hier hoort {p0} waarde achter"),
    ("expected %s arguments", "hier horen {p0} waarden achter"),
    ("ambiguous option: %(option)s could match %(matches)s", "{option} is niet eenduidig: bedoel je {matches}?"),
    ("not allowed with argument %s", "kan niet samen met {p0}"),
    ("ignored explicit argument %r", "{p0} hoort hier niet bij"),
    ("one of the arguments %s is required", "een van deze is nodig: {p0}"),
    ("unexpected option string: %s", "onverwachte optie: {p0}"),
    ("can't open '%(filename)s': %(error)s", "kan {filename} niet openen: {error}"),
)
_TYPES = {"int": "geheel getal", "float": "getal"}
"""What argparse calls a type (the converter's name), as the Dutch error names it."""


def _pattern(english: str) -> re.Pattern[str]:
    parts: list[str] = []
    position = 0
    unnamed = 0
    for found in _PLACEHOLDER.finditer(english):
        parts.append(re.escape(english[position : found.start()]))
        name = found.group(1)
        if name is None:
            name, unnamed = f"p{unnamed}", unnamed + 1
        parts.append(f"(?P<{name}>.+?)")
        position = found.end()
    parts.append(re.escape(english[position:]))
    return re.compile("".join(parts) + r"\Z", re.DOTALL)


_TRANSLATIONS = [(_pattern(english), dutch) for english, dutch in _MESSAGES]
_ARGUMENT = re.compile(r"argument (?P<name>\S+): (?P<rest>.*)\Z", re.DOTALL)


def dutch_message(message: str) -> str:
    """argparse's English error message in Dutch (unchanged when it is not one argparse writes)."""
    argument = _ARGUMENT.match(message)
    if argument is not None:
        return f"bij {argument.group('name')}: {dutch_message(argument.group('rest'))}"
    for pattern, dutch in _TRANSLATIONS:
        found = pattern.match(message)
        if found is not None:
            values = found.groupdict()
            if "type" in values:
                values["type"] = _TYPES.get(values["type"], f"geldige waarde ({values['type']})")
            return dutch.format(**values)
    return message


class DutchHelpFormatter(argparse.HelpFormatter):
    """argparse's help layout, with "gebruik:" instead of "usage:"."""

    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, USAGE_PREFIX if prefix is None else prefix)


class DutchArgumentParser(argparse.ArgumentParser):
    """An ``ArgumentParser`` whose help and errors are Dutch; errors go to stderr with exit status 2."""

    def __init__(self, *args: Any, add_help: bool = True, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", DutchHelpFormatter)
        kwargs["add_help"] = False  # argparse's own -h says "show this help message and exit"
        super().__init__(*args, **kwargs)
        self._positionals.title = "argumenten"
        self._optionals.title = "opties"
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help=HELP_HELP)

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: fout: {dutch_message(message)}\n")
