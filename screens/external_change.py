"""Told when the workbook file changed outside the app: load the version on disk, or keep working."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from models.store import next_conflict_path
from screens.base import AppDialog


class ExternalChangeScreen(AppDialog[bool]):
    """``h`` loads the version on disk (unsaved edits go to a new NAME.conflict.toml); ``v`` keeps working."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("h", "choose(True)", "Versie op schijf laden", id="schijf.laden"),
        Binding("v,escape", "choose(False)", "Verder werken", id="schijf.verder"),
    ]

    def __init__(self, path: Path, *, unsaved: bool) -> None:
        super().__init__()
        self.path = path
        self.unsaved = unsaved

    def compose(self) -> ComposeResult:
        copy = next_conflict_path(self.path).name
        if self.unsaved:
            choices = Content.assemble(
                ("h", "bold $accent"),
                f"  de versie op schijf laden; jouw wijzigingen gaan naar {copy}\n",
                ("v", "bold $accent"),
                "  verder werken; er wordt niets opgeslagen tot je kiest",
            )
            situation = "Je hebt wijzigingen die nog niet zijn opgeslagen. Het werkboek heeft niets overschreven."
        else:
            choices = Content.assemble(
                ("h", "bold $accent"),
                "  de versie op schijf laden\n",
                ("v", "bold $accent"),
                "  niet nu",
            )
            situation = "Je hebt geen wijzigingen die verloren kunnen gaan."
        with Vertical(id="external-dialog"):
            yield Static("Het werkboekbestand is buiten het werkboek gewijzigd", id="external-title")
            yield Static(
                f"{self.path.name} is veranderd sinds het werkboek het las of opsloeg, bijvoorbeeld door "
                f"een andere editor, git pull of git checkout. {situation}",
                id="external-text",
            )
            yield Static(choices, id="external-choices")

    def action_choose(self, reload: bool) -> None:
        self.dismiss(reload)
