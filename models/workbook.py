"""The workbook of one client organisation, as stored in its TOML file (DESIGN.md §4).

Field order here is the key order in the saved file. Every table keeps keys it does not
know (``extra="allow"``) so a newer file or a hand edit survives a load and save.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import re
from typing import Annotated, Any, Literal

from models.fields import Code, FileModel, Text
from models.limits import INT_MAX
from models.schema import BeforeValidator, Field, ValidationInfo, field_validator, model_validator

SCHEMA_VERSION = 1
"""The file format version this program writes and fully understands."""

ActionStatus = Literal["idee", "gepland", "bezig", "klaar", "gestopt"]
ACTION_STATUSES: tuple[ActionStatus, ...] = ("idee", "gepland", "bezig", "klaar", "gestopt")
OPEN_STATUSES: frozenset[str] = frozenset({"idee", "gepland", "bezig"})
Priority = Literal["hoog", "middel", "laag"]
LegalStatus = Literal["aanwezig", "ontbreekt", "onbekend", "nvt"]
Representation = Literal["or", "pvt", "geen"]
LadderLevelId = Literal["startend", "gevorderd", "expert"]
PracticeLevelId = Literal["minimum", "duurzame-inzetbaarheid", "integraal"]
DiType = Literal["a", "ab", "b", "bc", "c", "cd", "d"]
DiMark = Literal["niet", "begonnen", "geborgd"]
DI_MARKS: tuple[DiMark, ...] = ("niet", "begonnen", "geborgd")
"""How far a company is on one DI indicator: not yet, started, or anchored in how it works."""
AgreedBy = Literal["werkgever", "or", "pvt", "medewerkers", "adviseur"]
AGREED_BY: tuple[AgreedBy, ...] = ("werkgever", "or", "pvt", "medewerkers", "adviseur")
AGREED_BY_LABELS: dict[str, str] = {
    "werkgever": "Werkgever",
    "or": "Ondernemingsraad (OR)",
    "pvt": "Personeelsvertegenwoordiging (PVT)",
    "medewerkers": "Medewerkers",
    "adviseur": "Adviseur",
}


def _finite(value: object) -> object:
    """inf and nan are TOML numbers, but no amount, hour count or percentage."""
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"moet een gewoon getal zijn (zoals 1250 of 12.5), niet {value}")
    return value


_NUMBERED_ID = re.compile(r"^A(\d+)$")


def action_number(action_id: str) -> int | None:
    """The number of an id of the form ``A20`` (20); None for any other id."""
    match = _NUMBERED_ID.match(action_id)
    return int(match.group(1)) if match else None


Score = Annotated[int, Field(ge=1, le=4)]
Amount = Annotated[float, Field(ge=0), BeforeValidator(_finite)]
Count = Annotated[int, Field(ge=1, le=INT_MAX)]
"""A whole number of at least 1, within TOML's 64-bit range (a bigger one could not be saved)."""


class Organisation(FileModel):
    """The client organisation."""

    naam: Text
    sector: str | None = None
    medewerkers: Count | None = None
    adviseur: str | None = None
    preventiemedewerker: str | None = None
    arbodienst: str | None = None
    bedrijfsarts: str | None = None
    medezeggenschap: Representation | None = None
    verzuimpercentage: Annotated[float, Field(ge=0, le=100), BeforeValidator(_finite)] | None = None


class ScoringRound(FileModel):
    """A scoring of the ten success factors on one date (the first is the nulmeting)."""

    datum: dt.date
    scores: dict[str, Score] = Field(default_factory=dict)
    toelichting: dict[str, str] = Field(default_factory=dict)


class PhaseState(FileModel):
    """Which checklist items of a phase are ticked, with an optional note per item."""

    afgevinkt: list[str] = Field(default_factory=list)
    notities: dict[str, str] = Field(default_factory=dict)


class LegalItemState(FileModel):
    """The state of one legal-minimum item for this client."""

    status: LegalStatus = "onbekend"
    datum: dt.date | None = None
    notitie: str | None = None


class Action(FileModel):
    """One action of the plan, with the 6 W's of the integral-policy approach."""

    id: Code
    titel: Text
    status: ActionStatus = "idee"
    prioriteit: Priority | None = None
    fase: str | None = None
    succesfactoren: list[str] = Field(default_factory=list)
    eigenaar: str | None = None
    start: dt.date | None = None
    deadline: dt.date | None = None
    afgerond_op: dt.date | None = None
    wat: str | None = None
    waarom: str | None = None
    wie: str | None = None
    werkwijze: str | None = None
    waar: str | None = None
    wanneer: str | None = None
    budget: Amount | None = None
    uren: Amount | None = None
    bron: str | None = None
    evaluatie: str | None = None
    opmerking: str | None = None
    """A remark from the employer or whoever carries the action out (the Excel's Opmerking column)."""

    @field_validator("deadline")
    @classmethod
    def _deadline_after_start(cls, deadline: dt.date | None, info: ValidationInfo) -> dt.date | None:
        start = info.data.get("start")
        if start and deadline and deadline < start:
            raise ValueError(
                f"deadline {deadline.isoformat()} ligt vóór start {start.isoformat()}; "
                "de deadline moet op of na de startdatum liggen"
            )
        return deadline

    @property
    def is_open(self) -> bool:
        """Still to be done (not finished and not stopped)."""
        return self.status in OPEN_STATUSES


class LevelChoice(FileModel):
    """Where the organisation stands on the three level models, as set on one date.

    A new choice on another day adds an entry (the others carried over), so the file shows how
    the levels changed over time.
    """

    datum: dt.date
    mentale_ladder: LadderLevelId | None = None
    praktijkniveau: PracticeLevelId | None = None
    di_typologie: DiType | None = None
    notitie: str | None = None


