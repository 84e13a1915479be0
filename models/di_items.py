"""The DI frameworks of seed 003, as validated from ``content/di.toml``.

Five DI aspects (duurzame inzetbaarheid), each with its indicators; an indicator may carry the chance that
actions on it continue after the project (Tabel 17–21: ja, misschien, nee in percent of the N actions the
entrepreneurs took on it). The numbered actions and results of Tabel 10–14 refer to an aspect and an indicator by id.
Field names are the TOML keys; ids are stable, since a workbook's DI-scan refers to indicators by id.
"""

from __future__ import annotations

from typing import Annotated, Literal

from models.fields import Code, ContentModel, Text
from models.schema import Field, model_validator

DiKind = Literal["actie", "resultaat"]
"""An entry of Tabel 10–14: something a company did (``actie``) or what it achieved (``resultaat``)."""

Percent = Annotated[float, Field(ge=0, le=100)]


class DiIndicator(ContentModel):
    """One indicator of a DI aspect, with the chance of continuation where the seed gives one."""

    id: Code
    naam: Text
    uitleg: Text
    vervolg_ja: Percent | None = None
    vervolg_misschien: Percent | None = None
    vervolg_nee: Percent | None = None
    vervolg_n: Annotated[int, Field(ge=1)] | None = None
    """How many actions on the indicator the percentages rest on (N of Tabel 17–21)."""
    bron: Text

    @model_validator(mode="after")
    def _figures_together(self) -> DiIndicator:
        """The three percentages come as a set; a number of answers alone says nothing."""
        figures = (self.vervolg_ja, self.vervolg_misschien, self.vervolg_nee)
        given = [figure is not None for figure in figures]
        if any(given) and not all(given):
            raise ValueError("vervolg_ja, vervolg_misschien en vervolg_nee horen samen: geef ze alle drie of geen")
        if self.vervolg_n is not None and not any(given):
            raise ValueError("vervolg_n zonder percentages; geef ook vervolg_ja, vervolg_misschien en vervolg_nee")
        return self

    @property
    def has_continuation(self) -> bool:
        return self.vervolg_ja is not None


class DiAspect(ContentModel):
    """One of the five DI aspects, with its indicators."""

    id: Code
    naam: Text
    uitleg: Text
    bron: Text
    indicatoren: list[DiIndicator] = Field(min_length=1)


class DiAction(ContentModel):
    """A numbered action or result from Tabel 10–14, tagged by aspect and indicator."""

    id: Code
    nummer: Annotated[int, Field(ge=1)]
    soort: DiKind
    titel: Text
    aspect: Code
    indicator: Code
    bron: Text
