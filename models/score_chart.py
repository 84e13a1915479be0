"""The success factors' scores as a small inline SVG bar chart, for the HTML plan van aanpak.

Per factor the latest score is a filled bar; with two rounds or more the nulmeting is an open bar beside
it. Every name, score and the legend are text (not only colour), so the chart reads in black and white and
to a screen reader (``<title>`` and ``<desc>``). It needs no fonts, images or scripts from elsewhere, and
the same scores always give the same text.
"""

from __future__ import annotations

from html import escape

from models.formatting import short_date
from models.plan_report import Scores

WIDTH = 516
"""Points of an A4 page's text width, so one unit prints as about one point."""
FONT = 8.5
SMALL_FONT = 7.5
VALUE_FONT = 6.5
CHAR_WIDTH = 0.47
"""About how wide a character is, in ems, to size the column of names."""
TOP = 34
"""Room above the first row: the legend, then the scale."""
VALUE_ROOM = 26
"""Room right of the longest bar for its score."""
BAR, GAP = 5.5, 1.5
"""A bar's height and the gap between the latest and the nulmeting bar of one factor."""
SINGLE_BAR = 8.0
"""A bar's height when there is only one round."""
LATEST_FILL = "#1f4e79"
OPEN_FILL = "#ffffff"
GRID = "#b3b3b3"
TEXT = "#1d1d1b"


def _text(x: float, y: float, text: str, *, size: float = FONT, anchor: str = "start") -> str:
    return f'<text x="{x:g}" y="{y:g}" font-size="{size:g}" text-anchor="{anchor}" fill="{TEXT}">{escape(text)}</text>'


def _rule(x: float, top: float, bottom: float, *, colour: str, width: float) -> str:
    return f'<line x1="{x:g}" y1="{top:g}" x2="{x:g}" y2="{bottom:g}" stroke="{colour}" stroke-width="{width:g}"/>'


def _bar(x: float, y: float, width: float, height: float, *, filled: bool) -> str:
    fill = LATEST_FILL if filled else OPEN_FILL
    return (
        f'<rect x="{x:g}" y="{y:g}" width="{width:g}" height="{height:g}" '
        f'fill="{fill}" stroke="{LATEST_FILL}" stroke-width="1"/>'
    )


def _description(scores: Scores) -> str:
    """The chart in words: what it shows and every factor's scores."""
    latest, first = short_date(scores.rounds[-1]), short_date(scores.rounds[0])
    scale = f"op een schaal van 1 tot {scores.maximum}"
    if scores.compared:
        intro = (
            f"Per succesfactor de laatste score ({latest}, gevulde balk) naast de nulmeting ({first}, open balk), "
            f"{scale}."
        )
    else:
        intro = f"Per succesfactor de score van de nulmeting ({first}), {scale}."
    parts = []
    for factor in scores.factors:
        text = f"{factor.name}: {factor.latest or 'niet gescoord'}"
        if scores.compared:
            text += f" (nulmeting {factor.first or 'niet gescoord'})"
        parts.append(text)
    return f"{intro} {'; '.join(parts)}."


def _legend(scores: Scores, left: float) -> list[str]:
    """What a filled and an open bar stand for, above the chart."""
    if not scores.compared:
        label = f"Nulmeting, {short_date(scores.rounds[0])}"
        return [_bar(left, 4, 14, 7, filled=True), _text(left + 18, 10.5, label, size=SMALL_FONT)]
    latest = f"Laatste meting, {short_date(scores.rounds[-1])}"
    second = left + 18 + len(latest) * SMALL_FONT * CHAR_WIDTH + 16
    return [
        _bar(left, 4, 14, 7, filled=True),
        _text(left + 18, 10.5, latest, size=SMALL_FONT),
        _bar(second, 4, 14, 7, filled=False),
        _text(second + 18, 10.5, f"Nulmeting, {short_date(scores.rounds[0])}", size=SMALL_FONT),
    ]


def score_chart(scores: Scores, chart_id: str = "scores") -> str:
    """The chart as SVG text (empty when there is no scoring round yet); ``chart_id`` names its title and desc."""
    if not scores.rounds:
        return ""
    compared = scores.compared
    longest = max((len(factor.name) for factor in scores.factors), default=10)
    left = min(longest * FONT * CHAR_WIDTH + 10, WIDTH / 2)
    step = (WIDTH - left - VALUE_ROOM) / scores.maximum
    bar = BAR if compared else SINGLE_BAR
    row = 2 * BAR + GAP + 4 if compared else SINGLE_BAR + 5
    height = TOP + row * len(scores.factors) + 4
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height:g}" width="{WIDTH}" '
        f'height="{height:g}" role="img" aria-labelledby="{chart_id}-titel {chart_id}-uitleg" class="chart">',
        f'<title id="{chart_id}-titel">Scores van de succesfactoren</title>',
        f'<desc id="{chart_id}-uitleg">{escape(_description(scores))}</desc>',
        *_legend(scores, left),
    ]
    for mark in range(1, scores.maximum + 1):  # the scale: a line and a number for every score
        x = left + mark * step
        parts.append(_rule(x, TOP - 5, height - 4, colour=GRID, width=0.5))
        parts.append(_text(x, TOP - 8, str(mark), size=SMALL_FONT, anchor="middle"))
    parts.append(_rule(left, TOP - 5, height - 4, colour=TEXT, width=0.8))
    for index, factor in enumerate(scores.factors):
        y = TOP + index * row
        parts.append(_text(left - 6, y + row / 2 + FONT / 3, factor.name, anchor="end"))
        bars = [(factor.latest, True), (factor.first, False)] if compared else [(factor.latest, True)]
        for offset, (value, filled) in enumerate(bars):
            top = y + 2 + offset * (bar + GAP)
            baseline = top + bar / 2 + VALUE_FONT * 0.35
            if value:
                parts.append(_bar(left, top, value * step, bar, filled=filled))
                parts.append(_text(left + value * step + 3, baseline, str(value), size=VALUE_FONT))
            else:
                parts.append(_text(left + 3, baseline, "niet gescoord", size=VALUE_FONT))
    parts.append("</svg>")
    return "\n".join(parts)
