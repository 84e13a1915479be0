"""Reference content (success factors, phases, sources) read from ``content/*.toml``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import Literal, TypeVar

from pydantic import Field, ValidationError, field_validator, model_validator

from models.dutch_messages import located, validation_problems
from models.fields import Code, ContentModel, Text
from models.problems import Problem, WorkbookError
from models.toml_file import decode_text, parse_toml, read_bytes

M = TypeVar("M", bound=ContentModel)
Level = Literal["1", "2", "3", "4"]
LEVELS: tuple[Level, ...] = ("1", "2", "3", "4")


class Source(ContentModel):
    """A seed document the content is written from."""

    bestand: Text
    titel: Text
    uitgever: Text


class Factor(ContentModel):
    """One of the ten success factors, with a scoring guide per level."""

    id: Code
    naam: Text
    label: Text
    """Short name for tight spaces such as the dashboard grid."""
    kort: Text
    beschrijving: Text
    belang: Text
    niveaus: dict[Level, Text]
    bron: Text

    @field_validator("niveaus")
    @classmethod
    def _all_levels(cls, value: dict[Level, str]) -> dict[Level, str]:
        missing = [level for level in LEVELS if level not in value]
        if missing:
            raise ValueError(f"scoringswijzer mist niveau {', '.join(missing)}; nodig: 1, 2, 3 en 4")
        return value

    def level_text(self, score: int) -> str:
        """What the company looks like at ``score`` (1–4) for this factor."""
        return self.niveaus[str(score)]  # type: ignore[index]


class ChecklistItem(ContentModel):
    """A tickable item of a phase checklist."""

    id: Code
    tekst: Text
    bron: Text


class Phase(ContentModel):
    """One of the five phases, with its steps and checklist."""

    id: Code
    naam: Text
    label: Text
    """Short name for tight spaces such as the dashboard grid."""
    kort: Text
    doel: Text
    stappen: list[Text] = Field(min_length=1)
    checklist: list[ChecklistItem] = Field(min_length=5, max_length=8)
    bron: Text

    @model_validator(mode="after")
    def _unique_items(self) -> Phase:
        ids = [item.id for item in self.checklist]
        doubles = sorted({i for i in ids if ids.count(i) > 1})
        if doubles:
            raise ValueError(f"checklist-id komt dubbel voor: {', '.join(doubles)}")
        return self


class FactorFile(ContentModel):
    schaal: dict[Level, Text]
    succesfactoren: list[Factor] = Field(min_length=1)


class PhaseFile(ContentModel):
    fasen: list[Phase] = Field(min_length=1)


class SourceFile(ContentModel):
    bronnen: list[Source] = Field(min_length=1)


@dataclass(frozen=True)
class Content:
    """All reference content, with lookups by id in file order."""

    scale: dict[Level, str]
    factors: tuple[Factor, ...]
    phases: tuple[Phase, ...]
    sources: tuple[Source, ...]

    @cached_property
    def factor_by_id(self) -> dict[str, Factor]:
        return {factor.id: factor for factor in self.factors}

    @cached_property
    def phase_by_id(self) -> dict[str, Phase]:
        return {phase.id: phase for phase in self.phases}

    @cached_property
    def factor_order(self) -> dict[str, int]:
        return {factor.id: index for index, factor in enumerate(self.factors)}

    @cached_property
    def phase_order(self) -> dict[str, int]:
        return {phase.id: index for index, phase in enumerate(self.phases)}

    @cached_property
    def checklist_order(self) -> dict[str, dict[str, int]]:
        return {phase.id: {item.id: index for index, item in enumerate(phase.checklist)} for phase in self.phases}

    def scale_label(self, score: int) -> str:
        return self.scale[str(score)]  # type: ignore[index]


def content_folder() -> Path:
    """The ``content`` package folder: installed next to ``models``, in a checkout and in a wheel."""
    return Path(__file__).resolve().parent.parent / "content"


def _validated(model: type[M], path: Path) -> tuple[M, str]:
    text = decode_text(str(path), read_bytes(path))
    data = parse_toml(str(path), text)
    try:
        return model.model_validate(data), text
    except ValidationError as error:
        raise WorkbookError(validation_problems(str(path), error, text)) from None


def _check_sources(
    path: Path, text: str, items: list[tuple[tuple[str | int, ...], str]], known: set[str]
) -> list[Problem]:
    problems = []
    for loc, bron in items:
        named = [part.split(",")[0].strip() for part in bron.split(";")]
        unknown = [name for name in named if name not in known]
        if unknown:
            problems.append(
                located(
                    str(path),
                    text,
                    (*loc, "bron"),
                    f"bron noemt onbekend bestand {', '.join(unknown)}; bekend: {', '.join(sorted(known))}",
                )
            )
    return problems


def _check_unique(path: Path, text: str, kind: str, ids: list[str], array: str) -> list[Problem]:
    seen: dict[str, int] = {}
    problems = []
    for index, item_id in enumerate(ids):
        if item_id in seen:
            problems.append(
                located(
                    str(path),
                    text,
                    (array, index, "id"),
                    f"{kind}-id '{item_id}' komt al voor bij {array}[{seen[item_id] + 1}]; ids moeten uniek zijn",
                )
            )
        seen.setdefault(item_id, index)
    return problems


def load_content(folder: Path | None = None) -> Content:
    """Read and validate every content file; raises :class:`WorkbookError` with all problems."""
    base = folder or content_folder()
    factor_path, phase_path = base / "succesfactoren.toml", base / "fasen.toml"
    sources, _ = _validated(SourceFile, base / "bronnen.toml")
    factors, factor_text = _validated(FactorFile, factor_path)
    phases, phase_text = _validated(PhaseFile, phase_path)
    known = {source.bestand for source in sources.bronnen}
    problems: list[Problem] = []
    problems += _check_unique(
        factor_path, factor_text, "succesfactor", [f.id for f in factors.succesfactoren], "succesfactoren"
    )
    problems += _check_unique(phase_path, phase_text, "fase", [p.id for p in phases.fasen], "fasen")
    problems += _check_sources(
        factor_path, factor_text, [(("succesfactoren", i), f.bron) for i, f in enumerate(factors.succesfactoren)], known
    )
    phase_sources: list[tuple[tuple[str | int, ...], str]] = []
    for i, phase in enumerate(phases.fasen):
        phase_sources.append((("fasen", i), phase.bron))
        phase_sources += [(("fasen", i, "checklist", j), item.bron) for j, item in enumerate(phase.checklist)]
    problems += _check_sources(phase_path, phase_text, phase_sources, known)
    if problems:
        raise WorkbookError(problems)
    return Content(
        scale=factors.schaal,
        factors=tuple(factors.succesfactoren),
        phases=tuple(phases.fasen),
        sources=tuple(sources.bronnen),
    )


@cache
def default_content() -> Content:
    """The content shipped with the app, read once per process."""
    return load_content()