class DiScan(FileModel):
    """A DI-scan on one date (``[[di_scan]]``): per indicator of seed 003 a mark and an optional note.

    An indicator without a mark was not judged. A new scan starts as a copy of the one before it, so the
    file shows how the marks changed; entries are known by their date in merges and diffs.
    """

    datum: dt.date
    notitie: str | None = None
    stand: dict[str, DiMark] = Field(default_factory=dict)
    toelichting: dict[str, str] = Field(default_factory=dict)


def new_log_id() -> str:
    """A fresh identity for a log entry: 8 random hex digits (``3f2a9c1b``).

    Given once, when the entry is made (:func:`models.logbook.log_entry_from_form`, a new cycle), and never
    changed after, so a merge knows the entry again when its date or title was edited. Random rather
    than counted: two consultants writing entries on separate branches cannot pick the same one (one in
    four billion), where a counter would hand out the same number on both sides.
    """
    return os.urandom(4).hex()  # as secrets.token_hex(4), without importing secrets (and hmac) at every start


class LogEntry(FileModel):
    """One entry of the session log: what was discussed and agreed."""

    datum: dt.date
    titel: Text
    deelnemers: list[str] = Field(default_factory=list)
    notitie: str | None = None
    afspraken: list[str] = Field(default_factory=list)
    id: Code | None = None
    """Stable identity for merges (:func:`new_log_id`); entries from before it existed have none and are
    known by date and title (``models.merge``)."""


class Agreement(FileModel):
    """Consent given to the plan (``[[akkoord]]``): who agreed, on which date, by whose names.

    Shown in the signature block of the plan van aanpak as given; an entry is known by its date and
    ``door`` in merges and diffs.
    """

    datum: dt.date
    door: AgreedBy
    namen: list[str] = Field(default_factory=list)
    plaats: str | None = None
    opmerking: str | None = None

    @property
    def label(self) -> str:
        """``Werkgever``, ``Ondernemingsraad (OR)``, …"""
        return AGREED_BY_LABELS[self.door]


class Conflict(FileModel):
    """A merge conflict kept in the file until someone chooses (``[[conflicten]]``, see ``models.merge``).

    Where: ``onderdeel`` is the part of the workbook (``acties``, ``metingen``, ``di_scan``, ``niveaus``, ``logboek``,
    ``akkoord``, ``fasen``, ``wettelijk``, ``organisatie``, or ``werkboek`` for a top-level key), ``sleutel`` the
    entry in it (action id, ISO date, log id or "date title", phase or legal item id; none for a plain
    table) and ``veld`` the field, dotted when nested (``scores.tijd``); no ``veld`` means the whole
    entry (edited on one side, deleted on the other). The values of the three versions follow; a
    missing one means absent (empty, or deleted). The body of the workbook holds ``ons`` meanwhile.
    """

    onderdeel: Text
    sleutel: str | None = None
    veld: str | None = None
    omschrijving: str | None = None
    basis: Any = None
    ons: Any = None
    hun: Any = None

    def __str__(self) -> str:
        """Where it is, short (``acties A3 status``): how a list of conflicts reads in ``werkboek diff``."""
        return " ".join(part for part in (self.onderdeel, self.sleutel, self.veld or "(geheel)") if part)


class Workbook(FileModel):
    """Everything about one client: profile, levels, scores, phase progress, legal minimum, plan and log."""

    schema_version: int = Field(default=SCHEMA_VERSION, alias="schema", ge=1, le=INT_MAX)
    huidige_fase: str | None = None
    """The phase the consultant says the client is in; when unset, the first phase not yet complete."""
    laatste_actie: Annotated[int, Field(ge=1, le=INT_MAX)] | None = None
    """The highest action number ever given (20 for A20), kept only while it is above the highest in use
    (after the action with the highest number was deleted), so a new action never gets a deleted one's id.
    A value at or below the highest number in use says nothing more and is dropped (see README)."""
    organisatie: Organisation
    niveaus: list[LevelChoice] = Field(default_factory=list)
    metingen: list[ScoringRound] = Field(default_factory=list)
    di_scan: list[DiScan] = Field(default_factory=list)
    """DI-scans of the indicators of seed 003, one per date."""
    fasen: dict[str, PhaseState] = Field(default_factory=dict)
    wettelijk: dict[str, LegalItemState] = Field(default_factory=dict)
    acties: list[Action] = Field(default_factory=list)
    logboek: list[LogEntry] = Field(default_factory=list)
    akkoord: list[Agreement] = Field(default_factory=list)
    """Consent given to the plan, oldest first."""
    conflicten: list[Conflict] = Field(default_factory=list)
    """Merge conflicts still to be resolved (``models.merge``); empty in a resolved workbook."""

    model_config = FileModel.model_config | {"populate_by_name": True}

    @model_validator(mode="after")
    def _counter_above_actions(self) -> Workbook:
        """A stale counter (a hand-added action or a line-wise merge went past it) is raised, not refused."""
        if self.laatste_actie is not None and self.laatste_actie <= self.highest_action_number():
            object.__setattr__(self, "laatste_actie", None)
        return self

    def highest_action_number(self) -> int:
        """The highest number among the ids A1, A2, … in use; 0 when there are none."""
        return max((n for action in self.acties if (n := action_number(action.id)) is not None), default=0)

    def last_action_number(self) -> int:
        """The highest action number ever given: the counter, or the highest in use when that is higher."""
        return max(self.laatste_actie or 0, self.highest_action_number())

    def action(self, action_id: str) -> Action | None:
        """The action with this id, if any."""
        return next((action for action in self.acties if action.id == action_id), None)
