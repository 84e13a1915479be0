"""Rapport maken: the plan van aanpak for the employer (HTML, Word in the consultant's house style, PDF,
Markdown) or the actions for Excel (xlsx to fill in and read back, or CSV), written beside the workbook;
asks before replacing a file, shows how far a long plan is, and in the browser (``werkboek serve``) also
hands the file to the browser as a download."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, cast

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, Label, OptionList, ProgressBar, Static
from textual.widgets.option_list import Option

from models.export_writer import ReportRefusedError, check_report_target, write_export
from models.os_errors import dutch_os_error
from models.report_formats import REPORT_FORMATS, Kind, ReportRequest, TemplateError
from models.settings import house_style
from screens.base import AppDialog
from screens.confirm import ConfirmScreen
from screens.host import host_of
from widgets.lists import ChoiceList
from widgets.text_field import SearchField

if TYPE_CHECKING:
    from screens.host import WorkbookHost

PROGRESS_EVERY = 0.05
"""Seconds between progress updates: often enough to see it move, rare enough to cost nothing."""


class ExportScreen(AppDialog[Path | None]):
    """Dismisses with the file written, or None when closed without writing."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Sluiten", tooltip="Sluiten zonder iets te schrijven", id="rapport.sluiten"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.kind: Kind = "html"
        self.busy = False

    @property
    def werkboek(self) -> WorkbookHost:
        return host_of(self)

    def compose(self) -> ComposeResult:
        session = self.werkboek.session
        assert session is not None
        with Vertical(id="export-dialog"):
            yield Static("Rapport maken", id="export-title")
            kinds = [Option(report.label, id=kind) for kind, report in REPORT_FORMATS.items()]
            yield ChoiceList(*kinds, id="export-kinds")
            yield Label("Bestand (enter schrijft het):", classes="export-label")
            yield SearchField(str(REPORT_FORMATS[self.kind].default_path(session.loaded.path)), id="export-path")
            yield Static(id="export-template")
            yield ProgressBar(total=max(1, len(session.workbook.acties)), id="export-progress", show_eta=False)
            yield Static("↑↓ kiest de soort · enter schrijft · escape sluit", id="export-hint")

    def on_mount(self) -> None:
        kinds = self.query_one(OptionList)
        kinds.highlighted = 0
        kinds.focus()
        self._show_template_line()

    @on(OptionList.OptionHighlighted)
    def _kind_chosen(self, event: OptionList.OptionHighlighted) -> None:
        session = self.werkboek.session
        assert session is not None
        self.kind = cast(Kind, event.option.id)
        self.query_one(Input).value = str(REPORT_FORMATS[self.kind].default_path(session.loaded.path))
        self._show_template_line()

    def _show_template_line(self) -> None:
        line = self.query_one("#export-template", Static)
        line.update(self._template_line())
        line.display = REPORT_FORMATS[self.kind].template

    def _template(self) -> Path | None:
        """The consultant's Word template from the settings (``huisstijl``), for the Word plan only."""
        if not REPORT_FORMATS[self.kind].template:
            return None
        return house_style(self.werkboek.settings.settings)

    def _template_line(self) -> str:
        if not REPORT_FORMATS[self.kind].template:
            return ""
        template = self._template()
        if template is None:
            return "Huisstijl: standaard (eigen .docx: 'huisstijl' in werkboek config)"
        return f"Huisstijl: {template}"

    @on(OptionList.OptionSelected)
    @on(Input.Submitted)
    def _write(self) -> None:
        if self.busy:
            return
        text = self.query_one(Input).value.strip()
        if not text:
            self.notify("Geef een bestandsnaam.", severity="warning")
            return
        session = self.werkboek.session
        assert session is not None
        target, kind = Path(text).expanduser(), self.kind
        try:
            check_report_target(target, session.loaded.path, overwrite=False)
        except ReportRefusedError as refused:
            if not refused.can_confirm:
                self.notify(refused.message, severity="error", timeout=10)
                return
            self.busy = True

            def answered(overwrite: bool | None) -> None:
                if overwrite:
                    self._export(target, kind, overwrite=True)
                else:
                    self.busy = False
                    self.query_one(Input).focus()

            question = f"{target} bestaat al. Overschrijven met het nieuwe rapport?"
            self.app.push_screen(ConfirmScreen("Bestand bestaat al", question), answered)
            return
        self.busy = True
        self._export(target, kind)

    @work(thread=True, exclusive=True, group="export")
    def _export(self, target: Path, kind: Kind, *, overwrite: bool = False) -> None:
        session = self.werkboek.session
        assert session is not None
        last = 0.0

        def progress(done: int, total: int) -> None:
            nonlocal last
            now = time.monotonic()
            if now - last >= PROGRESS_EVERY or done == total:
                last = now
                self.app.call_from_thread(self.query_one(ProgressBar).update, total=max(1, total), progress=done)

        try:
            request = ReportRequest(
                session.workbook, session.content, session.today, progress, self._template(), source=session.loaded.path
            )
            data = REPORT_FORMATS[kind].make(request)
            write_export(target, data, workbook_path=session.loaded.path, overwrite=overwrite)
        except (ReportRefusedError, TemplateError) as refused:
            self.app.call_from_thread(self._failed, str(refused))
            return
        except OSError as error:
            self.app.call_from_thread(self._failed, dutch_os_error(error, target))
            return
        self.app.call_from_thread(self._written, target)

    def _written(self, target: Path) -> None:
        if self.app.is_web:
            # In the browser the file is on the server; the browser gets it as a download too.
            self.app.deliver_binary(target, save_filename=target.name, mime_type=REPORT_FORMATS[self.kind].mime)
        self.dismiss(target)

    def _failed(self, message: str) -> None:
        self.busy = False
        self.notify(message, severity="error", timeout=8)

    def action_close(self) -> None:
        if not self.busy:
            self.dismiss(None)
