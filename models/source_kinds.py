"""The kinds of source a ``bron`` can name, so a reader can tell what a seed says from our own work.

Most ``bron`` fields say where a seed document says what the item says. Some texts are the team's own
elaboration (the scoring guide of the success factors, the steps of the phases, the advice per level):
no seed says them, they are written on the basis of seeds. Their ``bron`` starts with the kind's marker,
``eigen uitwerking op basis van: FILE, section; FILE, section``, and is cited as such. This module is the
one place that knows the markers; it imports nothing, so the content models can check them when loading.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SourceKind:
    """A kind of source other than "the seed says so", with how it is written and how it is shown."""

    key: str
    marker: str
    """How a ``bron`` of this kind starts in the content, followed by ``:`` and the seeds it draws on."""
    shown: str
    """How a citation of this kind starts on screen and in reports, followed by ``:`` and the documents."""


OWN_SYNTHESIS = SourceKind(
    key="eigen-uitwerking",
    marker="eigen uitwerking op basis van",
    shown="Eigen uitwerking op basis van",
)
"""The team's own elaboration on what the seeds say: no seed states the text itself."""

SOURCE_KINDS: tuple[SourceKind, ...] = (OWN_SYNTHESIS,)
"""Every kind a ``bron`` can be marked with; a ``bron`` without a marker says what the seeds say."""


def kind_of(text: str) -> tuple[SourceKind | None, str]:
    """The kind a piece of a ``bron`` is marked with (or None), and the piece without its marker."""
    stripped = text.strip()
    for kind in SOURCE_KINDS:
        head = f"{kind.marker}:"
        if stripped.casefold().startswith(head.casefold()):
            return kind, stripped[len(head) :].strip()
    return None, stripped


def marked(kind: SourceKind, bron: str) -> str:
    """``bron`` written as a source of ``kind``: the marker, a colon and the seeds."""
    return f"{kind.marker}: {bron}"


def split_marker(prefix: str) -> tuple[str, SourceKind | None]:
    """What stands before the first document of a ``bron`` piece: a label (``advies``), a kind's marker, or both.

    ``advies: eigen uitwerking op basis van:`` gives ``("advies", OWN_SYNTHESIS)``; ``advies:`` gives
    ``("advies", None)``.
    """
    text = prefix.strip().removesuffix(":").strip()
    for kind in SOURCE_KINDS:
        if text.casefold().endswith(kind.marker.casefold()):
            return text[: len(text) - len(kind.marker)].strip().removesuffix(":").strip(), kind
    return text, None


def shown(kind: SourceKind | None, label: str, cited: str) -> str:
    """One cited line as a reader sees it: ``Eigen uitwerking op basis van: …``, after its label if any."""
    if kind is None:
        return f"{label}: {cited}" if label else cited
    line = f"{kind.shown}: {cited}"
    return f"{label[:1].upper()}{label[1:]} – {line}" if label else line
