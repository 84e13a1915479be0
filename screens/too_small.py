"""Shown instead of a broken layout when the terminal is smaller than the screens can use."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Static

from screens.base import AppScreen

MIN_WIDTH = 60
MIN_HEIGHT = 20


class TooSmallScreen(AppScreen[None]):
    """Says how big the terminal is and how big it needs to be; goes away once it fits."""

    HELP = "Het venster is te klein. Maak het groter; het werkboek gaat verder waar je was."

    def compose(self) -> ComposeResult:
        yield Static(id="too-small-text")

    def on_mount(self) -> None:
        self._show()

    def on_resize(self) -> None:
        self._show()

    def _show(self) -> None:
        size = self.app.size
        self.query_one("#too-small-text", Static).update(
            Content.assemble(
                ("Het venster is te klein", "bold $warning"),
                f"\n\n{size.width}×{size.height} tekens; het werkboek heeft minstens "
                f"{MIN_WIDTH}×{MIN_HEIGHT} nodig (80×24 of groter werkt het best).\n\n",
                "Maak het venster groter of de letters kleiner. Er gaat niets verloren: "
                "alles is opgeslagen en het werkboek gaat verder waar je was.\n\n",
                ("ctrl+q", "bold $accent"),
                " sluit af.",
            )
        )
