"""The form for the organisation profile; numbers are checked while typing."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult

from models.form_parsing import Errors, parse_count, parse_percentage
from models.profile import REPRESENTATION_LABELS, organisation_from_form, profile_form_values
from models.workbook import Organisation
from screens.form import FormScreen, FormValues, text_values
from widgets.choice import Choice
from widgets.text_field import TextField

TEXT_LABELS = {
    "naam": ("Naam", ""),
    "sector": ("Sector", "bijvoorbeeld bouw, zorg of detailhandel"),
    "adviseur": ("Adviseur", "wie de organisatie begeleidt"),
    "preventiemedewerker": ("Preventie-\nmedewerker", "naam en functie"),
    "arbodienst": ("Arbodienst", ""),
    "bedrijfsarts": ("Bedrijfsarts", ""),
}


class ProfileFormScreen(FormScreen[Organisation]):
    """Dismisses with the new profile, or None when cancelled."""

    DRAFT_FORM = "profiel"

    LIVE_CHECKS: ClassVar = {"medewerkers": parse_count, "verzuimpercentage": parse_percentage}

    def __init__(self, original: Organisation) -> None:
        super().__init__()
        self.original = original

    def title_text(self) -> str:
        return "Organisatieprofiel bewerken"

    def compose_fields(self) -> ComposeResult:
        values = profile_form_values(self.original)
        for name in ("naam", "sector"):
            label, hint = TEXT_LABELS[name]
            yield from self.row(name, label, TextField(values[name], id=name, placeholder=hint, compact=True))
        staff = TextField(values["medewerkers"], id="medewerkers", placeholder="aantal, bijvoorbeeld 23", compact=True)
        yield from self.row("medewerkers", "Medewerkers", staff)
        for name in ("adviseur", "preventiemedewerker", "arbodienst", "bedrijfsarts"):
            label, hint = TEXT_LABELS[name]
            yield from self.row(name, label, TextField(values[name], id=name, placeholder=hint, compact=True))
        representation = Choice[str](
            [(label, value) for value, label in REPRESENTATION_LABELS.items()],
            value=values["medezeggenschap"] or Choice.NULL,
            prompt="onbekend",
            id="medezeggenschap",
            compact=True,
        )
        yield from self.row("medezeggenschap", "OR of PVT", representation)
        absence = TextField(
            values["verzuimpercentage"], id="verzuimpercentage", placeholder="bijvoorbeeld 4,5", compact=True
        )
        yield from self.row("verzuimpercentage", "Verzuim %", absence)

    def build(self, values: FormValues) -> tuple[Organisation | None, Errors]:
        return organisation_from_form(text_values(values), self.original)
