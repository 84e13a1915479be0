"""Library items drawn as text: a title line with highlighted search words, and a full detail view."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content

from models.content import Content as Library
from models.library import KIND_LABELS, LibraryItem
from models.sources import cite
from models.text_search import fold, match_spans

HIGHLIGHT = "bold reverse $accent"


def highlighted(text: str, words: Sequence[str], style: str = "") -> Content:
    """``text`` with every occurrence of the (folded) search words marked."""
    content = Content.styled(text, style)
    if not words:
        return content
    for start, end in match_spans(fold(text), list(words)):
        content = content.stylize(HIGHLIGHT, start, end)
    return content


def source_lines(cited: str, style: str = "italic $foreground-muted", *, of: str = "") -> list[Content]:
    """A cited source: ``Bron: …`` on one line, or ``Bronnen:`` with a line per document.

    With ``of`` the heading says whose source it is (``Bron van de scoringswijzer: …``), for a part of an
    item whose source differs from the item's, such as our own elaboration on the seeds.
    """
    documents = [line for line in cited.splitlines() if line.strip()]
    whose = f" van {of}" if of else ""
    if len(documents) <= 1:
        return [Content.styled(f"Bron{whose}: {documents[0] if documents else '(geen)'}", style)]
    return [Content.styled(f"Bronnen{whose}:", style), *(Content.styled(f"• {line}", style) for line in documents)]


def tags_line(item: LibraryItem, library: Library) -> Content:
    """Kind, factors and phases of an item as one muted line."""
    parts = [KIND_LABELS[item.kind]]
    if item.factors:
        parts.append(", ".join(library.factor_by_id[f].label for f in item.factors if f in library.factor_by_id))
    if item.phases:
        parts.append(", ".join(library.phase_by_id[p].label for p in item.phases if p in library.phase_by_id))
    return Content.styled(" · ".join(parts), "$foreground-muted")


def item_detail(item: LibraryItem, library: Library, words: Sequence[str] = ()) -> Content:
    """Everything about an item, search words highlighted, ending with its source."""
    lines: list[Content] = [highlighted(item.title, words, "bold"), tags_line(item, library)]
    for section in item.sections:
        lines.append(Content(""))
        lines.append(Content.styled(section.heading, "bold $text-primary"))
        lines.extend(highlighted(line, words) for line in section.text.splitlines())
    if item.actionable:
        lines += [Content(""), Content.assemble(("a", "bold $accent"), " maakt hier een actie van in het actieplan")]
    lines += [Content(""), *source_lines(cite(item.bron, library))]
    return Content("\n").join(lines)
