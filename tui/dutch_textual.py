"""Textual's own English, in Dutch: key descriptions of its widgets and the command palette's texts.

Textual names the keys of its widgets in English ("Dismiss menu" under an open Select, "Exit the
command palette", "Toggle option", ...) and the palette says "No matches found". This module is the
one place that makes them Dutch, without touching Textual itself:

- :func:`translate_textual_bindings` gives every binding of Textual's widgets (and of the app's
  subclasses of them) a Dutch description and tooltip, also for widget modules Textual loads later;
- :class:`DutchCommandPalette` is the palette with a Dutch placeholder and "Niets gevonden".

Importing this module applies the translation, once.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

from rich.align import Align
from rich.text import Text
from textual.binding import Binding, BindingsMap, BindingType
from textual.command import CommandList, CommandPalette
from textual.dom import DOMNode
from textual.widgets.option_list import Option

DESCRIPTIONS: dict[str, str] = {
    # Select and its overlay
    "Dismiss menu": "Menu sluiten",
    "Show menu": "Menu openen",
    # the command palette
    "Exit the command palette": "Palet sluiten",
    "Go to bottom": "Naar het einde",
    "Go to top": "Naar het begin",
    "Next command": "Volgende opdracht",
    "Previous command": "Vorige opdracht",
    "Next page": "Volgende pagina",
    "Previous page": "Vorige pagina",
    # App and Screen
    "Quit": "Afsluiten",
    "Quit the app and return to the command prompt.": "Sluit het werkboek af en ga terug naar de opdrachtregel.",
    "Focus Next": "Volgend veld",
    "Focus Previous": "Vorig veld",
    "Copy selected text": "Selectie kopiëren",
    # scrolling
    "Scroll Up": "Omhoog",
    "Scroll Down": "Omlaag",
    "Scroll Left": "Naar links",
    "Scroll Right": "Naar rechts",
    "Scroll Home": "Naar het begin",
    "Scroll End": "Naar het einde",
    "Page Up": "Pagina omhoog",
    "Page Down": "Pagina omlaag",
    "Page up": "Pagina omhoog",
    "Page down": "Pagina omlaag",
    "Page Left": "Pagina naar links",
    "Page Right": "Pagina naar rechts",
    # lists, tables and trees
    "Select": "Kiezen",
    "Toggle option": "Aan/uit",
    "Toggle": "Aan/uit",
    "Up": "Omhoog",
    "Down": "Omlaag",
    "First": "Eerste",
    "Last": "Laatste",
    "Top": "Bovenaan",
    "Bottom": "Onderaan",
    "Home": "Begin",
    "End": "Einde",
    "Cursor up": "Omhoog",
    "Cursor down": "Omlaag",
    "Cursor Up": "Omhoog",
    "Cursor Down": "Omlaag",
    "Cursor left": "Naar links",
    "Cursor right": "Naar rechts",
    "Next option": "Volgende keuze",
    "Previous option": "Vorige keuze",
    "Next tab": "Volgend tabblad",
    "Previous tab": "Vorig tabblad",
    "Cursor to parent": "Naar het bovenliggende item",
    "Cursor to next ancestor": "Naar het volgende bovenliggende item",
    "Cursor to previous sibling": "Naar het vorige item",
    "Cursor to next sibling": "Naar het volgende item",
    "Expand or collapse all": "Alles open- of dichtklappen",
    "Toggle collapsible": "Open- of dichtklappen",
    "Open link": "Link openen",
    "Press button": "Knop indrukken",
    # typing (Input, TextArea)
    "Move cursor left": "Naar links",
    "Move cursor left and select": "Naar links en selecteren",
    "Move cursor left a word": "Een woord naar links",
    "Move cursor left a word and select": "Een woord naar links en selecteren",
    "Move cursor right or accept the completion suggestion": "Naar rechts of de aanvulling overnemen",
    "Move cursor right and select": "Naar rechts en selecteren",
    "Move cursor right a word": "Een woord naar rechts",
    "Move cursor right a word and select": "Een woord naar rechts en selecteren",
    "Cursor word left": "Een woord naar links",
    "Cursor word right": "Een woord naar rechts",
    "Cursor left word select": "Een woord naar links en selecteren",
    "Cursor right word select": "Een woord naar rechts en selecteren",
    "Cursor line start": "Naar het begin van de regel",
    "Cursor line end": "Naar het einde van de regel",
    "Cursor line start select": "Tot het begin van de regel selecteren",
    "Cursor line end select": "Tot het einde van de regel selecteren",
    "Cursor page up": "Pagina omhoog",
    "Cursor page down": "Pagina omlaag",
    "Cursor up select": "Omhoog en selecteren",
    "Cursor down select": "Omlaag en selecteren",
    "Cursor left select": "Naar links en selecteren",
    "Cursor right select": "Naar rechts en selecteren",
    "Go to start": "Naar het begin",
    "Go to end": "Naar het einde",
    "Select line start": "Tot het begin selecteren",
    "Select line end": "Tot het einde selecteren",
    "Select line": "Regel selecteren",
    "Select all": "Alles selecteren",
    "Delete character left": "Teken links wissen",
    "Delete character right": "Teken rechts wissen",
    "Delete left to start of word": "Wissen tot het begin van het woord",
    "Delete right to start of word": "Wissen tot het volgende woord",
    "Delete all to the left": "Alles links wissen",
    "Delete all to the right": "Alles rechts wissen",
    "Delete to line start": "Wissen tot het begin van de regel",
    "Delete to line end": "Wissen tot het einde van de regel",
    "Delete line": "Regel wissen",
    "Submit": "Invoeren",
    "Cut selected text": "Selectie knippen",
    "Paste text from the clipboard": "Plakken",
    "Cut": "Knippen",
    "Copy": "Kopiëren",
    "Paste": "Plakken",
    "Undo": "Ongedaan maken",
    "Redo": "Opnieuw doen",
}
"""Textual's English key descriptions and tooltips, with the Dutch the app shows instead."""

