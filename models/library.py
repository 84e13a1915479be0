"""The searchable library: every piece of reference content as one kind of item.

Search is word-based, without regard to case or accents; every word must occur somewhere in the
item. Results come grouped by kind, items with the words in their title first.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

from models.content import Content, Di
from models.content_items import Actor, Intervention, LegalItem, Practice, Relevance, Strategy
from models.di_items import DiAction
from models.di_scan import CONTINUATION_MEANING, continuation_figures
from models.text_search import fold, match_spans, terms

Kind = Literal[
    "strategie", "wettelijk", "interventie", "praktijk", "di-actie", "tip", "actor", "niveau", "beleid",
    "succesfactor", "fase",
]  # fmt: skip
KIND_LABELS: dict[Kind, str] = {
    "strategie": "Strategieën",
    "wettelijk": "Wettelijk minimum",
    "interventie": "Interventies",
    "praktijk": "Goede praktijken",
    "di-actie": "DI-acties uit het mkb",
    "tip": "Tips voor de adviseur",
    "actor": "Actoren",
    "niveau": "Niveaus",
    "beleid": "Beleidskader",
    "succesfactor": "Succesfactoren",
    "fase": "Fasen",
}
"""Kinds in the order results are grouped, with their Dutch group names."""

ACTIONABLE: frozenset[Kind] = frozenset({"strategie", "wettelijk", "interventie", "praktijk", "di-actie"})
SELF_REPORTED = "Zelf gerapporteerd door wie het uitvoerde; niet wetenschappelijk bewezen."
CAUTION = "Let op bij het citeren"
"""Heading of a note on a source's figures or wording: a caution from us, not a fact from the source."""


@dataclass(frozen=True)
class Section:
    """A titled part of an item's text."""

    heading: str
    text: str


@dataclass(frozen=True, eq=False)
class LibraryItem:
    """One searchable piece of content."""

    kind: Kind
    id: str
    title: str
    sections: tuple[Section, ...]
    bron: str
    factors: tuple[str, ...] = ()
    phases: tuple[str, ...] = ()
    folded_title: str = field(init=False, repr=False)
    folded_text: str = field(init=False, repr=False)

    def __post_init__(self) -> None:
        body = " ".join(f"{section.heading} {section.text}" for section in self.sections)
        object.__setattr__(self, "folded_title", fold(self.title))
        object.__setattr__(self, "folded_text", fold(f"{self.title} {body}"))

    @property
    def key(self) -> str:
        """``kind:id``, also what an action made from it records as its ``bron``."""
        return f"{self.kind}:{self.id}"

    @property
    def actionable(self) -> bool:
        return self.kind in ACTIONABLE

    @cached_property
    def body(self) -> str:
        return "\n".join(section.text for section in self.sections)


@dataclass(frozen=True)
class Hit:
    """A search result: the item and where the words occur in its title."""

    item: LibraryItem
    title_spans: list[tuple[int, int]]


def _bullets(lines: Iterable[str]) -> str:
    return "\n".join(f"• {line}" for line in lines)


def _strategy(item: Strategy) -> LibraryItem:
    examples = _bullets(f"{example.actie} ({example.eigenaar})" for example in item.voorbeelden)
    return LibraryItem(
        "strategie",
        item.id,
        item.titel,
        (Section("Wat het inhoudt", item.uitleg), Section("Voorbeelden van acties", examples)),
        item.bron,
        tuple(item.succesfactoren),
        tuple(item.fasen),
    )


def _legal(item: LegalItem) -> LibraryItem:
    sections = [
        Section("Wat de wet vraagt", item.eis),
        Section("Voor wie", item.voor_wie),
        Section("In orde als", item.in_orde),
    ]
    sections.append(Section("Wetsartikel", item.artikel or "zie de Arbowet (artikelnummer niet nagekeken)"))
    if item.verwijzing:
        sections.append(Section("Nagekeken in", item.verwijzing))
    return LibraryItem(
        "wettelijk", item.id, item.titel, tuple(sections), item.bron, tuple(item.succesfactoren), (item.fase,)
    )


def _intervention(item: Intervention) -> LibraryItem:
    aimed = f"{item.doel}, {item.componenten}, gericht op {item.niveau}; doelgroep: {item.doelgroep}"
    return LibraryItem(
        "interventie",
        item.id,
        item.titel,
        (
            Section("Wat het is", item.beschrijving),
            Section("Soort", aimed),
            Section(f"Bewijs: {item.bewijs}", item.oordeel),
        ),
        item.bron,
        tuple(item.succesfactoren),
        tuple(item.fasen),
    )


