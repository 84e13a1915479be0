"""Succesfactoren: each factor with what it means, why it matters, the scoring guide (the latest
score marked) and its strategies, tips and related items."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import BindingType
from textual.content import Content

from models.figures import factor_figures
from models.library import LibraryItem
from screens.reference import ReferenceScreen, reference_bindings

RELATED_KINDS = ("strategie", "tip", "wettelijk", "interventie", "praktijk")


class FactorsScreen(ReferenceScreen):
    """The ten success factors, one at a time in full."""

    BINDINGS: ClassVar[list[BindingType]] = reference_bindings("succesfactoren")
    LIST_TITLE = "Succesfactoren"

    def subjects(self) -> list[tuple[str, str]]:
        return [(factor.id, factor.naam) for factor in self.session.content.factors]

    def about(self, subject_id: str) -> Content:
        content = self.session.content
        factor = content.factor_by_id[subject_id]
        figure = next(f for f in factor_figures(self.session.workbook, content) if f.factor.id == subject_id)
        lines: list[Content] = [
            Content.styled(factor.naam, "bold"),
            Content.styled(factor.kort, "italic"),
            Content(""),
            Content(factor.beschrijving),
            Content(""),
            Content.styled("Waarom het ertoe doet", "bold $text-primary"),
            Content(factor.belang),
            Content(""),
            Content.styled("Scoringswijzer", "bold $text-primary"),
        ]
        for score in range(1, 5):
            current = figure.latest == score
            marker = Content.styled("▶ ", "bold $accent") if current else Content("  ")
            label = Content.styled(f"{score} {content.scale_label(score)}", "bold")
            note = Content.styled("  (laatste meting)", "$accent") if current else Content("")
            lines.append(Content.assemble(marker, label, note))
            lines.append(Content.assemble("    ", factor.level_text(score)))
        return Content("\n").join(lines)

    def related(self, subject_id: str) -> list[LibraryItem]:
        return self.session.library.related(factor=subject_id, kinds=RELATED_KINDS)
