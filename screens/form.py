"""What every form shares: labelled fields top to bottom, a Dutch message under the field that is
wrong, ``ctrl+s`` to check and keep, ``escape`` to cancel (asking only when something changed)."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Mapping
from typing import ClassVar, Generic, Self, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Input, Label, Select, SelectionList, Static, TextArea
from textual.widgets.select import InvalidSelectValueError

from models.drafts import Draft
from models.form_parsing import Errors, FormError, printable
from models.formatting import aantal
from screens.base import AppScreen
from screens.confirm import ConfirmScreen
from widgets.key_bar import KeyBar
from widgets.scroll import Scroll

T = TypeVar("T")
FormValues = dict[str, str | list[str]]


class FormScreen(AppScreen[T | None], Generic[T]):
    """A form that dismisses with what it describes, or None when cancelled."""

    IS_FORM: ClassVar[bool] = True

    HELP = (
        "Een formulier: tab gaat naar het volgende veld, ctrl+s controleert en bewaart, escape sluit (en "
        "vraagt alleen iets als je iets veranderde). Een veld dat niet klopt krijgt eronder een melding."
    )

    BINDINGS: ClassVar[list[BindingType]] = [
        # Not a priority binding: typed text still on its way to a field is in the form before it is saved.
        Binding("ctrl+s", "save", "Opslaan", tooltip="Controleer en bewaar", id="formulier.opslaan"),
        Binding("escape", "cancel", "Annuleren", tooltip="Sluit zonder te bewaren", id="formulier.annuleren"),
    ]
    LIVE_CHECKS: ClassVar[Mapping[str, Callable[[str], object]]] = {}
    """Fields checked while typing (dates, numbers), with the parser that checks them."""
    DRAFT_FORM: ClassVar[str] = ""
    """The name a draft of this form is kept under (see models/drafts.py); the main screen that opens
    the form brings the draft back."""

    initial: FormValues
    _restore: FormValues | None = None
    target: str = ""
    """What the form edits (an action id, a legal item, a log entry's place); empty for something new."""

    def draft_target(self) -> str:
        return self.target

    def restoring(self, values: FormValues) -> Self:
        """Open with ``values`` (a draft) filled in over what the form would show."""
        self._restore = values
        return self

    def as_draft(self) -> Draft | None:
        """What was typed, to keep when the app must close now; None when nothing changed."""
        if not self.DRAFT_FORM or not self.is_mounted:
            return None
        values = self.values()
        if values == self.initial:
            return None
        return Draft(self.DRAFT_FORM, self.draft_target(), self.title_text(), values)

    def title_text(self) -> str:
        raise NotImplementedError

    def compose_fields(self) -> ComposeResult:
        raise NotImplementedError

    def build(self, values: FormValues) -> tuple[T | None, Errors]:
        """What the form describes, or None and a message per field."""
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        yield Static(f" {self.title_text()}   ctrl+s opslaan · escape annuleren", id="form-title")
        with Scroll(classes="form-body"):
            yield from self.compose_fields()
        yield KeyBar()

    def row(self, name: str, label: str, widget: Widget) -> ComposeResult:
        """A label beside its field, and under it the place for that field's message."""
        with Horizontal(classes="form-row"):
            yield Label(label, classes="field-label")
            yield widget
        yield Label("", id=f"{name}-error", classes="field-error")

    def on_mount(self) -> None:
        self._show_printable()
        self.initial = self.values()
        if self._restore is not None:
            self.fill(self._restore)
        first = self.query(".form-body Input, .form-body TextArea, .form-body Select")
        if first:
            widget = first.first()
            if self._restore is not None and isinstance(widget, Input):
                # A form that came back by itself: a key meant for the screen must not replace the text.
                widget.select_on_focus = False
                widget.cursor_position = len(widget.value)
            widget.focus()

    def _show_printable(self) -> None:
        """Text from the file without terminal escape sequences and control characters: they are not
        shown (a shared file could clear the screen with them), and keeping the form drops them."""
        for field in self.query(Input):
            if (shown := printable(field.value, multiline=False)) != field.value:
                field.value = shown
        for area in self.query(TextArea):
            if (shown := printable(area.text)) != area.text:
                area.load_text(shown)

    def fill(self, values: FormValues) -> None:
        """Put ``values`` in the fields of the same name (a draft coming back); unknown names are skipped."""
        for widget in self.query(".form-body Input, .form-body TextArea, .form-body Select, .form-body SelectionList"):
            value = values.get(widget.id or "")
            if value is None:
                continue
            if isinstance(widget, Input) and isinstance(value, str):
                widget.value = value
            elif isinstance(widget, TextArea) and isinstance(value, str):
                widget.load_text(value)
            elif isinstance(widget, Select) and isinstance(value, str):
                with contextlib.suppress(InvalidSelectValueError):
                    widget.value = value if value else widget.value
            elif isinstance(widget, SelectionList) and isinstance(value, list):
                widget.deselect_all()
                for chosen in value:
                    with contextlib.suppress(Exception):
                        widget.select(chosen)

    @on(Input.Submitted)
    def _next_field(self, event: Input.Submitted) -> None:
        """``enter`` in a one-line field goes on to the next field, as tab does."""
        event.stop()
        self.focus_next()

    # -- reading the form -----------------------------------------------------------------------

    def values(self) -> FormValues:
        """Everything the form holds now: text per field, a list for a multiple choice."""
        result: FormValues = {}
        for widget in self.query(".form-body Input, .form-body TextArea, .form-body Select, .form-body SelectionList"):
            name = widget.id or ""
            if isinstance(widget, Input):
                result[name] = widget.value
            elif isinstance(widget, TextArea):
                result[name] = widget.text
            elif isinstance(widget, Select):
                result[name] = widget.value if isinstance(widget.value, str) else ""
            elif isinstance(widget, SelectionList):
                result[name] = [str(value) for value in widget.selected]
        return result

    def show_errors(self, errors: Errors) -> None:
        for label in self.query(".field-error").results(Label):
            field = (label.id or "").removesuffix("-error")
            label.update(f"⚠ {errors[field]}" if field in errors else "")
            label.set_class(field in errors, "-shown")

    @on(Input.Changed)
    def _check_as_you_type(self, event: Input.Changed) -> None:
        """Dates and numbers get their message while typing; the rest when saving."""
        parse = self.LIVE_CHECKS.get(event.input.id or "")
        if parse is None:
            return
        label = self.query_one(f"#{event.input.id}-error", Label)
        try:
            parse(event.value)
        except FormError as error:
            label.update(f"⚠ {error}")
            label.add_class("-shown")
        else:
            label.update("")
            label.remove_class("-shown")

    # -- keys -------------------------------------------------------------------------------------

    def action_save(self) -> None:
        result, errors = self.build(self.values())
        self.show_errors(errors)
        if result is None:
            first = next(iter(errors), None)
            target = self.query(f"#{first}") if first else None
            if target:
                widget: Widget = target.first()
                widget.focus()
                widget.scroll_visible(animate=False)
            count = len(errors)
            self.notify(f"Niet bewaard: {aantal(count, 'veld klopt', 'velden kloppen')} niet.", severity="error")
            return
        self.dismiss(result)

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


def text_values(values: FormValues) -> dict[str, str]:
    """The text fields of ``values`` (multiple choices left out)."""
    return {name: value for name, value in values.items() if isinstance(value, str)}
