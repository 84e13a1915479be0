"""All reference content, read from ``content/*.toml`` and checked across files."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import TypeVar

from models.content_checks import Known, Loc, missing_strategies, reference_errors
from models.content_items import (
    Actor,
    DescribedLevel,
    Domain,
    Factor,
    Intervention,
    LadderLevel,
    LegalItem,
    Level,
    OwnSynthesis,
    Phase,
    PolicyStep,
    Practice,
    Question,
    Source,
    Strategy,
    Tip,
)
from models.di_items import DiAction, DiAspect, DiIndicator
from models.dutch_messages import located, validation_problems
from models.fields import ContentModel, Text
from models.policy_items import Benefits, ConversationCard, CoreTask
from models.problems import Problem, WorkbookError
from models.schema import BaseModel, Field, ValidationError
from models.toml_file import decode_text, parse_toml, read_bytes
from models.toml_scan import scan

M = TypeVar("M", bound=ContentModel)


class SourceFile(ContentModel):
    bronnen: list[Source] = Field(min_length=1)


class FactorFile(ContentModel):
    schaal_bron: OwnSynthesis
    """No seed gives a scale: the four labels are our own elaboration, like the scoring guide."""
    schaal: dict[Level, Text]
    succesfactoren: list[Factor] = Field(min_length=1)


class PhaseFile(ContentModel):
    fasen: list[Phase] = Field(min_length=1)


class StrategyFile(ContentModel):
    strategieen: list[Strategy] = Field(min_length=1)


class LegalFile(ContentModel):
    wettelijk: list[LegalItem] = Field(min_length=1)


class InterventionFile(ContentModel):
    interventies: list[Intervention] = Field(min_length=1)


class PracticeFile(ContentModel):
    praktijken: list[Practice] = Field(min_length=1)


class LevelFile(ContentModel):
    mentale_ladder: list[LadderLevel] = Field(min_length=1)
    praktijkniveaus: list[DescribedLevel] = Field(min_length=1)
    di_typologie: list[DescribedLevel] = Field(min_length=1)


class PolicyFile(ContentModel):
    domeinen: list[Domain] = Field(min_length=1)
    stappen: list[PolicyStep] = Field(min_length=1)
    w_vragen: list[Question] = Field(min_length=1)
    toetsvragen: list[Question] = Field(min_length=1)
    kerntaak: CoreTask
    opbrengsten: Benefits
    or_kaart: ConversationCard


class ActorFile(ContentModel):
    actoren: list[Actor] = Field(min_length=1)


class TipFile(ContentModel):
    tips: list[Tip] = Field(min_length=1)


class DiFile(ContentModel):
    aspecten: list[DiAspect] = Field(min_length=1)
    acties: list[DiAction] = Field(default_factory=list)


DI_ASPECTS = 5
DI_INDICATORS = 31
"""What seed 003 holds: five DI aspects with 31 indicators between them (§ DI-aspecten, Tabel 10–14)."""


@dataclass(frozen=True)
class Reference:
    """The library part of the content: read on first use, not at start-up."""

    strategies: tuple[Strategy, ...]
    interventions: tuple[Intervention, ...]
    practices: tuple[Practice, ...]
    domains: tuple[Domain, ...]
    steps: tuple[PolicyStep, ...]
    w_questions: tuple[Question, ...]
    test_questions: tuple[Question, ...]
    core_task: CoreTask
    benefits: Benefits
    or_card: ConversationCard
    actors: tuple[Actor, ...]
    tips: tuple[Tip, ...]


@dataclass(frozen=True)
class Levels:
    """The three level models; small, and read on their own because the dashboard shows them."""

    ladder: tuple[LadderLevel, ...]
    practice_levels: tuple[DescribedLevel, ...]
    di_types: tuple[DescribedLevel, ...]


@dataclass(frozen=True)
class Di:
    """The DI frameworks of seed 003: aspects with their indicators, and the numbered actions and results."""

    aspects: tuple[DiAspect, ...]
    actions: tuple[DiAction, ...]

    @cached_property
    def indicators(self) -> tuple[DiIndicator, ...]:
        """Every indicator, aspect by aspect in file order."""
        return tuple(indicator for aspect in self.aspects for indicator in aspect.indicatoren)

    @cached_property
    def aspect_by_id(self) -> dict[str, DiAspect]:
        return {aspect.id: aspect for aspect in self.aspects}

    @cached_property
    def indicator_by_id(self) -> dict[str, DiIndicator]:
        return {indicator.id: indicator for indicator in self.indicators}

    @cached_property
    def aspect_of(self) -> dict[str, DiAspect]:
        """The aspect each indicator belongs to, by indicator id."""
        return {indicator.id: aspect for aspect in self.aspects for indicator in aspect.indicatoren}

    @cached_property
    def indicator_order(self) -> dict[str, int]:
        return {indicator.id: index for index, indicator in enumerate(self.indicators)}

    def actions_for(self, indicator_id: str, kind: str = "actie") -> list[DiAction]:
        """The numbered actions (or results) on one indicator, in file order."""
        return [action for action in self.actions if action.indicator == indicator_id and action.soort == kind]


@dataclass(frozen=True)
class Content:
    """All reference content, with lookups by id in file order.

    The framework (factors, phases, legal items, sources) is read and checked when loading; the
    rest (strategies, interventions, …) when first asked for, which keeps start-up short.
    """

    scale: dict[Level, str]
    factors: tuple[Factor, ...]
    phases: tuple[Phase, ...]
    sources: tuple[Source, ...]
    legal: tuple[LegalItem, ...]
    folder: Path | None = None
    """Where the rest of the content is read from."""
    scale_bron: str = ""
    """Where the scale comes from: our own elaboration on the seeds (``eigen uitwerking op basis van: …``)."""

    @cached_property
    def reference(self) -> Reference:
        """The library part; raises :class:`WorkbookError` when its files have problems."""
        if self.folder is None:
            raise WorkbookError([Problem("content", "geen map met inhoud bekend")])
        return _load_reference(self.folder, self.known)

    @property
    def strategies(self) -> tuple[Strategy, ...]:
        return self.reference.strategies

    @property
    def interventions(self) -> tuple[Intervention, ...]:
        return self.reference.interventions

    @property
    def practices(self) -> tuple[Practice, ...]:
        return self.reference.practices

    @cached_property
    def levels(self) -> Levels:
        """The level models; raises :class:`WorkbookError` when their file has problems."""
        if self.folder is None:
            raise WorkbookError([Problem("content", "geen map met inhoud bekend")])
        return _load_levels(self.folder, self.known)

    @property
    def ladder(self) -> tuple[LadderLevel, ...]:
        return self.levels.ladder

    @property
    def practice_levels(self) -> tuple[DescribedLevel, ...]:
        return self.levels.practice_levels

    @property
    def di_types(self) -> tuple[DescribedLevel, ...]:
        return self.levels.di_types

    @property
    def domains(self) -> tuple[Domain, ...]:
        return self.reference.domains

    @property
    def steps(self) -> tuple[PolicyStep, ...]:
        return self.reference.steps

    @property
    def w_questions(self) -> tuple[Question, ...]:
        return self.reference.w_questions

    @property
    def test_questions(self) -> tuple[Question, ...]:
        return self.reference.test_questions

    @property
    def core_task(self) -> CoreTask:
        return self.reference.core_task

    @property
    def benefits(self) -> Benefits:
        return self.reference.benefits

    @property
    def or_card(self) -> ConversationCard:
        return self.reference.or_card

    @property
    def actors(self) -> tuple[Actor, ...]:
        return self.reference.actors

    @property
    def tips(self) -> tuple[Tip, ...]:
        return self.reference.tips

    @cached_property
    def di(self) -> Di:
        """The DI aspects, indicators and actions of seed 003; read on first use (the DI-scan, the library)."""
        if self.folder is None:
            raise WorkbookError([Problem("content", "geen map met inhoud bekend")])
        return _load_di(self.folder, self.known)

    @cached_property
    def known(self) -> Known:
        return Known(
            factors=[factor.id for factor in self.factors],
            phases=[phase.id for phase in self.phases],
            seeds=[source.bestand for source in self.sources],
        )

    @cached_property
    def source_by_file(self) -> dict[str, Source]:
        """The seed documents by file name, which is how ``bron`` fields name them."""
        return {source.bestand: source for source in self.sources}

    @cached_property
    def factor_by_id(self) -> dict[str, Factor]:
        return {factor.id: factor for factor in self.factors}

    @cached_property
    def phase_by_id(self) -> dict[str, Phase]:
        return {phase.id: phase for phase in self.phases}

    @cached_property
    def legal_by_id(self) -> dict[str, LegalItem]:
        return {item.id: item for item in self.legal}

    @cached_property
    def factor_order(self) -> dict[str, int]:
        return {factor.id: index for index, factor in enumerate(self.factors)}

    @cached_property
    def phase_order(self) -> dict[str, int]:
        return {phase.id: index for index, phase in enumerate(self.phases)}

    @cached_property
    def legal_order(self) -> dict[str, int]:
        return {item.id: index for index, item in enumerate(self.legal)}

    @cached_property
    def checklist_order(self) -> dict[str, dict[str, int]]:
        return {phase.id: {item.id: index for index, item in enumerate(phase.checklist)} for phase in self.phases}

    def scale_label(self, score: int) -> str:
        return self.scale[str(score)]  # type: ignore[index]


def content_folder() -> Path:
    """The ``content`` package folder: installed next to ``models``, in a checkout and in a wheel."""
    return Path(__file__).resolve().parent.parent / "content"


@dataclass(frozen=True)
class _Read:
    path: Path
    text: str
    document: BaseModel


def _validated(model: type[M], path: Path) -> tuple[M, _Read]:
    text = decode_text(str(path), read_bytes(path))
    data = parse_toml(str(path), text)
    try:
        document = model.model_validate(data)
    except ValidationError as error:
        raise WorkbookError(validation_problems(str(path), error, text)) from None
    return document, _Read(path, text, document)


def _cross_checks(files: list[_Read], known: Known) -> list[Problem]:
    problems: list[Problem] = []
    for read in files:
        found = list(reference_errors(read.document, known))
        positions = scan(read.text) if found else None
        problems += [located(str(read.path), read.text, loc, message, positions) for loc, message in found]
    return problems


def _load_levels(base: Path, known: Known) -> Levels:
    levels, levels_read = _validated(LevelFile, base / "niveaus.toml")
    problems = _cross_checks([levels_read], known)
    if problems:
        raise WorkbookError(problems)
    return Levels(
        ladder=tuple(levels.mentale_ladder),
        practice_levels=tuple(levels.praktijkniveaus),
        di_types=tuple(levels.di_typologie),
    )


def _di_errors(document: DiFile) -> Iterator[tuple[Loc, str]]:
    """What a single list's check cannot see: ids across aspects, links of actions, and the seed's counts."""
    seen: dict[str, str] = {}
    for a, aspect in enumerate(document.aspecten):
        for i, indicator in enumerate(aspect.indicatoren):
            if indicator.id in seen and seen[indicator.id] != aspect.id:
                yield (
                    ("aspecten", a, "indicatoren", i, "id"),
                    f"indicator-id '{indicator.id}' staat al bij aspect '{seen[indicator.id]}'; elk id één keer",
                )
            seen.setdefault(indicator.id, aspect.id)
    aspects = {aspect.id: aspect for aspect in document.aspecten}
    for n, action in enumerate(document.acties):
        owner = aspects.get(action.aspect)
        if owner is None:
            yield ("acties", n, "aspect"), f"onbekend DI-aspect '{action.aspect}'; toegestaan: {', '.join(aspects)}"
            continue
        own = [indicator.id for indicator in owner.indicatoren]
        if action.indicator not in own:
            yield (
                ("acties", n, "indicator"),
                f"indicator '{action.indicator}' hoort niet bij aspect '{owner.id}'; daar horen: {', '.join(own)}",
            )
    count = sum(len(aspect.indicatoren) for aspect in document.aspecten)
    if len(document.aspecten) != DI_ASPECTS or count != DI_INDICATORS:
        yield (
            ("aspecten",),
            f"{len(document.aspecten)} aspecten met {count} indicatoren; seed 003 heeft er {DI_ASPECTS} "
            f"met {DI_INDICATORS}",
        )


def _load_di(base: Path, known: Known) -> Di:
    document, read = _validated(DiFile, base / "di.toml")
    problems = _cross_checks([read], known)
    found = list(_di_errors(document))
    if found:
        positions = scan(read.text)
        problems += [located(str(read.path), read.text, loc, message, positions) for loc, message in found]
    if problems:
        raise WorkbookError(problems)
    return Di(aspects=tuple(document.aspecten), actions=tuple(document.acties))


def _load_reference(base: Path, known: Known) -> Reference:
    strategies, strategies_read = _validated(StrategyFile, base / "strategieen.toml")
    interventions, interventions_read = _validated(InterventionFile, base / "interventies.toml")
    practices, practices_read = _validated(PracticeFile, base / "praktijken.toml")
    policy, policy_read = _validated(PolicyFile, base / "beleidskader.toml")
    actors, actors_read = _validated(ActorFile, base / "actoren.toml")
    tips, tips_read = _validated(TipFile, base / "tips.toml")
    every_file = [strategies_read, interventions_read, practices_read, policy_read, actors_read, tips_read]
    problems = _cross_checks(every_file, known)
    gaps = missing_strategies(strategies.strategieen, known)
    if gaps:
        message = f"te weinig strategieën voor: {', '.join(gaps)}; elke factor heeft er per fase minstens twee nodig"
        problems.append(Problem(str(strategies_read.path), message))
    if problems:
        raise WorkbookError(problems)
    return Reference(
        strategies=tuple(strategies.strategieen),
        interventions=tuple(interventions.interventies),
        practices=tuple(practices.praktijken),
        domains=tuple(policy.domeinen),
        steps=tuple(policy.stappen),
        w_questions=tuple(policy.w_vragen),
        test_questions=tuple(policy.toetsvragen),
        core_task=policy.kerntaak,
        benefits=policy.opbrengsten,
        or_card=policy.or_kaart,
        actors=tuple(actors.actoren),
        tips=tuple(tips.tips),
    )


def load_content(folder: Path | None = None, *, complete: bool = False) -> Content:
    """Read and check the framework (and with ``complete`` the rest too); raises :class:`WorkbookError`."""
    base = folder or content_folder()
    sources, _ = _validated(SourceFile, base / "bronnen.toml")
    factors, factors_read = _validated(FactorFile, base / "succesfactoren.toml")
    phases, phases_read = _validated(PhaseFile, base / "fasen.toml")
    legal, legal_read = _validated(LegalFile, base / "wettelijk.toml")
    content = Content(
        scale=factors.schaal,
        scale_bron=factors.schaal_bron,
        factors=tuple(factors.succesfactoren),
        phases=tuple(phases.fasen),
        sources=tuple(sources.bronnen),
        legal=tuple(legal.wettelijk),
        folder=base,
    )
    problems = _cross_checks([factors_read, phases_read, legal_read], content.known)
    if problems:
        raise WorkbookError(problems)
    if complete:
        _ = content.levels, content.reference, content.di
    return content


@cache
def default_content() -> Content:
    """The content shipped with the app, read once per process."""
    return load_content()