NO_MATCHES = "Niets gevonden"
PLACEHOLDER = "Zoek een opdracht…"


def dutch_binding(binding: Binding) -> Binding:
    """The binding with its description and tooltip in Dutch (unchanged when there is no translation)."""
    description = DESCRIPTIONS.get(binding.description, binding.description)
    tooltip = DESCRIPTIONS.get(binding.tooltip, binding.tooltip)
    if description == binding.description and tooltip == binding.tooltip:
        return binding
    return dataclasses.replace(binding, description=description, tooltip=tooltip)


def _dutch_map(bindings: BindingsMap) -> BindingsMap:
    return BindingsMap.from_keys(
        {key: [dutch_binding(binding) for binding in found] for key, found in bindings.key_to_bindings.items()}
    )


def _dutch_list(bindings: list[BindingType]) -> list[BindingType]:
    return [dutch_binding(item if isinstance(item, Binding) else Binding(*item)) for item in bindings]


def _node_classes(base: type[DOMNode] = DOMNode) -> Iterator[type[DOMNode]]:
    yield base
    for subclass in base.__subclasses__():
        yield from _node_classes(subclass)


_original_merge = DOMNode.__dict__["_merge_bindings"].__func__


def _merge_dutch_bindings(cls: type[DOMNode]) -> BindingsMap:
    """Textual's merge of a class's bindings with its bases', described in Dutch."""
    return _dutch_map(_original_merge(cls))


def translate_textual_bindings() -> None:
    """Dutch descriptions for the bindings of every widget class, now and defined later.

    Classes already made get their bindings translated in place; Textual computes the bindings of
    a class when it is defined, so the computation itself is wrapped for widgets loaded later
    (Textual imports TextArea, SelectionList, DataTable, ... only when first used).
    """
    if DOMNode.__dict__["_merge_bindings"].__func__ is not _merge_dutch_bindings:
        DOMNode._merge_bindings = classmethod(_merge_dutch_bindings)  # type: ignore[method-assign, assignment]
    for node_class in _node_classes():
        own = node_class.__dict__.get("BINDINGS")
        if own and node_class.__module__.startswith("textual."):
            node_class.BINDINGS = _dutch_list(own)
        if node_class._merged_bindings is not None:
            node_class._merged_bindings = _dutch_map(node_class._merged_bindings)


class DutchCommandPalette(CommandPalette):
    """Textual's command palette, speaking Dutch."""

    def __init__(self, *args: Any, placeholder: str = PLACEHOLDER, **kwargs: Any) -> None:
        super().__init__(*args, placeholder=placeholder, **kwargs)

    def _start_no_matches_countdown(self, search_value: str) -> None:
        """As Textual's, with "Niets gevonden" instead of "No matches found"."""
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(Align.center(Text(NO_MATCHES, style="not bold")), disabled=True, id=self._NO_MATCHES)
                )
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)


translate_textual_bindings()
