"""The panels of the dashboard. Each draws its part of the figures as text that fits its width."""

from __future__ import annotations

from textual.app import RenderResult
from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

from models.content import Content as Library
from models.figures import DashboardFigures, FactorFigure
from models.formatting import aantal, days_phrase, number, short_date
from models.legal import STATUS_MARKS
from models.levels import SHORT_TITLES, level_by_id
from models.next_steps import since_phrase
from models.workbook import Action
from widgets.cells import bar, cell, row

DEADLINES_SHOWN = 10
"""Actions per Deadlines section; more are counted, and Acties lists them all."""

STATUS_STYLES = {
    "idee": "$foreground-muted",
    "gepland": "$foreground",
    "bezig": "$accent",
    "klaar": "$success",
    "gestopt": "$foreground-muted",
}


class DashboardPanel(Widget):
    """A bordered block of the dashboard that renders from :class:`DashboardFigures`."""

    def __init__(self, figures: DashboardFigures, library: Library, *, id: str, hints: bool = True) -> None:
        super().__init__(id=id)
        self.figures = figures
        self.library = library
        self.hints = hints
        """Show which key leads to more (off for a past version, where those keys do not apply)."""

    def show(self, figures: DashboardFigures) -> None:
        """Draw new figures (after the workbook changed)."""
        self.figures = figures
        self.refresh(layout=True)

    def line_count(self) -> int:
        """How many lines the panel draws; known without its width, so layout needs no render."""
        raise NotImplementedError

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return self.line_count()


def _change(figure: FactorFigure) -> Content:
    change = figure.change
    if change is None:
        return Content.styled("—", "$foreground-muted")
    if change > 0:
        return Content.styled(f"▲ +{change}", "bold $success")
    if change < 0:
        return Content.styled(f"▼ −{-change}", "bold $error")
    return Content.styled("= 0", "$foreground-muted")


class FactorScores(DashboardPanel):
    """The ten success factors: latest score as a bar, scale label and change since the first round."""

    BAR = 8

    def on_mount(self) -> None:
        self._titles()

    def show(self, figures: DashboardFigures) -> None:
        super().show(figures)
        self._titles()

    def _titles(self) -> None:
        dates = self.figures.round_dates
        self.border_title = "Succesfactoren"
        if not dates:
            self.border_subtitle = "nog geen meting"
        elif len(dates) == 1:
            self.border_subtitle = f"meting {short_date(dates[0])}"
        else:
            self.border_subtitle = f"laatste {short_date(dates[-1])} · verschil sinds {short_date(dates[0])}"

    def line_count(self) -> int:
        return len(self.figures.factors)

    def render(self) -> RenderResult:
        width = self.size.width
        label_width = 13
        name_width = max(8, width - (self.BAR + 1 + 1 + label_width + 5 + 4))
        lines = []
        for figure in self.figures.factors:
            if figure.latest is None:
                score = row(
                    cell("·" * self.BAR, self.BAR, style="$foreground-muted"),
                    cell("–", 1),
                    cell("niet gescoord", label_width, style="$foreground-muted"),
                )
            else:
                score = row(
                    bar(figure.latest, 4, self.BAR),
                    cell(str(figure.latest), 1, style="bold"),
                    cell(self.library.scale_label(figure.latest), label_width),
                )
            lines.append(row(cell(figure.factor.naam, name_width), score, cell(_change(figure), 5, align="right")))
        return Content("\n").join(lines)


class PhaseProgress(DashboardPanel):
    """The five phases with how much of each checklist is ticked, and the current phase."""

    BAR = 10

    def on_mount(self) -> None:
        self.border_title = "Fasen"
        self._subtitle()

    def show(self, figures: DashboardFigures) -> None:
        super().show(figures)
        self._subtitle()

    def _subtitle(self) -> None:
        chosen = " · huidige fase gekozen" if self.figures.phase_chosen else ""
        self.border_subtitle = f"afgevinkt van de checklist{chosen}"

    def line_count(self) -> int:
        return len(self.figures.phases)

    def render(self) -> RenderResult:
        width = self.size.width
        marker_width = 8
        name_width = max(8, width - (3 + self.BAR + 5 + marker_width + 4))
        lines = []
        current = self.figures.current_phase
        for position, figure in enumerate(self.figures.phases, start=1):
            is_current = current is not None and figure.phase.id == current.phase.id
            marker = Content.styled("◀ nu", "bold $accent") if is_current else Content("")
            if figure.complete:
                marker = Content.styled("✓ klaar", "$success")
            lines.append(
                row(
                    cell(f"{position}.", 2),
                    cell(figure.phase.naam, name_width, style="bold" if is_current else ""),
                    bar(figure.done, figure.total, self.BAR, "$success" if figure.complete else "$primary"),
                    cell(f"{figure.done}/{figure.total}", 5, align="right"),
                    cell(marker, marker_width),
                )
            )
        return Content("\n").join(lines)


