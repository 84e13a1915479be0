"""Saving a workbook whose file holds hand-written comments, without losing them.

The canonical text (:mod:`models.canonical`) is cut into blocks: the top-level keys, then one block per
table header (``[organisatie]``, each ``[[acties]]`` entry, ``[metingen.toelichting]``, …). The file on
disk is cut the same way; there a block also holds the comment lines right above its header (no blank
line between), so a comment about an action belongs to that action. Blocks are matched by identity —
their table path, and for entries of an array of tables: acties by ``id``, metingen, di_scan and niveaus by
``datum``, logboek by ``datum`` and ``titel``, akkoord by ``datum`` and ``door`` (other arrays by
position) — and written in the canonical order. A matched block keeps its text (comments, key order, how
values are written) and gets only what changed, through ``tomlkit``: changed values are set (the comment
at the end of the line stays), keys no longer there go, new keys come after their canonical neighbour. A
block only the new text has is written as the canonical writer writes it; a block only the file has
goes, comments and all. An entry whose identity was edited (a log entry's new date) keeps its block when
the pairing is clear.

Each block is checked after the merge (it must read as the canonical block does), and so is the whole
text; a block that would not is written canonically with its comment lines kept at its end. ``tomlkit``
is imported only here, and this module only for a file that has comments, so start-up stays fast.
"""

from __future__ import annotations

import functools
import tomllib
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import rtoml
import tomlkit
from tomlkit.items import InlineTable

from models.toml_scan import _BLANK, _Scanner

Identity = tuple[Any, ...]

_ENTRY_KEYS: Mapping[str, tuple[str, ...]] = {
    "acties": ("id",),
    "metingen": ("datum",),
    "di_scan": ("datum",),
    "niveaus": ("datum",),
    "logboek": ("datum", "titel"),
    "akkoord": ("datum", "door"),
}
"""The keys that tell entries of a top-level array of tables apart (others: their position)."""


@dataclass
class _Block:
    identity: Identity
    path: tuple[str, ...]
    lead: str = ""
    """Comment lines right above the header."""
    header: str = ""
    """The header line with its line break; empty for the top-level keys."""
    body: str = ""
    """Everything after the header up to the next block's lead."""

    @property
    def text(self) -> str:
        return self.lead + self.header + self.body


@dataclass
class _Split:
    blocks: list[_Block] = field(default_factory=list)
    comment_lines: set[int] = field(default_factory=set)


class _HeaderScanner(_Scanner):
    """The comment and position scanner of :mod:`models.toml_scan`, also noting header lines."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.headers: list[int] = []

    def statement(self) -> bool:
        start = _BLANK.match(self.text, self.pos).end()  # type: ignore[union-attr]
        line = self.line
        found = super().statement()
        if found and self.text.startswith("[", start):
            self.headers.append(line)
        return found


@functools.lru_cache(maxsize=1024)
def _header_path(header: str) -> tuple[tuple[str, ...], bool]:
    """The keys of a table header and whether it opens an entry of an array of tables."""
    data: Any = tomllib.loads(header)
    parts: list[str] = []
    while isinstance(data, dict) and data:
        key, data = next(iter(data.items()))
        parts.append(key)
        if isinstance(data, list):
            return tuple(parts), True
    return tuple(parts), False


def _entry_identity(path: tuple[str, ...], body: str) -> tuple[Any, ...]:
    keys = _ENTRY_KEYS.get(path[0]) if len(path) == 1 else None
    if not keys:
        return ()
    try:
        values = rtoml.loads(body)
    except rtoml.TomlParsingError:
        return ()
    return tuple(values.get(key) for key in keys)


def _lines(text: str) -> list[str]:
    """The lines of ``text`` with their ``\\n`` (only that: a form feed inside a string is no line break)."""
    parts = text.split("\n")
    return [part + "\n" for part in parts[:-1]] + ([parts[-1]] if parts[-1] else [])


def _canonical_headers(lines: list[str]) -> list[int]:
    """Header lines of canonical text, without the scanner: there a header starts its line, arrays
    over more lines indent their items, and a multi-line string ends at the first ``\"\"\"`` after its start
    (its quotes are escaped)."""
    headers = []
    in_string = False
    for number, line in enumerate(lines, 1):
        if in_string:
            in_string = '"""' not in line
        elif line.startswith("["):
            headers.append(number)
        elif line.count('"""') % 2:
            in_string = True
    return headers


