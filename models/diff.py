"""What changed between two versions of a workbook, in Dutch, per subject.

Actions are matched by id, scoring rounds, DI-scans and level choices by date, legal items and phases by
their content id, log entries by date and title, consent (``akkoord``) by date and role. Every field
is compared, also keys the program does not know, so nothing changes unseen.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import partial
from typing import Any

from models.agreements import agreement_key, agreement_title, order_key, role_label
from models.canonical import action_sort_key
from models.content import Content
from models.formatting import aantal, hours, money, percentage, plain_number, short_date
from models.levels import LEVEL_MODELS, SHORT_TITLES, level_by_id
from models.problems import WorkbookError
from models.schema import BaseModel
from models.workbook import Agreement, DiScan, LegalItemState, LogEntry, PhaseState, ScoringRound, Workbook

SECTIONS = (
    "Werkboek", "Conflicten", "Profiel", "Niveaus", "Metingen", "DI-scan", "Fasen", "Wettelijk minimum", "Acties",
    "Logboek", "Akkoord",
)  # fmt: skip
LONG_TEXT = 50
"""Texts longer than this (or with a line break) are reported as changed, not quoted in full."""


@dataclass(frozen=True)
class DiffLine:
    """One change: the subject it belongs to, and what changed."""

    section: str
    text: str


def _value(value: Any) -> str:
    """A value as the diff shows it."""
    if value is None or value in ("", [], {}):
        return "(leeg)"
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, dt.date):
        return short_date(value)
    if isinstance(value, float):
        return plain_number(value)  # exact: a change in the third decimal still shows
    if isinstance(value, list):
        return ", ".join(_value(item) for item in value)
    return str(value)


def _measured(unit: Callable[[float], str], value: Any) -> str:
    """A number in its unit (``€ 1.250``, ``1,5 uur``); anything else (a hand-edited text, none) as usual."""
    is_number = isinstance(value, int | float) and not isinstance(value, bool)
    return unit(value) if is_number else _value(value)


def _is_long(value: Any) -> bool:
    return isinstance(value, str) and (len(value) > LONG_TEXT or "\n" in value)


def _change(name: str, old: Any, new: Any, show: Callable[[Any], str] = _value) -> str:
    """``name old → new``; long texts as filled in, changed or emptied."""
    if _is_long(old) or _is_long(new):
        if old in (None, ""):
            return f"{name} ingevuld"
        if new in (None, ""):
            return f"{name} leeggemaakt"
        return f"{name} gewijzigd"
    if isinstance(old, list) and isinstance(new, list) and all(isinstance(v, str) for v in old + new):
        added = [show(v) for v in new if v not in old]
        removed = [show(v) for v in old if v not in new]
        parts = [f"+ {', '.join(added)}"] if added else []
        parts += [f"− {', '.join(removed)}"] if removed else []
        return f"{name} {'; '.join(parts)}" if parts else f"{name}: volgorde gewijzigd"
    return f"{name} {show(old)} → {show(new)}"


def _fields(model: BaseModel | None) -> dict[str, Any]:
    """Every key of a table with its value, known fields first, unknown keys after them."""
    if model is None:
        return {}
    values = {field.alias or name: getattr(model, name) for name, field in type(model).model_fields.items()}
    values.update(model.model_extra or {})
    return values


def _field_changes(
    old: BaseModel | None,
    new: BaseModel | None,
    *,
    skip: Iterable[str] = (),
    shown: Mapping[str, Callable[[Any], str]] | None = None,
) -> Iterator[str]:
    """One text per key whose value differs between ``old`` and ``new``."""
    before, after = _fields(old), _fields(new)
    for key in [*after, *(k for k in before if k not in after)]:
        if key in skip:
            continue
        a, b = before.get(key), after.get(key)
        if a == b or (_value(a) == "(leeg)" and _value(b) == "(leeg)"):
            continue
        yield _change(key, a, b, (shown or {}).get(key, _value))


class _Differ:
    def __init__(self, old: Workbook, new: Workbook, content: Content) -> None:
        self.old = old
        self.new = new
        self.content = content

    # -- names --------------------------------------------------------------------------------

    def factor(self, factor_id: str) -> str:
        factor = self.content.factor_by_id.get(factor_id)
        return factor.label if factor else factor_id

    def phase(self, phase_id: Any) -> str:
        phase = self.content.phase_by_id.get(phase_id) if isinstance(phase_id, str) else None
        return phase.label if phase else _value(phase_id)

    def level(self, model: str, level_id: Any) -> str:
        if not isinstance(level_id, str):
            return _value(level_id)
        level = level_by_id(self.content, model, level_id)  # type: ignore[arg-type]
        return level.naam if level else level_id

    def indicator(self, indicator_id: str) -> str:
        """A DI indicator by name; its id when the DI content cannot be read or does not know it."""
        try:
            found = self.content.di.indicator_by_id.get(indicator_id)
        except WorkbookError:
            found = None
        return found.naam if found else indicator_id

    def _by_indicator(self, by_indicator: Mapping[str, Any]) -> dict[str, Any]:
        try:
            order = self.content.di.indicator_order
        except WorkbookError:
            order = {}
        return dict(sorted(by_indicator.items(), key=lambda item: (order.get(item[0], len(order)), item[0])))

    def checklist_item(self, phase_id: str, item_id: str) -> str:
        phase = self.content.phase_by_id.get(phase_id)
        item = next((i for i in phase.checklist if i.id == item_id), None) if phase else None
        return item.tekst if item else item_id

    # -- sections -----------------------------------------------------------------------------

    def lines(self) -> Iterator[DiffLine]:
        yield from self.workbook()
        profile = {"verzuimpercentage": partial(_measured, percentage)}
        old_profile, new_profile = self.old.organisatie, self.new.organisatie
        yield from (DiffLine("Profiel", text) for text in _field_changes(old_profile, new_profile, shown=profile))
        yield from self.levels()
        yield from self.rounds()
        yield from self.di_scans()
        yield from self.phases()
        yield from self.legal()
        yield from self.actions()
        yield from self.logbook()
        yield from self.agreements()
        yield from self.conflicts()

    def conflicts(self) -> Iterator[DiffLine]:
        """Merge conflicts that came (with both values) or were resolved, by where they are."""
        if not self.old.conflicten and not self.new.conflicten:
            return
        from models.merge_conflicts import conflict_view  # noqa: PLC0415 - only for a workbook with conflicts

        def keyed(workbook: Workbook) -> dict[tuple[str, str | None, str | None], Any]:
            return {(found.onderdeel, found.sleutel, found.veld): found for found in workbook.conflicten}

        before, after = keyed(self.old), keyed(self.new)
        for key, found in after.items():
            if key not in before:
                yield DiffLine("Conflicten", conflict_view(self.new, found, self.content).line())
        for key, found in before.items():
            if key not in after:
                view = conflict_view(self.old, found, self.content)
                yield DiffLine("Conflicten", f"opgelost: {view.where}, {view.field}")

    def workbook(self) -> Iterator[DiffLine]:
        if self.old.huidige_fase != self.new.huidige_fase:

            def shown(phase_id: Any) -> str:
                return "volgens de checklists" if phase_id is None else self.phase(phase_id)

            yield DiffLine("Fasen", _change("huidige fase", self.old.huidige_fase, self.new.huidige_fase, shown))
        nested = {"organisatie", "niveaus", "metingen", "fasen", "wettelijk", "acties", "logboek", "huidige_fase"}
        nested |= {"akkoord", "conflicten", "di_scan"}
        for text in _field_changes(self.old, self.new, skip={*nested, "laatste_actie"}):
            yield DiffLine("Werkboek", text)
        yield from self.action_counter()

    def action_counter(self) -> Iterator[DiffLine]:
        """The counter only when it changed by itself: a delete or an add is told by its action already."""
        old, new = self.old.last_action_number(), self.new.last_action_number()
        if old != new and new != self.new.highest_action_number():
            yield DiffLine(
                "Acties", f"hoogste actienummer ooit gegeven: A{old} → A{new} (de volgende actie wordt A{new + 1})"
            )

    def levels(self) -> Iterator[DiffLine]:
        before = {choice.datum: choice for choice in self.old.niveaus}
        after = {choice.datum: choice for choice in self.new.niveaus}
        shown: dict[str, Callable[[Any], str]] = {model: partial(self.level, model) for model in LEVEL_MODELS}
        for day in sorted(before.keys() | after.keys()):
            label = f"Niveaus {short_date(day)}"
            old, new = before.get(day), after.get(day)
            if old is None and new is not None:
                chosen = [
                    f"{SHORT_TITLES[m]} {self.level(m, getattr(new, m))}" for m in LEVEL_MODELS if getattr(new, m)
                ]
                yield DiffLine("Niveaus", f"{label}: nieuw: {', '.join(chosen) or 'geen niveau'}")
            elif new is None:
                yield DiffLine("Niveaus", f"{label}: verwijderd")
            else:
                for text in _field_changes(old, new, skip={"datum"}, shown=shown):
                    yield DiffLine("Niveaus", f"{label}: {text}")

    def rounds(self) -> Iterator[DiffLine]:
        before = {scoring.datum: scoring for scoring in self.old.metingen}
        after = {scoring.datum: scoring for scoring in self.new.metingen}
        for day in sorted(before.keys() | after.keys()):
            label = f"Meting {short_date(day)}"
            old, new = before.get(day), after.get(day)
            if old is None and new is not None:
                scores = ", ".join(f"{self.factor(f)} {s}" for f, s in self._ordered(new.scores).items())
                yield DiffLine("Metingen", f"{label}: nieuw: {scores or 'nog niets gescoord'}")
            elif new is None and old is not None:
                yield DiffLine("Metingen", f"{label}: verwijderd ({aantal(len(old.scores), 'score', 'scores')})")
            elif old is not None and new is not None:
                yield from (DiffLine("Metingen", f"{label}: {text}") for text in self._round_changes(old, new))

    def _ordered(self, by_factor: Mapping[str, Any]) -> dict[str, Any]:
        order = self.content.factor_order
        return dict(sorted(by_factor.items(), key=lambda item: (order.get(item[0], len(order)), item[0])))

    def _round_changes(self, old: ScoringRound, new: ScoringRound) -> Iterator[str]:
        for factor_id in self._ordered({**old.scores, **new.scores}):
            a, b = old.scores.get(factor_id), new.scores.get(factor_id)
            if a != b:
                yield f"{self.factor(factor_id)} {a or 'niet gescoord'} → {b or 'niet gescoord'}"
        for factor_id in self._ordered({**old.toelichting, **new.toelichting}):
            a_note, b_note = old.toelichting.get(factor_id), new.toelichting.get(factor_id)
            if a_note != b_note:
                verb = "toegevoegd" if a_note is None else "verwijderd" if b_note is None else "gewijzigd"
                yield f"toelichting bij {self.factor(factor_id)} {verb}"
        yield from _field_changes(old, new, skip={"datum", "scores", "toelichting"})

    def di_scans(self) -> Iterator[DiffLine]:
        before = {scan.datum: scan for scan in self.old.di_scan}
        after = {scan.datum: scan for scan in self.new.di_scan}
        for day in sorted(before.keys() | after.keys()):
            label = f"DI-scan {short_date(day)}"
            old, new = before.get(day), after.get(day)
            if old is None and new is not None:
                yield DiffLine("DI-scan", f"{label}: nieuw ({_marked(new)})")
            elif new is None and old is not None:
                yield DiffLine("DI-scan", f"{label}: verwijderd ({_marked(old)})")
            elif old is not None and new is not None:
                yield from (DiffLine("DI-scan", f"{label}: {text}") for text in self._scan_changes(old, new))

    def _scan_changes(self, old: DiScan, new: DiScan) -> Iterator[str]:
        for indicator_id in self._by_indicator({**old.stand, **new.stand}):
            a, b = old.stand.get(indicator_id), new.stand.get(indicator_id)
            if a != b:
                yield f"{self.indicator(indicator_id)} {a or 'niet beoordeeld'} → {b or 'niet beoordeeld'}"
        for indicator_id in self._by_indicator({**old.toelichting, **new.toelichting}):
            a_note, b_note = old.toelichting.get(indicator_id), new.toelichting.get(indicator_id)
            if a_note != b_note:
                verb = "toegevoegd" if a_note is None else "verwijderd" if b_note is None else "gewijzigd"
                yield f"toelichting bij {self.indicator(indicator_id)} {verb}"
        yield from _field_changes(old, new, skip={"datum", "stand", "toelichting"})

    def phases(self) -> Iterator[DiffLine]:
        order = self.content.phase_order
        for phase_id in sorted(self.old.fasen.keys() | self.new.fasen.keys(), key=lambda p: (order.get(p, 99), p)):
            old = self.old.fasen.get(phase_id) or PhaseState()
            new = self.new.fasen.get(phase_id) or PhaseState()
            label = f"Fase {self.phase(phase_id)}"
            for item_id in new.afgevinkt:
                if item_id not in old.afgevinkt:
                    yield DiffLine("Fasen", f"{label}: afgevinkt: {self.checklist_item(phase_id, item_id)}")
            for item_id in old.afgevinkt:
                if item_id not in new.afgevinkt:
                    yield DiffLine("Fasen", f"{label}: niet meer afgevinkt: {self.checklist_item(phase_id, item_id)}")
            for item_id in [*new.notities, *(i for i in old.notities if i not in new.notities)]:
                a, b = old.notities.get(item_id), new.notities.get(item_id)
                if a != b:
                    verb = "toegevoegd" if a is None else "verwijderd" if b is None else "gewijzigd"
                    text = self.checklist_item(phase_id, item_id)
                    yield DiffLine("Fasen", f"{label}: notitie bij '{text}' {verb}")
            for text in _field_changes(old, new, skip={"afgevinkt", "notities"}):
                yield DiffLine("Fasen", f"{label}: {text}")

    def legal(self) -> Iterator[DiffLine]:
        order = self.content.legal_order
        keys = sorted(self.old.wettelijk.keys() | self.new.wettelijk.keys(), key=lambda k: (order.get(k, 99), k))
        for item_id in keys:
            old = self.old.wettelijk.get(item_id) or LegalItemState()
            new = self.new.wettelijk.get(item_id) or LegalItemState()
            item = self.content.legal_by_id.get(item_id)
            label = item.titel if item else item_id
            for text in _field_changes(old, new):
                yield DiffLine("Wettelijk minimum", f"{label}: {text}")

    def actions(self) -> Iterator[DiffLine]:
        before = {action.id: action for action in self.old.acties}
        after = {action.id: action for action in self.new.acties}
        shown: dict[str, Callable[[Any], str]] = {
            "fase": self.phase,
            "succesfactoren": self.factor,
            "budget": partial(_measured, money),
            "uren": partial(_measured, hours),
        }
        for action_id in sorted(before.keys() | after.keys(), key=action_sort_key):
            old, new = before.get(action_id), after.get(action_id)
            if old is None and new is not None:
                phase = f", fase {self.phase(new.fase)}" if new.fase else ""
                yield DiffLine("Acties", f"{action_id} {new.titel}: nieuw ({new.status}{phase})")
            elif new is None and old is not None:
                yield DiffLine("Acties", f"{action_id} {old.titel}: verwijderd (was {old.status})")
            elif old is not None and new is not None:
                for text in _field_changes(old, new, skip={"id"}, shown=shown):
                    yield DiffLine("Acties", f"{action_id} {new.titel}: {text}")

    def logbook(self) -> Iterator[DiffLine]:
        old_entries, new_entries = list(self.old.logboek), list(self.new.logboek)
        pairs: list[tuple[LogEntry | None, LogEntry | None]] = []
        for entry in list(new_entries):  # same date and title: the same entry
            match = next((e for e in old_entries if (e.datum, e.titel) == (entry.datum, entry.titel)), None)
            if match is not None:
                old_entries.remove(match)
                new_entries.remove(entry)
                pairs.append((match, entry))
        for entry in list(new_entries):  # else the same date, in order: a changed title
            match = next((e for e in old_entries if e.datum == entry.datum), None)
            if match is not None:
                old_entries.remove(match)
                new_entries.remove(entry)
                pairs.append((match, entry))
        pairs += [(entry, None) for entry in old_entries] + [(None, entry) for entry in new_entries]
        pairs.sort(key=lambda pair: next(e for e in pair if e is not None).datum)
        for old, new in pairs:
            shown_entry = new or old
            assert shown_entry is not None
            label = f"Logboek {short_date(shown_entry.datum)} '{shown_entry.titel}'"
            if old is None:
                yield DiffLine("Logboek", f"{label}: nieuw")
            elif new is None:
                yield DiffLine("Logboek", f"{label}: verwijderd")
            else:
                for text in _field_changes(old, new, skip={"datum"}):
                    yield DiffLine("Logboek", f"{label}: {text}")

    def agreements(self) -> Iterator[DiffLine]:
        """Consent by date and role; one left over on each side for the same role is the same entry (a new
        date), as is one left over on each side on the same date (a new role)."""
        pairs = _agreement_pairs(self.old.akkoord, self.new.akkoord)
        shown: dict[str, Callable[[Any], str]] = {"door": lambda door: role_label(str(door))}
        for old, new in pairs:
            if old is None and new is not None:
                place = f" in {new.plaats}" if new.plaats else ""
                names = f": {', '.join(new.namen)}" if new.namen else ""
                yield DiffLine("Akkoord", f"{agreement_title(new)}{place} toegevoegd{names}")
            elif new is None and old is not None:
                names = f" ({', '.join(old.namen)})" if old.namen else ""
                yield DiffLine("Akkoord", f"{agreement_title(old)} verwijderd{names}")
            elif old is not None and new is not None:
                for text in _field_changes(old, new, shown=shown):
                    yield DiffLine("Akkoord", f"{agreement_title(new)}: {text}")


def _marked(scan: DiScan) -> str:
    """``3 indicatoren beoordeeld`` for a scan that came or went."""
    return f"{aantal(len(scan.stand), 'indicator', 'indicatoren')} beoordeeld"


def _agreement_pairs(old: list[Agreement], new: list[Agreement]) -> list[tuple[Agreement | None, Agreement | None]]:
    """(old, new) per entry, in the file's order: by key first, then what is left by role, then by date."""
    before, after = _by_key(old), _by_key(new)
    pairs: list[tuple[Agreement | None, Agreement | None]] = [
        (before.pop(k), after.pop(k)) for k in list(after) if k in before
    ]
    for alike in (_same_role, _same_day):
        for key, entry in list(after.items()):
            candidates = [k for k, e in before.items() if alike(e, entry)]
            if len(candidates) != 1:
                continue
            rivals = [e for e in after.values() if alike(before[candidates[0]], e)]
            if len(rivals) == 1:
                pairs.append((before.pop(candidates[0]), after.pop(key)))
    pairs += [(entry, None) for entry in before.values()] + [(None, entry) for entry in after.values()]
    return sorted(pairs, key=lambda pair: next(order_key(e.datum, e.door) for e in (pair[1], pair[0]) if e))


