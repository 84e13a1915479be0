"""Checking a user's keymap: every id must be a binding of the app, every key one the terminal sends.

The bindings are those of everything :mod:`screens.registry` lists: the app, every screen and dialog,
and every widget with keys. A wrong entry is reported with the id and the config file, and left out;
the rest still applies.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from pathlib import Path

from textual.binding import Binding
from textual.keys import KEY_NAME_REPLACEMENTS, Keys

from models.problems import Problem
from screens.registry import Registered, key_owners

MODIFIERS = {"ctrl", "shift", "alt", "meta", "super", "hyper"}
KEY_NAMES = {key.value for key in Keys} | set(KEY_NAME_REPLACEMENTS) | set(KEY_NAME_REPLACEMENTS.values())


def all_bindings() -> Iterator[tuple[Registered, Binding]]:
    """(owner, binding) for every binding with an id that a registered class declares itself."""
    for owner in key_owners():
        for binding in owner.load().__dict__.get("BINDINGS", []):
            if isinstance(binding, Binding) and binding.id:
                yield owner, binding


def binding_ids() -> set[str]:
    """Every id the keymap in the config file may use."""
    return {binding.id for _, binding in all_bindings() if binding.id}


def valid_key(key: str) -> bool:
    """A key as Textual names it: a character or key name, with modifiers such as ``ctrl+``."""
    *modifiers, name = key.strip().split("+")
    if any(modifier not in MODIFIERS for modifier in modifiers):
        return False
    return (len(name) == 1 and name.isprintable()) or name in KEY_NAMES or _character_name(name)


def _character_name(name: str) -> bool:
    """Textual also names a key after its character: ``question_mark`` for ``?``."""
    try:
        unicodedata.lookup(name.replace("_", " ").upper())
    except KeyError:
        return False
    return True


def checked_keymap(keymap: dict[str, str], source: Path) -> tuple[dict[str, str], list[Problem]]:
    """The entries that can be used, and a problem for each one that cannot."""
    known = binding_ids()
    usable: dict[str, str] = {}
    problems = []
    for binding_id, keys in keymap.items():
        if binding_id not in known:
            problems.append(
                Problem(str(source), f'toetsen."{binding_id}": geen toets met dit id; de hulp (?) toont de ids')
            )
            continue
        wrong = [key for key in keys.split(",") if not valid_key(key)]
        if wrong or not keys.strip():
            shown = ", ".join(f'"{key.strip()}"' for key in wrong) or '""'
            problems.append(
                Problem(
                    str(source),
                    f'toetsen."{binding_id}": {shown} is geen toets; schrijf bijvoorbeeld "a", "f5" of "ctrl+s"',
                )
            )
            continue
        usable[binding_id] = ",".join(key.strip() for key in keys.split(","))
    return usable, problems
