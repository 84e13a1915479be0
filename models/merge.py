"""Three-way merge of a workbook by its meaning: what ``werkboek merge`` (and so git) uses.

The three versions (the common base, ours, theirs) are merged as the data they hold, not as lines of
text: parsed TOML, so keys the program does not know come along like any other. Every part is matched
by a stable identity and merged field by field:

- the profile and other tables key by key; the phases' checklists and legal items per item and field;
- scoring rounds, DI-scans and level choices by date, then per key (a score, a DI mark and a note per
  factor or indicator);
- ticks (``afgevinkt``) and an action's ``succesfactoren`` as sets: what one side added or removed;
- actions by id, field by field; their side's new actions renumbered where ids would collide
  (:mod:`models.merge_ids`), with references to them in their texts following;
- log entries by their ``id`` (:func:`models.workbook.new_log_id`); an older entry without one by date
  and title, and else by date when that leaves one candidate on each side (a changed title);
- consent (``akkoord``) by date and role (``2026-12-01 werkgever``), field by field;
- a text changed on both sides line by line (:mod:`models.merge_lines`), as are lists of lines such as
  ``deelnemers``, when the changes do not touch;
- ``laatste_actie``: the highest number either side ever gave (after the renumbering).

A value changed on one side is taken; changed the same way on both sides, taken once. Changed on both
sides differently, or edited on one side and deleted on the other, is a **conflict**: never a silent
choice. The merged workbook then keeps our value in place (so it stays a valid workbook that the app
opens) and records the three versions in a ``[[conflicten]]`` entry (:class:`models.workbook.Conflict`):

    [[conflicten]]
    onderdeel = "acties"
    sleutel = "A3"
    veld = "status"
    omschrijving = "aan beide kanten anders gewijzigd"
    basis = "gepland"
    ons = "bezig"
    hun = "klaar"

A value missing there is absent (empty, or the entry deleted). ``werkboek check`` lists them, the app's
Conflicten screen resolves them one by one (:func:`models.merge_conflicts.resolve_conflict`).

Two changes that are each fine but together break a rule (our start after their deadline) cannot both
be kept: that action keeps our version and every field where their side differs becomes a conflict.
The result is validated with the normal schema and written by the canonical writer.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from models.agreements import order_key
from models.canonical import action_sort_key, dumps_workbook
from models.content import Content
from models.limits import extreme_values
from models.merge_ids import (
    ActionIds,
    Entries,
    Renumbered,
    last_number,
    plan_action_ids,
    reference_rewriter,
    rewrite_changed,
)
from models.merge_lines import merge_sequences, merge_text
from models.problems import Problem, WorkbookError, format_path
from models.references import reference_errors
from models.schema import ValidationError
from models.store import line_ending, parse_workbook
from models.toml_emit import format_key
from models.toml_file import parse_toml
from models.toml_scan import comment_lines, conflict_marker_lines
from models.workbook import SCHEMA_VERSION, Workbook

Path = tuple[str, ...]

KEYED = ("acties", "metingen", "di_scan", "niveaus", "logboek", "akkoord")
"""Arrays of tables whose entries are matched by identity (see :func:`entry_keys`)."""
BY_ITEM = ("fasen", "wettelijk")
"""Tables of tables: a conflict there is named by the item (the phase, the legal item) and a field."""
SET_FIELDS = {("acties", "succesfactoren"), ("fasen", "afgevinkt")}
"""Lists merged as sets: (part, field)."""

BOTH_CHANGED = "aan beide kanten anders gewijzigd"
BOTH_ADDED = "aan beide kanten anders ingevuld"
OURS_DELETED = "bij ons verwijderd, bij hen gewijzigd"
THEIRS_DELETED = "bij ons gewijzigd, bij hen verwijderd"


# -- identity -------------------------------------------------------------------------------------


def _date_text(value: Any) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def own_key(section: str, entry: Mapping[str, Any]) -> str:
    """An entry's identity as written in a conflict's ``sleutel``: an action's id, a date (rounds, DI-scans, levels),
    a log entry's id, or for a log entry without one its date and title (``2026-03-10 Kick-off``), a
    consent's date and role (``2026-12-01 werkgever``)."""
    if section == "acties":
        return str(entry.get("id"))
    if section == "akkoord":
        return f"{_date_text(entry.get('datum'))} {entry.get('door', '')}"
    if section == "logboek":
        if entry.get("id"):
            return str(entry["id"])
        return f"{_date_text(entry.get('datum'))} {entry.get('titel', '')}"
    return _date_text(entry.get("datum"))