def _same_role(a: Agreement, b: Agreement) -> bool:
    return a.door == b.door


def _same_day(a: Agreement, b: Agreement) -> bool:
    return a.datum == b.datum


def _by_key(entries: list[Agreement]) -> dict[str, Agreement]:
    """Entries by :func:`~models.agreements.agreement_key`; a second one with the same key gets ``#2``."""
    keyed: dict[str, Agreement] = {}
    for entry in entries:
        key, number = agreement_key(entry), 1
        while (f"{key}#{number}" if number > 1 else key) in keyed:
            number += 1
        keyed[f"{key}#{number}" if number > 1 else key] = entry
    return keyed


def diff_workbooks(old: Workbook, new: Workbook, content: Content) -> list[DiffLine]:
    """Every change from ``old`` to ``new``, grouped by subject in a fixed order."""
    lines = list(_Differ(old, new, content).lines())
    return sorted(lines, key=lambda line: SECTIONS.index(line.section))  # stable within a section


def render_diff(lines: list[DiffLine]) -> str:
    """The changes as text: a heading per subject, one indented line per change."""
    if not lines:
        return "Geen inhoudelijke verschillen.\n"
    out: list[str] = []
    section = ""
    for line in lines:
        if line.section != section:
            section = line.section
            out.append(section)
        out.append(f"  {line.text}")
    count = len(lines)
    out.append(f"{aantal(count, 'wijziging', 'wijzigingen')}.")
    return "\n".join(out) + "\n"
