"""A scoring round: the ten factors one at a time, with the scoring guide of the factor in view.

``1``–``4`` set the score and move on, the arrows go back and forth, ``s`` skips a factor, ``n``
adds a note. Every score is a change like any other: saved within a second, and undoable.
"""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from core.session import WorkbookSession
from models.content_items import Factor
from models.form_parsing import FormError, parse_date
from models.formatting import short_date
from models.scoring import (
    RoundDateTaken,
    round_on,
    rounds_by_date,
    with_round_date,
    with_round_note,
    with_score,
)
from models.sources import cite
from models.workbook import ScoringRound
from screens.base import WorkbookScreen
from screens.prompt import TextPromptScreen
from widgets.item_view import source_lines
from widgets.key_bar import KeyBar
from widgets.scroll import Scroll

SCORE_GROUP = Binding.Group("Score", compact=True)
MOVE_GROUP = Binding.Group("Factor")


def _score_binding(score: int) -> Binding:
    return Binding(
        str(score),
        f"score({score})",
        f"Score {score}",
        tooltip=f"Geef de factor score {score} en ga naar de volgende",
        id=f"meting.score-{score}",
        group=SCORE_GROUP,
    )


class ScoringScreen(WorkbookScreen):
    """The round of one date; a round that does not exist yet starts with its first score."""

    HELP = (
        "Een meting: de tien succesfactoren een voor een, met de scoringswijzer in beeld en de score van de "
        "vorige meting gemarkeerd. 1 tot en met 4 geeft de score en gaat door; elke score is meteen "
        "bewaard."
    )

    SWITCHES_SCREENS = False
    BINDINGS: ClassVar[list[BindingType]] = [
        *(_score_binding(score) for score in range(1, 5)),
        Binding(
            "left",
            "move(-1)",
            "Vorige",
            tooltip="Naar de vorige factor",
            id="meting.vorige",
            group=MOVE_GROUP,
        ),
        Binding(
            "right",
            "move(1)",
            "Volgende",
            tooltip="Naar de volgende factor",
            id="meting.volgende",
            group=MOVE_GROUP,
        ),
        Binding("up", "scroll(-1)", "Omhoog", tooltip="Tekst omhoog", id="meting.omhoog", show=False),
        Binding("down", "scroll(1)", "Omlaag", tooltip="Tekst omlaag", id="meting.omlaag", show=False),
        Binding("s", "skip", "Overslaan", tooltip="Deze factor niet scoren en verder", id="meting.overslaan"),
        Binding("n", "note", "Notitie", tooltip="Een toelichting bij de score van deze factor", id="meting.notitie"),
        Binding(
            "backspace",
            "clear",
            "Score wissen",
            tooltip="Haal de score van deze factor weg",
            id="meting.wissen",
            show=False,
        ),
        Binding("d", "date", "Datum", tooltip="Verander de datum van deze meting", id="meting.datum", show=False),
        Binding("escape", "close", "Klaar", tooltip="Sluit de meting (alles is al bewaard)", id="meting.sluiten"),
    ]

    def __init__(self, day: dt.date, *, start: int = 0) -> None:
        super().__init__()
        self.day = day
        self.index = start

    def compose(self) -> ComposeResult:
        yield self.header()
        yield Static(id="scoring-status")
        yield Static(id="scoring-strip")
        with Scroll(id="scoring-body"):
            yield Static(id="scoring-factor")
            with Vertical(id="scoring-guide"):
                for score in range(1, 5):
                    yield Static(id=f"level-{score}-head", classes="level-head")
                    yield Static(id=f"level-{score}-text", classes="level-text")
            yield Static(id="scoring-guide-source")
            yield Static(id="scoring-note")
            yield Static(id="scoring-history")
        yield KeyBar()

    def on_mount(self) -> None:
        # Nothing takes the focus: every key goes to this screen in the order it was typed, so a
        # quick "3 → 2" (or keys bunched up by a slow SSH link) scores the factors it meant.
        self.query_one("#scoring-body", Scroll).can_focus = False
        self.set_focus(None)
        self.show_workbook(self.session)

    # -- what is shown -------------------------------------------------------------------------

    @property
    def factors(self) -> tuple[Factor, ...]:
        return self.session.content.factors

    @property
    def factor(self) -> Factor:
        return self.factors[self.index]

    @property
    def scoring(self) -> ScoringRound:
        return round_on(self.session.workbook, self.day) or ScoringRound(datum=self.day)

    def _earlier_score(self) -> tuple[dt.date, int] | None:
        """This factor's score in the latest round before this one."""
        for scoring in reversed(rounds_by_date(self.session.workbook)):
            if scoring.datum < self.day and self.factor.id in scoring.scores:
                return scoring.datum, scoring.scores[self.factor.id]
        return None

    def show_workbook(self, session: WorkbookSession) -> None:
        scoring = self.scoring
        content = session.content
        scored = sum(1 for factor in self.factors if factor.id in scoring.scores)
        self.query_one("#scoring-status", Static).update(
            Content.assemble(
                (f" Meting van {short_date(self.day)}", "bold"),
                (f"  ·  factor {self.index + 1} van {len(self.factors)}", ""),
                (f"  ·  {scored} gescoord", "$foreground-muted"),
            )
        )
        self.query_one("#scoring-strip", Static).update(self._strip(scoring))
        factor = self.factor
        self.query_one("#scoring-factor", Static).update(
            Content("\n").join(
                [Content.styled(factor.naam, "bold $text-primary"), Content.styled(factor.kort, "italic")]
            )
        )
        chosen = scoring.scores.get(factor.id)
        earlier = self._earlier_score()
        for score in range(1, 5):
            is_chosen = chosen == score
            marks = []
            if is_chosen:
                marks.append(Content.styled("  ● gekozen", "bold $accent"))
            if earlier is not None and earlier[1] == score:
                marks.append(Content.styled(f"  ○ vorige meting ({short_date(earlier[0])})", "$foreground-muted"))
            head_style = "bold reverse $accent" if is_chosen else "bold"
            self.query_one(f"#level-{score}-head", Static).update(
                Content.assemble(
                    Content.styled("▶ " if is_chosen else "  ", "bold $accent"),
                    Content.styled(f" {score} {content.scale_label(score)} ", head_style),
                    *marks,
                )
            )
            self.query_one(f"#level-{score}-text", Static).update(factor.level_text(score))
        self.query_one("#scoring-guide-source", Static).update(
            Content("\n").join(source_lines(cite(factor.niveaus_bron, content), of="de scoringswijzer"))
        )
        note = scoring.toelichting.get(factor.id)
        self.query_one("#scoring-note", Static).update(
            Content.assemble(("Notitie: ", "bold"), note)
            if note
            else Content.styled("Nog geen notitie; n voegt er een toe.", "italic $foreground-muted")
        )
        self.query_one("#scoring-history", Static).update(self._history())

    def _history(self) -> Content:
        """This factor in the other rounds: score and note, newest first."""
        lines = [Content.styled("In andere metingen", "bold $text-primary")]
        content = self.session.content
        for scoring in reversed(rounds_by_date(self.session.workbook)):
            if scoring.datum == self.day:
                continue
            score = scoring.scores.get(self.factor.id)
            shown = f"{score} {content.scale_label(score)}" if score is not None else "niet gescoord"
            lines.append(Content.assemble((f"{short_date(scoring.datum)}: ", "bold"), shown))
            note = scoring.toelichting.get(self.factor.id)
            if note:
                lines.append(Content.styled(f"  {note}", "italic $foreground-muted"))
        return Content("\n").join(lines) if len(lines) > 1 else Content("")

    def _strip(self, scoring: ScoringRound) -> Content:
        """The ten factors in a row, each with its score in this round; the one in view marked."""
        names: list[Content] = []
        scores: list[Content] = []
        for index, factor in enumerate(self.factors):
            here = index == self.index
            style = "bold reverse" if here else "$foreground-muted"
            names.append(Content.styled(f"{factor.label[:3]:^5}", style))
            score = scoring.scores.get(factor.id)
            shown = "·" if score is None else str(score)
            scores.append(Content.styled(f"{shown:^5}", "bold reverse" if here else "bold"))
        return Content("\n").join([Content.assemble(" ", *names), Content.assemble(" ", *scores)])

    # -- keys -------------------------------------------------------------------------------------

    def _go(self, step: int) -> None:
        self.index = max(0, min(len(self.factors) - 1, self.index + step))
        self.show_workbook(self.session)
        self.query_one("#scoring-body", Scroll).scroll_home(animate=False)

    def action_scroll(self, step: int) -> None:
        body = self.query_one("#scoring-body", Scroll)
        body.scroll_relative(y=step * 3, animate=False)

    def action_move(self, step: int) -> None:
        self._go(step)

    def action_skip(self) -> None:
        if self.index == len(self.factors) - 1:
            self.notify("Dit was de laatste factor; escape sluit de meting.", timeout=4)
        self._go(1)

    def action_score(self, score: int) -> None:
        factor = self.factor
        workbook = with_score(self.session.workbook, self.day, factor.id, score)
        if not self.werkboek.change(
            workbook, f"score {score} voor {factor.label} in de meting van {short_date(self.day)}"
        ):
            return
        if self.index == len(self.factors) - 1:
            scored = sum(1 for f in self.factors if f.id in self.scoring.scores)
            self.notify(f"Alle factoren gehad: {scored} van {len(self.factors)} gescoord. Escape sluit de meting.")
        self._go(1)

    def action_clear(self) -> None:
        factor = self.factor
        if factor.id not in self.scoring.scores:
            return
        workbook = with_score(self.session.workbook, self.day, factor.id, None)
        self.werkboek.change(workbook, f"score van {factor.label} gewist in de meting van {short_date(self.day)}")

    def action_note(self) -> None:
        factor = self.factor
        day = self.day

        def keep(note: str | None) -> None:
            if note is None or note.strip() == self.scoring.toelichting.get(factor.id, ""):
                return
            workbook = with_round_note(self.session.workbook, day, factor.id, note)
            self.werkboek.change(workbook, f"notitie bij {factor.label} in de meting van {short_date(day)}")

        self.app.push_screen(
            TextPromptScreen(
                f"Notitie bij {factor.naam}",
                "enter bewaart · escape annuleert · leeg maken haalt de notitie weg",
                self.scoring.toelichting.get(factor.id, ""),
                placeholder="Wat zeiden de deelnemers over deze factor?",
            ),
            keep,
        )

    def action_date(self) -> None:
        def check(text: str) -> str | None:
            try:
                new_day = parse_date(text)
            except FormError as error:
                return str(error)
            if new_day is None:
                return "vul een datum in"
            if new_day != self.day and round_on(self.session.workbook, new_day) is not None:
                return f"op {short_date(new_day)} is al een meting; kies een andere datum"
            return None

        def keep(text: str | None) -> None:
            new_day = parse_date(text) if text else None
            if new_day is None or new_day == self.day:
                return
            if round_on(self.session.workbook, self.day) is not None:
                try:
                    workbook = with_round_date(self.session.workbook, self.day, new_day)
                except RoundDateTaken as error:
                    self.notify(str(error), severity="error")
                    return
                old = self.day
                if not self.werkboek.change(
                    workbook, f"meting van {short_date(old)} verplaatst naar {short_date(new_day)}"
                ):
                    return
            self.day = new_day
            self.show_workbook(self.session)

        self.app.push_screen(
            TextPromptScreen(
                "Datum van de meting",
                "enter bewaart · escape annuleert",
                self.day.isoformat(),
                placeholder="2026-12-01 of 1-12-2026",
                check=check,
            ),
            keep,
        )

    def action_close(self) -> None:
        scoring = round_on(self.session.workbook, self.day)
        if scoring is None or not scoring.scores:
            self.notify("Meting gesloten; er is niets gescoord, dus er is ook niets bewaard.", timeout=5)
        else:
            scored = sum(1 for factor in self.factors if factor.id in scoring.scores)
            self.notify(
                f"Meting van {short_date(self.day)} bewaard: {scored} van {len(self.factors)} factoren gescoord.",
                timeout=5,
            )
        self.dismiss()
