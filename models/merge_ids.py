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

An action is followed by what it is, not only by its id: a side on which action A21 (of the base) now
has another id, while A21 there is a different action, renumbered it in an earlier merge. That is
recognised (same title, and at least half of the other fields as in the base), so when the branch whose
actions were renumbered is merged again, its edits of "A21" go to that action under its new number and
never to the other side's A21. Either side's id for an action wins when only that side changed it.

What a side wrote about an action whose id changes follows: every text that side added or changed (a
log entry's "(A21)", an action's ``bron``, a checklist note) gets the new id, as a whole word, so A210
and BA21 stay as they are. Text that side did not touch is left alone: it was written before those
actions existed, so an "A23" in it means something else (a motorway, a sheet of paper).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from models.canonical import action_sort_key
from models.workbook import action_number

Entries = dict[str, dict[str, Any]]
"""Entries of a section by their identity (actions: by the id they have in the base, or a new one)."""

SIMILAR = 0.5
"""The share of an action's fields (besides its id) that must be as in the base to count as the same action
under another id (besides the same title)."""


@dataclass(frozen=True)
class Renumbered:
    """An action that has another id after the merge."""

    old: str
    new: str
    titel: str
    side: str = "hun"
    """Whose id changed: ``hun`` (their new action gave way), or ``ons`` (their earlier renumbering is taken)."""


@dataclass(frozen=True)
class ActionIds:
    """The actions of the three versions by identity, and the id each identity has after the merge."""

    base: Entries
    ours: Entries
    theirs: Entries
    final: dict[str, str]
    """Identity → id in the merged workbook."""
    ours_map: dict[str, str]
    """Our ids that change (old → new), for the references in what we wrote."""
    theirs_map: dict[str, str]
    """Their ids that change (old → new), for the references in what they wrote."""
    counter: int
    """The highest number ever given, on either side, after the renumbering."""
    renumbered: list[Renumbered]


def last_number(document: Mapping[str, Any]) -> int:
    """The highest action number ever given in a parsed workbook: its counter or its highest action."""
    counter = document.get("laatste_actie")
    highest = max(
        (n for action in document.get("acties", []) if (n := action_number(str(action.get("id", "")))) is not None),
        default=0,
    )
    return max(counter if isinstance(counter, int) and not isinstance(counter, bool) else 0, highest)


def _same_action(now: Mapping[str, Any], was: Mapping[str, Any]) -> bool:
    """``now`` is ``was`` (perhaps edited, perhaps under another id): same title, most other fields alike."""
    if now.get("titel") != was.get("titel"):
        return False
    keys = (now.keys() | was.keys()) - {"id"}
    alike = sum(1 for key in keys if now.get(key) == was.get(key))
    return alike >= SIMILAR * len(keys)


def _identities(base: Entries, entries: Sequence[dict[str, Any]], tag: str) -> Entries:
    """A side's actions keyed by identity: the base's id, also for an action the side renumbered."""
    side = {str(entry.get("id")): entry for entry in entries}
    new = [key for key in side if key not in base]
    renamed: dict[str, str] = {}  # base id → the id this side gave it
    for key, was in base.items():
        now = side.get(key)
        if now is not None and now.get("titel") == was.get("titel"):
            continue  # the usual case: the same action, same id
        found = [j for j in new if j not in renamed.values() and _same_action(side[j], was)]
        if len(found) == 1 and (now is None or not _same_action(now, was)):
            renamed[key] = found[0]
    if not renamed:
        return side
    moved = set(renamed.values())
    keyed = {(f"{key}@{tag}" if key in renamed else key): entry for key, entry in side.items() if key not in moved}
    keyed.update((key, side[new_id]) for key, new_id in renamed.items())
    return keyed


def _numbered(action_id: str, shift: int, base_last: int) -> str:
    number = action_number(action_id)
    return f"A{number + shift}" if number is not None and number > base_last and shift else action_id


