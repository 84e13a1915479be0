"""The form to add or edit an action: every field, top to bottom, with a Dutch message at the field
that is wrong. ``ctrl+s`` saves, ``escape`` cancels (and asks only when something changed)."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from textual.app import ComposeResult

from models.action_form import AMOUNT_FIELDS, DATE_FIELDS, action_from_form, form_values
from models.content import Content
from models.form_parsing import Errors, parse_amount, parse_date
from models.workbook import ACTION_STATUSES, Action
from screens.form import FormScreen, FormValues, text_values
from widgets.checkbox_list import CheckboxList
from widgets.choice import Choice
from widgets.text_box import TextBox
from widgets.text_field import TextField

W_FIELDS = {
    "wat": ("Wat", 2),
    "waarom": ("Waarom", 2),
    "wie": ("Wie", 2),
    "werkwijze": ("Werkwijze", 3),
    "waar": ("Waar", 1),
    "wanneer": ("Wanneer", 1),
}
DATE_LABELS = {"start": "Start", "deadline": "Deadline", "afgerond_op": "Afgerond op"}
AMOUNT_LABELS = {"budget": "Budget (€)", "uren": "Uren"}
PRIORITIES = ("hoog", "middel", "laag")


class ActionFormScreen(FormScreen[Action]):
    """Every field of one action; dismisses with the new action, or None when cancelled."""

    DRAFT_FORM = "actie"

    LIVE_CHECKS: ClassVar = {
        **dict.fromkeys(DATE_FIELDS, parse_date),
        **dict.fromkeys(AMOUNT_FIELDS, parse_amount),
    }

    def __init__(self, content: Content, today: dt.date, *, action_id: str, original: Action | None = None) -> None:
        super().__init__()
        self.content = content
        self.today = today
        self.action_id = action_id
        self.original = original
        self.target = original.id if original else ""

    def title_text(self) -> str:
        return f"Actie {self.action_id} {'bewerken' if self.original else 'toevoegen'}"

    def compose_fields(self) -> ComposeResult:
        values = form_values(self.original) if self.original else dict.fromkeys(form_values(_blank()), "")
        yield from self.row("titel", "Titel", TextField(values["titel"], id="titel", compact=True))
        yield from self.row(
            "status",
            "Status",
            Choice[str](
                [(s, s) for s in ACTION_STATUSES],
                value=values["status"] or "idee",
                allow_blank=False,
                id="status",
                compact=True,
            ),
        )
        yield from self.row(
            "prioriteit",
            "Prioriteit",
            Choice[str](
                [(p, p) for p in PRIORITIES],
                value=values["prioriteit"] or Choice.NULL,
                prompt="geen",
                id="prioriteit",
                compact=True,
            ),
        )
        yield from self.row(
            "fase",
            "Fase",
            Choice[str](
                [(phase.naam, phase.id) for phase in self.content.phases],
                value=values["fase"] or Choice.NULL,
                prompt="geen",
                id="fase",
                compact=True,
            ),
        )
        chosen = set(self.original.succesfactoren) if self.original else set()
        factors = CheckboxList[str](
            *[(factor.naam, factor.id, factor.id in chosen) for factor in self.content.factors],
            id="succesfactoren",
            compact=True,
        )
        yield from self.row("succesfactoren", "Factoren\n(spatie)", factors)
        yield from self.row("eigenaar", "Eigenaar", TextField(values["eigenaar"], id="eigenaar", compact=True))
        for name, label in DATE_LABELS.items():
            field = TextField(values[name], id=name, placeholder="dag-maand-jaar, zoals 1-12-2026", compact=True)
            yield from self.row(name, label, field)
        for name, (label, height) in W_FIELDS.items():
            area = TextBox(
                values[name], id=name, classes=f"h{height}", soft_wrap=True, tab_behavior="focus", compact=True
            )
            yield from self.row(name, label, area)
        for name, label in AMOUNT_LABELS.items():
            field = TextField(values[name], id=name, placeholder="bijvoorbeeld 1250 of 12,5", compact=True)
            yield from self.row(name, label, field)
        yield from self.row("bron", "Bron", TextField(values["bron"], id="bron", compact=True))
        evaluation = TextBox(
            values["evaluatie"], id="evaluatie", classes="h3", soft_wrap=True, tab_behavior="focus", compact=True
        )
        yield from self.row("evaluatie", "Evaluatie", evaluation)
        remark = TextBox(
            values["opmerking"], id="opmerking", classes="h2", soft_wrap=True, tab_behavior="focus", compact=True
        )
        yield from self.row("opmerking", "Opmerking", remark)

    def build(self, values: FormValues) -> tuple[Action | None, Errors]:
        factors = values.get("succesfactoren", [])
        return action_from_form(
            text_values(values),
            factors if isinstance(factors, list) else [],
            action_id=self.action_id,
            today=self.today,
            original=self.original,
        )


def _blank() -> Action:
    return Action(id="A0", titel="-")