def _split(text: str, *, canonical: bool = False) -> _Split:
    """Cut TOML text into blocks, each with the comment lines above its header."""
    lines = _lines(text)
    if canonical:
        comments: set[int] = set()
        headers = _canonical_headers(lines)
    else:
        scanner = _HeaderScanner(text)
        scanner.run()
        comments = set(scanner.result.comment_lines)
        headers = scanner.headers

    def comment_only(number: int) -> bool:
        return number in comments and lines[number - 1].lstrip().startswith("#")

    starts: list[tuple[int, int]] = []
    for header in headers:
        start = header
        while start - 1 >= 1 and comment_only(start - 1) and (not starts or start - 1 > starts[-1][1]):
            start -= 1
        starts.append((start, header))
    result = _Split(comment_lines=comments)
    first = starts[0][0] if starts else len(lines) + 1
    result.blocks.append(_Block(identity=((),), path=(), body="".join(lines[: first - 1])))
    current: dict[tuple[str, ...], Identity] = {}
    seen: Counter[Identity] = Counter()
    for index, (start, header) in enumerate(starts):
        end = starts[index + 1][0] if index + 1 < len(starts) else len(lines) + 1
        header_line = lines[header - 1]
        body = "".join(lines[header : end - 1])
        path, is_array = _header_path(header_line)
        identity: list[Any] = []
        for size in range(1, len(path) + (0 if is_array else 1)):
            identity.append(path[size - 1])
            if path[:size] in current:
                identity.append(current[path[:size]])
        if is_array:
            identity.append(path[-1])
            entry = (_entry_identity(path, body), tuple(identity))
            seen[entry] += 1
            current[path] = (*entry[0], seen[entry])
            identity.append(current[path])
        block = _Block(
            identity=tuple(identity),
            path=path,
            lead="".join(lines[start - 1 : header - 1]),
            header=header_line,
            body=body,
        )
        result.blocks.append(block)
    return result


def _same(old: Any, new: Any) -> bool:
    """Equal as TOML values (1500.0 is 1500; true is not 1)."""
    if isinstance(old, bool) or isinstance(new, bool):
        return type(old) is type(new) and old == new
    if isinstance(old, dict) and isinstance(new, dict):
        return old.keys() == new.keys() and all(_same(old[k], new[k]) for k in old)
    if isinstance(old, list) and isinstance(new, list):
        return len(old) == len(new) and all(_same(a, b) for a, b in zip(old, new, strict=True))
    if isinstance(old, str) != isinstance(new, str):
        return False
    return bool(old == new)


def _update_inline(doc: tomlkit.TOMLDocument, key: str, value: Mapping[str, Any]) -> None:
    """Set an inline table's new values in place, so its spacing and comment stay."""
    table = doc[key]
    if not isinstance(table, InlineTable):
        replacement = tomlkit.inline_table()
        replacement.update(value)
        doc[key] = replacement
        return
    for name in [name for name in table if name not in value]:
        del table[name]
    for name, item in value.items():
        if name not in table or not _same(table[name].unwrap(), item):
            table[name] = item


def _merge_body(old_body: str, new_body: str, inline_children: Mapping[str, dict[str, Any]]) -> str | None:
    """The old body with the new body's values; None when tomlkit cannot do it faithfully."""
    old_doc = tomlkit.parse(old_body)
    new_doc = tomlkit.parse(new_body)
    wanted = dict(new_doc.unwrap())
    for key in list(old_doc.keys()):
        if key in inline_children:
            wanted[key] = inline_children[key]
            if not _same(old_doc[key].unwrap(), inline_children[key]):
                _update_inline(old_doc, key, inline_children[key])
        elif key not in new_doc:
            del old_doc[key]
    previous: str | None = None
    for key in new_doc:
        item = new_doc.item(key)
        if key in old_doc:
            if not _same(old_doc[key].unwrap(), item.unwrap()):
                old_doc[key] = item
        elif previous is not None:
            old_doc._insert_after(previous, key, item)
        else:
            old_doc._insert_at(_first_key_index(old_doc), key, item)
        previous = key
    merged = old_doc.as_string()
    if not merged.endswith("\n") and merged:
        merged += "\n"
    return merged if _same(tomllib.loads(merged), wanted) else None


def _first_key_index(doc: tomlkit.TOMLDocument) -> int:
    for index, (key, _item) in enumerate(doc.body):
        if key is not None:
            return index
    return len(doc.body)


def _comment_lines_of(text: str) -> str:
    return "".join(line for line in _lines(text) if line.lstrip().startswith("#"))


def _kids(blocks: Iterable[_Block]) -> dict[Identity, list[_Block]]:
    """Blocks by the identity of the block they sit in (``[metingen.scores]`` in its ``[[metingen]]``)."""
    kids: dict[Identity, list[_Block]] = {}
    for block in blocks:
        kids.setdefault(block.identity[:-1], []).append(block)
    return kids


