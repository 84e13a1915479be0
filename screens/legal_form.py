"""The form for one legal-minimum item: status, the date it applies from, and a note."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.widgets import Static

from models.content_items import LegalItem
from models.form_parsing import Errors, parse_date
from models.legal import LEGAL_STATUSES, legal_form_values, legal_state_from_form
from models.workbook import LegalItemState
from screens.form import FormScreen, FormValues, text_values
from widgets.choice import Choice
from widgets.text_box import TextBox
from widgets.text_field import TextField


class LegalFormScreen(FormScreen[LegalItemState]):
    """Dismisses with the item's new state, or None when cancelled."""

    DRAFT_FORM = "wettelijk"

    LIVE_CHECKS: ClassVar = {"datum": parse_date}

    def __init__(self, item: LegalItem, original: LegalItemState, scope_note: str = "") -> None:
        super().__init__()
        self.item = item
        self.original = original
        self.target = item.id
        self.scope_note = scope_note
        """What the item means at the client's size when it does not simply apply (for choosing nvt)."""

    def title_text(self) -> str:
        return f"Wettelijk minimum: {self.item.titel}"

    def compose_fields(self) -> ComposeResult:
        values = legal_form_values(self.original)
        yield Static(self.item.in_orde, classes="form-help")
        if self.scope_note:
            yield Static(self.scope_note, classes="form-help", id="legal-form-scope")
        yield from self.row(
            "status",
            "Status",
            Choice[str](
                [(status, status) for status in LEGAL_STATUSES],
                value=values["status"],
                allow_blank=False,
                id="status",
                compact=True,
            ),
        )
        date = TextField(values["datum"], id="datum", placeholder="dag-maand-jaar, zoals 1-12-2026", compact=True)
        yield from self.row("datum", "Datum", date)
        note = TextBox(
            values["notitie"], id="notitie", classes="h3", soft_wrap=True, tab_behavior="focus", compact=True
        )
        yield from self.row("notitie", "Notitie", note)

    def build(self, values: FormValues) -> tuple[LegalItemState | None, Errors]:
        return legal_state_from_form(text_values(values), self.original)
