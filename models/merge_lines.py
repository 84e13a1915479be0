"""Three-way merge of sequences: the lines of a text, or the items of a list (``deelnemers``, ``afspraken``).

The classic diff3 way, on :mod:`difflib` (standard library, so nothing to install and no licence to
track; the structured-merge libraries compared in ``shared/reference/merge-and-office-libraries.md`` do
not merge texts line by line). Each side is matched against the base; where both sides keep a base
line unchanged, the sequences are in step. Between two such lines, a stretch changed on one side only
takes that side; a stretch changed on both sides the same way is taken once; changed on both sides
differently is a conflict. So two changes merge when at least one unchanged line lies between them,
and changes that touch (the same line, neighbouring lines, or an insert at the same place) do not.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from difflib import SequenceMatcher
from typing import TypeVar

T = TypeVar("T", bound=Hashable)

Region = tuple[int, int, int, int, int, int]
"""A stretch all three have in common: base start and end, ours start and end, theirs start and end."""


def _in_step(base: Sequence[T], ours: Sequence[T], theirs: Sequence[T]) -> list[Region]:
    """The stretches of ``base`` that both sides kept as they were, ending with an empty one at the end."""
    # autojunk off: it would ignore lines that occur often (blank lines, "-" items) in long texts.
    ours_blocks = SequenceMatcher(None, base, ours, autojunk=False).get_matching_blocks()
    theirs_blocks = SequenceMatcher(None, base, theirs, autojunk=False).get_matching_blocks()
    regions: list[Region] = []
    o = t = 0
    while o < len(ours_blocks) and t < len(theirs_blocks):
        o_base, o_side, o_length = ours_blocks[o]
        t_base, t_side, t_length = theirs_blocks[t]
        start, end = max(o_base, t_base), min(o_base + o_length, t_base + t_length)
        if start < end:
            o_start = o_side + start - o_base
            t_start = t_side + start - t_base
            regions.append((start, end, o_start, o_start + end - start, t_start, t_start + end - start))
        if o_base + o_length < t_base + t_length:
            o += 1
        else:
            t += 1
    regions.append((len(base), len(base), len(ours), len(ours), len(theirs), len(theirs)))
    return regions


def merge_sequences(base: Sequence[T], ours: Sequence[T], theirs: Sequence[T]) -> list[T] | None:
    """The three-way merge of the sequences; None when the sides changed the same stretch differently."""
    merged: list[T] = []
    b = o = t = 0
    for b_start, b_end, o_start, o_end, t_start, t_end in _in_step(base, ours, theirs):
        was, mine, other = base[b:b_start], ours[o:o_start], theirs[t:t_start]
        if other in (mine, was):
            merged.extend(mine)
        elif mine == was:
            merged.extend(other)
        else:
            return None
        merged.extend(base[b_start:b_end])
        b, o, t = b_end, o_end, t_end
    return merged


def merge_text(base: str, ours: str, theirs: str) -> str | None:
    """The line-by-line three-way merge of a text; None when changes touch (see the module's docstring)."""
    merged = merge_sequences(base.split("\n"), ours.split("\n"), theirs.split("\n"))
    return None if merged is None else "\n".join(merged)
