"""Finds keys a workbook keeps without knowing them: from a newer version, or a typo."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from pydantic import BaseModel

Loc = tuple[str | int, ...]


def _known_names(model: BaseModel) -> list[str]:
    return [field.alias or name for name, field in type(model).model_fields.items()]


def unknown_keys(model: BaseModel, loc: Loc = ()) -> Iterator[tuple[Loc, str]]:
    """Yield (location, Dutch note) for every unknown key, with a suggestion when it looks like a typo."""
    for key in model.model_extra or {}:
        close = difflib.get_close_matches(key, _known_names(model), n=1, cutoff=0.75)
        hint = f" Bedoel je '{close[0]}'?" if close else ""
        yield (
            (*loc, key),
            f"let op, onbekend veld: het blijft bewaard zoals het is, maar het werkboek doet er niets mee.{hint}",
        )
    for name in type(model).model_fields:
        value = getattr(model, name)
        if isinstance(value, BaseModel):
            yield from unknown_keys(value, (*loc, name))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from unknown_keys(item, (*loc, name, index))
        elif isinstance(value, dict):
            for key, item in value.items():
                if isinstance(item, BaseModel):
                    yield from unknown_keys(item, (*loc, name, key))
