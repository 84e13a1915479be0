"""One library item in full, over the current screen; ``a`` makes an action of it."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Static

from models.content import Content
from models.library import LibraryItem
from screens.base import AppDialog
from screens.host import host_of
from widgets.item_view import item_detail
from widgets.key_bar import KeyBar
from widgets.scroll import Scroll

if TYPE_CHECKING:
    pass


class ItemDetailScreen(AppDialog[None]):
    """Reads an item; escape closes, ``a`` turns it into an action when that makes sense."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss", "Sluiten", tooltip="Terug naar het vorige scherm", id="item.sluiten"),
        Binding("a", "add_action", "Als actie", tooltip="Maak van dit item een actie", id="item.actie"),
    ]

    def __init__(self, item: LibraryItem, content: Content) -> None:
        super().__init__()
        self.item = item
        self.content = content

    def compose(self) -> ComposeResult:
        with Scroll(id="item-detail"):
            yield Static(item_detail(self.item, self.content))
        yield KeyBar()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "add_action":
            return self.item.actionable
        return True

    def action_add_action(self) -> None:
        host_of(self).add_item_as_action(self.item)
        self.dismiss()
