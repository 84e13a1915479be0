"""Small builders for fixed-width text cells: bars, padded and truncated columns.

Bars are drawn with characters, not colour alone, so they read the same without colour.
"""

from __future__ import annotations

import textwrap

from textual.content import Content

from models.form_parsing import printable

FULL, EMPTY = "█", "░"


def bar(done: float, total: float, width: int, style: str = "$primary") -> Content:
    """A bar of ``width`` cells, filled in proportion ``done / total``."""
    filled = 0 if total <= 0 else round(width * min(max(done / total, 0.0), 1.0))
    return Content.assemble((FULL * filled, style), (EMPTY * (width - filled), "$foreground 25%"))


def cell(text: str | Content, width: int, *, align: str = "left", style: str = "") -> Content:
    """``text`` fitted to exactly ``width`` cells: truncated with an ellipsis, or padded."""
    content = text if isinstance(text, Content) else Content.styled(printable(text, multiline=False), style)
    if width <= 0:
        return Content("")
    if content.cell_length > width:
        return content.truncate(width, ellipsis=True)
    gap = width - content.cell_length
    if align == "right":
        return content.pad_left(gap)
    if align == "center":
        return content.pad_left(gap // 2).pad_right(gap - gap // 2)
    return content.pad_right(gap)


def row(*cells: Content, gap: int = 1) -> Content:
    """Cells joined into one line with ``gap`` spaces between them."""
    return Content(" " * gap).join(cells)


def hanging(prefix: Content, text: str | Content, width: int, *, style: str = "") -> Content:
    """``prefix`` then ``text`` wrapped to ``width`` cells, later lines indented under the text.

    For list items whose widget wraps without indent (an option list); ``width`` 0 means not
    known yet, and the text is left to the widget.
    """
    if not isinstance(text, Content):
        text = printable(text, multiline=False)
    body = text if isinstance(text, Content) else Content.styled(text, style)
    body_width = width - prefix.cell_length
    if body_width < 12:
        return Content.assemble(prefix, body)
    if isinstance(text, Content):
        lines = text.wrap(body_width) or [Content("")]
    else:
        lines = [Content.styled(line, style) for line in textwrap.wrap(text, body_width) or [""]]
    indent = " " * prefix.cell_length
    return Content("\n").join(
        Content.assemble(prefix if index == 0 else indent, line) for index, line in enumerate(lines)
    )