def entry_keys(section: str, entries: Sequence[Mapping[str, Any]]) -> list[str]:
    """:func:`own_key` of each entry; a second entry with the same key gets ``#2`` (then ``#3``, …)."""
    seen: dict[str, int] = {}
    keys = []
    for entry in entries:
        key = own_key(section, entry)
        seen[key] = seen.get(key, 0) + 1
        keys.append(key if seen[key] == 1 else f"{key}#{seen[key]}")
    return keys


def _keyed(section: str, entries: Sequence[dict[str, Any]]) -> Entries:
    return dict(zip(entry_keys(section, entries), entries, strict=True))


def _matched_log(base: Entries, side: Entries) -> Entries:
    """``side``'s log entries keyed so that an entry the base has gets the base's key.

    By id first (the keys); then an entry without id, or a base entry without one, with the same date and
    title; then, both without id, the same date when that leaves exactly one on each side (a new title).
    """
    unmatched_base = [key for key in base if key not in side]
    unmatched_side = [key for key in side if key not in base]
    if not unmatched_base or not unmatched_side:
        return side
    pairs: dict[str, str] = {}  # side key → base key

    def agree(key_a: str, key_b: str, *fields: str) -> bool:
        a, b = side[key_a], base[key_b]
        return all(a.get(name) == b.get(name) for name in fields)

    for side_key in unmatched_side:
        entry = side[side_key]
        for base_key in unmatched_base:
            if base_key in pairs.values():
                continue
            if (not entry.get("id") or not base[base_key].get("id")) and agree(side_key, base_key, "datum", "titel"):
                pairs[side_key] = base_key
                break
    for side_key in unmatched_side:
        if side_key in pairs or side[side_key].get("id"):
            continue
        day = side[side_key].get("datum")
        candidates = [k for k in unmatched_base if k not in pairs.values() and not base[k].get("id")]
        candidates = [k for k in candidates if base[k].get("datum") == day]
        rivals = [k for k in unmatched_side if k not in pairs and not side[k].get("id")]
        rivals = [k for k in rivals if side[k].get("datum") == day]
        if len(candidates) == 1 and len(rivals) == 1:
            pairs[side_key] = candidates[0]
    if not pairs:
        return side
    return {pairs.get(key, key): entry for key, entry in side.items()}


# -- values ---------------------------------------------------------------------------------------


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, str | list | dict) and not value)


def same(a: Any, b: Any) -> bool:
    """Equal as the file means it: an empty value is an absent one, and true is not 1."""
    if a is b:
        return True
    if _empty(a) or _empty(b):
        return _empty(a) and _empty(b)
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, dict) and isinstance(b, dict):
        return all(same(a.get(key), b.get(key)) for key in a.keys() | b.keys())
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    return bool(type(a) is type(b) and a == b) or (isinstance(a, int | float) and isinstance(b, int | float) and a == b)


def _frozen(value: Any) -> Any:
    """A hashable stand-in for a TOML value (to merge lists of tables as sequences)."""
    if isinstance(value, dict):
        return ("{", tuple(sorted((key, _frozen(item)) for key, item in value.items())))
    if isinstance(value, list):
        return ("[", tuple(_frozen(item) for item in value))
    return (type(value).__name__, value)


def format_field(path: Iterable[str]) -> str:
    """A field path as a conflict's ``veld``: dotted, a key quoted as TOML does when it must be."""
    return ".".join(format_key(part) for part in path)


def parse_field(veld: str) -> list[str]:
    """The keys of a dotted ``veld`` (the inverse of :func:`format_field`)."""
    try:
        value: Any = tomllib.loads(f"{veld} = 0")
    except tomllib.TOMLDecodeError:
        return [veld]
    parts = []
    while isinstance(value, dict) and len(value) == 1:
        key = next(iter(value))
        parts.append(key)
        value = value[key]
    return parts


# -- the merge ------------------------------------------------------------------------------------


