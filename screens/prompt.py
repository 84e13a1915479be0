"""Ask for one line of text (a note, a date) over the current screen: ``enter`` keeps it, ``escape``
leaves everything as it was. A check can refuse the text with a message, and the box stays open."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, Label, Static

from screens.base import AppDialog
from widgets.text_field import SearchField

Check = Callable[[str], str | None]
"""Returns a Dutch message when the text cannot be used, else None."""


class TextPromptScreen(AppDialog[str | None]):
    """Dismisses with the text typed (possibly empty), or None on escape."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Annuleren", tooltip="Sluiten zonder iets te veranderen", id="vraag.annuleren"),
    ]

    def __init__(
        self, title: str, hint: str, value: str = "", *, placeholder: str = "", check: Check | None = None
    ) -> None:
        super().__init__()
        self.title_text = title
        self.hint = hint
        self.value = value
        self.placeholder = placeholder
        self.check = check

    def compose(self) -> ComposeResult:
        with Vertical(id="prompt-dialog"):
            yield Static(self.title_text, id="prompt-title")
            yield SearchField(self.value, placeholder=self.placeholder, id="prompt-input")
            yield Label("", id="prompt-error")
            yield Static(self.hint, id="prompt-hint")

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        problem = self.check(event.value) if self.check else None
        if problem:
            error = self.query_one("#prompt-error", Label)
            error.update(f"⚠ {problem}")
            error.add_class("-shown")
            return
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)
