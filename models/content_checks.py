"""Checks across content files: unique ids per kind, references that resolve, sources that exist,
and at least two strategies for every factor in every phase."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from models.schema import BaseModel
from models.source_kinds import kind_of

Loc = tuple[str | int, ...]
Found = Iterator[tuple[Loc, str]]


@dataclass(frozen=True)
class Known:
    """The ids that references may point at."""

    factors: Sequence[str]
    phases: Sequence[str]
    seeds: Sequence[str]


def _items(model: BaseModel, loc: Loc = ()) -> Iterator[tuple[Loc, BaseModel]]:
    """Every item in the lists of ``model`` (and in their lists), with its location."""
    for name in type(model).model_fields:
        value = getattr(model, name)
        if isinstance(value, list) and value and isinstance(value[0], BaseModel):
            for index, item in enumerate(value):
                yield (*loc, name, index), item
                yield from _items(item, (*loc, name, index))


def _unknown(kind: str, value: str, allowed: Sequence[str]) -> str:
    return f"onbekende {kind} '{value}'; toegestaan: {', '.join(allowed)}"


def reference_errors(document: BaseModel, known: Known) -> Found:
    """Unknown factor, phase or seed references and doubled ids in one content file."""
    ids_per_list: dict[Loc, dict[str, int]] = {}
    for loc, item in _items(document):
        item_id = getattr(item, "id", None)
        if item_id is not None:
            seen = ids_per_list.setdefault(loc[:-1], {})
            if item_id in seen:
                yield (*loc, "id"), f"id '{item_id}' komt al voor bij item {seen[item_id] + 1} van deze lijst"
            seen.setdefault(item_id, loc[-1])  # type: ignore[arg-type]
        for index, factor_id in enumerate(getattr(item, "succesfactoren", None) or []):
            if factor_id not in known.factors:
                yield (*loc, "succesfactoren", index), _unknown("succesfactor", factor_id, known.factors)
        for index, phase_id in enumerate(getattr(item, "fasen", None) or []):
            if isinstance(phase_id, str) and phase_id not in known.phases:
                yield (*loc, "fasen", index), _unknown("fase", phase_id, known.phases)
        phase_id = getattr(item, "fase", None)
        if isinstance(phase_id, str) and phase_id not in known.phases:
            yield (*loc, "fase"), _unknown("fase", phase_id, known.phases)
        yield from _source_errors(loc, item, known)
    yield from _source_errors((), document, known)  # a source of the whole file, such as the scale's


def _source_errors(loc: Loc, item: BaseModel, known: Known) -> Found:
    """Seed files that ``bron`` and every ``…_bron`` of ``item`` name but that do not exist."""
    for field in type(item).model_fields:
        bron = getattr(item, field, None)
        if not (field == "bron" or field.endswith("_bron")) or not isinstance(bron, str):
            continue
        _kind, seeds = kind_of(bron)  # an own elaboration names the seeds it draws on after its marker
        named = [part.split(",")[0].strip() for part in seeds.split(";")]
        unknown = [name for name in named if name not in known.seeds]
        if unknown:
            yield (
                (*loc, field),
                f"bron noemt onbekend bestand {', '.join(unknown)}; bekend: {', '.join(known.seeds)}",
            )


MIN_STRATEGIES_PER_CELL = 2
"""Strategies each factor needs in each phase, so a consultant always has a choice between at least two."""


def missing_strategies(strategies: Sequence[BaseModel], known: Known) -> list[str]:
    """'factor in phase (n)' for every pair with fewer than :data:`MIN_STRATEGIES_PER_CELL` strategies.

    A strategy counts in every pair of one of its factors with one of its phases.
    """
    counts: dict[tuple[str, str], int] = {}
    for strategy in strategies:
        for factor_id in set(getattr(strategy, "succesfactoren", [])):
            for phase_id in set(getattr(strategy, "fasen", [])):
                counts[factor_id, phase_id] = counts.get((factor_id, phase_id), 0) + 1
    return [
        f"{factor_id} in {phase_id} ({counts.get((factor_id, phase_id), 0)})"
        for factor_id in known.factors
        for phase_id in known.phases
        if counts.get((factor_id, phase_id), 0) < MIN_STRATEGIES_PER_CELL
    ]
