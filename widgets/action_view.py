"""One action in full, as text: everything from the plan, the 6 W's and where it came from."""

from __future__ import annotations

import datetime as dt

from textual.content import Content

from models.action_list import is_overdue
from models.content import Content as Library
from models.form_parsing import printable
from models.formatting import days_phrase, hours, money, short_date
from models.sources import link_title
from models.workbook import Action
from widgets.item_view import source_lines

W_LABELS = (
    ("wat", "Wat"),
    ("waarom", "Waarom"),
    ("wie", "Wie"),
    ("werkwijze", "Werkwijze"),
    ("waar", "Waar"),
    ("wanneer", "Wanneer"),
    ("evaluatie", "Evaluatie"),
    ("opmerking", "Opmerking"),
)


def _facts(action: Action, library: Library) -> list[str]:
    facts = [f"status {action.status}"]
    if action.prioriteit:
        facts.append(f"prioriteit {action.prioriteit}")
    if action.fase in library.phase_by_id:
        facts.append(f"fase {library.phase_by_id[action.fase].label}")
    if action.eigenaar:
        facts.append(f"eigenaar {printable(action.eigenaar, multiline=False)}")
    return facts


def _dates(action: Action) -> list[str]:
    named = (("start", action.start), ("deadline", action.deadline), ("afgerond", action.afgerond_op))
    return [f"{label} {short_date(day)}" for label, day in named if day]


def _money(action: Action) -> list[str]:
    parts = []
    if action.budget is not None:
        parts.append(f"budget {money(action.budget)}")
    if action.uren is not None:
        parts.append(hours(action.uren))
    return parts


def action_detail(action: Action, library: Library, today: dt.date) -> Content:
    """The whole action: heading, facts on a few lines, then the 6 W's, evaluation and source."""
    lines: list[Content] = [
        Content.assemble((f"{action.id}  ", "bold $accent"), (printable(action.titel, multiline=False), "bold")),
        Content.styled(" · ".join(_facts(action, library)), "$foreground-muted"),
    ]
    if action.succesfactoren:
        labels = ", ".join(library.factor_by_id[f].naam for f in action.succesfactoren if f in library.factor_by_id)
        lines.append(Content.styled(f"succesfactoren: {labels}", "$foreground-muted"))
    lines += [Content(" · ".join(part)) for part in (_dates(action), _money(action)) if part]
    if action.deadline and is_overdue(action, today):
        lines.append(Content.styled(f"⚠ te laat: {days_phrase(action.deadline, today)}", "bold $error"))
    for key, label in W_LABELS:
        text = printable(getattr(action, key) or "")
        if text:
            lines += [Content(""), Content.styled(label, "bold $text-primary"), *map(Content, text.splitlines())]
    if action.bron:
        lines += [Content(""), *source_lines(link_title(action.bron, library))]
    return Content("\n").join(lines)
