"""The form to add or edit an action: every field, top to bottom, with a Dutch message at the field
that is wrong. ``ctrl+s`` saves, ``escape`` cancels (and asks only when something changed)."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Input, Label, Select, SelectionList, Static, TextArea

from models.action_form import AMOUNT_FIELDS, DATE_FIELDS, action_from_form, form_values
from models.content import Content
from models.form_parsing import FormError, parse_amount, parse_date
from models.workbook import ACTION_STATUSES, Action
from screens.confirm import ConfirmScreen

W_FIELDS = {
    "wat": ("Wat", 2),
    "waarom": ("Waarom", 2),
    "wie": ("Wie", 2),
    "werkwijze": ("Werkwijze", 3),
    "waar": ("Waar", 1),
    "wanneer": ("Wanneer", 1),
}
DATE_LABELS = {"start": "Start", "deadline": "Deadline", "afgerond_op": "Afgerond op"}
AMOUNT_LABELS = {"budget": "Budget in euro", "uren": "Uren"}
PRIORITIES = ("hoog", "middel", "laag")


class ActionFormScreen(Screen[Action | None]):
    """Every field of one action; dismisses with the new action, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+s", "save", "Opslaan", priority=True, tooltip="Controleer en bewaar de actie", id="formulier.opslaan"
        ),
        Binding("escape", "cancel", "Annuleren", tooltip="Sluit zonder te bewaren", id="formulier.annuleren"),
    ]

    def __init__(self, content: Content, today: dt.date, *, action_id: str, original: Action | None = None) -> None:
        super().__init__()
        self.content = content
        self.today = today
        self.action_id = action_id
        self.original = original
        self.initial: dict[str, object] = {}

    def compose(self) -> ComposeResult:
        values = form_values(self.original) if self.original else dict.fromkeys(form_values(_blank()), "")
        verb = "bewerken" if self.original else "toevoegen"
        yield Static(f" Actie {self.action_id} {verb}   ctrl+s opslaan · escape annuleren", id="form-title")
        with VerticalScroll(id="action-form"):
            yield from self._row("titel", "Titel", Input(values["titel"], id="titel", compact=True))
            yield from self._row(
                "status",
                "Status",
                Select[str](
                    [(s, s) for s in ACTION_STATUSES],
                    value=values["status"] or "idee",
                    allow_blank=False,
                    id="status",
                    compact=True,
                ),
            )
            yield from self._row(
                "prioriteit",
                "Prioriteit",
                Select[str](
                    [(p, p) for p in PRIORITIES],
                    value=values["prioriteit"] or Select.NULL,
                    prompt="geen",
                    id="prioriteit",
                    compact=True,
                ),
            )
            yield from self._row(
                "fase",
                "Fase",
                Select[str](
                    [(phase.naam, phase.id) for phase in self.content.phases],
                    value=values["fase"] or Select.NULL,
                    prompt="geen",
                    id="fase",
                    compact=True,
                ),
            )
            chosen = set(self.original.succesfactoren) if self.original else set()
            factors = SelectionList[str](
                *[(factor.naam, factor.id, factor.id in chosen) for factor in self.content.factors],
                id="succesfactoren",
                compact=True,
            )
            yield from self._row("succesfactoren", "Factoren\n(spatie)", factors)
            yield from self._row("eigenaar", "Eigenaar", Input(values["eigenaar"], id="eigenaar", compact=True))
            for name, label in DATE_LABELS.items():
                field = Input(values[name], id=name, placeholder="2026-12-01 of 1-12-2026", compact=True)
                yield from self._row(name, label, field)
            for name, (label, height) in W_FIELDS.items():
                area = TextArea(
                    values[name], id=name, classes=f"h{height}", soft_wrap=True, tab_behavior="focus", compact=True
                )
                yield from self._row(name, label, area)
            for name, label in AMOUNT_LABELS.items():
                field = Input(values[name], id=name, placeholder="bijvoorbeeld 1250 of 12,5", compact=True)
                yield from self._row(name, label, field)
            yield from self._row("bron", "Bron", Input(values["bron"], id="bron", compact=True))
            evaluation = TextArea(
                values["evaluatie"], id="evaluatie", classes="h3", soft_wrap=True, tab_behavior="focus", compact=True
            )
            yield from self._row("evaluatie", "Evaluatie", evaluation)
        yield Footer()

    def _row(self, name: str, label: str, widget: Widget) -> ComposeResult:
        """A label beside its field, and under it the place for that field's message."""
        with Horizontal(classes="form-row"):
            yield Label(label, classes="field-label")
            yield widget
        yield Label("", id=f"{name}-error", classes="field-error")

    def on_mount(self) -> None:
        self.initial = self.values()
        self.query_one("#titel", Input).focus()

    # -- reading the form ---------------------------------------------------------------------

    def values(self) -> dict[str, object]:
        """Everything the form holds now, as text (and the chosen factors as a list)."""
        result: dict[str, object] = {}
        for widget in self.query("#action-form Input, #action-form TextArea, #action-form Select"):
            if isinstance(widget, Input):
                result[widget.id or ""] = widget.value
            elif isinstance(widget, TextArea):
                result[widget.id or ""] = widget.text
            elif isinstance(widget, Select):
                result[widget.id or ""] = widget.value if isinstance(widget.value, str) else ""
        result["succesfactoren"] = list(self.query_one("#succesfactoren", SelectionList).selected)
        return result

    def _show_errors(self, errors: dict[str, str]) -> None:
        for label in self.query(".field-error").results(Label):
            field = (label.id or "").removesuffix("-error")
            label.update(f"⚠ {errors[field]}" if field in errors else "")
            label.set_class(field in errors, "-shown")

    @on(Input.Changed)
    def _check_as_you_type(self, event: Input.Changed) -> None:
        """Dates and numbers get their message while typing; the rest when saving."""
        name = event.input.id or ""
        if name not in DATE_FIELDS and name not in AMOUNT_FIELDS:
            return
        label = self.query_one(f"#{name}-error", Label)
        try:
            parse_date(event.value) if name in DATE_FIELDS else parse_amount(event.value)
        except FormError as error:
            label.update(f"⚠ {error}")
            label.add_class("-shown")
        else:
            label.update("")
            label.remove_class("-shown")

    # -- keys -----------------------------------------------------------------------------------

    def action_save(self) -> None:
        values = self.values()
        factors = values.pop("succesfactoren")
        action, errors = action_from_form(
            {key: str(value) for key, value in values.items()},
            factors,  # type: ignore[arg-type]
            action_id=self.action_id,
            today=self.today,
            original=self.original,
        )
        self._show_errors(errors)
        if action is None:
            first = next(iter(errors))
            target = self.query(f"#{first}")
            if target:
                widget: Widget = target.first()
                widget.focus()
                widget.scroll_visible(animate=False)
            count = len(errors)
            self.notify(
                f"Niet bewaard: {count} {'veld klopt' if count == 1 else 'velden kloppen'} niet.", severity="error"
            )
            return
        self.dismiss(action)

    def action_cancel(self) -> None:
        if self.values() == self.initial:
            self.dismiss(None)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(
            ConfirmScreen("Wijzigingen weggooien?", "Je hebt in dit formulier iets veranderd. Weggooien?"), answered
        )


def _blank() -> Action:
    return Action(id="A0", titel="-")
