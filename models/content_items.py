"""The kinds of reference content, as validated from ``content/*.toml``.

Field names are the TOML keys. Ids are stable: workbooks and actions refer to them.
"""

from __future__ import annotations

from typing import Annotated, Literal, get_args

from models.fields import Code, ContentModel, Text
from models.schema import AfterValidator, Field, PlainValidator, field_validator, model_validator
from models.source_kinds import OWN_SYNTHESIS, kind_of

Level = Literal["1", "2", "3", "4"]
LEVELS: tuple[Level, ...] = ("1", "2", "3", "4")
Target = Literal["lichamelijk", "mentaal", "algemeen"]
Components = Literal["enkelvoudig", "meervoudig"]
Reach = Literal["individu", "omgeving", "beide"]
Evidence = Literal[
    "effectief",
    "lijken effectief",
    "mogelijk effectief",
    "niet effectief",
    "tegenstrijdig",
    "geen oordeel in de bron",
]
"""The verdict on an intervention's evidence, in the words of seed 001 (the scoping review, §2.3-§2.4 and §6.1).

"lijken effectief" is the seed's own hedge and is not the same as "effectief"; "geen oordeel in de bron" is for
an intervention the seed names as an example without judging it. Any other word is refused when content loads.
"""
EVIDENCE: tuple[Evidence, ...] = get_args(Evidence)


def _unique(ids: list[str], what: str) -> None:
    doubles = sorted({i for i in ids if ids.count(i) > 1})
    if doubles:
        raise ValueError(f"{what} komt dubbel voor: {', '.join(doubles)}")


def _own_synthesis(value: str) -> str:
    kind, seeds = kind_of(value)
    if kind is not OWN_SYNTHESIS or not seeds:
        raise ValueError(
            f'dit is eigen uitwerking: begin met "{OWN_SYNTHESIS.marker}:" en noem daarna de bronnen waarop '
            "het steunt (BESTAND, sectie; …)"
        )
    return value


OwnSynthesis = Annotated[str, AfterValidator(_own_synthesis)]
"""The source of a text that is our own elaboration: ``eigen uitwerking op basis van: FILE, section; …``.

No seed says such a text (a scoring guide, phase steps, advice per level); the seeds named are what it draws on.
"""


UNDATED: Literal["z.j."] = "z.j."
"""What a source says as its year when the document names none ("zonder jaar")."""
FIRST_YEAR, LAST_YEAR = 1900, 2100


def _year(value: object) -> int | Literal["z.j."]:
    """A year of publication as a whole number, or ``"z.j."`` for an undated document."""
    if value == UNDATED:
        return UNDATED
    if isinstance(value, bool) or not isinstance(value, int):
        shown = f'"{value}"' if isinstance(value, str) else repr(value)
        raise ValueError(
            f'verwacht een jaartal zonder aanhalingstekens (zoals 2025), of "{UNDATED}" als het document '
            f"geen jaar noemt; niet {shown}"
        )
    if not FIRST_YEAR <= value <= LAST_YEAR:
        raise ValueError(f"jaartal {value} kan niet kloppen; verwacht een jaar tussen {FIRST_YEAR} en {LAST_YEAR}")
    return value


Year = Annotated[int | Literal["z.j."], PlainValidator(_year)]


class Source(ContentModel):
    """A seed document the content is written from, with what a citation of it shows."""

    bestand: Text
    """The seed file name, which ``bron`` fields start with; never shown to the user."""
    titel: Text
    uitgever: Text
    jaar: Year
    """Year of publication, or ``"z.j."`` when the document names no year of its own."""


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
    niveaus_bron: OwnSynthesis
    """The scoring guide (and the scale it uses) is our own work; this names the seeds it draws on."""
    bron: Text
    """What the seeds say: the factor's description and why it matters."""

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
    stappen_bron: OwnSynthesis
    """The steps are our own elaboration of the phase; this names the seeds they draw on."""
    checklist: list[ChecklistItem] = Field(min_length=5, max_length=8)
    bron: Text
    """What the seeds say: the phase and its goal."""

    @model_validator(mode="after")
    def _unique_items(self) -> Phase:
        _unique([item.id for item in self.checklist], "checklist-id")
        return self


EXAMPLE_OWNER_ROLES: tuple[str, ...] = ("medewerker", "adviseur")
"""Who may own an example action besides the actors of ``content/actoren.toml`` (by id or lower-case name).

"medewerker" is the word advice uses for the actor werknemer; "adviseur" is the consultant using this app, for
what the external adviser really does. No "HR": small firms often have none (seed 001 §5.3).
"""


class ExampleAction(ContentModel):
    """A concrete example of a strategy, with who would typically do it: a role a small firm has."""

    actie: Text
    eigenaar: Text


class Strategy(ContentModel):
    """Something an employer can do to make prevention succeed on one or more factors."""

    id: Code
    titel: Text
    succesfactoren: list[Code] = Field(min_length=1)
    fasen: list[Code] = Field(min_length=1)
    uitleg: Text
    voorbeelden: list[ExampleAction] = Field(min_length=1, max_length=3)
    bron: Text


ScopeKind = Literal["geldt", "uitzondering", "geldt niet"]
"""What a size rule says about an item: it applies, an exemption or easier way may apply, or it does not apply."""
Body = Literal["or", "pvt", "geen"]
"""The employee representation a size rule can depend on (as ``medezeggenschap`` on Organisatie)."""


