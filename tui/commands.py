"""The command palette (``ctrl+p``): every command of the app by its Dutch name, also found by a
common English word (save, undo, export, help …).

The current screen's commands come first, then those of the app, then the commands of other screens
that make sense from anywhere: those switch to their screen and run there.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any, cast

from textual.app import App
from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.screen import Screen

from screens.registry import MAIN_SCREENS

if TYPE_CHECKING:
    from tui.app import WerkboekApp


@dataclass(frozen=True)
class PaletteCommand:
    """One line in the palette."""

    name: str
    help: str
    run: Callable[[], Any]
    keywords: str = ""
    """Other words that find it (English ones, for people who think of 'save' or 'undo')."""
    here: bool = False
    """Belongs to the screen in view: listed first."""


ENGLISH = {
    "app.ongedaan": "undo",
    "app.opnieuw": "redo",
    "app.afsluiten": "quit exit close",
    "app.hulp": "help keys",
    "formulier.opslaan": "save",
    "formulier.annuleren": "cancel",
    "acties.nieuw": "new add action",
    "acties.bewerken": "edit",
    "acties.verwijderen": "delete remove",
    "acties.volgende-status": "next status done",
    "acties.zoeken": "search find",
    "acties.filter": "filter",
    "acties.sorteren": "sort",
    "bibliotheek.zoeken": "search find library",
    "bibliotheek.actie": "add action",
    "succesfactoren.nieuwe-meting": "new score round",
    "wettelijk.actie": "add action",
    "logboek.nieuw": "new log entry notes",
    "organisatie.profiel": "edit profile settings",
    "werkboeken.nieuw": "new workbook client",
    "werkboeken.openen": "open",
}


def _keys(app: WerkboekApp, bindings: list[Binding]) -> str:
    return " of ".join(sorted({app.get_key_display(binding) for binding in bindings}, key=len))


def screen_commands(app: WerkboekApp, screen: Screen[object]) -> Iterator[PaletteCommand]:
    """The bindings with an id that are active now: the screen's own first, then the app's.

    Keys of widgets (moving through a list, ticking a box, editing a field) are not commands: help
    shows them, the palette leaves them out."""
    found: dict[tuple[bool, str], tuple[Binding, Any, list[Binding]]] = {}
    for active in screen.active_bindings.values():
        binding = active.binding
        if not binding.id or not active.enabled or binding.action == "command_palette":
            continue
        if binding.id.startswith("scherm."):  # moving between fields, copying: keys, not commands
            continue
        if not isinstance(active.node, (App, Screen)):
            continue
        entry = found.setdefault((active.node is app, binding.action), (binding, active.node, []))
        entry[2].append(binding)
    for (is_app, _), (binding, node, bindings) in sorted(found.items(), key=lambda item: item[0][0]):
        shown = _keys(app, bindings)
        help_text = f"{binding.tooltip} (toets {shown})" if binding.tooltip else f"toets {shown}"
        yield PaletteCommand(
            binding.description,
            help_text,
            partial(app.run_action, binding.action, node),
            ENGLISH.get(binding.id or "", ""),
            here=not is_app,
        )


def other_screen_commands(app: WerkboekApp) -> Iterator[PaletteCommand]:
    """Commands of the other main screens that need nothing chosen first (new action, new round …)."""
    if app.session is None:
        return
    for main in MAIN_SCREENS:
        if main.mode == app.current_mode:
            continue
        screen_class = main.load()
        anywhere: frozenset[str] = getattr(screen_class, "PALETTE_ANYWHERE", frozenset())
        for binding in screen_class.BINDINGS:
            if not isinstance(binding, Binding) or binding.action.split("(")[0] not in anywhere:
                continue
            yield PaletteCommand(
                f"{main.title}: {binding.tooltip or binding.description}",
                f"Gaat naar {main.title} (toets {main.key}); daar is het toets {app.get_key_display(binding)}",
                partial(app.run_on_screen, main.mode, binding.action),
                ENGLISH.get(binding.id or "", ""),
            )


class WerkboekCommands(Provider):
    """Every command the palette offers, found by name or by an English word."""

    def _commands(self) -> list[PaletteCommand]:
        app = cast("WerkboekApp", self.app)
        screen = self.screen
        return [*screen_commands(app, screen), *app.palette_commands(screen), *other_screen_commands(app)]

    async def discover(self) -> Hits:
        commands = self._commands()
        for command in sorted(commands, key=lambda c: not c.here):
            yield DiscoveryHit(command.name, command.run, help=command.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in self._commands():
            score = matcher.match(command.name)
            if command.keywords:
                score = max(score, 0.9 * matcher.match(command.keywords))
            if score > 0:
                weight = 1.0 if command.here else 0.95
                yield Hit(score * weight, matcher.highlight(command.name), command.run, help=command.help)
