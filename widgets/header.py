"""The one-line header: client name, the open file, and whether it can be changed."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import RenderResult
from textual.content import Content
from textual.widget import Widget

from models.form_parsing import printable
from widgets.cells import cell

if TYPE_CHECKING:
    from core.session import WorkbookSession
    from models.git_sync import GitState


BADGES = {
    "opgeslagen": ("✓ opgeslagen", "$success"),
    "niet-opgeslagen": ("● niet opgeslagen", "bold $warning"),
    "conflict": ("⚠ bestand gewijzigd, niet opgeslagen", "bold $error"),
}
"""What the header says about the file, and in which style; the first sign stands alone when short."""


@functools.lru_cache(maxsize=64)
def display_path(path: Path) -> str:
    """The path relative to the current folder when it lies inside it, else as given.

    Kept per path: resolving it asks the file system at every header redraw otherwise, which a busy
    background thread can stretch to a tenth of a second (the app never changes its folder)."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, RuntimeError, OSError):  # outside this folder, or a loop of symlinks
        return str(path)


class WorkbookHeader(Widget):
    """Shows which client's workbook is open and from which file."""

    DEFAULT_CSS = """
    WorkbookHeader {
        dock: top;
        height: 1;
        background: $panel;
        color: $foreground;
    }
    """

    def __init__(
        self,
        client: str,
        path: Path | None,
        *,
        read_only: bool = False,
        state: str | None = None,
        git: GitState | None = None,
    ) -> None:
        super().__init__()
        self.client = printable(client, multiline=False)
        self.path = path
        self.read_only = read_only
        self.state = state
        self.git = git

    @classmethod
    def of(cls, session: WorkbookSession) -> WorkbookHeader:
        """The header for the open workbook of ``session``."""
        loaded = session.loaded
        return cls(
            session.workbook.organisatie.naam,
            loaded.path,
            read_only=loaded.read_only,
            state=session.file_state,
            git=session.git,
        )

    def show(self, session: WorkbookSession) -> None:
        """Follow the open workbook: its name, file and whether everything is saved."""
        self.client = printable(session.workbook.organisatie.naam, multiline=False)
        self.path = session.loaded.path
        self.state = session.file_state
        self.git = session.git
        self.refresh()

    def _badge(self, *, short: bool) -> Content:
        """The file state in words (or, when space is short, as a sign), then where it stands in git."""
        if self.read_only:
            return Content.styled("ALLEEN-LEZEN  ", "bold $warning")
        text, style = BADGES.get(self.state or "", ("", ""))
        if short:
            text = text[:1]
        badge = Content.styled(f"{text}  ", style) if text else Content("")
        if self.git is not None:
            pending = self.git.uncommitted or self.git.ahead or self.git.behind or self.git.merging
            shown = self.git.short() if short else self.git.summary()
            badge += Content.styled(f"{shown}  ", "bold $warning" if pending else "$foreground-muted")
        return badge

    def render(self) -> RenderResult:
        width = self.size.width
        left = Content.assemble((" Preventiewerkboek", "bold $accent"), " │ ", (self.client, "bold"))
        name = printable(self.path.name, multiline=False) if self.path is not None else ""
        badge = self._badge(short=False)
        if width - min(left.cell_length, 56) - badge.cell_length - 2 < len(name):
            badge = self._badge(short=True)
        room = max(0, width - min(left.cell_length, 56) - badge.cell_length - 2)
        path = shorten_left(printable(display_path(self.path), multiline=False), room) if self.path is not None else ""
        right = badge + Content.styled(path, "$foreground-muted") + " "
        return cell(left, width - right.cell_length) + right


def shorten_left(text: str, width: int) -> str:
    """Fit a path in ``width`` cells: whole, else only the file name, else the end of the name."""
    if len(text) <= width:
        return text
    name = Path(text).name
    if len(name) <= width:
        return name
    return "…" + name[len(name) - width + 1 :] if width > 1 else ""
