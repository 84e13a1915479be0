"""Shared field types and the base model for everything read from TOML."""

from __future__ import annotations

from typing import Annotated

from models.schema import AfterValidator, BaseModel, ConfigDict, StringConstraints


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("mag niet leeg zijn of alleen spaties bevatten")
    return value


Text = Annotated[str, AfterValidator(_not_blank)]
"""Text that must say something: not empty, not only spaces."""

Code = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")]
"""A stable id: letters, digits, '-', '_' and '.', no spaces."""


class FileModel(BaseModel):
    """Base for workbook tables: strict TOML types, and unknown keys kept so a save loses nothing.

    Immutable: a change makes a new object (``model_copy(update=...)``), so every earlier state stays
    intact for undo, and a save in the background never sees a half-made edit.
    """

    model_config = ConfigDict(extra="allow", strict=True, frozen=True)


class ContentModel(BaseModel):
    """Base for reference content: strict, immutable, and no unknown keys (typos are errors).

    Validators are built on first use, so content read later (the library) costs nothing at start-up.
    """

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, defer_build=True)
