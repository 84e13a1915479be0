"""Bibliotheek: search all reference content as you type, filter, read, and turn an item into an action."""

from __future__ import annotations

from itertools import groupby
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Input, OptionList, Select, Static
from textual.widgets.option_list import Option

from models.library import KIND_LABELS, Hit, LibraryItem
from models.text_search import snippet, terms
from screens.base import WorkbookScreen
from widgets.choice import Choice
from widgets.item_view import HIGHLIGHT, highlighted, item_detail
from widgets.key_bar import KeyBar
from widgets.lists import ChoiceList
from widgets.scroll import Scroll
from widgets.text_field import SearchField

GROUP_LIMIT = 6
"""Results shown per kind until a kind is chosen; keeps each keystroke quick and the list scannable."""
MORE = "meer:"
"""Option id prefix of the row that shows all results of one kind."""


class LibraryScreen(WorkbookScreen):
    """Search box, filters by kind, factor and phase, grouped results and the highlighted item in full."""

    HELP = (
        "Alle inhoud doorzoekbaar: strategieën, wettelijk minimum, interventies, goede praktijken, tips, "
        "actoren, niveaus en beleidskader. Typ om te zoeken; a maakt van het gekozen item een actie."
    )
    PALETTE_ANYWHERE: ClassVar[frozenset[str]] = frozenset({"focus_search"})
    """Commands the palette offers from other screens too: they need nothing chosen first."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "slash",
            "focus_search",
            "Zoeken",
            tooltip="Naar het zoekvak (de / zelf komt er niet in)",
            id="bibliotheek.zoeken",
            priority=True,
        ),
        Binding(
            "escape",
            "clear_search",
            "Wissen",
            tooltip="Zoekterm en filters wissen en naar de resultaten",
            id="bibliotheek.wissen",
        ),
        Binding(
            "a",
            "add_action",
            "Als actie",
            tooltip="Maak van het gekozen item een actie in het actieplan",
            id="bibliotheek.actie",
        ),
        Binding(
            "down",
            "to_results",
            "Naar resultaten",
            show=False,
            tooltip="Van het zoekvak naar de resultaten",
            id="bibliotheek.naar-resultaten",
        ),
    ]

    def compose(self) -> ComposeResult:
        content = self.session.content
        yield self.header()
        yield SearchField(
            placeholder="Zoek in strategieën, wettelijk minimum, interventies, tips …",
            id="library-search",
            compact=True,
        )
        with Horizontal(id="library-filters"):
            yield Choice[str](
                [(label, kind) for kind, label in KIND_LABELS.items()],
                prompt="Alle soorten",
                id="filter-kind",
                compact=True,
            )
            yield Choice[str](
                [(factor.label, factor.id) for factor in content.factors],
                prompt="Alle succesfactoren",
                id="filter-factor",
                compact=True,
            )
            yield Choice[str](
                [(phase.label, phase.id) for phase in content.phases],
                prompt="Alle fasen",
                id="filter-phase",
                compact=True,
            )
        with Horizontal(id="library-body"):
            yield ChoiceList(id="library-results")
            with Scroll(id="library-detail"):
                yield Static(id="library-detail-text")
        yield KeyBar()

    _shown: tuple[list[str], list[str]] | None = None
    """The result keys and search words on screen, to skip work when nothing changed."""

    def on_mount(self) -> None:
        self.update_results()
        self.search_box.focus()

    @property
    def search_box(self) -> Input:
        return self.query_one("#library-search", Input)

    @property
    def results(self) -> OptionList:
        return self.query_one("#library-results", OptionList)

    @property
    def words(self) -> list[str]:
        return terms(self.search_box.value)

    def _filter(self, selector: str) -> str | None:
        value = self.query_one(selector, Select).value
        return value if isinstance(value, str) else None

    def current_item(self) -> LibraryItem | None:
        option = self.results.highlighted_option
        if option is None or option.id is None:
            return None
        return self.session.library.by_key.get(option.id)

    @on(Input.Changed, "#library-search")
    @on(Select.Changed)
    def update_results(self) -> None:
        """Search again with the words and filters as they are now."""
        library = self.session.library
        kind = self._filter("#filter-kind")
        hits = library.search(
            self.search_box.value,
            kind=kind,  # type: ignore[arg-type]
            factor=self._filter("#filter-factor"),
            phase=self._filter("#filter-phase"),
        )
        self._show_hits(hits)

    def _show_hits(self, hits: list[Hit]) -> None:
        shown = ([hit.item.key for hit in hits], self.words)
        if shown == self._shown:
            return  # e.g. a space typed: same words, same results
        self._shown = shown
        results = self.results
        previous = results.highlighted_option.id if results.highlighted_option is not None else None
        words = self.words
        limit = None if self._filter("#filter-kind") else GROUP_LIMIT
        options: list[Option] = []
        for kind, group in groupby(hits, key=lambda hit: hit.item.kind):
            members = list(group)
            options.append(
                Option(Content.styled(f"{KIND_LABELS[kind]} ({len(members)})", "bold $text-primary"), disabled=True)
            )
            options.extend(Option(self._prompt(hit, words), id=hit.item.key) for hit in members[:limit])
            if limit is not None and len(members) > limit:
                more = f"… nog {len(members) - limit}: enter toont alle {KIND_LABELS[kind].lower()}"
                options.append(Option(Content.styled(more, "italic $text-accent"), id=f"{MORE}{kind}"))
        if not options:
            options.append(
                Option(
                    Content.styled("Niets gevonden; probeer een ander woord of minder filters.", "italic"),
                    disabled=True,
                )
            )
        results.set_options(options)
        results.border_title = f"Resultaten · {len(hits)}"
        keys = [option.id for option in options if option.id and not option.id.startswith(MORE)]
        if previous in keys:
            results.highlighted = results.get_option_index(previous)
        elif hits:
            results.highlighted = results.get_option_index(keys[0])
        self._show_detail()

    @staticmethod
    def _prompt(hit: Hit, words: list[str]) -> Content:
        title = highlighted(hit.item.title, words)
        if not words or hit.title_spans:
            return title
        found = snippet(hit.item.body, words, 48)
        if found is None:
            return title
        text, spans = found
        extra = Content.styled(text, "$foreground-muted")
        for start, end in spans:
            extra = extra.stylize(HIGHLIGHT, start, end)
        return Content.assemble(title, "\n  ", extra)

    @on(OptionList.OptionHighlighted, "#library-results")
    def _show_detail(self) -> None:
        item = self.current_item()
        detail = self.query_one("#library-detail-text", Static)
        if item is None:
            detail.update(Content.styled("Kies links een item om het hier te lezen.", "italic $foreground-muted"))
        else:
            detail.update(item_detail(item, self.session.content, self.words))
        self.query_one("#library-detail", Scroll).scroll_home(animate=False)

    @on(OptionList.OptionSelected, "#library-results")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id and event.option.id.startswith(MORE):
            self.query_one("#filter-kind", Select).value = event.option.id.removeprefix(MORE)

    @on(Input.Submitted, "#library-search")
    def action_to_results(self) -> None:
        if self.search_box.has_focus:
            self.results.focus()

    def action_focus_search(self) -> None:
        box = self.search_box
        box.focus()
        box.cursor_position = len(box.value)

    def action_clear_search(self) -> None:
        """Clear the words and filters and go to the results: escape never leads into the search box,
        so a key typed after it (a screen key, ``a``) does what it does on the results."""
        self.search_box.value = ""
        for select in self.query(Select):
            select.clear()
        self.results.focus()

    def action_add_action(self) -> None:
        item = self.current_item()
        if item is None:
            return
        if not item.actionable:
            self.notify("Alleen strategieën, wettelijke items, interventies en goede praktijken worden een actie.")
            return
        self.werkboek.add_item_as_action(item)
