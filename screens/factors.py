"""Succesfactoren: the ten factors with their latest and previous score, the trend over all rounds
and the actions that work on them; per factor the scoring guide, the notes of every round, its
actions, and its strategies, tips and related items. ``m`` starts a scoring round."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.visual import VisualType

from models.figures import FactorFigure, factor_figures
from models.formatting import short_date
from models.library import Kind, LibraryItem
from models.scoring import LinkedActions, linked_actions_per_factor, rounds_by_date, sparkline
from models.sources import cite
from screens.action_lines import action_lines
from screens.reference import ReferenceScreen, reference_bindings
from widgets.cells import cell
from widgets.item_view import source_lines

RELATED_KINDS: tuple[Kind, ...] = ("strategie", "tip", "wettelijk", "interventie", "praktijk")
TREND_WIDTH = 6
"""Rounds shown in the list's trend (the latest ones)."""


def _arrow(figure: FactorFigure) -> Content:
    """Up, down or level since the previous round; not by colour alone."""
    if figure.latest is None or figure.previous is None:
        return Content(" ")
    if figure.latest > figure.previous:
        return Content.styled("▲", "bold $success")
    if figure.latest < figure.previous:
        return Content.styled("▼", "bold $error")
    return Content.styled("=", "$foreground-muted")


class FactorsScreen(ReferenceScreen):
    """The ten success factors: scores at a glance, one factor in full."""

    HELP = (
        "De tien succesfactoren: per factor de laatste score, de score daarvoor, het verloop over alle "
        "metingen en de acties die eraan werken. Rechts de uitleg, de scoringswijzer, de notities per "
        "meting en de strategieën die erbij horen. m begint een meting, c corrigeert een eerdere."
    )

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("m", "new_round", "Nieuwe meting", tooltip="Scoor de tien factoren, één voor één",
                id="succesfactoren.nieuwe-meting"),
        Binding("c", "correct_round", "Corrigeren", tooltip="Open een eerdere meting om scores te verbeteren",
                id="succesfactoren.meting-corrigeren"),
        *reference_bindings("succesfactoren"),
    ]  # fmt: skip
    LIST_TITLE = "Succesfactoren"

    def on_mount(self) -> None:
        self.query_one("#subject-list").border_subtitle = "nu (was) · verloop · open/klaar"

    def subjects(self) -> list[tuple[str, VisualType]]:
        workbook = self.session.workbook
        rows: list[tuple[str, VisualType]] = []
        per_factor = linked_actions_per_factor(workbook)
        for figure in factor_figures(workbook, self.session.content):
            actions = per_factor.get(figure.factor.id, LinkedActions(0, 0, 0))
            latest = "·" if figure.latest is None else str(figure.latest)
            previous = f"({figure.previous})" if figure.previous is not None else "   "
            row = Content.assemble(
                cell(figure.factor.label, 13),
                " ",
                (latest, "bold"),
                " ",
                (previous, "$foreground-muted"),
                " ",
                _arrow(figure),
                " ",
                (f"{sparkline(figure.history, TREND_WIDTH):<{TREND_WIDTH}}", "$accent"),
                f" {actions.open}/{actions.done}",
            )
            rows.append((figure.factor.id, row))
        return rows

    def about(self, subject_id: str) -> Content:
        content = self.session.content
        workbook = self.session.workbook
        factor = content.factor_by_id[subject_id]
        figure = next(f for f in factor_figures(workbook, content) if f.factor.id == subject_id)
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
            marks = []
            if figure.latest == score:
                marks.append(Content.styled("  ● laatste meting", "bold $accent"))
            if figure.previous == score:
                marks.append(Content.styled("  ○ meting daarvoor", "$foreground-muted"))
            marker = Content.styled("▶ ", "bold $accent") if figure.latest == score else Content("  ")
            lines.append(Content.assemble(marker, (f"{score} {content.scale_label(score)}", "bold"), *marks))
            lines.append(Content.assemble("    ", factor.level_text(score)))
        lines += source_lines(cite(factor.niveaus_bron, content), of="de scoringswijzer")
        lines += [Content(""), Content.styled("Metingen", "bold $text-primary")]
        rounds = rounds_by_date(workbook)
        if not rounds:
            lines.append(Content.styled("Nog geen meting; m begint er een.", "italic $foreground-muted"))
        for scoring in reversed(rounds):
            given = scoring.scores.get(subject_id)
            shown = f"{given} {content.scale_label(given)}" if given is not None else "niet gescoord"
            lines.append(Content.assemble((f"{short_date(scoring.datum)}: ", "bold"), shown))
            note = scoring.toelichting.get(subject_id)
            if note:
                lines.append(Content.styled(f"    {note}", "italic"))
        lines += [Content(""), Content.styled("Acties voor deze factor", "bold $text-primary")]
        actions = [a for a in workbook.acties if subject_id in a.succesfactoren]
        if not actions:
            lines.append(Content.styled("Nog geen; a maakt van een strategie hieronder een actie.", "italic"))
        lines += action_lines(actions, where="voor deze factor")
        return Content("\n").join(lines)

    def related(self, subject_id: str) -> list[LibraryItem]:
        return self.session.library.related(factor=subject_id, kinds=RELATED_KINDS)

    def action_new_round(self) -> None:
        self.werkboek.start_scoring()

    def action_correct_round(self) -> None:
        self.werkboek.correct_round()
