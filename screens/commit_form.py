"""Vastleggen: the commit message for the workbook, suggested from what changed in meaning and
editable before the commit is made."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from models.form_parsing import Errors
from screens.form import FormScreen, FormValues
from widgets.text_box import TextBox


class CommitFormScreen(FormScreen[str]):
    """Dismisses with the commit message, or None when cancelled."""

    HELP = (
        "Vastleggen maakt in git een versie van dit werkboek, met een beschrijving. De beschrijving is "
        "voorgesteld uit wat er inhoudelijk veranderde sinds de vorige vastlegging; pas haar aan zoals je "
        "wilt. ctrl+s legt vast, escape annuleert."
    )
    DRAFT_FORM = "vastleggen"

    def __init__(self, suggestion: str, where: str) -> None:
        super().__init__()
        self.suggestion = suggestion
        self.where = where

    def title_text(self) -> str:
        return "Vastleggen in git"

    def compose_fields(self) -> ComposeResult:
        yield Static(self.where, classes="form-help")
        area = TextBox(self.suggestion, id="bericht", classes="h12", soft_wrap=True, tab_behavior="focus", compact=True)
        yield from self.row("bericht", "Beschrijving", area)

    def build(self, values: FormValues) -> tuple[str | None, Errors]:
        message = str(values.get("bericht", "")).strip()
        if not message:
            return None, {"bericht": "schrijf in een paar woorden wat er veranderde"}
        return message, {}
