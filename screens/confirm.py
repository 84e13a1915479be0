"""A yes/no question in a small dialog; answered with one key."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Static

from screens.base import AppDialog


class ConfirmScreen(AppDialog[bool]):
    """Asks one question; ``j`` (or enter) answers yes, ``n`` (or escape) no."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,enter", "answer(True)", "Ja", id="vraag.ja"),
        Binding("n,escape", "answer(False)", "Nee", id="vraag.nee"),
    ]

    def __init__(self, title: str, question: str) -> None:
        super().__init__()
        self.title_text = title
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-dialog"):
            yield Static(self.title_text, id="confirm-title")
            yield Static(self.question, id="confirm-question")
            yield Static("[b]j[/b] ja   [b]n[/b] nee", id="confirm-keys")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
