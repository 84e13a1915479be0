"""The form for one consent to the plan: who agreed (the role), their names, the date, place and a remark."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from typing import ClassVar

from textual.app import ComposeResult

from models.agreements import agreement_form_values, agreement_from_form, blank_agreement_values
from models.form_parsing import Errors, parse_date
from models.workbook import AGREED_BY, AGREED_BY_LABELS, Agreement
from screens.form import FormScreen, FormValues, text_values
from widgets.choice import Choice
from widgets.text_box import TextBox
from widgets.text_field import TextField


class AgreementFormScreen(FormScreen[Agreement]):
    """Dismisses with the consent, or None when cancelled."""

    DRAFT_FORM = "akkoord"

    LIVE_CHECKS: ClassVar = {"datum": parse_date}

    def __init__(
        self,
        today: dt.date,
        original: Agreement | None = None,
        *,
        taken: Collection[str] = (),
        door: str = "werkgever",
    ) -> None:
        """``taken``: the keys of the other consents (one per role and date); ``door``: a new one's role."""
        super().__init__()
        self.today = today
        self.original = original
        self.taken = taken
        self.door = door

    def title_text(self) -> str:
        return "Akkoord bewerken" if self.original else "Nieuw akkoord op het plan"

    def compose_fields(self) -> ComposeResult:
        values = (
            agreement_form_values(self.original) if self.original else blank_agreement_values(self.today, self.door)
        )
        roles = Choice[str](
            [(AGREED_BY_LABELS[role], role) for role in AGREED_BY],
            value=values["door"],
            allow_blank=False,
            id="door",
            compact=True,
        )
        yield from self.row("door", "Akkoord van", roles)
        names = TextBox(values["namen"], id="namen", classes="h3", soft_wrap=True, tab_behavior="focus", compact=True)
        yield from self.row("namen", "Namen\n(per regel\nof met ,)", names)
        date = TextField(values["datum"], id="datum", placeholder="dag-maand-jaar, zoals 1-12-2026", compact=True)
        yield from self.row("datum", "Datum", date)
        yield from self.row("plaats", "Plaats", TextField(values["plaats"], id="plaats", compact=True))
        remark = TextBox(
            values["opmerking"], id="opmerking", classes="h3", soft_wrap=True, tab_behavior="focus", compact=True
        )
        yield from self.row("opmerking", "Opmerking", remark)

    def build(self, values: FormValues) -> tuple[Agreement | None, Errors]:
        return agreement_from_form(text_values(values), self.original, self.taken)
