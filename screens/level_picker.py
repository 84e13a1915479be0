"""Choose the organisation's level on one of the three level models, with the description and the
advice (or building blocks) of the level under the cursor in view."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from models.content import Content as Library
from models.content_items import DescribedLevel, LadderLevel
from models.levels import MODEL_TITLES, LevelModel, levels_of
from models.sources import cite
from screens.base import AppDialog
from widgets.item_view import source_lines
from widgets.lists import ChoiceList
from widgets.scroll import Scroll

CLEAR = "-"
"""The option that takes the level away."""


def level_text(level: LadderLevel | DescribedLevel, library: Library, *, with_name: bool = True) -> Content:
    """A level's description and what to work on at that level.

    The ladder's building blocks say that they are not all the handreiking has; advice per level, which
    is our own elaboration, ends with where it comes from ("Eigen uitwerking op basis van: …").
    """
    lines = [Content.styled(level.naam, "bold")] if with_name else []
    lines += [Content(level.beschrijving), Content("")]
    if isinstance(level, LadderLevel):
        lines.append(Content.styled("Bouwstenen", "bold $text-primary"))
        for block in level.bouwstenen:
            lines += [Content.assemble(("• ", "bold"), (block.titel, "bold")), Content(f"  {block.uitleg}")]
            lines += [Content.styled(f"  hulpbron: {source}", "$foreground-muted") for source in block.hulpbronnen]
        lines.append(Content.styled(level.bouwstenen_noot, "italic $foreground-muted"))
    else:
        lines.append(Content.styled("Wat nu te doen", "bold $text-primary"))
        lines += [Content(f"• {advice}") for advice in level.advies]
        lines += source_lines(cite(level.advies_bron, library), of="dit advies")
    return Content("\n").join(lines)


class LevelPickerScreen(AppDialog[str | None]):
    """Dismisses with the chosen level id, ``CLEAR`` to take the level away, or None on escape."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Sluiten", tooltip="Niveau laten zoals het is", id="niveau.sluiten"),
    ]

    def __init__(self, library: Library, model: LevelModel, current: str | None) -> None:
        super().__init__()
        self.library = library
        self.model = model
        self.current = current

    def compose(self) -> ComposeResult:
        levels = levels_of(self.library, self.model)
        options = [Option(f"{'● ' if level.id == self.current else '  '}{level.naam}", id=level.id) for level in levels]
        options.append(Option(Content.styled("  geen niveau (wissen)", "$foreground-muted"), id=CLEAR))
        with Vertical(id="level-dialog"):
            yield Static(f"{MODEL_TITLES[self.model]}  ·  enter kiest · escape sluit", id="level-title")
            with Horizontal(id="level-body"):
                yield ChoiceList(*options, id="level-options")
                with Scroll(id="level-about"):
                    yield Static(id="level-about-text")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        ids = [level.id for level in levels_of(self.library, self.model)]
        options.highlighted = ids.index(self.current) if self.current in ids else 0
        options.focus()

    @on(OptionList.OptionHighlighted)
    def _show(self, event: OptionList.OptionHighlighted) -> None:
        about = self.query_one("#level-about-text", Static)
        level = next((lv for lv in levels_of(self.library, self.model) if lv.id == event.option.id), None)
        about.update(level_text(level, self.library) if level else Content.styled("Geen niveau vastleggen.", "italic"))
        self.query_one("#level-about", Scroll).scroll_home(animate=False)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_close(self) -> None:
        self.dismiss(None)