@dataclass
class _Merger:
    conflicts: list[dict[str, Any]] = field(default_factory=list)

    def conflict(self, path: Path, base: Any, ours: Any, theirs: Any, description: str) -> None:
        part, key, rest = locate(path)
        found: dict[str, Any] = {"onderdeel": part}
        if key is not None:
            found["sleutel"] = key
        if rest:
            found["veld"] = format_field(rest)
        found["omschrijving"] = description
        for name, value in (("basis", base), ("ons", ours), ("hun", theirs)):
            if not _empty(value):
                found[name] = value
        self.conflicts.append(found)

    def table(self, base: Mapping[str, Any], ours: Mapping[str, Any], theirs: Mapping[str, Any], path: Path) -> Any:
        merged: dict[str, Any] = {}
        keys = [*ours, *(k for k in theirs if k not in ours), *(k for k in base if k not in ours and k not in theirs)]
        for key in keys:
            value = self.value(base.get(key), ours.get(key), theirs.get(key), (*path, key))
            if not _empty(value):
                merged[key] = value
        return merged

    def value(self, base: Any, ours: Any, theirs: Any, path: Path) -> Any:
        if ours == theirs or same(ours, theirs) or same(base, theirs):
            return ours
        if same(base, ours):
            return theirs
        if all(v is None or isinstance(v, dict) for v in (base, ours, theirs)):
            return self.table(base or {}, ours or {}, theirs or {}, path)
        merged = _combined(base, ours, theirs, path)
        if merged is None:
            self.conflict(path, base, ours, theirs, BOTH_ADDED if _empty(base) else BOTH_CHANGED)
            return ours
        return merged

    def entries(self, section: str, base: Entries, ours: Entries, theirs: Entries) -> list[tuple[str, dict[str, Any]]]:
        """The merged entries of a keyed part, each with its identity."""
        merged: list[tuple[str, dict[str, Any]]] = []
        for key in [*ours, *(k for k in theirs if k not in ours)]:
            was, mine, other = base.get(key), ours.get(key), theirs.get(key)
            path = (section, key)
            if mine is not None and other is not None:
                if mine == other:
                    merged.append((key, mine))
                    continue
                first = len(self.conflicts)
                entry = self.table(was or {}, mine, other, path)
                if section == "logboek":
                    self._named_as_in_body(section, key, entry, first)
                merged.append((key, entry))
            elif mine is not None:
                if was is None:
                    merged.append((key, mine))  # added by us
                elif not same(was, mine):
                    self.conflict(path, was, mine, None, THEIRS_DELETED)
                    merged.append((key, mine))
            elif other is not None:
                if was is None:
                    merged.append((key, other))  # added by them
                elif not same(was, other):
                    self.conflict(path, was, None, other, OURS_DELETED)
        return merged

    def _named_as_in_body(self, section: str, key: str, entry: Mapping[str, Any], first: int) -> None:
        """Conflicts found in the entry (from ``first`` on) named as the merged workbook knows it: a log
        entry matched by its date alone is known by its new title, not by the base's."""
        own = own_key(section, entry)
        if own != key and "#" not in key:
            for found in self.conflicts[first:]:
                found["sleutel"] = own


def locate(path: Path) -> tuple[str, str | None, list[str]]:
    """(onderdeel, sleutel, rest of the field path) of a place in the workbook."""
    part = path[0]
    if part in KEYED or part in BY_ITEM:
        return part, path[1] if len(path) > 1 else None, list(path[2:])
    if len(path) == 1:
        return "werkboek", None, [part]
    return part, None, list(path[1:])


def _combined(base: Any, ours: Any, theirs: Any, path: Path) -> Any:
    """Both sides changed a list or a text: a set merge, a line-by-line merge, or None (a conflict)."""
    values = (base, ours, theirs)
    if all(v is None or isinstance(v, list) for v in values):
        if len(path) == 3 and (path[0], path[2]) in SET_FIELDS:
            return _set_merge(base or [], ours or [], theirs or [])
        return _list_merge(base or [], ours or [], theirs or [])
    texts = all(v is None or isinstance(v, str) for v in values)
    if texts and any("\n" in v for v in values if v):
        return merge_text(base or "", ours or "", theirs or "")
    return None


def _set_merge(base: list[Any], ours: list[Any], theirs: list[Any]) -> list[Any]:
    """What is in the result: in either side, unless a side removed it from the base."""
    removed = [item for item in base if item not in ours or item not in theirs]
    kept = [item for item in ours if item not in removed]
    return kept + [item for item in theirs if item not in removed and item not in kept]


