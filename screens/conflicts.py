"""Conflicten: what a merge could not decide, one conflict at a time, with the three versions side by side
(basis, ons, hun). One key takes a side (or a value typed in); every choice is an ordinary change of the
workbook (saved, undoable) and nothing is dropped before the user chooses."""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from core.session import WorkbookSession
from models.form_parsing import FormError, parse_amount, parse_date, printable
from models.formatting import aantal, plain_number, short_date
from models.merge_conflicts import Choice, ResolveError, conflict_view, resolve_conflict
from models.workbook import Conflict, Workbook
from screens.base import WorkbookScreen
from screens.prompt import TextPromptScreen
from widgets.key_bar import KeyBar
from widgets.lists import ChoiceList
from widgets.scroll import Scroll

SIDES: dict[Choice, str] = {"ons": "ons", "hun": "hun", "basis": "de basis"}


def full_value(value: Any) -> str:
    """A value of a conflict in full, on as many lines as it needs (a whole entry: one field per line)."""
    if value in ([], {}):
        return "(leeg)"
    if isinstance(value, list):
        return "\n".join(f"• {full_value(item)}" for item in value)
    if isinstance(value, dict):
        return "\n".join(f"{key}: {_inline(item)}" for key, item in value.items())
    return _scalar(value)


def _inline(value: Any) -> str:
    """A field of a whole entry: a list on the same line, separated by commas."""
    if isinstance(value, list):
        return ", ".join(_inline(item) for item in value) or "(leeg)"
    return _scalar(value)


def _scalar(value: Any) -> str:
    if value is None or value == "":
        return "(leeg)"
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, dt.date):
        return short_date(value)
    if isinstance(value, float):
        return plain_number(value)
    return printable(str(value))


def typed_value(text: str, like: Any) -> Any:
    """What a consultant typed, read as the kind of value the field holds (a date, a number, a list)."""
    text = text.strip()
    if not text:
        return None
    if isinstance(like, dt.date):
        return parse_date(text)
    if isinstance(like, bool):
        return text.lower() in {"ja", "j", "waar", "1"}
    if isinstance(like, int | float):
        number = parse_amount(text)
        return int(number) if isinstance(like, int) and number is not None and number == int(number) else number
    if isinstance(like, list):
        return [part.strip() for part in text.replace(";", ",").split(",") if part.strip()]
    return text