def plan_action_ids(
    base: Sequence[dict[str, Any]],
    ours: Sequence[dict[str, Any]],
    theirs: Sequence[dict[str, Any]],
    counters: tuple[int, int, int],
) -> ActionIds:
    """The actions by identity and the ids after the merge (see the module's docstring).

    ``counters``: the highest number ever given in the base, ours and theirs (:func:`last_number`).
    """
    base_last, ours_last, theirs_last = counters
    base_keyed = {str(entry.get("id")): entry for entry in base}
    ours_keyed = _identities(base_keyed, ours, "ons")
    theirs_keyed = _identities(base_keyed, theirs, "hun")
    for key in [k for k in theirs_keyed if k not in base_keyed and k in ours_keyed]:
        if ours_keyed[key] != theirs_keyed[key]:  # both added this id, each a different action
            theirs_keyed[f"{key}@hun"] = theirs_keyed.pop(key)
    shift = max(ours_last - base_last, 0)
    final: dict[str, str] = {}
    theirs_owned: list[str] = []
    for key in [*ours_keyed, *(k for k in theirs_keyed if k not in ours_keyed)]:
        mine, other = ours_keyed.get(key), theirs_keyed.get(key)
        ours_id = str(mine["id"]) if mine is not None else None
        theirs_id = str(other["id"]) if other is not None else None
        if ours_id is not None and (theirs_id is None or ours_id != key or theirs_id == key):
            final[key] = ours_id  # ours, unless only their side gave this action another id
        else:
            final[key] = _numbered(str(theirs_id), shift, base_last)
            theirs_owned.append(key)
    taken = {final[key] for key in final if key not in theirs_owned}
    highest = max(ours_last, theirs_last + shift if theirs_last > base_last else theirs_last)
    for key in theirs_owned:  # what still collides: a hand-made id, or a number at or below the base's
        if final[key] in taken:
            final[key] = _free(final[key], taken, highest)
            highest = max(highest, action_number(final[key]) or 0)
        taken.add(final[key])
    highest = max(highest, *(action_number(i) or 0 for i in final.values())) if final else highest
    ours_map = {key_id(ours_keyed[k]): final[k] for k in ours_keyed if key_id(ours_keyed[k]) != final[k]}
    theirs_map = {key_id(theirs_keyed[k]): final[k] for k in theirs_keyed if key_id(theirs_keyed[k]) != final[k]}
    renumbered = [
        Renumbered(key_id(theirs_keyed[k]), final[k], str(theirs_keyed[k].get("titel", "")), "hun")
        for k in theirs_owned
        if key_id(theirs_keyed[k]) != final[k]
    ]
    renumbered += [
        Renumbered(key_id(ours_keyed[k]), final[k], str(ours_keyed[k].get("titel", "")), "ons")
        for k in ours_keyed
        if key_id(ours_keyed[k]) != final[k]
    ]
    renumbered.sort(key=lambda moved: (moved.side != "hun", action_sort_key(moved.old)))
    return ActionIds(base_keyed, ours_keyed, theirs_keyed, final, ours_map, theirs_map, highest, renumbered)


def key_id(entry: Mapping[str, Any]) -> str:
    """The id an action has in its own version."""
    return str(entry.get("id"))


def _free(action_id: str, taken: set[str], highest: int) -> str:
    if action_number(action_id) is not None:
        return f"A{highest + 1}"
    suffix = 2
    while f"{action_id}-{suffix}" in taken:
        suffix += 1
    return f"{action_id}-{suffix}"


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
    """``value`` (one side's) with ``rewrite`` applied to every text that differs from ``base`` there.

    Tables are followed key by key; in a list, an item the base list also has is left alone.
    """
    if value == base:
        return value  # unchanged (the usual case for a whole action): nothing to follow
    if isinstance(value, str):
        return rewrite(value)
    if isinstance(value, dict):
        before = base if isinstance(base, dict) else {}
        return {key: rewrite_changed(item, before.get(key), rewrite) for key, item in value.items()}
    if isinstance(value, list):
        before_items = base if isinstance(base, list) else []
        return [item if item in before_items else rewrite_changed(item, None, rewrite) for item in value]
    return value
