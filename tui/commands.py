"""Command palette provider: every key binding of the current screen and the app, in Dutch."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider


class BindingCommands(Provider):
    """Offers each active binding (screen first, then app) as a palette command."""

    def _commands(self) -> Iterator[tuple[str, str, str, object]]:
        seen: set[str] = set()
        for active in self.screen.active_bindings.values():
            binding = active.binding
            skip = not binding.description or not active.enabled or binding.action == "command_palette"
            if skip or binding.action in seen:
                continue
            seen.add(binding.action)
            shown_key = self.app.get_key_display(binding)
            help_text = f"{binding.tooltip} (toets {shown_key})" if binding.tooltip else f"toets {shown_key}"
            yield binding.description, help_text, binding.action, active.node

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