def _list_merge(base: list[Any], ours: list[Any], theirs: list[Any]) -> list[Any] | None:
    """Line by line; when that fails but both sides only added items (two new participants, two new
    agreements, both at the end), ours and then their new ones."""
    frozen = {_frozen(item): item for item in [*base, *ours, *theirs]}
    was, mine, other = ([_frozen(x) for x in items] for items in (base, ours, theirs))
    merged = merge_sequences(was, mine, other)
    if merged is None and _only_added(was, mine) and _only_added(was, other):
        merged = mine + [item for item in other if item not in was and item not in mine]
    return None if merged is None else [frozen[item] for item in merged]


def _only_added(base: list[Any], side: list[Any]) -> bool:
    """``side`` is ``base`` with items inserted (every base item still there, in order)."""
    rest = iter(side)
    return all(any(item == found for found in rest) for item in base)


@dataclass(frozen=True)
class DocumentMerge:
    """The merged data (not yet validated), the conflicts found, and their actions that got a new id."""

    document: dict[str, Any]
    conflicts: list[dict[str, Any]]
    renumbered: list[Renumbered]
    sides: tuple[Mapping[str, Any], Mapping[str, Any], Mapping[str, Any]]
    """Base, ours and theirs as merged (theirs renumbered), each keyed part as entries by identity."""


def _schema(*documents: Mapping[str, Any]) -> int:
    found = [v for d in documents if isinstance(v := d.get("schema"), int) and not isinstance(v, bool)]
    return max(found, default=SCHEMA_VERSION)


def _follow_ids(
    base: Mapping[str, Any],
    ours: Mapping[str, Any],
    theirs: Mapping[str, Any],
    keyed: dict[str, tuple[Entries, Entries, Entries]],
) -> tuple[dict[str, Any], dict[str, Any], ActionIds]:
    """Both documents with the actions keyed by identity and the texts each side changed following the
    ids that change (:mod:`models.merge_ids`)."""
    counters = (last_number(base), last_number(ours), last_number(theirs))
    ids = plan_action_ids(base.get("acties") or [], ours.get("acties") or [], theirs.get("acties") or [], counters)
    keyed["acties"] = (ids.base, ids.ours, ids.theirs)
    documents = []
    for index, (document, mapping) in enumerate(((ours, ids.ours_map), (theirs, ids.theirs_map)), start=1):
        if not mapping:
            documents.append(dict(document))
            continue
        rewrite = reference_rewriter(mapping)
        documents.append(
            {
                key: value if key in KEYED else rewrite_changed(value, base.get(key), rewrite)
                for key, value in document.items()
            }
        )
        for section in KEYED:
            sides = list(keyed[section])
            sides[index] = {
                key: rewrite_changed(entry, sides[0].get(key), rewrite) for key, entry in sides[index].items()
            }
            keyed[section] = (sides[0], sides[1], sides[2])
    return documents[0], documents[1], ids


def _with_final_ids(
    pairs: list[tuple[str, dict[str, Any]]],
    sides: tuple[Entries, Entries, Entries],
    final: Mapping[str, str],
    conflicts: list[dict[str, Any]],
    first: int,
) -> tuple[list[tuple[str, dict[str, Any]]], tuple[Entries, Entries, Entries]]:
    """The merged actions with their ids after the merge, the three sides keyed by those ids, and the
    conflicts from ``first`` on named by them. The id itself is never a conflict: the plan decided it."""
    conflicts[first:] = [found for found in conflicts[first:] if found.get("veld") != "id"]
    for found in conflicts[first:]:
        found["sleutel"] = final.get(found["sleutel"], found["sleutel"])
    with_ids = [
        (final[key], entry if entry.get("id") == final[key] else {**entry, "id": final[key]}) for key, entry in pairs
    ]
    base, ours, theirs = ({final.get(key, key): entry for key, entry in side.items()} for side in sides)
    return with_ids, (base, ours, theirs)


def _merge_conflict_lists(base: Any, ours: Any, theirs: Any) -> list[Any]:
    """Conflicts already in the files: ours, less what they resolved, plus what only they have."""
    was, mine, other = (list(v) if isinstance(v, list) else [] for v in (base, ours, theirs))
    resolved_by_them = [c for c in was if c not in other]
    kept = [c for c in mine if c not in resolved_by_them]
    return kept + [c for c in other if c not in was and c not in kept]