class LegalMinimum(DashboardPanel):
    """How much of the legal minimum is in order, and which items are missing."""

    BAR = 10
    LISTED = 4

    def on_mount(self) -> None:
        self.border_title = "Wettelijk minimum"
        self.border_subtitle = "6: per item bekijken" if self.hints else ""

    def line_count(self) -> int:
        missing = len(self.figures.legal.missing)
        return 1 + min(missing, self.LISTED) + (1 if missing > self.LISTED else 0)

    def render(self) -> RenderResult:
        legal = self.figures.legal
        lines = [
            row(
                bar(legal.in_order, legal.total, self.BAR, "$success"),
                Content.styled(f"{legal.in_order} van {legal.total} in orde", "bold"),
                Content.styled(
                    f"· ontbreekt {len(legal.missing)} · onbekend {len(legal.unknown)}", "$foreground-muted"
                ),
            )
        ]
        mark = STATUS_MARKS["ontbreekt"]
        lines += [
            row(Content.styled(mark, "bold $error"), Content(item.titel)) for item in legal.missing[: self.LISTED]
        ]
        if len(legal.missing) > self.LISTED:
            lines.append(
                Content.styled(
                    f"  en nog {aantal(len(legal.missing) - self.LISTED, 'onderdeel', 'onderdelen')}",
                    "$foreground-muted",
                )
            )
        return Content("\n").join(lines)


class CurrentLevels(DashboardPanel):
    """Where the organisation stands on the three level models, and since when."""

    def on_mount(self) -> None:
        self.border_title = "Niveaus"
        self.border_subtitle = "8: kiezen en advies" if self.hints else ""

    def line_count(self) -> int:
        return len(self.figures.levels)

    def render(self) -> RenderResult:
        width = self.size.width
        label_width = 15
        since_width = 17
        name_width = max(8, width - label_width - since_width - 2)
        lines = []
        for model, current in self.figures.levels.items():
            level = level_by_id(self.library, model, current.level_id) if current.level_id else None
            name = cell(level.naam, name_width, style="bold") if level else cell("nog niet gekozen", name_width)
            since = f"sinds {short_date(current.since)}" if current.since else ""
            title = cell(SHORT_TITLES[model], label_width)
            lines.append(row(title, name, cell(since, since_width, style="$foreground-muted")))
        return Content("\n").join(lines)


class StatusCounts(DashboardPanel):
    """How many actions have each status."""

    def on_mount(self) -> None:
        self.border_title = "Acties per status"

    def line_count(self) -> int:
        return 1

    def render(self) -> RenderResult:
        parts: list[Content] = []
        total = 0
        for status, count in self.figures.statuses.items():
            total += count
            parts.append(Content.assemble((status, STATUS_STYLES[status]), " ", (str(count), "bold")))
        parts.append(Content.assemble(("totaal", "$foreground-muted"), " ", (str(total), "bold")))
        return Content("  ").join(parts)


class NextSteps(DashboardPanel):
    """'Wat nu?': the next three steps for this client, each with the keys that start it (models/next_steps.py)."""

    KEYS_WIDTH = 5

    def on_mount(self) -> None:
        self.border_title = "Wat nu?"
        self._subtitle()

    def show(self, figures: DashboardFigures) -> None:
        super().show(figures)
        self._subtitle()

    def _subtitle(self) -> None:
        last = self.figures.last_session
        if last is None:
            self.border_subtitle = "nog geen sessie vastgelegd"
        else:
            self.border_subtitle = f"laatste sessie {short_date(last)}, {since_phrase(last, self.figures.today)}"

    def _lines(self, width: int) -> list[Content]:
        """Each step wrapped to ``width``, its later lines under the text (the keys stand alone at the left)."""
        lines: list[Content] = []
        room = max(10, width - self.KEYS_WIDTH)
        for step in self.figures.steps:
            keys = cell(step.keys, self.KEYS_WIDTH, style="bold $accent") if self.hints else cell("•", self.KEYS_WIDTH)
            wrapped = Content(step.text).wrap(room)
            lines.append(Content.assemble(keys, wrapped[0]))
            lines += [Content.assemble(" " * self.KEYS_WIDTH, more) for more in wrapped[1:]]
        return lines

    def line_count(self) -> int:
        return len(self._lines(self.size.width or 80))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lines(width))

    def render(self) -> RenderResult:
        return Content("\n").join(self._lines(self.size.width))


