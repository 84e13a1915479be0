"""Logboek: the record of each session with the client (who was there, what was discussed, what
was agreed), newest first. ``n`` adds an entry dated today."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import OptionList, Static

from core.session import WorkbookSession
from models.drafts import Draft
from models.form_parsing import printable
from models.formatting import aantal, short_date
from models.logbook import newest_first, with_log_entry, without_log_entry
from models.workbook import LogEntry
from screens.agreement_form import AgreementFormScreen
from screens.agreements import open_agreements
from screens.base import WorkbookScreen
from screens.form import FormValues
from screens.log_form import LogFormScreen
from widgets.hanging_list import HangingOptionList, Line, Row
from widgets.key_bar import KeyBar
from widgets.scroll import Scroll


class LogbookScreen(WorkbookScreen):
    """The entries on the left, the chosen one in full on the right."""

    HELP = (
        "De verslagen van de sessies met de klant, nieuwste eerst: wie er was, wat besproken is en wat is "
        "afgesproken. n begint een verslag van vandaag."
    )
    PALETTE_ANYWHERE: ClassVar[frozenset[str]] = frozenset({"new"})
    """Commands the palette offers from other screens too: they need nothing chosen first."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new", "Nieuw", tooltip="Een nieuw verslag, met de datum van vandaag", id="logboek.nieuw"),
        Binding("e", "edit", "Bewerken", tooltip="Bewerk het gekozen verslag (ook enter)", id="logboek.bewerken"),
        Binding("x", "delete", "Verwijderen", tooltip="Verwijder het verslag (ctrl+z zet het terug)",
                id="logboek.verwijderen"),
        Binding("a", "agreements", "Akkoord", tooltip="Wie akkoord gaf op het plan van aanpak", show=False,
                id="logboek.akkoord"),
    ]  # fmt: skip

    def compose(self) -> ComposeResult:
        yield self.header()
        with Horizontal(id="log-body"):
            entries = HangingOptionList(id="log-list")
            entries.border_title = "Logboek"
            yield entries
            with Scroll(id="log-detail"):
                yield Static(id="log-detail-text")
        yield KeyBar()

    def on_mount(self) -> None:
        self._fill()
        self.entries.focus()

    @property
    def entries(self) -> HangingOptionList:
        return self.query_one("#log-list", HangingOptionList)

    def _fill(self) -> None:
        entries = newest_first(self.session.workbook)
        self.entries.show_rows(
            [
                Row(str(position), (Line(Content.styled(f"{short_date(entry.datum):<12}", "bold"), entry.titel),))
                for position, entry in entries
            ]
        )
        self.entries.border_subtitle = f"{aantal(len(entries), 'verslag', 'verslagen')} · enter: bewerken"
        self._show_detail()

    def current(self) -> tuple[int, LogEntry] | None:
        option = self.entries.highlighted_option
        if option is None or option.id is None:
            return None
        position = int(option.id)
        entries = self.session.workbook.logboek
        return (position, entries[position]) if position < len(entries) else None

    def show_workbook(self, session: WorkbookSession) -> None:
        self._fill()

    @on(OptionList.OptionHighlighted, "#log-list")
    def _show_detail(self) -> None:
        detail = self.query_one("#log-detail-text", Static)
        chosen = self.current()
        if chosen is None:
            detail.update(Content.styled("Nog geen verslagen. n begint er een, met de datum van vandaag.", "italic"))
            return
        entry = chosen[1]
        lines: list[Content] = [
            Content.styled(printable(entry.titel, multiline=False), "bold"),
            Content.styled(short_date(entry.datum), "$foreground-muted"),
        ]
        if entry.deelnemers:
            lines += [Content(""), Content.styled("Deelnemers", "bold $text-primary")]
            lines += [Content(f"• {printable(person, multiline=False)}") for person in entry.deelnemers]
        if entry.notitie:
            lines += [Content(""), Content.styled("Besproken", "bold $text-primary"), Content(printable(entry.notitie))]
        if entry.afspraken:
            lines += [Content(""), Content.styled("Afspraken", "bold $text-primary")]
            lines += [Content(f"• {printable(agreement, multiline=False)}") for agreement in entry.afspraken]
        detail.update(Content("\n").join(lines))

    # -- keys -------------------------------------------------------------------------------------

    def restore_draft(self, draft: Draft) -> None:
        """Open the log form again with what was typed before the app closed (a consent's form: on the
        Akkoord screen, which is opened from here)."""
        if draft.form == AgreementFormScreen.DRAFT_FORM:
            open_agreements(self.app, draft)
            return
        entries = self.session.workbook.logboek
        position = int(draft.target) if draft.target.isdigit() else -1
        if 0 <= position < len(entries):
            self._edit(position, entries[position], draft.values)
        else:
            self.action_new(draft.values)

    def action_new(self, draft: FormValues | None = None) -> None:
        def saved(entry: LogEntry | None) -> None:
            if entry is not None and self.werkboek.change(
                with_log_entry(self.session.workbook, entry), f"verslag '{entry.titel}' toegevoegd"
            ):
                self.entries.highlighted = next(
                    index for index, (_, shown) in enumerate(newest_first(self.session.workbook)) if shown is entry
                )

        form = LogFormScreen(self.session.today)
        self.app.push_screen(form.restoring(draft) if draft else form, saved)

    @on(OptionList.OptionSelected, "#log-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        position = int(event.option.id or "0")
        entries = self.session.workbook.logboek
        if position < len(entries):
            self._edit(position, entries[position])

    def action_edit(self) -> None:
        chosen = self.current()
        if chosen is not None:
            self._edit(*chosen)

    def _edit(self, position: int, original: LogEntry, draft: FormValues | None = None) -> None:
        def saved(entry: LogEntry | None) -> None:
            if entry is not None and entry != original:
                workbook = with_log_entry(self.session.workbook, entry, position)
                self.werkboek.change(workbook, f"verslag '{entry.titel}' bewerkt")

        form = LogFormScreen(self.session.today, original)
        form.target = str(position)
        self.app.push_screen(form.restoring(draft) if draft else form, saved)

    def action_agreements(self) -> None:
        open_agreements(self.app)

    def action_delete(self) -> None:
        chosen = self.current()
        if chosen is None:
            return
        position, entry = chosen
        description = f"verslag '{entry.titel}' van {short_date(entry.datum)} verwijderd"
        if self.werkboek.change(without_log_entry(self.session.workbook, position), description):
            self.notify(f"{description[0].upper()}{description[1:]}; ctrl+z zet het terug.", timeout=6)
