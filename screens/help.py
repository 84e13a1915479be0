"""Hulp (``?`` of ``f1``): what the screen is for, and every key that works there, with its id for
the keymap in the config file: the keys of the screen, of the widget in focus (list, table, text
field) and of the app. The title comes from screens/registry.py."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from screens.base import AppDialog
from screens.registry import screen_title
from widgets.cells import hanging
from widgets.scroll import Scroll

GENERAL = (
    "Elke wijziging wordt binnen een seconde opgeslagen; ctrl+z en ctrl+y maken haar ongedaan of weer "
    "ongedaan. ctrl+p zoekt elke opdracht op naam (ook Engelse woorden als save, undo, export of help)."
)


def help_text(screen: Screen[object], width: int = 0) -> Content:
    """The screen's purpose and its keys: first those of the screen, then those that work everywhere.

    Each key's explanation wraps under itself (``width``: the room there is, 0 when not known)."""
    app = screen.app
    about = getattr(screen, "HELP", "") or "Dit scherm heeft geen eigen uitleg."
    own: list[Content] = []
    everywhere: list[Content] = []
    seen: set[str] = set()
    for active in screen.active_bindings.values():
        binding = active.binding
        if not binding.id or binding.id in seen:
            continue
        seen.add(binding.id)
        explanation = Content.assemble(
            (binding.description, "bold"),
            (f": {binding.tooltip}" if binding.tooltip else "", ""),
            (f"  [{binding.id}]", "$foreground-muted"),
        )
        line = hanging(Content.styled(f"{app.get_key_display(binding):>8}  ", "bold $accent"), explanation, width)
        # The keys every screen has (tab, shift+tab: scherm.*) are listed with those that work everywhere.
        general = active.node is app or binding.id.startswith("scherm.")
        (everywhere if general else own).append(line)
    lines = [Content.styled(about, ""), Content("")]
    if own:
        lines += [Content.styled("Op dit scherm", "bold $text-primary"), *own, Content("")]
    lines += [
        Content.styled("Overal", "bold $text-primary"),
        *everywhere,
        Content(""),
        Content.styled(GENERAL, "italic"),
    ]
    return Content("\n").join(lines)


class HelpScreen(AppDialog[None]):
    """The help of the screen below it; any of escape, ? or f1 closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,f1", "close", "Sluiten", tooltip="Hulp sluiten", id="hulp.sluiten"),
    ]

    def __init__(self, screen: Screen[object], title: str | None = None) -> None:
        super().__init__()
        self.for_screen = screen
        self.title_text = title or screen_title(screen)

    def compose(self) -> ComposeResult:
        with Scroll(id="help-dialog") as dialog:
            dialog.border_title = f"Hulp: {self.title_text}"
            dialog.border_subtitle = "escape sluit"
            yield Static(id="help-text")

    def on_resize(self) -> None:
        """Lay the keys out for the width the dialog has."""
        # Room for the scroll bar that the list of keys usually needs.
        width = self.query_one("#help-dialog").scrollable_content_region.width - 3
        self.query_one("#help-text", Static).update(help_text(self.for_screen, width))

    def action_close(self) -> None:
        self.dismiss()