def _merge_block(old: _Block, new: _Block, kids: Mapping[Identity, list[_Block]], consumed: set[Identity]) -> str:
    """The old block's text with the new block's values."""
    if old.body == new.body:
        return old.text  # unchanged, the usual case: no parsing
    inline_children: dict[str, dict[str, Any]] = {}
    if old.body.strip() and kids.get(new.identity):
        old_values = tomllib.loads(old.body)
        new_keys = tomllib.loads(new.body).keys()
        for child in kids[new.identity]:
            key = child.identity[-1]
            if (
                isinstance(key, str)
                and isinstance(old_values.get(key), dict)
                and key not in new_keys
                and not kids.get(child.identity)
            ):
                inline_children[key] = tomllib.loads(child.body)
                consumed.add(child.identity)
    body = _merge_body(old.body, new.body, inline_children)
    if body is None:
        consumed.difference_update((*new.identity, key) for key in inline_children)
        body = new.body + _comment_lines_of(old.body)
    return old.lead + old.header + body


def _is_entry(block: _Block) -> bool:
    return len(block.path) == 1 and len(block.identity) == 2 and isinstance(block.identity[1], tuple)


def _pair_edited_entries(old: list[_Block], new: list[_Block]) -> None:
    """Give an entry whose identity was edited (a log entry's date) its old block, comments and all.

    Actions keep their id, so an action is never paired. Among the other entries of one array that
    match nothing, an old and a new one are paired when they share one of the identity values and no
    other entry does (a log entry with a new date and the same title), or when they are the only ones
    left unpaired in that array.
    """
    new_ids = {block.identity for block in new}
    old_ids = {block.identity for block in old}
    renamed: dict[Identity, Identity] = {}
    for name in dict.fromkeys(block.path[0] for block in new if _is_entry(block) and block.path[0] != "acties"):
        lone_old = [b.identity for b in old if _is_entry(b) and b.path[0] == name and b.identity not in new_ids]
        lone_new = [b.identity for b in new if _is_entry(b) and b.path[0] == name and b.identity not in old_ids]
        if len(lone_old) == 1 and len(lone_new) == 1:
            renamed[lone_old[0]] = lone_new[0]
            continue
        for target in lone_new:
            sharing = [i for i in lone_old if any(a == b for a, b in zip(i[1][:-1], target[1][:-1], strict=False))]
            if len(sharing) == 1 and sharing[0] not in renamed:
                others = [
                    t for t in lone_new if any(a == b for a, b in zip(sharing[0][1][:-1], t[1][:-1], strict=False))
                ]
                if others == [target]:
                    renamed[sharing[0]] = target
    for block in old if renamed else ():
        after = renamed.get(block.identity[:2])
        if after is not None:
            block.identity = (*after, *block.identity[2:])


def merge_keeping_comments(old_text: str, new_text: str) -> str:
    """``new_text`` (canonical TOML) laid onto ``old_text`` so that its comments and layout stay.

    Both texts use ``\\n`` line breaks. Reads as ``new_text`` does; the same inputs give the same text.
    """
    old = _split(old_text if old_text.endswith("\n") else old_text + "\n")
    new = _split(new_text, canonical=True)
    _pair_edited_entries(old.blocks, new.blocks)
    old_by_id = {block.identity: block for block in old.blocks}
    new_ids = {block.identity for block in new.blocks}
    consumed: set[Identity] = set()
    out: list[str] = []
    previous_old: _Block | None = None
    emitted: set[Identity] = set()  # the super tables written
    old_order = {block.identity: index for index, block in enumerate(old.blocks)}

    def emit(text: str, block: _Block | None) -> None:
        nonlocal previous_old
        follows = (
            block is not None
            and previous_old is not None
            and old_order.get(block.identity) == old_order[previous_old.identity] + 1
        )
        if out and not follows and not out[-1].endswith("\n\n") and text.strip():
            out.append("\n")
        out.append(text)
        previous_old = block

    kids = _kids(new.blocks)
    # an old header that only opened a super table ([fasen] above [fasen.in-kaart]) stays with its comments
    supers = [
        block
        for block in old.blocks
        if block.header and block.identity not in new_ids and not tomllib.loads(block.body)
    ]
    for block in new.blocks:
        if block.identity in consumed:
            continue
        for super_block in supers:
            size = len(super_block.identity)
            if (
                super_block.identity not in emitted
                and size < len(block.identity)
                and block.identity[:size] == super_block.identity
            ):
                emitted.add(super_block.identity)
                emit(super_block.text, super_block)
        match = old_by_id.get(block.identity)
        if match is None:
            emit(block.text, None)
        else:
            emit(_merge_block(match, block, kids, consumed), match)
    merged = "".join(out).rstrip("\n") + "\n" if "".join(out).strip() else new_text
    if not _same(rtoml.loads(merged), rtoml.loads(new_text)):
        return new_text.rstrip("\n") + "\n\n" + _comment_lines_of(old_text)  # never lose a comment silently
    return merged
