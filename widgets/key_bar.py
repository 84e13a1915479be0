"""The footer of every screen: its keys in one line, drawn as one piece of text.

Textual's Footer builds a widget per key (16–18 per screen), styles each on mount and recomposes them
all twice after every focus change; on the first frame of a screen that was half the work. This bar is
one widget: it reads the screen's active bindings, lays them out as text, and redraws only when what
it shows has changed. It keeps what the Footer offered: groups shown as one entry ("12345678 Scherm"),
the palette key at the right edge over keys that do not fit, dimmed keys that do nothing here, a
tooltip per key and a click that presses the key.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import groupby

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget

KEY_STYLE = "bold $footer-key-foreground on $footer-key-background"
DESCRIPTION_STYLE = "$footer-description-foreground on $footer-description-background"
EDGE_STYLE = "$foreground 20%"


def _styled(text: str, style: str, *, enabled: bool, hovered: bool) -> Content:
    """``text`` in ``style``, dimmed when its key does nothing here, lit when the mouse is on it."""
    if not enabled:
        style = f"{style} dim"
    if hovered:
        style = f"{style} on $block-hover-background"
    return Content.styled(text, style)


@dataclass(frozen=True)
class BarKey:
    """One key as the bar shows it."""

    key: str
    shown: str
    enabled: bool
    tooltip: str


@dataclass(frozen=True)
class KeyEntry:
    """One entry of the bar: one key with its description, or a group of keys under one label."""

    keys: tuple[BarKey, ...]
    label: str
    compact: bool = True
    """A group whose keys stand side by side without spaces ("12345678 Scherm")."""

    @property
    def enabled(self) -> bool:
        return any(key.enabled for key in self.keys)

    def content(self, hovered: BarKey | None) -> Content:
        parts: list[Content] = []
        for index, key in enumerate(self.keys):
            if index and not self.compact:
                parts.append(Content(" "))
            parts.append(_styled(key.shown, KEY_STYLE, enabled=key.enabled, hovered=key == hovered))
        if self.label:
            lone_hovered = len(self.keys) == 1 and hovered in self.keys
            parts.append(_styled(f" {self.label}", DESCRIPTION_STYLE, enabled=self.enabled, hovered=lone_hovered))
        return Content.assemble(*parts)

    def spans(self, start: int) -> list[tuple[int, int, BarKey]]:
        """Where each key sits when the entry starts at column ``start`` (a lone key: with its label)."""
        if len(self.keys) == 1:
            return [(start, start + self.content(None).cell_length, self.keys[0])]
        spans, position = [], start
        for key in self.keys:
            spans.append((position, position + len(key.shown), key))
            position += len(key.shown) + (0 if self.compact else 1)
        return spans


def key_entries(screen: Screen[object], palette_key: str) -> tuple[list[KeyEntry], KeyEntry | None]:
    """The entries the bar shows for ``screen`` (as Textual's Footer chooses them), and the palette's."""
    app = screen.app
    by_action: dict[str, list[tuple[Binding, bool, str]]] = {}
    palette: KeyEntry | None = None
    for key, (_node, binding, enabled, tooltip) in screen.active_bindings.items():
        if key == palette_key and app.ENABLE_COMMAND_PALETTE:
            shown = app.get_key_display(binding)
            palette = KeyEntry(
                (BarKey(key, shown, enabled, binding.tooltip or binding.description),), binding.description
            )
        if binding.show:
            by_action.setdefault(binding.action, []).append((binding, enabled, tooltip))
    entries: list[KeyEntry] = []
    for group, members in groupby((bindings[0] for bindings in by_action.values()), lambda item: item[0].group):
        items = list(members)
        if group is not None and len(items) > 1:
            keys = tuple(
                BarKey(
                    binding.key,
                    app.get_key_display(binding),
                    on,
                    f"{binding.description}: {tip}" if tip else binding.description,
                )
                for binding, on, tip in items
            )
            entries.append(KeyEntry(keys, group.description, group.compact))
        else:
            entries.extend(
                KeyEntry(
                    (BarKey(binding.key, app.get_key_display(binding), on, tip or binding.description),),
                    binding.description,
                )
                for binding, on, tip in items
            )
    return entries, palette


class KeyBar(Widget, can_focus=False):
    """The keys of the current screen along its bottom edge (replaces Textual's Footer)."""

    ALLOW_SELECT = False

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._entries: list[KeyEntry] | None = None
        self._palette: KeyEntry | None = None
        self._spans: list[tuple[int, int, BarKey]] = []
        self._hovered: BarKey | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        if screen is not self.screen or not self.app.app_focus:
            return
        entries, palette = key_entries(screen, self.app.COMMAND_PALETTE_BINDING)
        if (entries, palette) != (self._entries, self._palette):
            self._entries, self._palette = entries, palette
            self.refresh()

    def render(self) -> Content:
        if self._entries is None:
            self._entries, self._palette = key_entries(self.screen, self.app.COMMAND_PALETTE_BINDING)
        width = self.size.width
        palette = self._palette_content()
        line, self._spans = self._layout(self._entries, max(0, width - palette.cell_length))
        if palette.cell_length:
            start = width - palette.cell_length
            assert self._palette is not None
            self._spans.append((start, width, self._palette.keys[0]))
            line = Content.assemble(line.pad_right(max(0, start - line.cell_length)), palette)
        return line

    def _palette_content(self) -> Content:
        if self._palette is None:
            return Content("")
        body = self._palette.content(self._hovered)
        return Content.assemble(Content.styled("▏", EDGE_STYLE), body, " ")

    def _layout(self, entries: Iterable[KeyEntry], room: int) -> tuple[Content, list[tuple[int, int, BarKey]]]:
        """The entries side by side (a group with a space either side), as many whole ones as fit in ``room``."""
        parts: list[Content] = []
        spans: list[tuple[int, int, BarKey]] = []
        position = 0
        previous_grouped = False
        for index, entry in enumerate(entries):
            grouped = len(entry.keys) > 1
            gap = 0 if index == 0 else (2 if grouped or previous_grouped else 1)
            previous_grouped = grouped
            piece = entry.content(self._hovered)
            if position + gap + piece.cell_length > room:
                break  # whole keys only: half a label ("q A") reads as another key
            parts.append(Content(" " * gap))
            start = position + gap
            spans.extend(entry.spans(start))
            parts.append(piece)
            position = start + piece.cell_length
        return Content.assemble(*parts), spans

    def _key_at(self, x: int) -> BarKey | None:
        return next((key for start, end, key in self._spans if start <= x < end), None)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        key = self._key_at(event.x)
        if key != self._hovered:
            self._hovered = key
            self.tooltip = key.tooltip if key else None
            self.refresh()

    def on_leave(self, _event: events.Leave) -> None:
        if self._hovered is not None:
            self._hovered = None
            self.refresh()

    def on_click(self, event: events.Click) -> None:
        key = self._key_at(event.x)
        if key is None:
            return
        if key.enabled:
            self.app.simulate_key(key.key)
        else:
            self.app.bell()
