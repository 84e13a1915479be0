"""Limits that keep a hostile or broken file from hanging, exhausting or crashing the app.

A workbook is a text file of at most a few megabytes, a handful of levels deep, with everyday
numbers. A file far outside that (a FIFO, ``/dev/zero``, 8 GB of zeros, lists nested 10,000 deep,
a number beyond what TOML allows) is refused with a Dutch message before it can do harm; what is
accepted can also be saved again, so ``werkboek check`` and a save in the app always agree.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from models.schema import BaseModel
from models.unknown_keys import Loc, unknown_keys

MAX_FILE_BYTES = 128 * 1024 * 1024
"""The largest workbook file read: 128 MB. A plan of 50,000 actions with full texts (the example's
actions repeated) is about 56 MB, so no real workbook comes near; a bigger file is refused."""
MAX_FILE_TEXT = "128 MB"
MAX_DEPTH = 32
"""Levels of lists and tables inside a value the program does not know. A workbook itself is at most
five deep (``fasen.in-kaart.notities.ID``); TOML readers refuse nesting somewhere past 80, and a save
must be able to write back what was read."""
INT_MIN = -(2**63)
INT_MAX = 2**63 - 1
"""TOML's whole numbers are 64-bit: a reader must refuse anything beyond, so the app never writes it."""


def depth_message() -> str:
    return (
        f"te diep genest: meer dan {MAX_DEPTH} lagen lijsten of tabellen in elkaar; een werkboek heeft er "
        "hoogstens een paar. Is dit bestand wel een werkboek?"
    )


def int_message(value: int) -> str:
    shown = str(value) if len(str(value)) <= 30 else f"{str(value)[:27]}…"
    return f"het getal {shown} valt buiten wat TOML toestaat: gehele getallen liggen tussen {INT_MIN} en {INT_MAX}"


def extreme_values(model: BaseModel) -> Iterator[tuple[Loc, str]]:
    """(location, Dutch message) for every value the workbook keeps without knowing it that nests too deep
    or holds a number out of TOML's range. Known fields are checked by their own types."""
    for loc, _note in unknown_keys(model):
        value = _value_at(model, loc)
        yield from _walk(value, loc)


def _value_at(model: Any, loc: Loc) -> Any:
    value = model
    for part in loc:
        if isinstance(value, BaseModel):
            extra = value.model_extra or {}
            value = extra[part] if part in extra else getattr(value, str(part))
        else:
            value = value[part]
    return value


def _walk(value: Any, loc: Loc) -> Iterator[tuple[Loc, str]]:
    """Depth-first without recursion, so a deep value cannot exhaust the stack while it is being refused."""
    stack: list[tuple[Any, Loc, int]] = [(value, loc, 1)]
    while stack:
        item, where, depth = stack.pop()
        if isinstance(item, dict | list):
            if depth > MAX_DEPTH:
                yield loc, depth_message()  # named by its key: the full path would be 33 steps long
                return
            pairs = item.items() if isinstance(item, dict) else enumerate(item)
            stack.extend((child, (*where, key), depth + 1) for key, child in reversed(list(pairs)))
        elif type(item) is int and not INT_MIN <= item <= INT_MAX:
            yield where, int_message(item)
