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
from models.next_steps import since_phrase
from models.portfolio import (
    BrokenWorkbook,
    FolderReading,
    PortfolioRow,
    WorkbookSummary,
    file_name_for,
    quiet_weeks,
    read_row,
    sort_key,
    subfolder,
)
from models.portfolio_git import folder_git
from models.workbook_files import workbook_files
from screens.base import AppScreen
from screens.host import host_of
from screens.prompt import TextPromptScreen
from widgets.header import WorkbookHeader, display_path
from widgets.key_bar import KeyBar
from widgets.lists import ChoiceTable

if TYPE_CHECKING:
    from models.workbook import Workbook
    from screens.host import WorkbookHost

TITLES = ("Klant", "Omvang", "Meting", "Gem.", "Open", "Laat", "Laatste sessie", "Git", "Gewijzigd")
DROPPED_FIRST = ("Omvang", "Gem.", "Meting", "Open", "Git", "Gewijzigd")
"""At a narrow width these columns leave the table in this order (their text goes to the detail line)
until the client names fit; Klant, Laat and Laatste sessie always stay."""
CLIENT_LEAST, CLIENT_MOST = 12, 60
"""The client column takes the width the others leave, between these bounds."""
CLIENT_WISH = 40
"""Names up to this wide are shown whole, other columns leaving for them at narrow widths; a longer name
is cut with an ellipsis rather than push more columns out."""
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


def column_widths(row_widths: list[list[int]], width: int, titles: tuple[str, ...] = TITLES) -> list[int]:
    """Per column the width of its widest text (``row_widths``: of each row, the width of each cell);
    the client column gets what the others leave."""
    columns = zip(*row_widths, strict=True) if row_widths else [()] * len(titles)
    widths = [max([cell_len(title), *column]) for title, column in zip(titles, columns, strict=True)]
    room = width - FRAME - 2 * len(titles) - sum(widths[1:])
    widths[0] = max(CLIENT_LEAST, min(widths[0], CLIENT_MOST, room))
    return widths


def fitting_columns(
    row_widths: list[list[int]], width: int, absent: tuple[str, ...] = ()
) -> tuple[tuple[str, ...], list[int]]:
    """The columns that fit ``width`` whole, with their widths: the others (:data:`DROPPED_FIRST`) leave
    one by one until the client names fit whole (up to :data:`CLIENT_WISH`) and nothing runs past the
    edge; ``absent`` columns are left out anyway (Git, when no file is in git)."""
    shown = [title for title in TITLES if title not in absent]
    wanted = min(max([cell_len(TITLES[0]), *(row[0] for row in row_widths)]), CLIENT_WISH)
    for leaving in (None, *DROPPED_FIRST):
        if leaving in shown:
            shown.remove(leaving)
        elif leaving is not None:
            continue
        index = [TITLES.index(title) for title in shown]
        widths = column_widths([[row[i] for i in index] for row in row_widths], width, tuple(shown))
        if FRAME + 2 * len(shown) + sum(widths) <= width and widths[0] >= wanted:
            break
    return tuple(shown), widths


def sort_value(row: PortfolioRow, column: str) -> object:
    """What a row has in ``column``, to sort on (None: nothing, sorted last)."""
    if isinstance(row, BrokenWorkbook):
        values: dict[str, object] = {}
    else:
        values = {
            "Omvang": row.staff,
            "Meting": row.latest_round,
            "Gem.": row.average_score,
            "Open": row.open_actions,
            "Laat": row.overdue_actions,
        }
    values["Laatste sessie"] = row.last_session
    values["Git"] = (row.git.uncommitted, row.git.ahead, row.git.behind) if row.git else None
    values["Gewijzigd"] = row.changed
    return values.get(column)


def sort_rank(row: PortfolioRow, column: str) -> tuple[object, ...]:
    """Where ``row`` stands when sorted by ``column``: by its value there, then by client name."""
    if column == "Klant":
        return sort_key(row)
    value = sort_value(row, column)
    return (value is None, value, *sort_key(row))


