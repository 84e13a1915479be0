"""Werkboeken: every client workbook in a folder at a glance; open one, start a new one, or start
the next cycle of one. Files that cannot be opened are listed with what is wrong."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import DataTable, Static

from models.content import default_content
from models.form_parsing import printable
from models.formatting import aantal, clock, number, short_date
from models.portfolio import BrokenWorkbook, WorkbookSummary, file_name_for, portfolio
from screens.base import AppScreen
from screens.host import host_of
from screens.prompt import TextPromptScreen
from widgets.header import WorkbookHeader, display_path
from widgets.key_bar import KeyBar
from widgets.lists import ChoiceTable

if TYPE_CHECKING:
    from screens.host import WorkbookHost

TITLES = ("Klant", "Omvang", "Meting", "Gem.", "Open", "Laat", "Gewijzigd")
CLIENT_LEAST, CLIENT_MOST = 12, 60
"""The client column takes the width the others leave, between these bounds."""
FRAME = 4
"""Cells of the table that hold no text: its border and its scrollbar."""
Cells = list[Content | str]


def changed_text(changed: dt.datetime, today: dt.date) -> str:
    """When a file was last changed: ``vandaag 09:05``, or the date and time, ``6 okt 2026 14:35``."""
    day = "vandaag" if changed.date() == today else short_date(changed.date())
    return f"{day} {clock(changed)}"


def column_widths(rows: list[Cells], width: int) -> list[int]:
    """Per column the width of its widest text; the client column gets what the others leave."""
    widths = [
        max(
            [len(title), *(Content(cell).cell_length if isinstance(cell, str) else cell.cell_length for cell in column)]
        )
        for title, column in zip(TITLES, zip(*rows, strict=True) if rows else [()] * len(TITLES), strict=True)
    ]
    room = width - FRAME - 2 * len(TITLES) - sum(widths[1:])
    widths[0] = max(CLIENT_LEAST, min(widths[0], CLIENT_MOST, room))
    return widths


class PortfolioScreen(AppScreen[None]):
    """The folder's workbooks in a table; the highlighted one described under it."""

    HELP = (
        "Alle werkboeken in deze map op een rij, ook die met een fout. Enter opent er een; n begint een "
        "werkboek voor een nieuwe klant, c een nieuwe cyclus van het gekozen werkboek."
    )

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("o", "open", "Openen", tooltip="Open het gekozen werkboek (ook enter)", id="werkboeken.openen"),
        Binding("n", "new", "Nieuw werkboek", tooltip="Begin een werkboek voor een nieuwe klant",
                id="werkboeken.nieuw"),
        Binding("c", "cycle", "Nieuwe cyclus",
                tooltip="Kopie voor een nieuwe periode: geschiedenis bewaard, open acties mee", id="werkboeken.cyclus"),
        Binding("r", "refresh", "Vernieuwen", tooltip="Lees de map opnieuw", id="werkboeken.vernieuwen"),
        Binding("escape", "back", "Terug", tooltip="Terug naar het open werkboek", id="werkboeken.terug"),
    ]  # fmt: skip

    rows: list[WorkbookSummary | BrokenWorkbook]

    def __init__(self) -> None:
        super().__init__()
        self.rows = []

    @property
    def werkboek(self) -> WorkbookHost:
        return host_of(self)

    @property
    def folder(self) -> Path:
        return self.werkboek.folder

    def compose(self) -> ComposeResult:
        yield WorkbookHeader("Werkboeken", self.folder)
        table: DataTable[Content | str] = ChoiceTable(id="portfolio-table", cursor_type="row", zebra_stripes=True)
        yield table
        yield Static(id="portfolio-detail")
        yield KeyBar()

    def on_mount(self) -> None:
        self.refresh_rows()
        self.table.focus()

    def on_resize(self) -> None:
        """The client column takes the width the others leave (the table is built again)."""
        if self._widths_for(self.size.width)[0] != self._shown_widths:
            self._fill(self.current.path if self.current else None)

    _shown_widths: list[int] | None = None

    def _cells(self, *, compact: bool) -> list[Cells]:
        """The text of every row; ``compact`` gives the size as a number only, to leave room for the name."""
        today = self.werkboek.today
        result: list[Cells] = []
        for row in self.rows:
            if isinstance(row, BrokenWorkbook):
                cells: Cells = [
                    Content.styled(f"⚠ {printable(row.path.name, multiline=False)}", "bold $error"),
                    Content.styled("fout", "$error"),
                    "",
                    "",
                    "",
                    "",
                    changed_text(row.changed, today),
                ]
            else:
                size = "" if not row.staff else str(row.staff) if compact else f"{row.staff} {row.size}"
                cells = [
                    Content.styled(printable(row.client, multiline=False), "bold"),
                    size,
                    short_date(row.latest_round) if row.latest_round else "geen",
                    number(row.average_score, decimals=1) if row.average_score is not None else "",
                    str(row.open_actions),
                    Content.styled(f"⚠ {row.overdue_actions}", "bold $error") if row.overdue_actions else "0",
                    changed_text(row.changed, today),
                ]
            result.append(cells)
        return result

    def _widths_for(self, width: int) -> tuple[list[int], list[Cells]]:
        """Column widths and cells for ``width``: with the size in words, unless the names get too cramped."""
        cells = self._cells(compact=False)
        widths = column_widths(cells, width)
        if widths[0] < 16:
            cells = self._cells(compact=True)
            widths = column_widths(cells, width)
        return widths, cells

    def on_screen_resume(self) -> None:
        self.refresh_rows()

    @property
    def table(self) -> DataTable[Content | str]:
        return self.query_one("#portfolio-table", DataTable)

    def refresh_rows(self, select: Path | None = None) -> None:
        """Read the folder again and show every workbook in it (``select`` gets the cursor)."""
        app = self.werkboek
        content = app.session.content if app.session else default_content()
        keep = select or (self.current.path if self.current else None)
        self.rows = portfolio(self.folder, content, app.today)
        self._fill(keep)

    def _fill(self, keep: Path | None) -> None:
        """Show ``self.rows`` in the table, the cursor on ``keep`` when it is there."""
        table = self.table
        table.clear(columns=True)
        widths, rows = self._widths_for(self.size.width)
        self._shown_widths = widths
        for label, width in zip(TITLES, widths, strict=True):
            table.add_column(label, width=width, key=label)
        for row, cells in zip(self.rows, rows, strict=True):
            client = cells[0]
            if isinstance(client, Content) and client.cell_length > widths[0]:
                cells[0] = client.truncate(widths[0], ellipsis=True)
            table.add_row(*cells, key=str(row.path))
        paths = [row.path for row in self.rows]
        if keep in paths:
            table.move_cursor(row=paths.index(keep))
        count = len(self.rows)
        broken = sum(1 for row in self.rows if isinstance(row, BrokenWorkbook))
        table.border_title = f"{aantal(count, 'werkboek', 'werkboeken')} in {display_path(self.folder)}"
        table.border_subtitle = f"{broken} met fouten" if broken else ""
        self._describe()

    @property
    def current(self) -> WorkbookSummary | BrokenWorkbook | None:
        table = self.table
        if not self.rows or table.cursor_row is None or not 0 <= table.cursor_row < len(self.rows):
            return None
        return self.rows[table.cursor_row]

    @on(DataTable.RowHighlighted)
    def _describe(self) -> None:
        detail = self.query_one("#portfolio-detail", Static)
        row = self.current
        if row is None:
            detail.update(Content.styled("Nog geen werkboeken in deze map; n begint er een.", "italic"))
        elif isinstance(row, BrokenWorkbook):
            detail.update(Content.assemble(("Kan niet worden geopend: ", "bold $error"), str(row.problem)))
        else:
            detail.update(
                Content.assemble(
                    (display_path(row.path), "$foreground-muted"),
                    "  ·  enter opent, c begint een nieuwe cyclus",
                )
            )

    # -- keys -------------------------------------------------------------------------------------

    @on(DataTable.RowSelected)
    def _chosen(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is not None:
            self.werkboek.open_path(Path(event.row_key.value))

    def action_open(self) -> None:
        row = self.current
        if row is not None:
            self.werkboek.open_path(row.path)

    def action_new(self) -> None:
        def check(name: str) -> str | None:
            try:
                file_name = file_name_for(name)
            except ValueError as error:
                return str(error)
            if (self.folder / file_name).exists():
                return f"{file_name} bestaat al in deze map; kies een andere naam"
            return None

        def chosen(name: str | None) -> None:
            if name:
                self.werkboek.create_workbook(self.folder, name)

        self.app.push_screen(
            TextPromptScreen(
                "Nieuw werkboek",
                "De naam van de organisatie; de bestandsnaam wordt ervan gemaakt. enter maakt het · escape annuleert",
                placeholder="bijvoorbeeld Bakkerij De Vries B.V.",
                check=check,
            ),
            chosen,
        )

    def action_cycle(self) -> None:
        row = self.current
        if not isinstance(row, WorkbookSummary):
            self.notify("Kies een werkboek dat te openen is.")
            return
        self.werkboek.ask_new_cycle(row.path)

    def action_refresh(self) -> None:
        self.refresh_rows()

    def action_back(self) -> None:
        if self.werkboek.session is not None:
            self.app.switch_mode("dashboard")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "back":
            return self.werkboek.session is not None
        if action in {"open", "cycle"}:
            return self.current is not None
        return True
