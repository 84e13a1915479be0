"""Sources as people cite them: title, publisher and year of a document plus the section, never the
seed file name a ``bron`` field starts with; and links from an action to a library item by title.

A ``bron`` in the content names one or more documents, each as ``FILE, section``, separated by
``;``. A part may carry a label (``advies: FILE, section``) that holds for the parts after it, and
a part without a file name continues the section before it. Documents are cited once each, in the
order they first appear, with their sections after them.

A part may also be marked with a kind of source (:mod:`models.source_kinds`): our own elaboration,
``eigen uitwerking op basis van: FILE, section``, is cited as ``Eigen uitwerking op basis van: Titel
(uitgever, jaar), section``, so a reader never takes it for what the seed says. Like a label, the
mark holds for the parts after it until the next label or mark.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from models.content import Content
from models.content_items import Source
from models.library import Kind, Library
from models.source_kinds import OWN_SYNTHESIS, SOURCE_KINDS, SourceKind, kind_of, marked, shown, split_marker

__all__ = [
    "OWN_SYNTHESIS",
    "SOURCE_KINDS",
    "SourceKind",
    "citations",
    "cite",
    "document",
    "is_own_synthesis",
    "kind_of",
    "link_title",
    "marked",
    "parts",
]

SEED_FILE = re.compile(r"\b\d{3}_[0-9a-f]{16}\.txt\b")
"""How the seed documents are named; such a name is never what a reader should see."""

LINK_LABELS: dict[Kind, str] = {
    "strategie": "Strategie",
    "wettelijk": "Wettelijk minimum",
    "interventie": "Interventie",
    "praktijk": "Goede praktijk",
    "di-actie": "DI-actie",
    "tip": "Tip",
    "actor": "Actor",
    "niveau": "",
    "beleid": "Beleidskader",
    "succesfactor": "Succesfactor",
    "fase": "Fase",
}
"""What a link to an item of each kind is called before its title (levels say it in their title)."""

_LINK = re.compile(
    r"(?P<kind>[a-z]+(?:-[a-z]+)*):(?P<id>[A-Za-z0-9][A-Za-z0-9_.-]*)(?:/(?P<sub>[A-Za-z0-9][A-Za-z0-9_.-]*))?"
)
_UNKNOWN_LINK = "onbekende verwijzing: staat niet in de inhoud"


@dataclass(frozen=True)
class Part:
    """One piece of a ``bron``: a section of a document, or text that names no document."""

    label: str
    file: str | None
    section: str
    kind: SourceKind | None = None
    """What kind of source the part is; None when it says what the document says."""


def is_own_synthesis(bron: str) -> bool:
    """Whether ``bron`` marks its text as our own elaboration on the seeds rather than what they say."""
    return kind_of(bron)[0] is OWN_SYNTHESIS


def document(source: Source) -> str:
    """A document as it is cited: ``Titel (uitgever, jaar)``."""
    return f"{source.titel} ({source.uitgever}, {source.jaar})"


def _file_pattern(files: Iterable[str]) -> re.Pattern[str]:
    known = sorted(files, key=len, reverse=True)
    return re.compile("|".join([*(re.escape(name) for name in known), SEED_FILE.pattern]))


def parts(bron: str, files: Iterable[str] = ()) -> list[Part]:
    """The pieces of ``bron``, recognising ``files`` and any seed-like file name as documents."""
    pattern = _file_pattern(files)
    found: list[Part] = []
    label, kind = "", None
    for raw in bron.split(";"):
        piece = raw.strip()
        if not piece:
            continue
        names = list(pattern.finditer(piece))
        if not names:
            if found:  # the section before went on past a ';', or plain text does
                last = found[-1]
                section = f"{last.section}; {piece}" if last.section else piece
                found[-1] = Part(last.label, last.file, section, last.kind)
            else:
                marked_kind, rest = kind_of(piece)
                found.append(Part(label, None, rest, marked_kind or kind))
            continue
        prefix = piece[: names[0].start()].strip()
        if prefix:
            label, kind = split_marker(prefix)
        for index, name in enumerate(names):
            end = names[index + 1].start() if index + 1 < len(names) else len(piece)
            section = piece[name.end() : end].strip().strip(",").strip()
            found.append(Part(label, name.group(), section, kind))
    return found


def citations(bron: str, content: Content) -> list[str]:
    """One line per document named in ``bron``: how it is cited, then its sections."""
    sources = content.source_by_file
    groups: list[tuple[str, SourceKind | None, str | None, list[str]]] = []
    where: dict[tuple[str, SourceKind | None, str], int] = {}
    for part in parts(bron, sources):
        if part.file is None:
            groups.append((part.label, part.kind, None, [part.section]))
            continue
        key = (part.label, part.kind, part.file)
        if key not in where:
            where[key] = len(groups)
            groups.append((part.label, part.kind, part.file, []))
        sections = groups[where[key]][3]
        if part.section and part.section not in sections:
            sections.append(part.section)
    lines = []
    for label, kind, file, said in groups:
        line = "; ".join(said)
        if file is not None:
            source = sources.get(file)
            name = document(source) if source is not None else f"onbekend brondocument '{file}'"
            line = f"{name}, {line}" if line else name
        lines.append(shown(kind, label, line))
    return lines


def cite(bron: str, content: Content) -> str:
    """``bron`` as people cite it: one line per document, ``Titel (uitgever, jaar), sectie; sectie``."""
    return "\n".join(citations(bron, content))


def link_title(bron: str, content: Content) -> str:
    """What an action's ``bron`` refers to, for reading.

    A link to an item (``wettelijk:pago``, ``strategie:…``, ``fase:in-kaart/…`` for a checklist
    item) is shown by the item's title; a link to an item that does not exist says so; anything
    else is the consultant's own text, with document names cited as in :func:`cite`.
    """
    text = bron.strip()
    link = _LINK.fullmatch(text)
    if link is None or link["kind"] not in LINK_LABELS:
        return cite(text, content)
    title = _titled(text, content)
    return title if title is not None else f"{text} ({_UNKNOWN_LINK})"


def _titled(key: str, content: Content) -> str | None:
    link = _LINK.fullmatch(key)
    assert link is not None
    kind, item_id, sub = link["kind"], link["id"], link["sub"]
    if kind == "fase":
        return _phase_title(content, item_id, sub)
    if sub is not None:
        return None
    if kind == "wettelijk":
        title = content.legal_by_id[item_id].titel if item_id in content.legal_by_id else None
    elif kind == "succesfactor":
        title = content.factor_by_id[item_id].naam if item_id in content.factor_by_id else None
    else:
        title = _library_titles(content).get(key)
    label = LINK_LABELS[kind]  # type: ignore[index]
    if title is None or not label:
        return title
    return f"{label}: {title}"


def _phase_title(content: Content, phase_id: str, item_id: str | None) -> str | None:
    """A phase (``fase:plannen``), or an item of its checklist (``fase:plannen/tijd-vrijgemaakt``)."""
    phase = content.phase_by_id.get(phase_id)
    if phase is None:
        return None
    if item_id is None:
        return f"Fase: {phase.naam}"
    checked = next((item for item in phase.checklist if item.id == item_id), None)
    return f"Checklist {phase.naam}: {checked.tekst}" if checked is not None else None


_TITLES: dict[int, tuple[Content, dict[str, str]]] = {}


def _library_titles(content: Content) -> dict[str, str]:
    """The title of every library item by key; made when a link first needs it, once per content."""
    cached = _TITLES.get(id(content))
    if cached is not None and cached[0] is content:
        return cached[1]
    titles = {item.key: item.title for item in Library(content).items}
    if len(_TITLES) >= 4:
        _TITLES.pop(next(iter(_TITLES)))
    _TITLES[id(content)] = (content, titles)
    return titles
