"""Where the organisation stands on the three level models, and how that changed over time.

The models: the mental-health ladder (seed 002), the three practice levels of integral policy
(seed 004) and the DI typology A–D (seed 003). Each choice is kept with its date in ``niveaus``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal, get_args

from models.content import Content
from models.content_items import DescribedLevel, LadderLevel
from models.workbook import DiType, LadderLevelId, LevelChoice, PracticeLevelId, Workbook

LevelModel = Literal["mentale_ladder", "praktijkniveau", "di_typologie"]
LEVEL_MODELS: tuple[LevelModel, ...] = ("mentale_ladder", "praktijkniveau", "di_typologie")
MODEL_TITLES: dict[LevelModel, str] = {
    "mentale_ladder": "Mentale gezondheidsladder",
    "praktijkniveau": "Praktijkniveau integraal beleid",
    "di_typologie": "DI-typologie",
}
SHORT_TITLES: dict[LevelModel, str] = {
    "mentale_ladder": "Mentale ladder",
    "praktijkniveau": "Praktijkniveau",
    "di_typologie": "DI-typologie",
}
ALLOWED: dict[LevelModel, tuple[str, ...]] = {
    "mentale_ladder": get_args(LadderLevelId),
    "praktijkniveau": get_args(PracticeLevelId),
    "di_typologie": get_args(DiType),
}
"""The ids the file format allows; a content test keeps them equal to ``content/niveaus.toml``."""


def levels_of(content: Content, model: LevelModel) -> tuple[LadderLevel | DescribedLevel, ...]:
    """The levels of one model, lowest first."""
    if model == "mentale_ladder":
        return content.ladder
    return content.practice_levels if model == "praktijkniveau" else content.di_types


def level_by_id(content: Content, model: LevelModel, level_id: str) -> LadderLevel | DescribedLevel | None:
    return next((level for level in levels_of(content, model) if level.id == level_id), None)


def _latest(workbook: Workbook) -> LevelChoice | None:
    return max(workbook.niveaus, key=lambda choice: choice.datum, default=None)


@dataclass(frozen=True)
class CurrentLevel:
    """A model's level as it stands now, and since when."""

    model: LevelModel
    level_id: str | None
    since: dt.date | None


def current_levels(workbook: Workbook) -> dict[LevelModel, CurrentLevel]:
    """Per model the level of the latest entry, and the date it first had that level in a row."""
    ordered = sorted(workbook.niveaus, key=lambda choice: choice.datum)
    result: dict[LevelModel, CurrentLevel] = {}
    for model in LEVEL_MODELS:
        level_id: str | None = None
        since: dt.date | None = None
        for choice in ordered:
            value = getattr(choice, model)
            if value != level_id:
                level_id, since = value, choice.datum
        result[model] = CurrentLevel(model, level_id, since if level_id else None)
    return result


def level_history(workbook: Workbook, model: LevelModel) -> list[tuple[dt.date, str | None]]:
    """Each change of one model's level: (date, level id), oldest first."""
    changes: list[tuple[dt.date, str | None]] = []
    for choice in sorted(workbook.niveaus, key=lambda c: c.datum):
        value = getattr(choice, model)
        if (changes[-1][1] if changes else None) != value:
            changes.append((choice.datum, value))
    return changes


def with_level(workbook: Workbook, model: LevelModel, level_id: str | None, today: dt.date) -> Workbook:
    """Set one model's level as of ``today``: today's entry is updated, else a new one carries the rest over."""
    if level_id is not None and level_id not in ALLOWED[model]:
        raise ValueError(f"onbekend niveau '{level_id}'; toegestaan: {', '.join(ALLOWED[model])}")
    latest = _latest(workbook)
    if latest is not None and getattr(latest, model) == level_id:
        return workbook
    if latest is not None and latest.datum == today:
        updated = latest.model_copy(update={model: level_id})
        others = [choice for choice in workbook.niveaus if choice is not latest]
    else:
        carried = {name: getattr(latest, name) for name in LEVEL_MODELS} if latest else {}
        updated = LevelChoice.model_validate({"datum": today, **carried, model: level_id})
        others = list(workbook.niveaus)
    return workbook.model_copy(update={"niveaus": sorted([*others, updated], key=lambda c: c.datum)})


def with_latest_note(workbook: Workbook, note: str | None) -> Workbook:
    """Set (or with blank text clear) the note of the latest level entry; unchanged without entries."""
    latest = _latest(workbook)
    if latest is None:
        return workbook
    cleaned = note.strip() if note and note.strip() else None
    updated = latest.model_copy(update={"notitie": cleaned})
    others = [choice for choice in workbook.niveaus if choice is not latest]
    return workbook.model_copy(update={"niveaus": sorted([*others, updated], key=lambda c: c.datum)})


def latest_note(workbook: Workbook) -> tuple[dt.date, str] | None:
    """The note of the latest level entry, with its date."""
    latest = _latest(workbook)
    return (latest.datum, latest.notitie) if latest is not None and latest.notitie else None
