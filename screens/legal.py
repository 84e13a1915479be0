"""Wettelijk minimum: what the law asks of every employer, and per item where this client stands
(aanwezig, ontbreekt, onbekend or nvt, with a date and a note). A missing item becomes an action
with one key; the action keeps a link to the item.

Each item also says what it means at the client's size (Organisatie: medewerkers and medezeggenschap):
an exemption may apply, it does not apply, or the size is not known; the reason is in the detail."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import OptionList, Static

from core.session import WorkbookSession
from models.content_items import LegalItem
from models.drafts import Draft
from models.form_parsing import printable
from models.formatting import short_date
from models.legal import (
    STATUS_MARKS,
    actions_for,
    client_scope,
    legal_figures,
    legal_state,
    source_key,
    with_legal_state,
    with_next_status,
)
from models.legal_scope import Scope
from models.sources import cite
from models.workbook import LegalItemState
from screens.base import WorkbookScreen
from screens.form import FormValues
from screens.legal_form import LegalFormScreen
from widgets.hanging_list import HangingOptionList, Line, Row
from widgets.item_view import source_lines
from widgets.key_bar import KeyBar
from widgets.scroll import Scroll

STATUS_STYLES = {
    "aanwezig": "bold $success",
    "ontbreekt": "bold $error",
    "onbekend": "$warning",
    "nvt": "$foreground-muted",
}


SCOPE_STYLES = {
    "geldt": "",
    "uitzondering": "italic",
    "geldt niet": "$foreground-muted",
    "onbekend": "$warning",
}
"""For the line under a row; the sign and words carry the meaning, the style only helps."""


def status_text(status: str, width: int = 0) -> Content:
    """The status with its sign, so it never depends on colour alone."""
    return Content.styled(f"{STATUS_MARKS[status]} {status}".ljust(width), STATUS_STYLES[status])


def scope_text(scope: Scope) -> str:
    """The scope as a sign and words (``≈ uitzondering mogelijk``), so it never depends on colour alone."""
    return f"{scope.mark} {scope.label}".strip()


def organisation_size(session: WorkbookSession) -> str:
    """The size and representation the scope was worked out from, as shown in the detail."""
    organisation = session.workbook.organisatie
    size = f"{organisation.medewerkers} medewerkers" if organisation.medewerkers else "aantal medewerkers onbekend"
    body = {"or": "OR", "pvt": "PVT", "geen": "geen OR of PVT"}.get(organisation.medezeggenschap or "")
    return f"{size}, {body}" if body else size


class LegalScreen(WorkbookScreen):
    """The legal-minimum checklist on the left, the chosen item in full on the right."""

    HELP = (
        "Het wettelijk minimum: per onderdeel of het aanwezig is, ontbreekt, onbekend is of niet van "
        "toepassing. Onder een onderdeel staat wat het betekent bij de omvang van de klant (aantal "
        "medewerkers en medezeggenschap op Organisatie): ≈ uitzondering mogelijk, – geldt niet bij deze "
        "omvang, of ? omvang onbekend; waarom staat rechts. Wat bij deze omvang niet geldt, telt niet mee "
        "in 'in orde'. Spatie zet de volgende status, e of enter bewerkt datum en notitie, a zet een "
        "ontbrekend onderdeel als actie in het plan."
    )

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "next_status", "Volgende status",
                tooltip="onbekend → aanwezig → ontbreekt → nvt", id="wettelijk.volgende-status"),
        Binding("e", "edit", "Bewerken", tooltip="Status, datum en notitie van het item (ook enter)",
                id="wettelijk.bewerken"),
        Binding("a", "add_action", "Als actie",
                tooltip="Maak van het item een actie in het plan, gekoppeld aan het item", id="wettelijk.actie"),
    ]  # fmt: skip

    def compose(self) -> ComposeResult:
        yield self.header()
        with Horizontal(id="legal-body"):
            yield HangingOptionList(id="legal-list")
            with Scroll(id="legal-detail"):
                yield Static(id="legal-detail-text")
        yield KeyBar()

    def on_mount(self) -> None:
        self._refresh_rows()
        self.items.highlighted = 0
        self.items.focus()
        self._titles()

    @property
    def items(self) -> HangingOptionList:
        return self.query_one("#legal-list", HangingOptionList)

    def _refresh_rows(self) -> None:
        self.items.show_rows([self._row(item) for item in self.session.content.legal])

    def _row(self, item: LegalItem) -> Row:
        """The status and title, and under it what the item means at this size unless it simply applies."""
        workbook = self.session.workbook
        scope = client_scope(workbook, item)
        title_style = "$foreground-muted" if scope.verdict == "geldt niet" else "$foreground"
        lines = [Line(status_text(legal_state(workbook, item.id).status, 12), item.titel, title_style)]
        if scope.verdict != "geldt":
            lines.append(Line(Content(" " * 12), scope_text(scope), SCOPE_STYLES[scope.verdict]))
        return Row(item.id, tuple(lines))

    def _titles(self) -> None:
        figures = legal_figures(self.session.workbook, self.session.content)
        self.items.border_title = f"Wettelijk minimum · {figures.in_order} van {figures.total} in orde"
        parts = [f"ontbreekt {len(figures.missing)}", f"onbekend {len(figures.unknown)}"]
        if figures.not_applicable:
            parts.append(f"geldt niet {len(figures.not_applicable)}")
        self.items.border_subtitle = " · ".join(parts)

    def current(self) -> LegalItem | None:
        option = self.items.highlighted_option
        return self.session.content.legal_by_id.get(option.id or "") if option is not None else None

    def show_workbook(self, session: WorkbookSession) -> None:
        self._refresh_rows()
        self._titles()
        self._show_detail()

    @on(OptionList.OptionHighlighted, "#legal-list")
    def _show_detail(self) -> None:
        item = self.current()
        if item is None:
            return
        workbook = self.session.workbook
        state = legal_state(workbook, item.id)
        status_line = [Content.styled("Status: ", "bold"), status_text(state.status)]
        if state.datum:
            status_line.append(Content(f" · {short_date(state.datum)}"))
        scope = client_scope(workbook, item)
        lines: list[Content] = [Content.styled(item.titel, "bold"), Content.assemble(*status_line)]
        if scope.verdict != "geldt":
            lines.append(
                Content.assemble(("Omvang: ", "bold"), Content.styled(scope_text(scope), SCOPE_STYLES[scope.verdict]))
            )
        if state.notitie:
            lines.append(Content.styled(printable(state.notitie), "italic"))
        actions = actions_for(workbook, item)
        for action in actions:
            lines.append(
                Content.assemble(
                    ("Actie: ", "bold"), f"{action.id} {printable(action.titel, multiline=False)} ({action.status})"
                )
            )
        if not actions and state.status == "ontbreekt":
            lines.append(Content.styled("Nog geen actie; a zet het item in het plan.", "$warning"))
        lines += [
            Content(""),
            Content.styled("Wat de wet vraagt", "bold $text-primary"),
            Content(item.eis),
            Content(""),
            Content.styled("Voor wie", "bold $text-primary"),
            Content(item.voor_wie),
            Content(""),
            Content.styled(f"Bij deze klant ({organisation_size(self.session)})", "bold $text-primary"),
            Content.assemble((f"{scope_text(scope)}: ", "bold"), scope.reason)
            if scope.verdict != "geldt"
            else Content(scope.reason),
            Content(""),
            Content.styled("In orde als", "bold $text-primary"),
            Content(item.in_orde),
            Content(""),
            Content.assemble(
                ("Artikel: ", "bold"), item.artikel or "niet opgegeven; de wet staat in de tekst en onder Meer"
            ),
            *source_lines(cite(item.bron, self.session.content)),
        ]
        if item.verwijzing:
            lines.append(Content.styled(f"Meer: {item.verwijzing}", "$foreground-muted"))
        self.query_one("#legal-detail-text", Static).update(Content("\n").join(lines))

    # -- keys -------------------------------------------------------------------------------------

    def action_next_status(self) -> None:
        item = self.current()
        if item is None:
            return
        workbook = with_next_status(self.session.workbook, item.id)
        status = legal_state(workbook, item.id).status
        self.werkboek.change(workbook, f"{item.titel}: {status}")

    @on(OptionList.OptionSelected, "#legal-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self._edit(self.session.content.legal_by_id.get(event.option.id or ""))

    def action_edit(self) -> None:
        self._edit(self.current())

    def restore_draft(self, draft: Draft) -> None:
        """Open the item's form again with what was typed before the app closed."""
        self._edit(self.session.content.legal_by_id.get(draft.target), draft.values)

    def _edit(self, item: LegalItem | None, draft: FormValues | None = None) -> None:
        if item is None:
            return
        original = legal_state(self.session.workbook, item.id)

        def saved(state: LegalItemState | None) -> None:
            if state is not None and state != original:
                self.werkboek.change(with_legal_state(self.session.workbook, item.id, state), f"{item.titel} bewerkt")

        scope = client_scope(self.session.workbook, item)
        note = f"Bij deze omvang: {scope_text(scope)} (waarom: zie Bij deze klant)" if scope.verdict != "geldt" else ""
        form = LegalFormScreen(item, original, note)
        self.app.push_screen(form.restoring(draft) if draft else form, saved)

    def action_add_action(self) -> None:
        item = self.current()
        if item is None:
            return
        existing = actions_for(self.session.workbook, item)
        if existing:
            ids = ", ".join(action.id for action in existing)
            self.notify(f"Voor '{item.titel}' is er al een actie: {ids}. Zie Acties (4).", timeout=6)
            return
        library_item = self.session.library.by_key[source_key(item)]
        self.werkboek.add_item_as_action(library_item)