class ConflictsScreen(WorkbookScreen):
    """The conflicts of the open workbook; closes by itself when the last one is resolved."""

    HELP = (
        "Een samenvoeging (bijwerken, of 'werkboek merge') vond plekken waar jij en een collega hetzelfde "
        "anders veranderden, of waar de een iets wijzigde dat de ander verwijderde. Per conflict staan de "
        "drie versies naast elkaar: basis (zoals het was), ons (jouw versie) en hun (die van de ander). "
        "o neemt ons, h neemt hun, b de basis, e typt zelf een waarde. Elke keuze wordt opgeslagen en kan "
        "met ctrl+z terug. Zijn ze allemaal opgelost, leg dan vast (v op het dashboard) om de samenvoeging "
        "af te ronden."
    )
    SWITCHES_SCREENS: ClassVar[bool] = False
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("o", "choose('ons')", "Ons", tooltip="Houd jouw versie", id="conflicten.ons"),
        Binding("h", "choose('hun')", "Hun", tooltip="Neem de versie van de ander", id="conflicten.hun"),
        Binding("b", "choose('basis')", "Basis", tooltip="Zet terug zoals het voor beide wijzigingen was",
                id="conflicten.basis"),
        Binding("e", "edit", "Zelf", tooltip="Typ zelf de waarde die blijft", id="conflicten.zelf"),
        Binding("escape", "close", "Later", tooltip="Sluit; de conflicten blijven in het bestand tot je kiest",
                id="conflicten.sluiten"),
    ]  # fmt: skip

    def compose(self) -> ComposeResult:
        yield self.header()
        with Vertical(id="conflicts"):
            yield Static(id="conflicts-title")
            yield ChoiceList(id="conflicts-list")
            yield Static(id="conflicts-where")
            with Scroll(id="conflicts-versions"), Horizontal():
                for side, label in (("basis", "Basis"), ("ons", "Ons (jij)"), ("hun", "Hun (collega)")):
                    column = Static(id=f"conflict-{side}", classes="conflict-version")
                    column.border_title = label
                    yield column
        yield KeyBar()

    def on_mount(self) -> None:
        super().on_mount()
        self.show_workbook(self.session)
        self.query_one(OptionList).focus()

    def show_workbook(self, session: WorkbookSession) -> None:
        conflicts = session.workbook.conflicten
        if not conflicts:
            self.dismiss()
            self.notify(
                "Alle conflicten zijn opgelost. Leg het werkboek vast (v op het dashboard) om de samenvoeging af te "
                "ronden.",
                title="Conflicten",
                timeout=12,
            )
            return
        listing = self.query_one(OptionList)
        keep = min(listing.highlighted or 0, len(conflicts) - 1)
        views = [conflict_view(session.workbook, conflict, session.content) for conflict in conflicts]
        listing.set_options(
            Option(Content.assemble((f"{view.where}", "bold"), f" · {view.field}"), id=str(number))
            for number, view in enumerate(views)
        )
        listing.highlighted = keep
        self.query_one("#conflicts-title", Static).update(
            Content.assemble(
                (aantal(len(conflicts), "conflict", "conflicten"), "bold $warning"),
                "  ·  o ons · h hun · b basis · e zelf typen · escape later",
            )
        )
        self._show_versions(keep)

    @on(OptionList.OptionHighlighted, "#conflicts-list")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show_versions(event.option_index)

    def _current(self) -> tuple[int, Conflict] | None:
        conflicts = self.session.workbook.conflicten
        index = self.query_one(OptionList).highlighted
        if index is None or not 0 <= index < len(conflicts):
            return None
        return index, conflicts[index]

    def _show_versions(self, index: int) -> None:
        workbook = self.session.workbook
        if not 0 <= index < len(workbook.conflicten):
            return
        conflict = workbook.conflicten[index]
        view = conflict_view(workbook, conflict, self.session.content)
        self.query_one("#conflicts-where", Static).update(
            Content.assemble(("Waar: ", "bold"), f"{view.where}, {view.field}", ("  —  ", ""), view.description)
        )
        for side in ("basis", "ons", "hun"):
            value = getattr(conflict, side)
            shown = full_value(value) if conflict.veld else _entry_text(value, getattr(view, side))
            self.query_one(f"#conflict-{side}", Static).update(Content(shown))

    # -- choosing -------------------------------------------------------------------------------

    def action_choose(self, side: Choice) -> None:
        found = self._current()
        if found is None:
            return
        index, conflict = found
        where = conflict_view(self.session.workbook, conflict, self.session.content)
        self._resolve(index, side, None, f"conflict {where.where}, {where.field}: {SIDES[side]} gekozen")

    def _resolve(self, index: int, choice: Choice, value: Any, description: str) -> bool:
        try:
            resolved: Workbook = resolve_conflict(
                self.session.workbook, index, choice, value, content=self.session.content
            )
        except ResolveError as error:
            self.notify(f"Niet opgelost: {error}", severity="error", timeout=10)
            return False
        if self.werkboek.change(resolved, description):
            self.notify(f"{description[:1].upper()}{description[1:]}.", timeout=4)
            return True
        return False

    def action_edit(self) -> None:
        found = self._current()
        if found is None:
            return
        index, conflict = found
        like = conflict.ons if conflict.ons is not None else conflict.hun
        if conflict.veld is None or isinstance(like, dict) or (isinstance(like, str) and "\n" in like):
            self.notify(
                "Deze waarde is te groot om hier te typen: kies een kant (o, h of b) en pas het daarna aan op "
                "het scherm zelf.",
                severity="warning",
                timeout=8,
            )
            return
        view = conflict_view(self.session.workbook, conflict, self.session.content)

        def check(text: str) -> str | None:
            try:
                typed_value(text, like)
            except FormError as error:
                return str(error)
            return None

        def typed(text: str | None) -> None:
            if text is not None:
                self._resolve(
                    index, "waarde", typed_value(text, like), f"conflict {view.where}, {view.field}: zelf getypt"
                )

        current = "" if like is None else full_value(like).replace("\n", ", ").replace("• ", "")
        self.app.push_screen(
            TextPromptScreen(
                f"Zelf kiezen: {view.where}, {view.field}",
                "enter houdt deze waarde · escape annuleert",
                current,
                check=check,
            ),
            typed,
        )

    def action_close(self) -> None:
        count = len(self.session.workbook.conflicten)
        self.dismiss()
        self.notify(
            f"Nog {aantal(count, 'conflict', 'conflicten')} in het werkboek; 'Conflicten oplossen' in het palet "
            "(ctrl+p) brengt je terug.",
            timeout=8,
        )


def _entry_text(value: Any, state: str) -> str:
    """A whole entry (edited on one side, deleted on the other): what happened to it, then its fields."""
    if value is None:
        return state
    return f"{state}\n\n{full_value(value)}"
