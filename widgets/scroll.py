"""A pane to read in (the detail beside a list, a form's body, help) whose scroll keys can be remapped.

Textual's VerticalScroll binds its keys without an id; this pane binds them again with ids
(``scrollen.…``), so help lists them and ``[toetsen]`` in the config file can move them. The pane
scrolls with these keys when it has focus itself, or when the field in focus inside it does not use
the key (``up`` and ``down`` in a one-line field of a form scroll the form).
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll


def _key(key: str, action: str, description: str, tooltip: str, name: str) -> Binding:
    return Binding(key, action, description, tooltip=tooltip, show=False, id=f"scrollen.{name}")


class Scroll(VerticalScroll):
    """Textual's VerticalScroll with remappable keys; every scrolling pane of the app is one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        _key("up", "scroll_up", "Omhoog", "Schuif de tekst een regel omhoog", "omhoog"),
        _key("down", "scroll_down", "Omlaag", "Schuif de tekst een regel omlaag", "omlaag"),
        _key("left", "scroll_left", "Naar links", "Schuif de tekst naar links", "links"),
        _key("right", "scroll_right", "Naar rechts", "Schuif de tekst naar rechts", "rechts"),
        _key("home", "scroll_home", "Naar het begin", "Naar het begin van de tekst", "begin"),
        _key("end", "scroll_end", "Naar het einde", "Naar het einde van de tekst", "einde"),
        _key("pageup", "page_up", "Pagina omhoog", "Schuif de tekst een scherm omhoog", "pagina-omhoog"),
        _key("pagedown", "page_down", "Pagina omlaag", "Schuif de tekst een scherm omlaag", "pagina-omlaag"),
        _key("ctrl+pageup", "page_left", "Pagina naar links", "Schuif de tekst een scherm naar links",
             "pagina-links"),
        _key("ctrl+pagedown", "page_right", "Pagina naar rechts", "Schuif de tekst een scherm naar rechts",
             "pagina-rechts"),
    ]  # fmt: skip
