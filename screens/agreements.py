"""Akkoord op het plan: who agreed to the plan van aanpak, when and by whose names (``[[akkoord]]``).

The plan's signature block shows the latest consent per role. Opened with ``a`` from the dashboard and the
logbook, or from the palette; ``escape`` goes back. Every change goes through the store (undo, autosave).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import OptionList, Static

from core.session import WorkbookSession
from models.agreements import (
    agreement_key,
    agreement_phrase,
    agreement_title,
    missing_roles,
    newest_first,
    next_role,
    role_label,
    short_label,
    with_agreement,
    without_agreement,
)
from models.drafts import Draft
from models.form_parsing import printable
from models.formatting import aantal, long_date, short_date
from models.workbook import Agreement
from screens.agreement_form import AgreementFormScreen
from screens.base import WorkbookScreen
from screens.confirm import ConfirmScreen
from screens.form import FormValues
from widgets.hanging_list import HangingOptionList, Line, Row
from widgets.key_bar import KeyBar
from widgets.scroll import Scroll

if TYPE_CHECKING:
    from textual.app import App


def open_agreements(app: App[Any], draft: Draft | None = None) -> None:
    """Show the screen (once; ``draft``: a consent form typed before the app closed comes back in it)."""
    if draft is None and any(isinstance(screen, AgreementsScreen) for screen in app.screen_stack):
        return
    app.push_screen(AgreementsScreen(draft))


class AgreementsScreen(WorkbookScreen):
    """The consents on the left, newest first; the chosen one in full on the right."""

    HELP = (
        "Wie akkoord gaf op het plan van aanpak: de werkgever, de OR of PVT (of de medewerkers), de adviseur. "
        "Het plan van aanpak zet het laatste akkoord per rol in het ondertekeningsblok. n legt een akkoord "
        "vast (vandaag), enter bewerkt, x verwijdert (na een vraag; ctrl+z zet het terug), escape gaat terug."
    )
    SWITCHES_SCREENS: ClassVar[bool] = False

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new", "Nieuw", tooltip="Leg een akkoord vast, met de datum van vandaag", id="akkoord.nieuw"),
        Binding("e", "edit", "Bewerken", tooltip="Bewerk het gekozen akkoord (ook enter)", id="akkoord.bewerken"),
        Binding("x", "delete", "Verwijderen", tooltip="Verwijder het akkoord (na een vraag; ctrl+z zet het terug)",
                id="akkoord.verwijderen"),
        Binding("escape", "close", "Sluiten", tooltip="Terug naar het vorige scherm", id="akkoord.sluiten"),
    ]  # fmt: skip

    def __init__(self, draft: Draft | None = None) -> None:
        super().__init__()
        self._draft = draft

    def compose(self) -> ComposeResult:
        yield self.header()
        with Horizontal(id="agreements-body"):
            entries = HangingOptionList(id="agreements-list")
            entries.border_title = "Akkoord op het plan"
            yield entries
            with Scroll(id="agreements-detail"):
                yield Static(id="agreements-detail-text")
        yield KeyBar()

    def on_mount(self) -> None:
        self._fill()
        self.entries.focus()
        if self._draft is not None:
            draft, self._draft = self._draft, None
            self.restore_draft(draft)

    @property
    def entries(self) -> HangingOptionList:
        return self.query_one("#agreements-list", HangingOptionList)

    def _fill(self) -> None:
        entries = newest_first(self.session.workbook)
        self.entries.show_rows([_row(position, entry) for position, entry in entries])
        self.entries.border_subtitle = f"{aantal(len(entries), 'akkoord', 'akkoorden')} · enter: bewerken"
        self._show_detail()

    def current(self) -> tuple[int, Agreement] | None:
        option = self.entries.highlighted_option
        if option is None or option.id is None:
            return None
        position = int(option.id)
        entries = self.session.workbook.akkoord
        return (position, entries[position]) if position < len(entries) else None

    def show_workbook(self, session: WorkbookSession) -> None:
        self._fill()

    @on(OptionList.OptionHighlighted, "#agreements-list")
    def _show_detail(self) -> None:
        detail = self.query_one("#agreements-detail-text", Static)
        chosen = self.current()
        lines: list[Content] = []
        if chosen is None:
            lines.append(
                Content.styled(
                    "Nog geen akkoord op het plan vastgelegd. n legt er een vast: wie akkoord gaf, wanneer en met "
                    "welke namen.",
                    "italic",
                )
            )
        else:
            entry = chosen[1]
            lines += [
                Content.styled(entry.label, "bold"),
                Content.styled(f"akkoord op {long_date(entry.datum)}", "$foreground-muted"),
            ]
            if entry.namen:
                lines += [Content(""), Content.styled("Namen", "bold $text-primary")]
                lines += [Content(f"• {printable(name, multiline=False)}") for name in entry.namen]
            if entry.plaats:
                lines += [Content(""), Content.styled("Plaats", "bold $text-primary")]
                lines.append(Content(printable(entry.plaats, multiline=False)))
            if entry.opmerking:
                lines += [Content(""), Content.styled("Opmerking", "bold $text-primary")]
                lines.append(Content(printable(entry.opmerking)))
        missing = missing_roles(self.session.workbook)
        lines += [Content(""), Content.styled("Ondertekening van het plan", "bold $text-primary")]
        if missing:
            roles = ", ".join(role_label(role) for role in missing)
            lines.append(Content(f"Nog geen akkoord van: {roles}. Het plan laat voor hen lege regels om te tekenen."))
        else:
            lines.append(Content("Werkgever, medezeggenschap en adviseur gaven akkoord."))
        detail.update(Content("\n").join(lines))

    # -- keys -------------------------------------------------------------------------------------

    def restore_draft(self, draft: Draft) -> None:
        """Open the consent form again with what was typed before the app closed."""
        entries = self.session.workbook.akkoord
        position = int(draft.target) if draft.target.isdigit() else -1
        if 0 <= position < len(entries):
            self._edit(position, entries[position], draft.values)
        else:
            self.action_new(draft.values)

    def _taken(self, position: int | None = None) -> set[str]:
        """The keys of the consents other than the one at ``position``."""
        return {agreement_key(e) for i, e in enumerate(self.session.workbook.akkoord) if i != position}

    def action_new(self, draft: FormValues | None = None) -> None:
        def saved(entry: Agreement | None) -> None:
            if entry is not None and self.werkboek.change(
                with_agreement(self.session.workbook, entry), f"{agreement_phrase(entry)} vastgelegd"
            ):
                self._highlight(entry)

        workbook = self.session.workbook
        form = AgreementFormScreen(self.session.today, taken=self._taken(), door=next_role(workbook))
        self.app.push_screen(form.restoring(draft) if draft else form, saved)

    def _highlight(self, entry: Agreement) -> None:
        shown = newest_first(self.session.workbook)
        self.entries.highlighted = next(index for index, (_, found) in enumerate(shown) if found is entry)

    @on(OptionList.OptionSelected, "#agreements-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        position = int(event.option.id or "0")
        entries = self.session.workbook.akkoord
        if position < len(entries):
            self._edit(position, entries[position])

    def action_edit(self) -> None:
        chosen = self.current()
        if chosen is not None:
            self._edit(*chosen)

    def _edit(self, position: int, original: Agreement, draft: FormValues | None = None) -> None:
        def saved(entry: Agreement | None) -> None:
            if entry is not None and entry != original:
                workbook = with_agreement(self.session.workbook, entry, position)
                if self.werkboek.change(workbook, f"{agreement_phrase(entry)} bewerkt"):
                    self._highlight(entry)

        form = AgreementFormScreen(self.session.today, original, taken=self._taken(position))
        form.target = str(position)
        self.app.push_screen(form.restoring(draft) if draft else form, saved)

    def action_delete(self) -> None:
        chosen = self.current()
        if chosen is None:
            return
        position, entry = chosen
        title = agreement_title(entry)

        def answered(yes: bool | None) -> None:
            entries = self.session.workbook.akkoord
            if not yes or position >= len(entries) or entries[position] is not entry:
                return
            description = f"{agreement_phrase(entry)} verwijderd"
            if self.werkboek.change(without_agreement(self.session.workbook, position), description):
                self.notify(f"{title} verwijderd; ctrl+z zet het terug.", timeout=6)

        names = f" ({', '.join(entry.namen)})" if entry.namen else ""
        self.app.push_screen(ConfirmScreen("Akkoord verwijderen?", f"{title}{names} verwijderen?"), answered)

    def action_close(self) -> None:
        self.dismiss()


def _row(position: int, entry: Agreement) -> Row:
    """Date and role, and under them the names and the place."""
    first = Line(Content.styled(f"{short_date(entry.datum):<12}", "bold"), short_label(entry.door))
    return Row(str(position), (first, Line(Content(" " * 12), _names_and_place(entry), "$foreground-muted")))


def _names_and_place(entry: Agreement) -> str:
    names = ", ".join(printable(name, multiline=False) for name in entry.namen) or "(geen namen)"
    return f"{names} · {printable(entry.plaats, multiline=False)}" if entry.plaats else names
