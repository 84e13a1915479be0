"""Finds keys a workbook keeps without knowing them: from a newer version, or a typo."""

from __future__ import annotations

import difflib
import typing
from collections.abc import Iterator

from models.schema import BaseModel

Loc = tuple[str | int, ...]


def _mentions_model(annotation: object) -> bool:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return True
    return any(_mentions_model(arg) for arg in typing.get_args(annotation))


_NESTED_FIELDS: dict[type[BaseModel], tuple[str, ...]] = {}


def _nested_fields(cls: type[BaseModel]) -> tuple[str, ...]:
    """Fields of ``cls`` that can hold models (directly, in a list or as dict values)."""
    nested = _NESTED_FIELDS.get(cls)
    if nested is None:
        cls.model_rebuild()
        nested = tuple(name for name, field in cls.model_fields.items() if _mentions_model(field.annotation))
        _NESTED_FIELDS[cls] = nested
    return nested


def unknown_keys(model: BaseModel, loc: Loc = ()) -> Iterator[tuple[Loc, str]]:
    """Yield (location, Dutch note) for every unknown key, with a suggestion when it looks like a typo."""
    for key in model.model_extra or {}:
        known = [field.alias or name for name, field in type(model).model_fields.items()]
        close = difflib.get_close_matches(key, known, n=1, cutoff=0.75)
        hint = f" Bedoel je '{close[0]}'?" if close else ""
        yield (
            (*loc, key),
            f"let op, onbekend veld: het blijft bewaard zoals het is, maar het werkboek doet er niets mee.{hint}",
        )
    for name in _nested_fields(type(model)):
        value = getattr(model, name)
        if isinstance(value, BaseModel):
            yield from unknown_keys(value, (*loc, name))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                yield from unknown_keys(item, (*loc, name, index))
        elif isinstance(value, dict):
            for key, item in value.items():
                yield from unknown_keys(item, (*loc, name, key))