def merge_documents(base: Mapping[str, Any], ours: Mapping[str, Any], theirs: Mapping[str, Any]) -> DocumentMerge:
    """Merge three parsed workbooks (see the module's docstring); the inputs are left as they are."""
    keyed: dict[str, tuple[Entries, Entries, Entries]] = {}
    for section in KEYED:
        b, o, t = (_keyed(section, d.get(section) or []) for d in (base, ours, theirs))
        if section == "logboek":
            o, t = _matched_log(b, o), _matched_log(b, t)
        keyed[section] = (b, o, t)
    ours, theirs, ids = _follow_ids(base, ours, theirs, keyed)
    merger = _Merger()
    document: dict[str, Any] = {}
    special = {"schema", "laatste_actie", "conflicten", *KEYED}
    for key in [*ours, *(k for k in theirs if k not in ours), *(k for k in base if k not in ours and k not in theirs)]:
        if key in special:
            continue
        value = merger.value(base.get(key), ours.get(key), theirs.get(key), (key,))
        if not _empty(value):
            document[key] = value
    for section in KEYED:
        first = len(merger.conflicts)
        pairs = merger.entries(section, *keyed[section])
        if section == "acties":
            pairs, keyed[section] = _with_final_ids(pairs, keyed[section], ids.final, merger.conflicts, first)
        if pairs:
            entries = [entry for _, entry in pairs]
            document[section] = sorted(entries, key=_FILE_ORDER.get(section, _by_date))  # as the file has them
    document["schema"] = _schema(base, ours, theirs)
    highest = last_number({"acties": document.get("acties", [])})
    if ids.counter > highest:
        document["laatste_actie"] = ids.counter
    earlier = _merge_conflict_lists(base.get("conflicten"), ours.get("conflicten"), theirs.get("conflicten"))
    if earlier or merger.conflicts:
        document["conflicten"] = earlier + merger.conflicts
    sides = tuple(
        {**d, **{section: keyed[section][i] for section in KEYED}} for i, d in enumerate((base, ours, theirs))
    )
    return DocumentMerge(_ordered(document, ours), merger.conflicts, ids.renumbered, sides)  # type: ignore[arg-type]


def _by_date(entry: Mapping[str, Any]) -> Any:
    return entry["datum"]


_FILE_ORDER: dict[str, Callable[[Mapping[str, Any]], Any]] = {
    "acties": lambda entry: action_sort_key(str(entry["id"])),
    "akkoord": lambda entry: order_key(entry.get("datum"), entry.get("door")),
}
"""How the canonical writer orders a keyed part; the others by date (stable)."""


def _ordered(document: dict[str, Any], like: Mapping[str, Any]) -> dict[str, Any]:
    """Top-level keys in our order (the writer puts known ones in place; unknown ones keep this order)."""
    order = {key: index for index, key in enumerate(like)}
    return dict(sorted(document.items(), key=lambda item: order.get(item[0], len(order))))


# -- from texts to a merged workbook --------------------------------------------------------------


@dataclass(frozen=True)
class MergeSource:
    """One of the three versions: its text, and the name messages use for it."""

    name: str
    text: str


@dataclass(frozen=True)
class MergeResult:
    """The merged workbook, its canonical text (with our comments and line ending), and what happened."""

    workbook: Workbook
    text: str
    conflicts: list[dict[str, Any]]
    """The conflicts this merge found (earlier ones from the files stay in ``workbook.conflicten``)."""
    renumbered: list[Renumbered]

    @property
    def clean(self) -> bool:
        return not self.workbook.conflicten


def read_document(source: MergeSource, content: Content) -> dict[str, Any]:
    """The parsed workbook of ``source``; anything that is not a valid workbook raises WorkbookError.

    Only one parse and one validation on the usual path; when something is wrong, the file is read
    again by :func:`models.store.parse_workbook` for its Dutch messages with line and column.
    """
    name, text = source.name, source.text.replace("\r\n", "\n")
    if not text.strip() or conflict_marker_lines(text):
        parse_workbook(name, text, content)  # raises with the message for an empty file or conflict markers
    document = parse_toml(name, text)
    version = document.get("schema")
    if isinstance(version, int) and not isinstance(version, bool) and version > SCHEMA_VERSION:
        raise WorkbookError(
            [
                Problem(
                    name,
                    f"dit bestand heeft schema {version}, deze versie van het werkboek kent schema "
                    f"{SCHEMA_VERSION} en kan het dus niet betrouwbaar samenvoegen; werk het programma bij",
                )
            ]
        )
    try:
        workbook = Workbook.model_validate(document)
        valid = isinstance(version, int) and not isinstance(version, bool) and version >= 1
        valid = valid and not any(extreme_values(workbook)) and not any(reference_errors(workbook, content))
    except ValidationError:
        valid = False
    if not valid:
        parse_workbook(name, text, content)
        raise WorkbookError([Problem(name, "dit is geen geldig werkboek")])  # pragma: no cover - parse raised
    return document


