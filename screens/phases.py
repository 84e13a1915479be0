"""Fasen: the five phases with how far each checklist is ticked and which phase the client is in;
per phase its goal, steps, the checklist to tick (with a note per item), its actions, the matching
steps of integral policy, and its strategies, tips and related items."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.visual import VisualType
from textual.widget import Widget
from textual.widgets import OptionList

from models.checklists import is_ticked, with_current_phase, with_item_note, with_ticked
from models.content_items import ChecklistItem
from models.figures import current_phase, phase_figures
from models.library import Kind, LibraryItem
from models.sources import cite
from screens.action_lines import action_lines
from screens.prompt import TextPromptScreen
from screens.reference import ReferenceScreen, reference_bindings
from widgets.hanging_list import HangingOptionList, Line, Row
from widgets.item_view import source_lines

RELATED_KINDS: tuple[Kind, ...] = ("strategie", "tip", "wettelijk", "interventie", "praktijk")


class PhasesScreen(ReferenceScreen):
    """The five phases, one at a time in full, with its checklist to tick."""

    HELP = (
        "De vijf fasen: hoe ver elke checklist is en in welke fase de klant zit. Enter gaat naar de "
        "checklist van de fase; spatie vinkt af, n zet er een notitie bij, h maakt deze fase de huidige."
    )

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "tick", "Afvinken", tooltip="Vink het checklist-item aan of uit", id="fasen.afvinken"),
        Binding("n", "note", "Notitie", tooltip="Een notitie bij het checklist-item", id="fasen.notitie"),
        Binding("h", "set_current", "Huidige fase",
                tooltip="Zeg dat de klant in deze fase zit (nog eens: de checklists bepalen het weer)",
                id="fasen.huidige-fase"),
        *reference_bindings("fasen"),
    ]  # fmt: skip
    LIST_TITLE = "Fasen"

    def compose_workbook_part(self) -> ComposeResult:
        checklist = HangingOptionList(id="phase-checklist")
        checklist.border_title = "Checklist"
        checklist.border_subtitle = "spatie: afvinken · n: notitie"
        yield checklist

    def on_mount(self) -> None:
        self.query_one("#subject-list").border_subtitle = "◀ huidige fase"

    def subjects(self) -> list[tuple[str, VisualType]]:
        figures = phase_figures(self.session.workbook, self.session.content)
        now = current_phase(figures, self.session.workbook.huidige_fase)
        rows: list[tuple[str, VisualType]] = []
        for number, figure in enumerate(figures, 1):
            marker = Content.styled(" ◀ nu", "bold $accent") if figure is now else Content("     ")
            done = Content.styled(f"{figure.done}/{figure.total}", "bold $success" if figure.complete else "bold")
            rows.append((figure.phase.id, Content.assemble(f"{number}. {figure.phase.label:<10} ", done, marker)))
        return rows

    def about(self, subject_id: str) -> Content:
        content = self.session.content
        workbook = self.session.workbook
        phase = content.phase_by_id[subject_id]
        lines: list[Content] = [
            Content.styled(phase.naam, "bold"),
            Content.styled(phase.kort, "italic"),
            Content(""),
            Content.styled("Doel", "bold $text-primary"),
            Content(phase.doel),
            Content(""),
            Content.styled("Stappen", "bold $text-primary"),
        ]
        lines += [Content(f"{number}. {step}") for number, step in enumerate(phase.stappen, 1)]
        lines += source_lines(cite(phase.stappen_bron, content), of="de stappen")
        lines += [Content(""), Content.styled("Acties in deze fase", "bold $text-primary")]
        actions = [action for action in workbook.acties if action.fase == subject_id]
        if not actions:
            lines.append(Content.styled("Nog geen.", "italic"))
        lines += action_lines(actions, where="in deze fase")
        steps = [step for step in content.steps if step.fase == subject_id]
        if steps:
            lines += [Content(""), Content.styled("Stappen van integraal beleid in deze fase", "bold $text-primary")]
            lines += [Content(f"Stap {step.nummer}: {step.naam}") for step in steps]
        return Content("\n").join(lines)

    def related(self, subject_id: str) -> list[LibraryItem]:
        return self.session.library.related(phase=subject_id, kinds=RELATED_KINDS)

    # -- the checklist ----------------------------------------------------------------------------

    @property
    def checklist(self) -> HangingOptionList:
        return self.query_one("#phase-checklist", HangingOptionList)

    def _show_subject(self) -> None:
        super()._show_subject()
        self._show_checklist()

    def _show_checklist(self) -> None:
        phase_id = self.subject_id
        if phase_id is None:
            return
        workbook = self.session.workbook
        phase = self.session.content.phase_by_id[phase_id]
        state = workbook.fasen.get(phase_id)
        notes = state.notities if state else {}
        rows = []
        for item in phase.checklist:
            ticked = is_ticked(workbook, phase_id, item.id)
            box = Content.styled("☑ ", "bold $success") if ticked else Content("☐ ")
            lines = [Line(box, item.tekst)]
            if item.id in notes:
                lines.append(Line(Content("    "), notes[item.id], "italic $foreground-muted"))
            rows.append(Row(item.id, tuple(lines)))
        self.checklist.show_rows(rows)
        done = sum(1 for item in phase.checklist if is_ticked(workbook, phase_id, item.id))
        self.checklist.border_title = f"Checklist · {done} van {len(phase.checklist)} afgevinkt"

    def first_pane_after_list(self) -> Widget:
        return self.checklist

    @on(OptionList.OptionHighlighted, "#subject-list")
    def _new_phase(self) -> None:
        self.checklist.highlighted = 0

    def _chosen_item(self) -> ChecklistItem | None:
        phase_id = self.subject_id
        option = self.checklist.highlighted_option
        if phase_id is None or option is None or not self.checklist.has_focus:
            return None
        phase = self.session.content.phase_by_id[phase_id]
        return next((item for item in phase.checklist if item.id == option.id), None)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in {"tick", "note"}:
            return self._chosen_item() is not None
        return super().check_action(action, parameters)

    def action_tick(self) -> None:
        phase_id, item = self.subject_id, self._chosen_item()
        if phase_id is None or item is None:
            return
        ticked = not is_ticked(self.session.workbook, phase_id, item.id)
        verb = "afgevinkt" if ticked else "weer open"
        self.werkboek.change(with_ticked(self.session.workbook, phase_id, item.id, ticked), f"'{item.tekst}' {verb}")

    @on(OptionList.OptionSelected, "#phase-checklist")
    def _selected(self) -> None:
        self.action_tick()

    def action_note(self) -> None:
        phase_id, item = self.subject_id, self._chosen_item()
        if phase_id is None or item is None:
            return
        state = self.session.workbook.fasen.get(phase_id)
        current = state.notities.get(item.id, "") if state else ""

        def keep(note: str | None) -> None:
            if note is None or note.strip() == current:
                return
            workbook = with_item_note(self.session.workbook, phase_id, item.id, note)
            self.werkboek.change(workbook, f"notitie bij '{item.tekst}'")

        self.app.push_screen(
            TextPromptScreen(
                f"Notitie bij: {item.tekst}",
                "enter bewaart · escape annuleert · leeg maken haalt de notitie weg",
                current,
                placeholder="Wat is er gedaan, of wat staat nog open?",
            ),
            keep,
        )

    def action_set_current(self) -> None:
        phase_id = self.subject_id
        if phase_id is None:
            return
        workbook = self.session.workbook
        phase = self.session.content.phase_by_id[phase_id]
        if workbook.huidige_fase == phase_id:
            self.werkboek.change(with_current_phase(workbook, None), "huidige fase weer volgens de checklists")
        else:
            self.werkboek.change(with_current_phase(workbook, phase_id), f"huidige fase: {phase.naam}")
