"""Action ids that never collide in a merge: the other side's new actions are renumbered.

Ids stay short and counted (``A21``): they are what the employer sees in the plan, and what people say
in a meeting. Two branches that each add an action both give it the next number, so the merge gives
way on one side, always the same: *theirs* (the branch being merged in). When our side gave new numbers
since the common base (it added actions, or gave numbers and deleted them again), every number their
side gave since the base is moved up by how many we gave: base A20, ours A21–A22, theirs A21 and A23
(A22 deleted there) become A23 and A25. So no number anyone gave on either side is used twice, and
the merged counter (``laatste_actie``) is the highest of both sides after the move. A new action that
both sides have exactly alike (a cherry-pick) is one action and keeps its id. An id that is not of the
``A<number>`` form and is added on both sides with different content gets ``-2`` (``-3``, …) on theirs.

What their side wrote about its own renumbered actions follows: every text their side added or changed
(a log entry's "(A21)", an action's ``bron``, a checklist note) has the old id replaced by the new one,
as a whole word, so A210 and BA21 stay as they are. Text their side did not touch is left alone: it
was written before those actions existed, so an "A23" in it means something else (a motorway, paper).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from models.workbook import action_number

Entries = dict[str, dict[str, Any]]
"""Entries of a section by their identity (actions: by id)."""


@dataclass(frozen=True)
class Renumbered:
    """One of their actions that got another id in the merge."""

    old: str
    new: str
    titel: str


def last_number(document: Mapping[str, Any]) -> int:
    """The highest action number ever given in a parsed workbook: its counter or its highest action."""
    counter = document.get("laatste_actie")
    highest = max(
        (n for action in document.get("acties", []) if (n := action_number(str(action.get("id", "")))) is not None),
        default=0,
    )
    return max(counter if isinstance(counter, int) and not isinstance(counter, bool) else 0, highest)


def renumbering(
    base: Entries, ours: Entries, theirs: Entries, counters: tuple[int, int, int]
) -> tuple[dict[str, str], int]:
    """The new id of each of their actions that needs one (old → new), and the merged counter.

    ``counters``: the highest number ever given in the base, ours and theirs (:func:`last_number`).
    """
    base_last, ours_last, theirs_last = counters
    shift = max(ours_last - base_last, 0)
    mapping: dict[str, str] = {}
    added = [key for key in theirs if key not in base]
    taken = set(ours) | {key for key in theirs if key in base}
    for key in added:
        number = action_number(key)
        if key in ours and ours[key] == theirs[key]:
            continue  # the very same new action on both sides (a cherry-pick): one action
        if number is not None and number > base_last and shift:
            mapping[key] = f"A{number + shift}"
    theirs_after = theirs_last + shift if theirs_last > base_last else theirs_last
    taken |= {mapping.get(key, key) for key in added}
    highest = max(ours_last, theirs_after)
    for key in added:  # what is left colliding: a hand-made id, or a number at or below the base's
        if key in mapping or key not in ours or ours[key] == theirs[key]:
            continue
        if action_number(key) is not None:
            highest += 1
            new = f"A{highest}"
        else:
            suffix = 2
            while f"{key}-{suffix}" in taken:
                suffix += 1
            new = f"{key}-{suffix}"
        mapping[key] = new
        taken.add(new)
    return mapping, highest


def reference_rewriter(mapping: Mapping[str, str]) -> Callable[[str], str]:
    """A function that replaces each old id in a text by its new one (whole words, all in one pass)."""
    if not mapping:
        return lambda text: text
    alternatives = "|".join(re.escape(old) for old in sorted(mapping, key=len, reverse=True))
    pattern = re.compile(rf"(?<![A-Za-z0-9_])(?:{alternatives})(?![A-Za-z0-9_])")

    def rewrite(text: str) -> str:
        return pattern.sub(lambda found: mapping[found.group()], text)

    return rewrite


def rewrite_changed(value: Any, base: Any, rewrite: Callable[[str], str]) -> Any:
    """``value`` (their side) with ``rewrite`` applied to every text that differs from ``base`` there.

    Tables are followed key by key; in a list, an item the base list also has is left alone.
    """
    if isinstance(value, str):
        return value if value == base else rewrite(value)
    if isinstance(value, dict):
        before = base if isinstance(base, dict) else {}
        return {key: rewrite_changed(item, before.get(key), rewrite) for key, item in value.items()}
    if isinstance(value, list):
        before_items = base if isinstance(base, list) else []
        return [item if item in before_items else rewrite_changed(item, None, rewrite) for item in value]
    return value