class SizeRule(ContentModel):
    """Part of a :class:`LegalItem`: what the item means for an organisation of a given size (and, optionally,
    with a given employee representation), and why. The first rule that fits the client decides."""

    van: int = Field(default=1, ge=1)
    """The smallest number of employees the rule is for."""
    tot_en_met: int | None = Field(default=None, ge=1)
    """The largest number of employees the rule is for; none: no upper limit."""
    medezeggenschap: list[Body] | None = None
    """Only for an organisation with one of these; none: whatever it has."""
    soort: ScopeKind
    uitleg: Text
    """Why, in Dutch, for the consultant and the report."""

    @model_validator(mode="after")
    def _range(self) -> SizeRule:
        if self.tot_en_met is not None and self.tot_en_met < self.van:
            raise ValueError(f"tot_en_met ({self.tot_en_met}) is kleiner dan van ({self.van})")
        return self


class LegalItem(ContentModel):
    """One item of the legal minimum of arbo policy."""

    id: Code
    titel: Text
    eis: Text
    voor_wie: Text
    in_orde: Text
    artikel: Text | None = None
    """Only where the article number was checked against the law text."""
    fase: Code
    succesfactoren: list[Code] = Field(min_length=1)
    bron: Text
    verwijzing: Text | None = None
    """Outside sources (web pages) the item was checked against."""
    omvang: list[SizeRule] = Field(default_factory=list)
    """How the item depends on the client's size; empty: it applies to every employer alike."""


class Intervention(ContentModel):
    """A type of intervention studied in the literature, with the evidence verdict."""

    id: Code
    titel: Text
    beschrijving: Text
    doel: Target
    componenten: Components
    niveau: Reach
    doelgroep: Text
    bewijs: Evidence
    oordeel: Text
    succesfactoren: list[Code] = Field(min_length=1)
    fasen: list[Code] = Field(min_length=1)
    bron: Text


class Practice(ContentModel):
    """A good practice as reported by whoever ran it: self-reported, not proven."""

    id: Code
    titel: Text
    land: Text
    sector: Text
    """One SBI label per sector, written the same way everywhere."""
    jaar: Year | None = None
    """The year the source table gives for the practice, where it gives one."""
    doel: Target
    componenten: Components
    wat: Text
    resultaat: Text
    opmerking: Text | None = None
    """A caution about the source's figures or wording; shown as such, never as part of the result."""
    succesfactoren: list[Code] = Field(min_length=1)
    fasen: list[Code] = Field(min_length=1)
    bron: Text


class BuildingBlock(ContentModel):
    """A building block of a level on the mental-health ladder."""

    titel: Text
    uitleg: Text
    hulpbronnen: list[Text] = Field(min_length=1)


class LadderLevel(ContentModel):
    """A level of the mental-health ladder: startend, gevorderd or expert."""

    id: Code
    naam: Text
    beschrijving: Text
    bouwstenen: list[BuildingBlock] = Field(min_length=1)
    bouwstenen_noot: Text
    """That the building blocks shown are not all the handreiking has (seed 002 shows one of three per level)."""
    bron: Text


class DescribedLevel(ContentModel):
    """A level with a name, a description and advice on what to work on next (practice levels, DI types)."""

    id: Code
    naam: Text
    beschrijving: Text
    advies: list[Text] = Field(min_length=1)
    advies_bron: OwnSynthesis
    """No seed gives advice per level: the advice is our own work; this names the seeds it draws on."""
    bron: Text
    """What the seeds say: the level's name and description."""


class Domain(ContentModel):
    """A domain of integral health policy."""

    id: Code
    nummer: int = Field(ge=1)
    naam: Text
    uitleg: Text
    bron: Text


class PolicyStep(ContentModel):
    """A step of the eight-step approach to integral health policy."""

    id: Code
    nummer: int = Field(ge=1)
    naam: Text
    uitleg: Text
    fase: Code
    bron: Text


class Question(ContentModel):
    """A question with an explanation: one of the 6 W's or the three test questions."""

    id: Code
    vraag: Text
    uitleg: Text
    bron: Text


class Relevance(ContentModel):
    """How the experts of seed 001 (Tabel 1) scored an actor for preventing absence: a count per answer.

    The table prints each answer as a percentage of the experts with the count after it, such as
    "89% (8)"; :meth:`shown` gives it back that way.
    """

    experts: int = Field(ge=1)
    zeer_relevant: int = Field(ge=0)
    relevant_niet_primair: int = Field(ge=0)
    niet_relevant: int = Field(ge=0)

    @model_validator(mode="after")
    def _adds_up(self) -> Relevance:
        total = self.zeer_relevant + self.relevant_niet_primair + self.niet_relevant
        if total != self.experts:
            raise ValueError(f"de antwoorden tellen op tot {total}, niet tot het aantal experts ({self.experts})")
        return self

    def shown(self, count: int) -> str:
        """``count`` as the table prints it: the whole percentage of the experts, then the count."""
        return f"{round(100 * count / self.experts)}% ({count})"


class Actor(ContentModel):
    """Someone who plays a part in prevention, and when to call on them."""

    id: Code
    naam: Text
    rol: Text
    wanneer: Text
    bron: Text
    relevantie: Relevance | None = None
    """The experts' score in seed 001 Tabel 1, for the 21 actors the table lists."""


class Tip(ContentModel):
    """A short tip for the consultant, for the phases it helps in."""

    id: Code
    tekst: Text
    fasen: list[Code] = Field(min_length=1)
    succesfactoren: list[Code] = Field(default_factory=list)
    bron: Text
