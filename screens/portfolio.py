"""Werkboeken: every client workbook in a folder at a glance; open one, start a new one, or start
the next cycle of one. Files that cannot be opened are listed with what is wrong.

The folder is read in a thread, each file once (:func:`models.portfolio.read_row`); rows appear in
batches as they are read, in their place in the order, with a count in the table's title until all
are in. The screen can be used meanwhile.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.cells import cell_len
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import DataTable, Static
from textual.widgets.data_table import RowKey
from textual.worker import get_current_worker

from models.content import Content as LibraryContent
from models.content import default_content
from models.form_parsing import printable
from models.formatting import aantal, clock, number, short_date
from models.portfolio import (
    BrokenWorkbook,
    FolderReading,
    PortfolioRow,
    WorkbookSummary,
    file_name_for,
    read_row,
    sort_key,
    workbook_files,
)
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
FIRST_BATCH_SECONDS = 0.03
"""The first rows show after this much reading, so the table fills at once."""
BATCH_SECONDS = (0.15, 0.6)
"""After that, the time between two batches grows from the first figure to the second: each batch
redraws the table (and the main thread shares Python with the reading thread), so a large folder is
shown in a few batches, not dozens."""


class PortfolioTable(ChoiceTable[Content | str]):
    """The Werkboeken table. Every column gets its width from :func:`column_widths` and every row is one
    line, so there is nothing to measure: DataTable would otherwise render every new cell once to learn
    its width (0.15 s for 1,000 workbooks, on the UI thread)."""

    def _update_dimensions(self, new_rows: Iterable[RowKey]) -> None:
        measured = any(column.auto_width for column in self.columns.values())
        super()._update_dimensions(new_rows if measured else ())


class FolderRead(Message):
    """From the reading thread: a batch of rows read, how many files are read so far, the folder's
    workbook files with the first batch, and ``done`` with the last."""

    def __init__(
        self, generation: int, *, listed: list[Path] | None = None, rows: list[PortfolioRow] | None = None,
        read: int = 0, done: bool = False,
    ) -> None:  # fmt: skip
        super().__init__()
        self.generation = generation
        self.listed = listed
        self.rows = rows or []
        self.read = read
        self.done = done


def changed_text(changed: dt.datetime, today: dt.date) -> str:
    """When a file was last changed: ``vandaag 09:05``, or the date and time, ``6 okt 2026 14:35``."""
    day = "vandaag" if changed.date() == today else short_date(changed.date())
    return f"{day} {clock(changed)}"


def cell_width(cell: Content | str) -> int:
    return cell_len(cell) if isinstance(cell, str) else cell.cell_length


def column_widths(row_widths: list[list[int]], width: int) -> list[int]:
    """Per column the width of its widest text (``row_widths``: of each row, the width of each cell);
    the client column gets what the others leave."""
    columns = zip(*row_widths, strict=True) if row_widths else [()] * len(TITLES)
    widths = [max([len(title), *column]) for title, column in zip(TITLES, columns, strict=True)]
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

    rows: list[PortfolioRow]
    """The rows in the table, in its order."""

    def __init__(self) -> None:
        super().__init__()
        self.rows = []
        self._reading = FolderReading(done=True)
        self._generation = 0
        self._read_since_shown = False
        self._in_table: dict[Path, PortfolioRow] = {}
        self._rank: dict[int, tuple[bool, str, str]] = {}
        self._text: dict[Path, tuple[PortfolioRow, Cells, list[int], Cells, list[int]]] = {}
        """Per file: the row they were made for, then :meth:`_row_text`."""
        """The sort key of each row in the table, by the identity of its first cell (DataTable sorts on cells)."""

    @property
    def werkboek(self) -> WorkbookHost:
        return host_of(self)

    @property
    def folder(self) -> Path:
        return self.werkboek.folder

    @property
    def reading_folder(self) -> bool:
        """The folder is being read."""
        return not self._reading.done

    def compose(self) -> ComposeResult:
        yield WorkbookHeader("Werkboeken", self.folder)
        yield PortfolioTable(id="portfolio-table", cursor_type="row", zebra_stripes=True)
        yield Static(id="portfolio-detail")
        yield KeyBar()

    def on_mount(self) -> None:
        self.table.focus()
        self._titles()
        self._describe()

    def on_resize(self) -> None:
        """The client column takes the width the others leave (the table is built again)."""
        if self._widths_for(self.size.width)[0] != self._shown_widths:
            self._fill(self.current.path if self.current else None)

    _shown_widths: list[int] | None = None

    def _cells(self, *, compact: bool) -> tuple[list[Cells], list[list[int]]]:
        """The text of every row and the width of each cell; ``compact`` gives the size as a number only, to
        leave room for the name. Each row's text is made once (a batch of rows shows the others again)."""
        today = self.werkboek.today
        text = self._text
        cells: list[Cells] = []
        widths: list[list[int]] = []
        for row in self.rows:
            made = text.get(row.path)
            if made is None or made[0] is not row:
                made = text[row.path] = (row, *self._row_text(row, today))
            cells.append(made[3] if compact else made[1])
            widths.append(made[4] if compact else made[2])
        return cells, widths

    @staticmethod
    def _row_text(row: PortfolioRow, today: dt.date) -> tuple[Cells, list[int], Cells, list[int]]:
        """The row's cells and their widths, then the same with the size as a number only."""
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
            widths = [cell_width(cell) for cell in cells]
            return cells, widths, cells, widths
        cells = [
            Content.styled(printable(row.client, multiline=False), "bold"),
            f"{row.staff} {row.size}" if row.staff else "",
            short_date(row.latest_round) if row.latest_round else "geen",
            number(row.average_score, decimals=1) if row.average_score is not None else "",
            str(row.open_actions),
            Content.styled(f"⚠ {row.overdue_actions}", "bold $error") if row.overdue_actions else "0",
            changed_text(row.changed, today),
        ]
        widths = [cell_width(cell) for cell in cells]
        size = str(row.staff) if row.staff else ""
        return cells, widths, [cells[0], size, *cells[2:]], [widths[0], cell_len(size), *widths[2:]]

    def _widths_for(self, width: int) -> tuple[list[int], list[Cells]]:
        """Column widths and cells for ``width``: with the size in words, unless the names get too cramped."""
        cells, cell_widths = self._cells(compact=False)
        widths = column_widths(cell_widths, width)
        if widths[0] < 16:
            cells, cell_widths = self._cells(compact=True)
            widths = column_widths(cell_widths, width)
        return widths, cells

    def on_screen_resume(self) -> None:
        """Shown (again): read the folder, for what changed while the screen was away."""
        if not self._read_since_shown:
            self.refresh_rows()

    def on_screen_suspend(self) -> None:
        self._read_since_shown = False

    @property
    def table(self) -> DataTable[Content | str]:
        return self.query_one("#portfolio-table", DataTable)

    # -- reading the folder -----------------------------------------------------------------------

    def refresh_rows(self, select: Path | None = None) -> None:
        """Read the folder again, in a thread; the rows shown stay until their file is read again
        (``select`` gets the cursor once its row is there)."""
        app = self.werkboek
        self._generation += 1
        self._read_since_shown = True
        self._keep = select or (self.current.path if self.current else None)
        self._reading = FolderReading(previous={row.path: row for row in self.rows})
        self._titles()
        self._read_folder(self._generation, self.folder, app.session.content if app.session else None, app.today)

    _keep: Path | None = None
    """The row the cursor goes to once it is read (the one it was on, or the one asked for)."""

    @work(thread=True, exclusive=True, group="werkboeken", description="Werkboeken lezen")
    def _read_folder(self, generation: int, folder: Path, content: LibraryContent | None, today: dt.date) -> None:
        """Read every workbook file once and post the rows in batches (the first batch soon)."""
        worker = get_current_worker()
        content = content or default_content()
        paths = workbook_files(folder)
        listed: list[Path] | None = paths  # sent with the first batch (one redraw fewer)
        batch: list[PortfolioRow] = []
        wait, since = FIRST_BATCH_SECONDS, time.monotonic()
        for read, path in enumerate(paths, start=1):
            if worker.is_cancelled:
                return
            row = read_row(path, content, today)
            if row is not None:
                batch.append(row)
            if time.monotonic() - since >= wait and read < len(paths):
                self.post_message(FolderRead(generation, listed=listed, rows=batch, read=read))
                listed, batch, since = None, [], time.monotonic()
                wait = min(max(2 * wait, BATCH_SECONDS[0]), BATCH_SECONDS[1])
        self.post_message(FolderRead(generation, listed=listed, rows=batch, read=len(paths), done=True))

    @on(FolderRead)
    def _folder_read(self, message: FolderRead) -> None:
        if message.generation != self._generation:
            return  # an older reading, overtaken by a refresh
        reading = self._reading
        if message.listed is not None:
            reading.listed = message.listed
        reading.add(message.rows, message.read)
        reading.done = message.done
        self._show(reading.rows())

    def _show(self, rows: list[PortfolioRow]) -> None:
        """Show ``rows``: added to the table and sorted in when the table holds the others unchanged and the
        column widths stay, else the table is built again. The cursor stays on its workbook, or at the top."""
        table = self.table
        current = self.current
        keep = self._keep or (current.path if current is not None and table.cursor_row > 0 else None)
        self.rows = rows
        widths, cells = self._widths_for(self.size.width)
        paths = {row.path for row in rows}
        unchanged = all(row.path in paths for row in self._in_table.values()) and all(
            self._in_table.get(row.path, row) == row for row in rows
        )
        if widths != self._shown_widths or not unchanged:
            self._fill(keep, (widths, cells))
        else:
            added = [pair for pair in zip(rows, cells, strict=True) if pair[0].path not in self._in_table]
            for row, row_cells in added:
                self._add_row(row, row_cells, widths)
            if added and len(self._in_table) > len(added):
                table.sort("Klant", key=lambda cell: self._rank[id(cell)])
            self._place_cursor(keep)
            self._titles()
            self._describe()
        if self._keep is not None and (self._keep in paths or not self.reading_folder):
            self._keep = None  # found, or not in the folder any more

    def _add_row(self, row: PortfolioRow, cells: Cells, widths: list[int]) -> None:
        client, *others = cells
        if isinstance(client, Content) and client.cell_length > widths[0]:
            client = client.truncate(widths[0], ellipsis=True)
        self.table.add_row(client, *others, key=str(row.path))
        self._in_table[row.path] = row
        self._rank[id(client)] = sort_key(row)

    def _place_cursor(self, keep: Path | None) -> None:
        if keep is None:
            return
        index = next((index for index, row in enumerate(self.rows) if row.path == keep), None)
        if index is not None and index != self.table.cursor_row:
            self.table.move_cursor(row=index)

    def _fill(self, keep: Path | None, shown: tuple[list[int], list[Cells]] | None = None) -> None:
        """Build the table again from ``self.rows``, the cursor on ``keep`` when it is there."""
        table = self.table
        table.clear(columns=True)
        self._in_table, self._rank = {}, {}
        paths = {row.path for row in self.rows}
        self._text = {path: made for path, made in self._text.items() if path in paths}
        widths, rows = shown or self._widths_for(self.size.width)
        self._shown_widths = widths
        for label, width in zip(TITLES, widths, strict=True):
            table.add_column(label, width=width, key=label)
        for row, cells in zip(self.rows, rows, strict=True):
            self._add_row(row, cells, widths)
        self._place_cursor(keep)
        self._titles()
        self._describe()

    def _titles(self) -> None:
        """The count in the table's title (while reading: how far), the broken files under it."""
        table = self.table
        where = display_path(self.folder)
        reading = self._reading
        if reading.done:
            table.border_title = f"{aantal(len(self.rows), 'werkboek', 'werkboeken')} in {where}"
        elif reading.listed is None:
            table.border_title = f"Werkboeken lezen in {where} …"
        else:
            total = aantal(len(reading.listed), "werkboek", "werkboeken")
            table.border_title = f"{number(reading.read)} van {total} gelezen in {where} …"
        broken = sum(1 for row in self.rows if isinstance(row, BrokenWorkbook))
        table.border_subtitle = f"{broken} met fouten" if broken else ""
        if bool(self.rows) != self._had_rows:  # open and cycle need a row (check_action)
            self._had_rows = bool(self.rows)
            self.refresh_bindings()

    _had_rows = False

    @property
    def current(self) -> PortfolioRow | None:
        table = self.table
        if not self.rows or table.cursor_row is None or not 0 <= table.cursor_row < len(self.rows):
            return None
        return self.rows[table.cursor_row]

    @on(DataTable.RowHighlighted)
    def _describe(self) -> None:
        detail = self.query_one("#portfolio-detail", Static)
        row = self.current
        if row is None and self.reading_folder:
            detail.update(Content.styled("De werkboeken in deze map worden gelezen …", "italic"))
        elif row is None:
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
