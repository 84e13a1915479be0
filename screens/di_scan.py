"""DI-scan: per indicator of the five DI aspects (seed 003) how far the client is — niet, begonnen or
geborgd — with a note, on a date (``[[di_scan]]``).

The list shows the indicators grouped by aspect with their mark as a sign and a word; the detail shows
what the highlighted indicator means, the chance that actions on it continue, and the library's actions
for it. Opened with ``d`` from Organisatie or from the palette; ``escape`` goes back. Every change goes
through the store (undo, autosave).
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
from models.content import Di
from models.di_items import DiIndicator
from models.di_scan import (
    CONTINUATION_MEANING,
    MARK_SIGNS,
    UNJUDGED,
    UNJUDGED_SIGN,
    ScanDateTaken,
    continuation_text,
    latest_scan,
    with_indicator_note,
    with_new_scan,
    with_next_mark,
    with_scan_note,
)
from models.form_parsing import printable
from models.formatting import short_date
from models.problems import WorkbookError
from models.sources import cite
from models.workbook import DiScan
from screens.base import WorkbookScreen
from screens.prompt import TextPromptScreen
from widgets.hanging_list import HangingOptionList, Line, Row
from widgets.item_view import source_lines
from widgets.key_bar import KeyBar
from widgets.scroll import Scroll

if TYPE_CHECKING:
    from textual.app import App

MARK_STYLES = {"geborgd": "bold $success", "begonnen": "$warning", "niet": "$error", None: "$foreground-muted"}
MARK_WIDTH = 11
"""Room for the widest mark (``◐ begonnen``) and a space."""
ASPECT_PREFIX = "aspect:"


def mark_text(mark: str | None, width: int = 0) -> Content:
    """The mark with its sign and word, so it never depends on colour alone; in the list (``width``) an
    indicator not judged yet shows only its sign, the detail says it in words."""
    shown = f"{MARK_SIGNS[mark]} {mark}" if mark else UNJUDGED_SIGN if width else f"{UNJUDGED_SIGN} {UNJUDGED}"
    return Content.styled(shown.ljust(width), MARK_STYLES.get(mark, "$foreground-muted"))


def open_di_scan(app: App[Any], session: WorkbookSession) -> None:
    """Show the screen (once); when the DI content cannot be read, say why instead."""
    if any(isinstance(screen, DiScanScreen) for screen in app.screen_stack):
        return
    try:
        _ = session.content.di
    except WorkbookError as error:
        app.notify(f"De DI-inhoud is niet te lezen: {error}", severity="error", timeout=10)
        return
    app.push_screen(DiScanScreen())


class DiScanScreen(WorkbookScreen):
    """The indicators by aspect on the left, the highlighted one in full on the right."""

    HELP = (
        "De DI-scan: per indicator van de vijf DI-aspecten hoe ver de organisatie is — niet, begonnen of "
        "geborgd — met een toelichting. Spatie zet de volgende stand (een indicator zonder stand is niet "
        "beoordeeld), enter of e bewerkt de toelichting, n begint een nieuwe scan van vandaag die verder gaat "
        "waar de vorige ophield, t zet een notitie bij de hele scan. Rechts staat wat de indicator betekent, "
        "hoe vaak acties erop een vervolg kregen en welke acties de bibliotheek ervoor heeft. ctrl+z maakt "
        "ongedaan, escape gaat terug."
    )
    SWITCHES_SCREENS: ClassVar[bool] = False
    HORIZONTAL_BREAKPOINTS: list[tuple[int, str]] | None = [(0, "-narrow"), (140, "-wide")]  # noqa: RUF012 (as Textual declares it)

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "next_mark", "Volgende stand",
                tooltip="niet beoordeeld → niet → begonnen → geborgd → niet beoordeeld", id="di-scan.volgende-stand"),
        Binding("e", "edit_note", "Toelichting", tooltip="Toelichting bij de indicator (ook enter)",
                id="di-scan.toelichting"),
        Binding("n", "new_scan", "Nieuwe scan",
                tooltip="Begin een scan van vandaag, met de standen van de vorige als begin", id="di-scan.nieuw"),
        Binding("t", "scan_note", "Notitie scan", tooltip="Notitie bij de hele scan", id="di-scan.notitie"),
        Binding("escape", "close", "Sluiten", tooltip="Terug naar het vorige scherm", id="di-scan.sluiten"),
    ]  # fmt: skip

    def compose(self) -> ComposeResult:
        yield self.header()
        with Horizontal(id="di-body"):
            yield HangingOptionList(id="di-list")
            with Scroll(id="di-detail"):
                yield Static(id="di-detail-text")
        yield KeyBar()

    def on_mount(self) -> None:
        self._fill()
        self.items.focus()

    @property
    def items(self) -> HangingOptionList:
        return self.query_one("#di-list", HangingOptionList)

    @property
    def di(self) -> Di:
        return self.session.content.di

    def show_workbook(self, session: WorkbookSession) -> None:
        self._fill()

    def _fill(self) -> None:
        scan = latest_scan(self.session.workbook)
        self.items.show_rows(_rows(self.di, scan))
        judged = len([i for i in self.di.indicators if scan is not None and i.id in scan.stand])
        if scan is None:
            self.items.border_title = "DI-scan · nog geen scan"
            self.items.border_subtitle = "spatie: stand · n: nieuwe scan"
        else:
            self.items.border_title = f"DI-scan {short_date(scan.datum)}"
            self.items.border_subtitle = f"{judged} van {len(self.di.indicators)} beoordeeld · spatie: stand"
        self._show_detail()

    def current(self) -> DiIndicator | None:
        option = self.items.highlighted_option
        if option is None or option.id is None or option.id.startswith(ASPECT_PREFIX):
            return None
        return self.di.indicator_by_id.get(option.id)

    @on(OptionList.OptionHighlighted, "#di-list")
    def _show_detail(self) -> None:
        indicator = self.current()
        text = self.query_one("#di-detail-text", Static)
        if indicator is None:
            text.update("")
            return
        scan = latest_scan(self.session.workbook)
        text.update(Content("\n").join(self._detail(indicator, scan)))

    def _detail(self, indicator: DiIndicator, scan: DiScan | None) -> list[Content]:
        aspect = self.di.aspect_of[indicator.id]
        mark = scan.stand.get(indicator.id) if scan else None
        note = scan.toelichting.get(indicator.id) if scan else None
        lines: list[Content] = [
            Content.styled(indicator.naam, "bold"),
            Content.styled(f"DI-aspect {aspect.naam}", "$foreground-muted"),
            Content.assemble(("Stand: ", "bold"), mark_text(mark)),
        ]
        if note:
            lines.append(Content.styled(printable(note), "italic"))
        if scan is not None and scan.notitie:
            lines.append(Content.assemble(("Notitie bij de scan: ", "bold"), printable(scan.notitie)))
        lines += [Content(""), Content.styled("Wat het betekent", "bold $text-primary"), Content(indicator.uitleg)]
        continuation = continuation_text(indicator)
        lines += [Content(""), Content.styled("Kans op vervolg", "bold $text-primary")]
        if continuation:
            lines += [Content(continuation), Content.styled(CONTINUATION_MEANING, "$foreground-muted")]
        else:
            lines.append(Content.styled("De bron geeft voor deze indicator geen cijfer.", "$foreground-muted"))
        actions = self.di.actions_for(indicator.id)
        lines += [Content(""), Content.styled("Acties in de bibliotheek", "bold $text-primary")]
        if actions:
            lines += [Content(f"• {action.titel}") for action in actions]
            lines.append(
                Content.styled(
                    "In de Bibliotheek (5) onder 'DI-acties uit het mkb'; daar zet a er een in het plan.",
                    "$foreground-muted",
                )
            )
        else:
            lines.append(Content.styled("Geen genummerde acties in de bron.", "$foreground-muted"))
        lines += [Content(""), *source_lines(cite(indicator.bron, self.session.content))]
        return lines

    # -- keys -------------------------------------------------------------------------------------

    def action_next_mark(self) -> None:
        indicator = self.current()
        if indicator is None:
            return
        workbook = with_next_mark(self.session.workbook, indicator.id, self.session.today)
        scan = latest_scan(workbook)
        mark = scan.stand.get(indicator.id) if scan else None
        self.werkboek.change(workbook, f"DI-scan {indicator.naam}: {mark or UNJUDGED}")

    @on(OptionList.OptionSelected, "#di-list")
    def _chosen(self) -> None:
        self.action_edit_note()

    def action_edit_note(self) -> None:
        indicator = self.current()
        if indicator is None:
            return
        scan = latest_scan(self.session.workbook)
        note = (scan.toelichting.get(indicator.id) if scan else None) or ""

        def keep(text: str | None) -> None:
            if text is None or text.strip() == note:
                return
            workbook = with_indicator_note(self.session.workbook, indicator.id, text, self.session.today)
            self.werkboek.change(workbook, f"DI-scan: toelichting bij {indicator.naam}")

        self.app.push_screen(
            TextPromptScreen(
                f"Toelichting bij {indicator.naam}",
                "enter bewaart · escape annuleert · leeg maken haalt de toelichting weg",
                note,
                placeholder="Wat zag je? Wat is er al, wat nog niet?",
            ),
            keep,
        )

    def action_scan_note(self) -> None:
        scan = latest_scan(self.session.workbook)
        note = (scan.notitie if scan else None) or ""

        def keep(text: str | None) -> None:
            if text is None or text.strip() == note:
                return
            workbook = with_scan_note(self.session.workbook, text, self.session.today)
            self.werkboek.change(workbook, "DI-scan: notitie bij de scan")

        self.app.push_screen(
            TextPromptScreen(
                "Notitie bij de DI-scan",
                "enter bewaart · escape annuleert · leeg maken haalt de notitie weg",
                note,
                placeholder="Met wie doorgelopen, wat viel op?",
            ),
            keep,
        )

    def action_new_scan(self) -> None:
        today = self.session.today
        try:
            workbook = with_new_scan(self.session.workbook, today)
        except ScanDateTaken:
            self.notify(f"Er is al een DI-scan van {short_date(today)}; die bewerk je hier verder.", timeout=6)
            return
        if self.werkboek.change(workbook, f"nieuwe DI-scan van {short_date(today)}"):
            self.notify(f"Nieuwe DI-scan van {short_date(today)}, met de standen van de vorige als begin.")

    def action_close(self) -> None:
        self.dismiss()


def _rows(di: Di, scan: DiScan | None) -> list[Row]:
    """A heading per aspect, then a row per indicator: its mark, its name, and its note under it."""
    rows: list[Row] = []
    marks = scan.stand if scan else {}
    notes = scan.toelichting if scan else {}
    pad = Content(" " * MARK_WIDTH)
    for aspect in di.aspects:
        rows.append(
            Row(f"{ASPECT_PREFIX}{aspect.id}", (Line(Content(""), aspect.naam, "bold $text-primary"),), disabled=True)
        )
        for indicator in aspect.indicatoren:
            mark = marks.get(indicator.id)
            lines = [Line(mark_text(mark, MARK_WIDTH), indicator.naam)]
            note = notes.get(indicator.id)
            if note:
                lines.append(Line(pad, _short(printable(note, multiline=False)), "italic $foreground-muted"))
            rows.append(Row(indicator.id, tuple(lines)))
    return rows


NOTE_IN_LIST = 60
"""A note longer than this is cut short in the list (the detail shows all of it)."""


def _short(text: str) -> str:
    return text if len(text) <= NOTE_IN_LIST else text[: NOTE_IN_LIST - 1].rstrip() + "…"