def _practice(item: Practice) -> LibraryItem:
    where = f"{item.land}, {item.sector}" + (f", {item.jaar}" if item.jaar is not None else "")
    sections = [
        Section("Wat er gedaan is", item.wat),
        Section("Gerapporteerd resultaat", f"{item.resultaat}\n{SELF_REPORTED}"),
    ]
    if item.opmerking:
        sections.append(Section(CAUTION, item.opmerking))
    sections.append(Section("Waar", f"{where}; {item.doel}, {item.componenten}"))
    return LibraryItem(
        "praktijk", item.id, item.titel, tuple(sections), item.bron, tuple(item.succesfactoren), tuple(item.fasen)
    )


def _relevance(score: Relevance) -> str:
    """The experts' score of 001 Tabel 1 as the table prints it, with what the experts said about it."""
    return "\n".join(
        (
            f"Zeer relevant: {score.shown(score.zeer_relevant)}",
            f"Relevant, maar niet primair: {score.shown(score.relevant_niet_primair)}",
            f"Niet relevant: {score.shown(score.niet_relevant)}",
            "De experts vonden rangschikken lastig. De hoogst gescoorde actoren werken, op de bedrijfsarts na, "
            "vooral aan beleid; voor de begeleiding van een medewerker kunnen andere actoren belangrijker zijn.",
        )
    )


def _actor(actor: Actor) -> LibraryItem:
    sections = [Section("Wat ze doen", actor.rol), Section("Wanneer inschakelen", actor.wanneer)]
    if actor.relevantie is not None:
        heading = f"Hoe relevant {actor.relevantie.experts} experts deze actor vinden (RIVM)"
        sections.append(Section(heading, _relevance(actor.relevantie)))
    return LibraryItem("actor", actor.id, actor.naam, tuple(sections), actor.bron)


DI_REPORTED = "Zo gemeld door convenantpartners en adviseurs in het project; niet gemeten of vergeleken."
NO_CONTINUATION = "De bron geeft voor deze indicator geen cijfer over vervolg."


def _di_action(action: DiAction, di: Di) -> LibraryItem:
    """A numbered action of seed 003 (Tabel 10–14), with its aspect, indicator, the chance of continuation
    (Tabel 17–21) and what the companies reported as results on the same indicator."""
    aspect = di.aspect_by_id[action.aspect]
    indicator = di.indicator_by_id[action.indicator]
    continuation = continuation_figures(indicator)
    sections = [
        Section("DI-aspect", aspect.naam),
        Section(f"Indicator: {indicator.naam}", indicator.uitleg),
        Section("Kans op vervolg", f"{continuation}\n{CONTINUATION_MEANING}" if continuation else NO_CONTINUATION),
    ]
    results = di.actions_for(indicator.id, "resultaat")
    if results:
        lines = _bullets(f"{result.titel} (nr. {result.nummer})" for result in results)
        sections.append(Section("Wat bedrijven ermee bereikten", f"{lines}\n{DI_REPORTED}"))
    return LibraryItem("di-actie", action.id, action.titel, tuple(sections), action.bron)


def _levels(content: Content) -> list[LibraryItem]:
    items = []
    for level in content.ladder:
        blocks = "\n".join(
            f"• {block.titel}: {block.uitleg} Hulpbronnen: {'; '.join(block.hulpbronnen)}" for block in level.bouwstenen
        )
        items.append(
            LibraryItem(
                "niveau",
                f"ladder-{level.id}",
                f"Mentale gezondheidsladder: {level.naam}",
                (
                    Section("Kenmerken", level.beschrijving),
                    Section("Bouwstenen", f"{blocks}\n{level.bouwstenen_noot}"),
                ),
                level.bron,
            )
        )
    for prefix, title, levels in (
        ("praktijk", "Praktijkniveau", content.practice_levels),
        ("di", "DI-typologie", content.di_types),
    ):
        items += [
            LibraryItem(
                "niveau",
                f"{prefix}-{level.id}",
                f"{title}: {level.naam}",
                (
                    Section("Beschrijving", level.beschrijving),
                    Section("Wat nu te doen", "\n".join(f"• {advice}" for advice in level.advies)),
                ),
                f"{level.bron}; advies: {level.advies_bron}",  # the advice is marked as our own elaboration
            )
            for level in levels
        ]
    return items


def _explained(key: str, title: str, text: str, bron: str, phases: tuple[str, ...] = ()) -> LibraryItem:
    """An item of the policy frame: a title and one explanation."""
    return LibraryItem("beleid", key, title, (Section("Uitleg", text),), bron, phases=phases)


def _policy(content: Content) -> list[LibraryItem]:
    items = [_explained(f"domein-{d.id}", f"Domein {d.nummer}: {d.naam}", d.uitleg, d.bron) for d in content.domains]
    items += [
        _explained(f"stap-{s.id}", f"Stap {s.nummer}: {s.naam}", s.uitleg, s.bron, (s.fase,)) for s in content.steps
    ]
    items += [_explained(f"w-{q.id}", f"6 W's: {q.vraag}", q.uitleg, q.bron) for q in content.w_questions]
    items += [_explained(f"toets-{q.id}", f"Toetsvraag: {q.vraag}", q.uitleg, q.bron) for q in content.test_questions]
    return [*items, *_whitepaper_pages(content)]


