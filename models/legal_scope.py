"""Whether a legal-minimum item applies to this client, from its number of employees and its employee
representation (Organisatie), and why. The rules are data on each item (``omvang`` in wettelijk.toml); this
module only reads them, so the law stays in the content and the answer is the same on screen and in reports."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from models.content_items import Body, LegalItem, SizeRule

Verdict = Literal["geldt", "uitzondering", "geldt niet", "onbekend"]
"""``onbekend``: the answer hangs on the number of employees, and that is not filled in."""

VERDICT_LABELS: dict[Verdict, str] = {
    "geldt": "geldt",
    "uitzondering": "uitzondering mogelijk",
    "geldt niet": "niet bij deze omvang",
    "onbekend": "omvang onbekend",
}
"""Short words for a row, readable without colour."""
VERDICT_MARKS: dict[Verdict, str] = {"geldt": "", "uitzondering": "≈", "geldt niet": "–", "onbekend": "?"}

ALWAYS = "Geldt voor elke werkgever met personeel, hoe klein ook."
UNKNOWN_SIZE = (
    "Het aantal medewerkers is niet ingevuld (Organisatie, 2). Of dit onderdeel geldt of een uitzondering "
    "mogelijk is, hangt af van de omvang."
)


@dataclass(frozen=True)
class Scope:
    """What an item means for this client, and the reason in Dutch."""

    verdict: Verdict
    reason: str

    @property
    def label(self) -> str:
        return VERDICT_LABELS[self.verdict]

    @property
    def mark(self) -> str:
        return VERDICT_MARKS[self.verdict]

    @property
    def counts(self) -> bool:
        """Whether the item counts in "x van N in orde": everything except what does not apply to this size."""
        return self.verdict != "geldt niet"


def _size_free(rule: SizeRule) -> bool:
    return rule.van == 1 and rule.tot_en_met is None


def _fits(rule: SizeRule, employees: int | None, body: Body | None) -> bool:
    if rule.medezeggenschap is not None and body not in rule.medezeggenschap:
        return False
    if employees is None:
        return _size_free(rule)
    return rule.van <= employees and (rule.tot_en_met is None or employees <= rule.tot_en_met)


def legal_scope(item: LegalItem, employees: int | None, body: Body | None = None) -> Scope:
    """Whether ``item`` applies to an organisation with ``employees`` employees (None: not known) and employee
    representation ``body`` (None: not known): the first of the item's rules that fits decides."""
    if not item.omvang:
        return Scope("geldt", ALWAYS)
    for rule in item.omvang:
        if _fits(rule, employees, body):
            return Scope(rule.soort, rule.uitleg)
    if employees is None:
        return Scope("onbekend", UNKNOWN_SIZE)
    return Scope("geldt", "Bij deze omvang geldt dit onderdeel.")
