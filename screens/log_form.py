"""The form for one logbook entry: date, title, participants, what was discussed, agreements."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from textual.app import ComposeResult

from models.form_parsing import Errors, parse_date
from models.logbook import blank_log_values, log_entry_from_form, log_form_values
from models.workbook import LogEntry
from screens.form import FormScreen, FormValues, text_values
from widgets.text_box import TextBox
from widgets.text_field import TextField


class LogFormScreen(FormScreen[LogEntry]):
    """Dismisses with the entry, or None when cancelled."""

    DRAFT_FORM = "verslag"

    LIVE_CHECKS: ClassVar = {"datum": parse_date}

    def __init__(self, today: dt.date, original: LogEntry | None = None) -> None:
        super().__init__()
        self.today = today
        self.original = original

    def title_text(self) -> str:
        return "Verslag bewerken" if self.original else "Nieuw verslag"

    def compose_fields(self) -> ComposeResult:
        values = log_form_values(self.original) if self.original else blank_log_values(self.today)
        yield from self.row("titel", "Titel", TextField(values["titel"], id="titel", compact=True))
        date = TextField(values["datum"], id="datum", placeholder="dag-maand-jaar, zoals 1-12-2026", compact=True)
        yield from self.row("datum", "Datum", date)
        for name, label, height in (
            ("deelnemers", "Deelnemers\n(per regel)", 3),
            ("notitie", "Besproken", 6),
            ("afspraken", "Afspraken\n(per regel)", 3),
        ):
            area = TextBox(
                values[name], id=name, classes=f"h{height}", soft_wrap=True, tab_behavior="focus", compact=True
            )
            yield from self.row(name, label, area)

    def build(self, values: FormValues) -> tuple[LogEntry | None, Errors]:
        return log_entry_from_form(text_values(values), self.original)
