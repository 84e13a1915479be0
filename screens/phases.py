"""Fasen: each phase with its goal, steps, checklist (as ticked in the workbook), the matching steps
of integral policy, and its strategies, tips and related items."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import BindingType
from textual.content import Content

from models.library import LibraryItem
from screens.reference import ReferenceScreen, reference_bindings

RELATED_KINDS = ("strategie", "tip", "wettelijk", "interventie", "praktijk")


class PhasesScreen(ReferenceScreen):
    """The five phases, one at a time in full."""

    BINDINGS: ClassVar[list[BindingType]] = reference_bindings("fasen")
    LIST_TITLE = "Fasen"

    def subjects(self) -> list[tuple[str, str]]:
        return [(phase.id, f"{number}. {phase.naam}") for number, phase in enumerate(self.session.content.phases, 1)]

    def about(self, subject_id: str) -> Content:
        content = self.session.content
        phase = content.phase_by_id[subject_id]
        state = self.session.workbook.fasen.get(subject_id)
        ticked = set(state.afgevinkt) if state else set()
        notes = state.notities if state else {}
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
        done = sum(1 for item in phase.checklist if item.id in ticked)
        lines += [
            Content(""),
            Content.styled(f"Checklist ({done} van {len(phase.checklist)} afgevinkt)", "bold $text-primary"),
        ]
        for item in phase.checklist:
            box = Content.styled("[x] ", "bold $success") if item.id in ticked else Content("[ ] ")
            lines.append(Content.assemble(box, item.tekst))
            if item.id in notes:
                lines.append(Content.styled(f"    {notes[item.id]}", "italic $foreground-muted"))
        steps = [step for step in content.steps if step.fase == subject_id]
        if steps:
            lines += [Content(""), Content.styled("Stappen van integraal beleid in deze fase", "bold $text-primary")]
            lines += [Content(f"Stap {step.nummer}: {step.naam}") for step in steps]
        return Content("\n").join(lines)

    def related(self, subject_id: str) -> list[LibraryItem]:
        return self.session.library.related(phase=subject_id, kinds=RELATED_KINDS)