class Deadlines(DashboardPanel):
    """Open actions that are overdue, and those due within thirty days."""

    def on_mount(self) -> None:
        self.border_title = "Deadlines"

    def _line(self, action: Action, overdue: bool, width: int, widths: tuple[int, int]) -> Content:
        """One action: mark, id, title, deadline, how late or how soon (``widths``: of the id and that phrase)."""
        id_width, phrase_width = widths
        assert action.deadline is not None
        mark = Content.styled("⚠", "bold $error") if overdue else Content.styled("•", "$accent")
        when = cell(short_date(action.deadline, with_year=False), 6, align="right")
        phrase_style = "bold $error" if overdue else ""
        phrase = cell(days_phrase(action.deadline, self.figures.today), phrase_width, style=phrase_style)
        owner_width = 24 if width >= 100 else 0
        title_width = max(10, width - (1 + id_width + 6 + phrase_width + (owner_width + 1 if owner_width else 0) + 5))
        cells = [mark, cell(action.id, id_width, style="bold"), cell(action.titel, title_width), when, phrase]
        if owner_width:
            cells.append(cell(action.eigenaar or "", owner_width, style="$foreground-muted"))
        return row(*cells)

    def line_count(self) -> int:
        return 2 + self._shown_lines(self.figures.overdue) + self._shown_lines(self.figures.due_soon)

    @staticmethod
    def _shown_lines(actions: list[Action]) -> int:
        """Lines a section takes: its actions up to the cut, a line counting the rest, or one saying none."""
        return max(1, min(len(actions), DEADLINES_SHOWN) + (1 if len(actions) > DEADLINES_SHOWN else 0))

    def _section(self, actions: list[Action], overdue: bool, width: int, none: str, rest: str) -> list[Content]:
        """The first ``DEADLINES_SHOWN`` actions, then how many more: a plan of thousands stays one glance
        (and one frame) long, and Acties lists them all."""
        if not actions:
            return [Content.styled(f"  {none}", "$foreground-muted")]
        shown = actions[:DEADLINES_SHOWN]
        today = self.figures.today
        widths = (
            max(4, *(len(action.id) for action in shown)),
            max(16, *(len(days_phrase(action.deadline, today)) for action in shown if action.deadline)),
        )
        lines = [self._line(action, overdue, width, widths) for action in shown]
        if len(actions) > DEADLINES_SHOWN:
            lines.append(
                Content.styled(
                    f"  … en nog {number(len(actions) - DEADLINES_SHOWN)} {rest}", "italic $foreground-muted"
                )
            )
        return lines

    def render(self) -> RenderResult:
        width = self.size.width
        figures = self.figures
        lines: list[Content] = [Content.styled(f"Te laat ({number(len(figures.overdue))})", "bold $error")]
        lines += self._section(
            figures.overdue,
            True,
            width,
            "Geen open acties over hun deadline.",
            "te laat; Acties (4) toont ze met filter f: alleen te laat",
        )
        lines.append(Content.styled(f"Binnen 30 dagen ({number(len(figures.due_soon))})", "bold"))
        lines += self._section(
            figures.due_soon,
            False,
            width,
            "Geen deadlines in de komende 30 dagen.",
            "binnen 30 dagen; Acties (4) toont ze allemaal",
        )
        return Content("\n").join(lines)


class ActionGridPanel(DashboardPanel):
    """Actions counted per success factor (rows) and phase (columns); stopped ones left out."""

    COLUMN = 9
    TOTAL = 6

    def on_mount(self) -> None:
        self.border_title = "Acties per succesfactor en fase"
        self.border_subtitle = "gestopte acties niet meegeteld"

    def line_count(self) -> int:
        return len(self.library.factors) + 2 + (1 if self.figures.grid.without_factor_or_phase else 0)

    def render(self) -> RenderResult:
        width = self.size.width
        phases = self.library.phases
        grid = self.figures.grid
        label_width = max(10, width - len(phases) * (self.COLUMN + 1) - self.TOTAL - 1)
        header = row(
            cell("", label_width),
            *[cell(phase.label, self.COLUMN, align="center", style="bold") for phase in phases],
            cell("Totaal", self.TOTAL, align="right", style="bold"),
        )
        lines = [header]
        for factor in self.library.factors:
            counts = [grid.counts.get((factor.id, phase.id), 0) for phase in phases]
            lines.append(
                row(
                    cell(factor.label, label_width),
                    *[_count_cell(count, self.COLUMN) for count in counts],
                    cell(str(grid.factor_totals.get(factor.id, 0)), self.TOTAL, align="right", style="bold"),
                )
            )
        lines.append(
            row(
                cell("Acties per fase", label_width, style="bold"),
                *[
                    cell(str(grid.phase_totals.get(phase.id, 0)), self.COLUMN, align="center", style="bold")
                    for phase in phases
                ],
                cell("", self.TOTAL),
            )
        )
        if grid.without_factor_or_phase:
            lines.append(
                Content.styled(
                    f"{aantal(grid.without_factor_or_phase, 'actie', 'acties')} zonder fase of succesfactor",
                    "$foreground-muted",
                )
            )
        return Content("\n").join(lines)


def _count_cell(count: int, width: int) -> Content:
    if count == 0:
        return cell("·", width, align="center", style="$foreground-muted")
    return cell(str(count), width, align="center", style="bold $accent")
