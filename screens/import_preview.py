"""Excel terug inlezen: what reading the employer's Excel back would change, shown before anything changes.

The changes read as in ``werkboek diff`` and the history; ``j`` (or enter) applies them as one undoable
change, ``n`` (or escape) leaves the workbook as it was. When the sheet cannot be read, the same dialog
lists every problem (sheet and cell) and can only be closed: nothing is applied.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from models.diff import DiffLine
from models.formatting import aantal
from screens.base import AppDialog
from screens.history import grouped_changes
from widgets.scroll import Scroll


class ImportPreviewScreen(AppDialog[bool]):
    """Dismisses with True when the changes are to be applied."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,enter", "apply", "Toepassen", tooltip="De wijzigingen uit Excel overnemen", id="inlezen.toepassen"),
        Binding("n,escape", "cancel", "Niet toepassen", tooltip="Sluiten; het werkboek blijft zoals het was",
                id="inlezen.annuleren"),
    ]  # fmt: skip

    def __init__(self, source: str, changes: list[DiffLine], problems: list[str] | None = None) -> None:
        super().__init__()
        self.source = source
        self.changes = changes
        self.problems = problems or []

    def compose(self) -> ComposeResult:
        with Vertical(id="import-dialog"):
            yield Static(Content(self._title()), id="import-title")  # a file name is text, never markup
            with Scroll(id="import-body"):
                yield Static(Content("\n").join(self._lines()), id="import-lines")
            yield Static(self._keys(), id="import-keys")

    def on_mount(self) -> None:
        self.query_one(Scroll).focus()

    def _title(self) -> str:
        if self.problems:
            return f"Niet ingelezen: {self.source}"
        if not self.changes:
            return f"Niets te veranderen: {self.source}"
        return f"Inlezen uit {self.source}: {aantal(len(self.changes), 'wijziging', 'wijzigingen')}"

    def _lines(self) -> list[Content]:
        if self.problems:
            intro = Content.styled("Er is niets overgenomen. Verbeter dit in Excel en lees het opnieuw in:", "bold")
            return [intro, *(Content(f"  {problem}") for problem in self.problems)]
        if not self.changes:
            return [Content("Het Excel-bestand zegt hetzelfde als het werkboek.")]
        return grouped_changes(self.changes)

    def _keys(self) -> str:
        if self.problems or not self.changes:
            return "[b]escape[/b] sluiten"
        return "[b]j[/b] toepassen (ongedaan te maken met ctrl+z)   [b]n[/b] niet toepassen"

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "apply":
            return not self.problems and bool(self.changes)
        return super().check_action(action, parameters)

    def action_apply(self) -> None:
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)