def merge_sources(base: MergeSource, ours: MergeSource, theirs: MergeSource, content: Content) -> MergeResult:
    """Merge three versions of a workbook file. A base without text (git gives an empty file when both
    sides added the file) counts as an empty workbook. Raises WorkbookError naming the file at fault."""
    base_document = read_document(base, content) if base.text.strip() else {}
    ours_document = read_document(ours, content)
    theirs_document = read_document(theirs, content)
    merged = merge_documents(base_document, ours_document, theirs_document)
    workbook, conflicts = _validated(merged, ours.name, content)
    text = dumps_workbook(workbook, content)
    ours_text = ours.text.replace("\r\n", "\n")
    if comment_lines(ours_text):
        from models.toml_keep import merge_keeping_comments  # noqa: PLC0415 - tomlkit only for files with comments

        text = merge_keeping_comments(ours_text, text)
    return MergeResult(workbook, text.replace("\n", line_ending(ours.text)), conflicts, merged.renumbered)


def _validated(merged: DocumentMerge, name: str, content: Content) -> tuple[Workbook, list[dict[str, Any]]]:
    """The merged workbook; an entry that two fine changes made invalid together keeps our version, with
    a conflict for each field where theirs differed (so nothing of theirs is lost)."""
    document, conflicts = merged.document, list(merged.conflicts)
    for _ in range(20):
        try:
            workbook = Workbook.model_validate(document)
        except ValidationError as error:
            document, found = _keep_ours_where_invalid(document, merged.sides, error)
            if not found:
                raise WorkbookError([Problem(name, f"samenvoegen gaf geen geldig werkboek ({error})")]) from None
            conflicts += found
            document = {**document, "conflicten": [*document.get("conflicten", []), *found]}
            continue
        problems = [
            Problem(name, message, path=format_path(loc)) for loc, message in reference_errors(workbook, content)
        ]
        if problems:
            raise WorkbookError(problems)
        return workbook, conflicts
    raise WorkbookError([Problem(name, "samenvoegen gaf geen geldig werkboek")])  # pragma: no cover


def _keep_ours_where_invalid(
    document: dict[str, Any], sides: Sequence[Mapping[str, Any]], error: ValidationError
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """``document`` with each invalid entry (or top-level table) put back to ours, and the conflicts that says."""
    base, ours, theirs = sides
    document = dict(document)
    found: list[dict[str, Any]] = []
    done: set[tuple[str, str | int]] = set()
    for detail in error.errors(include_url=False):
        loc = detail["loc"]
        if not loc or not isinstance(loc[0], str) or loc[0] == "conflicten":
            continue
        part = loc[0]
        reason = f"samen ongeldig: {detail['msg']}"
        if part in KEYED and len(loc) > 1 and isinstance(loc[1], int):
            if (part, loc[1]) in done:
                continue
            done.add((part, loc[1]))
            entries = list(document[part])
            key = entry_keys(part, entries)[loc[1]]
            was, mine, other = base[part].get(key), ours[part].get(key), theirs[part].get(key)
            found += _differences((part, key), (was, mine, other), entries[loc[1]], reason)
            if mine is None:
                del entries[loc[1]]
            else:
                entries[loc[1]] = mine
            document[part] = entries
        elif (part, "") not in done:
            done.add((part, ""))
            versions = (base.get(part), ours.get(part), theirs.get(part))
            found += _differences((part,), versions, document.get(part), reason)
            if ours.get(part) is None:
                document.pop(part, None)
            else:
                document[part] = ours[part]
    return document, found


def _differences(path: Path, versions: tuple[Any, Any, Any], merged: Any, reason: str) -> list[dict[str, Any]]:
    """A conflict for every key where ``merged`` (which took their changes) differs from ``ours``."""
    base, ours, theirs = versions
    merger = _Merger()
    if isinstance(ours, dict) and isinstance(merged, dict):
        before = base if isinstance(base, dict) else {}
        other = theirs if isinstance(theirs, dict) else {}
        for key in [*merged, *(k for k in ours if k not in merged)]:
            if not same(ours.get(key), merged.get(key)):
                merger.conflict((*path, key), before.get(key), ours.get(key), other.get(key), reason)
    elif not same(ours, merged):
        merger.conflict(path, base, ours, theirs, reason)
    return merger.conflicts