def _whitepaper_pages(content: Content) -> list[LibraryItem]:
    """The core task's cycle, the twelve benefits and the card for the works council, one item each."""
    task, benefits, card = content.core_task, content.benefits, content.or_card
    steps = "\n".join(f"{number}. {step.naam}: {step.uitleg}" for number, step in enumerate(task.stappen, 1))
    return [
        LibraryItem(
            "beleid",
            f"kerntaak-{task.id}",
            task.naam,
            (
                Section("Waar het om gaat", task.uitleg),
                Section("De stappen, telkens opnieuw", steps),
                Section("Zo gebruik je het", task.gebruik),
            ),
            task.bron,
        ),
        LibraryItem(
            "beleid",
            f"opbrengsten-{benefits.id}",
            benefits.titel,
            (Section("Waar het om gaat", benefits.uitleg), Section("Opbrengsten", _bullets(benefits.punten))),
            benefits.bron,
        ),
        LibraryItem(
            "beleid",
            f"kaart-{card.id}",
            card.titel,
            (
                *(Section(part.kop, _bullets(part.punten)) for part in card.onderdelen),
                Section("Over deze kaart", card.uitleg),
            ),
            card.bron,
        ),
    ]


def _framework(content: Content) -> list[LibraryItem]:
    items = []
    for factor in content.factors:
        guide = "\n".join(f"{score} {content.scale_label(score)}: {factor.level_text(score)}" for score in range(1, 5))
        items.append(
            LibraryItem(
                "succesfactor",
                factor.id,
                factor.naam,
                (
                    Section("Waar het om gaat", factor.beschrijving),
                    Section("Waarom het ertoe doet", factor.belang),
                    Section("Scoringswijzer", guide),
                ),
                f"{factor.bron}; scoringswijzer: {factor.niveaus_bron}",
                factors=(factor.id,),
            )
        )
    for phase in content.phases:
        items.append(
            LibraryItem(
                "fase",
                phase.id,
                phase.naam,
                (
                    Section("Doel", phase.doel),
                    Section("Stappen", _bullets(phase.stappen)),
                    Section("Checklist", _bullets(item.tekst for item in phase.checklist)),
                ),
                f"{phase.bron}; stappen: {phase.stappen_bron}",
                phases=(phase.id,),
            )
        )
    return items


class Library:
    """Every content item, searchable and filterable by kind, factor and phase."""

    def __init__(self, content: Content) -> None:
        items: list[LibraryItem] = []
        items += [_strategy(item) for item in content.strategies]
        items += [_legal(item) for item in content.legal]
        items += [_intervention(item) for item in content.interventions]
        items += [_practice(item) for item in content.practices]
        di = content.di
        items += [_di_action(action, di) for action in di.actions if action.soort == "actie"]
        items += [
            LibraryItem("tip", tip.id, tip.tekst, (), tip.bron, tuple(tip.succesfactoren), tuple(tip.fasen))
            for tip in content.tips
        ]
        items += [_actor(actor) for actor in content.actors]
        items += _levels(content)
        items += _policy(content)
        items += _framework(content)
        self.items: tuple[LibraryItem, ...] = tuple(items)

    @cached_property
    def by_key(self) -> dict[str, LibraryItem]:
        return {item.key: item for item in self.items}

    def count(self, kind: Kind) -> int:
        return sum(1 for item in self.items if item.kind == kind)

    def search(
        self,
        query: str = "",
        *,
        kind: Kind | None = None,
        factor: str | None = None,
        phase: str | None = None,
    ) -> list[Hit]:
        """Items with every word of ``query``, filtered, grouped by kind; title matches first per kind."""
        words = terms(query)
        order = {kind_: index for index, kind_ in enumerate(KIND_LABELS)}
        hits: list[tuple[tuple[int, int, int], Hit]] = []
        for position, item in enumerate(self.items):
            if kind is not None and item.kind != kind:
                continue
            if factor is not None and factor not in item.factors:
                continue
            if phase is not None and phase not in item.phases:
                continue
            if not all(word in item.folded_text for word in words):
                continue
            spans = match_spans(item.folded_title, words) if words else []
            in_title = all(word in item.folded_title for word in words) if words else False
            hits.append(((order[item.kind], 0 if in_title else 1, position), Hit(item, spans)))
        hits.sort(key=lambda pair: pair[0])
        return [hit for _, hit in hits]

    def related(
        self, *, factor: str | None = None, phase: str | None = None, kinds: Iterable[Kind]
    ) -> list[LibraryItem]:
        """Items of ``kinds`` tagged with the factor and/or phase, in library order."""
        wanted = set(kinds)
        return [
            item
            for item in self.items
            if item.kind in wanted
            and (factor is None or factor in item.factors)
            and (phase is None or phase in item.phases)
        ]
