"""Drawing a changed widget in the screen's next frame, together with what changed beside it.

Textual tells the screen about a widget's repaint when that widget's own message queue is next idle. A
keystroke in a search field changes the field, the table and the count line above it; the field's repaint
reached the screen first, the screen drew a frame with only the field, and the table and count came one or
two screen updates (17–34 ms) later. At 10,000 actions a filter keystroke took 35–60 ms to show its result
instead of 10–15 (issue 16, a timeline of driver writes in a pseudo-terminal). Telling the screen directly puts
them in the same frame. ``textual.messages.Update`` is the message Textual itself sends (pinned 8.2.8).
"""

from __future__ import annotations

from textual.messages import Update
from textual.widget import Widget


def draw_in_next_frame(widget: Widget) -> None:
    """Have the screen draw ``widget`` (already refreshed) in its next update, not after the widget's idle."""
    if widget.is_mounted:
        widget.screen.post_message(Update(widget))