class PortfolioScreen(AppScreen[None]):
    """The folder's workbooks in a table; the highlighted one described under it."""

    HELP = (
        "Alle werkboeken in deze map en haar submappen op een rij, ook die met een fout. Enter opent er een; "
        "n begint een werkboek voor een nieuwe klant, c een nieuwe cyclus van het gekozen werkboek. s sorteert "
        "op de volgende kolom (of klik op een kolomkop), S draait de volgorde om. 'stil 10 wk': zo lang geen "
        "sessie (logboek, meting of commit), langer dan de instelling stille_klant_weken."
    )

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("o", "open", "Openen", tooltip="Open het gekozen werkboek (ook enter)", id="werkboeken.openen"),
        Binding("n", "new", "Nieuw werkboek", tooltip="Begin een werkboek voor een nieuwe klant",
                id="werkboeken.nieuw"),
        Binding("c", "cycle", "Nieuwe cyclus",
                tooltip="Kopie voor een nieuwe periode: geschiedenis bewaard, open acties mee", id="werkboeken.cyclus"),
        Binding("s", "sort_next", "Sorteren", tooltip="Sorteer op de volgende kolom (ook: klik op een kolomkop)",
                id="werkboeken.sorteren", show=False),
        Binding("S", "sort_reverse", "Omdraaien", tooltip="Draai de volgorde om", id="werkboeken.omdraaien",
                show=False),
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
        self._rank: dict[int, tuple[object, ...]] = {}
        """The sort key of each row in the table, by the identity of its first cell (DataTable sorts on cells)."""
        self._text: dict[Path, tuple[PortfolioRow, Cells, list[int]]] = {}
        """Per file: the row they were made for, then :meth:`_row_text`."""
        self.sort_column = "Klant"
        self.sort_reverse = False

    @property
    def werkboek(self) -> WorkbookHost:
        return host_of(self)

    @property
    def folder(self) -> Path:
        return self.werkboek.folder

    @property
    def quiet_after(self) -> int:
        """After how many weeks without a session a client is quiet (the setting ``stille_klant_weken``)."""
        return self.werkboek.settings.settings.stille_klant_weken

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
        """Columns come and go with the width, the client column takes what the others leave."""
        if self._widths_for(self.size.width)[:2] != self._shown_widths:
            self._fill(self.current.path if self.current else None)

    _shown_widths: tuple[tuple[str, ...], list[int]] | None = None
    shown_titles: tuple[str, ...] = TITLES
    """The columns in the table now (the others are told in the detail line)."""

    def _cells(self) -> tuple[list[Cells], list[list[int]]]:
        """The text of every row and the width of each cell. Each row's text is made once (a batch of rows
        shows the others again)."""
        today = self.werkboek.today
        text = self._text
        cells: list[Cells] = []
        widths: list[list[int]] = []
        for row in self.rows:
            made = text.get(row.path)
            if made is None or made[0] is not row:
                made = text[row.path] = (row, *self._row_text(row, today))
            cells.append(made[1])
            widths.append(made[2])
        return cells, widths

    def _session_cell(self, row: PortfolioRow, today: dt.date) -> Content | str:
        """The last session's date, with ``stil 10 wk`` when the client is quiet (plain text, so also without
        colour)."""
        last = row.last_session
        if last is None:
            return "geen"
        weeks = quiet_weeks(row, today, self.quiet_after)
        if weeks is None:
            return short_date(last)
        return Content.assemble(short_date(last), (f" stil {weeks} wk", "bold $text-warning"))

    def _row_text(self, row: PortfolioRow, today: dt.date) -> tuple[Cells, list[int]]:
        """The row's cells (one per column of :data:`TITLES`) and their widths."""
        where = subfolder(row.path, self.folder)
        prefix = (f"{printable(where, multiline=False)}/ ", "$foreground-muted") if where else ""
        session = self._session_cell(row, today)
        git = row.git.short() if row.git else ""
        if isinstance(row, BrokenWorkbook):
            cells: Cells = [
                Content.assemble(prefix, (f"⚠ {printable(row.path.name, multiline=False)}", "bold $error")),
                Content.styled("fout", "$error"),
                "",
                "",
                "",
                "",
                session,
                git,
                changed_text(row.changed, today),
            ]
        else:
            cells = [
                Content.assemble(prefix, (printable(row.client, multiline=False), "bold")),
                f"{row.staff} {row.size}" if row.staff else "",
                short_date(row.latest_round) if row.latest_round else "geen",
                number(row.average_score, decimals=1) if row.average_score is not None else "",
                str(row.open_actions),
                Content.styled(f"⚠ {row.overdue_actions}", "bold $error") if row.overdue_actions else "0",
                session,
                git,
                changed_text(row.changed, today),
            ]
        return cells, [cell_width(cell) for cell in cells]

    def _widths_for(self, width: int) -> tuple[tuple[str, ...], list[int], list[Cells]]:
        """The columns that fit ``width``, their widths, and every row's cells in those columns."""
        cells, cell_widths = self._cells()
        absent = () if any(row.git is not None for row in self.rows) else ("Git",)  # no git: nothing to say
        titles, widths = fitting_columns(cell_widths, width, absent)
        if titles != TITLES:
            index = [TITLES.index(title) for title in titles]
            cells = [[row[i] for i in index] for row in cells]
        return titles, widths, cells

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
        session = app.session
        opened = (session.loaded.path.resolve(), session.workbook) if session else None
        self._read_folder(self._generation, self.folder, session.content if session else None, app.today, opened)

    _keep: Path | None = None
    """The row the cursor goes to once it is read (the one it was on, or the one asked for)."""

    @work(thread=True, exclusive=True, group="werkboeken", description="Werkboeken lezen")
    def _read_folder(
        self,
        generation: int,
        folder: Path,
        content: LibraryContent | None,
        today: dt.date,
        opened: tuple[Path, Workbook] | None,
    ) -> None:
        """Read every workbook file once and post the rows in batches (the first batch soon); the workbook
        open in the app (``opened``: its resolved path and what is in memory) is not read again."""
        worker = get_current_worker()
        content = content or default_content()
        paths = workbook_files(folder, recursive=True)
        git = folder_git(paths)
        listed: list[Path] | None = paths  # sent with the first batch (one redraw fewer)
        batch: list[PortfolioRow] = []
        wait, since = FIRST_BATCH_SECONDS, time.monotonic()
        for read, path in enumerate(paths, start=1):
            if worker.is_cancelled:
                return
            in_memory = opened[1] if opened and path.name == opened[0].name and path.resolve() == opened[0] else None
            row = read_row(path, content, today, git.get(path), in_memory)
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
        self._show(self._sorted(reading.rows()))

    def _sorted(self, rows: list[PortfolioRow]) -> list[PortfolioRow]:
        column = self.sort_column
        return sorted(rows, key=lambda row: sort_rank(row, column), reverse=self.sort_reverse)

    def _show(self, rows: list[PortfolioRow]) -> None:
        """Show ``rows``: added to the table and sorted in when the table holds the others unchanged and the
        column widths stay, else the table is built again. The cursor stays on its workbook, or at the top."""
        table = self.table
        current = self.current
        keep = self._keep or (current.path if current is not None and table.cursor_row > 0 else None)
        self.rows = rows
        titles, widths, cells = self._widths_for(self.size.width)
        paths = {row.path for row in rows}
        unchanged = all(row.path in paths for row in self._in_table.values()) and all(
            self._in_table.get(row.path, row) == row for row in rows
        )
        if (titles, widths) != self._shown_widths or not unchanged:
            self._fill(keep, (titles, widths, cells))
        else:
            added = [pair for pair in zip(rows, cells, strict=True) if pair[0].path not in self._in_table]
            for row, row_cells in added:
                self._add_row(row, row_cells, widths)
            if added and len(self._in_table) > len(added):
                table.sort("Klant", key=lambda cell: self._rank[id(cell)], reverse=self.sort_reverse)
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
        self._rank[id(client)] = sort_rank(row, self.sort_column)

    def _place_cursor(self, keep: Path | None) -> None:
        if keep is None:
            return
        index = next((index for index, row in enumerate(self.rows) if row.path == keep), None)
        if index is not None and index != self.table.cursor_row:
            self.table.move_cursor(row=index)

    def _fill(self, keep: Path | None, shown: tuple[tuple[str, ...], list[int], list[Cells]] | None = None) -> None:
        """Build the table again from ``self.rows``, the cursor on ``keep`` when it is there."""
        table = self.table
        table.clear(columns=True)
        self._in_table, self._rank = {}, {}
        paths = {row.path for row in self.rows}
        self._text = {path: made for path, made in self._text.items() if path in paths}
        titles, widths, rows = shown or self._widths_for(self.size.width)
        self._shown_widths = titles, widths
        self.shown_titles = titles
        for label, width in zip(titles, widths, strict=True):
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
        today, weeks = self.werkboek.today, self.quiet_after
        quiet = sum(1 for row in self.rows if quiet_weeks(row, today, weeks) is not None)
        order = f"op {self.sort_column.lower()}" + (", omgekeerd" if self.sort_reverse else "") + " (s)"
        parts = [f"{quiet} stil"] if quiet else []
        parts += [f"{broken} met fouten"] if broken else []
        table.border_subtitle = " · ".join([*parts, order])
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
            detail.update(self._detail(row))

    def _detail(self, row: WorkbookSummary) -> Content:
        """The path (with its subfolder), what the hidden columns would say, git and quietness in words."""
        today = self.werkboek.today
        shown = self.shown_titles
        parts: list[str] = []
        if "Omvang" not in shown and row.staff:
            parts.append(f"{row.staff} medewerkers ({row.size})")
        if "Meting" not in shown:
            parts.append(f"meting {short_date(row.latest_round)}" if row.latest_round else "nog geen meting")
        if "Gem." not in shown and row.average_score is not None:
            parts.append(f"gem. {number(row.average_score, decimals=1)}")
        if "Open" not in shown:
            parts.append(f"{row.open_actions} open")
        if row.git is not None:
            parts.append(f"git: {row.git.words()}")
        if "Gewijzigd" not in shown:
            parts.append(f"gewijzigd {changed_text(row.changed, today)}")
        weeks = quiet_weeks(row, today, self.quiet_after)
        if weeks is not None and row.last_session is not None:
            parts.append(f"stil: laatste sessie {since_phrase(row.last_session, today)}")
        return Content.assemble(
            (display_path(row.path), "$foreground-muted"),
            *(f"  ·  {part}" for part in parts),
            "  ·  enter opent, c begint een nieuwe cyclus",
        )

    # -- sorting ----------------------------------------------------------------------------------

    def sort_by(self, column: str, *, reverse: bool = False) -> None:
        """Sort the rows by ``column``; the cursor stays on its workbook."""
        self.sort_column, self.sort_reverse = column, reverse
        current = self.current
        self.rows = self._sorted(self.rows)
        self._fill(current.path if current else None)

    def action_sort_next(self) -> None:
        """The next column to sort by (s)."""
        self.sort_by(TITLES[(TITLES.index(self.sort_column) + 1) % len(TITLES)])

    def action_sort_reverse(self) -> None:
        """The other way round (S)."""
        self.sort_by(self.sort_column, reverse=not self.sort_reverse)

    @on(DataTable.HeaderSelected)
    def _header_clicked(self, event: DataTable.HeaderSelected) -> None:
        """A click on a column's title sorts by it; a second click turns the order round."""
        column = str(event.column_key.value)
        self.sort_by(column, reverse=not self.sort_reverse if column == self.sort_column else False)

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
