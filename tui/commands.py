"""Command palette provider: every key binding of the current screen and the app, in Dutch."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider


class BindingCommands(Provider):
    """Offers each of the app's own active bindings (screen first, then app) as a palette command.

    Only bindings with an id are the app's own; Textual's built-in widget keys (scrolling,
    focus) stay out of the palette.
    """

    def _commands(self) -> Iterator[tuple[str, str, str, object]]:
        found: dict[str, tuple[Binding, object, list[str]]] = {}
        for active in self.screen.active_bindings.values():
            binding = active.binding
            if not binding.id or not active.enabled or binding.action == "command_palette":
                continue
            entry = found.setdefault(binding.action, (binding, active.node, []))
            entry[2].append(self.app.get_key_display(binding))
        for action, (binding, node, keys) in found.items():
            shown = " of ".join(sorted(keys, key=len))
            help_text = f"{binding.tooltip} (toets {shown})" if binding.tooltip else f"toets {shown}"
            yield binding.description, help_text, action, node

    async def _run(self, action: str, node: object) -> None:
        await self.app.run_action(action, node)  # type: ignore[arg-type]

    async def discover(self) -> Hits:
        for name, help_text, action, node in self._commands():
            yield DiscoveryHit(name, partial(self._run, action, node), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, action, node in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), partial(self._run, action, node), help=help_text)
