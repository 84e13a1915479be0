"""'Voortgang sinds …' as a report: Markdown, HTML, Word or PDF (``werkboek export --sinds``).

One page for the employer at the next visit: what happened since the last one, per subject, in the
same order everywhere (:meth:`models.progress_since.ProgressSince.sections`). Word and PDF are written
with the same libraries as the plan (python-docx, ReportLab), imported only when such a report is made;
the zip of the Word file is made byte-stable the same way (:mod:`models.fixed_zip`).
"""

from __future__ import annotations

import datetime as dt
import html
import io
from collections.abc import Callable
from typing import Literal

from models.formatting import aantal, long_date
from models.progress_since import ProgressSince

ProgressKind = Literal["md", "html", "docx", "pdf"]
PROGRESS_KINDS: tuple[ProgressKind, ...] = ("html", "md", "docx", "pdf")


def title(progress: ProgressSince) -> str:
    return f"Voortgang sinds {progress.since.label}"


def _other(progress: ProgressSince) -> str | None:
    if not progress.other_changes:
        return None
    count = aantal(progress.other_changes, "andere wijziging", "andere wijzigingen")
    return f"Verder {count} (werkboek diff toont alles)."


def _intro(progress: ProgressSince, today: dt.date) -> str:
    return f"{progress.client} · gemaakt op {long_date(today)} · vergeleken met de versie '{progress.since.asked}'"


def markdown(progress: ProgressSince, today: dt.date) -> bytes:
    lines = [f"# {title(progress)}", "", _intro(progress, today), ""]
    for heading, items in progress.sections():
        lines += [f"## {heading}", "", *(f"- {item}" for item in items), ""]
    if other := _other(progress):
        lines += [other, ""]
    return "\n".join(lines).encode("utf-8")


def html_page(progress: ProgressSince, today: dt.date) -> bytes:
    escape = html.escape
    parts = [
        "<!DOCTYPE html>",
        '<html lang="nl"><head><meta charset="utf-8">',
        f"<title>{escape(title(progress))}</title>",
        "<style>body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;line-height:1.45;"
        "color:#1b1b1b}h1{font-size:1.6rem}h2{font-size:1.15rem;margin-top:1.4rem;color:#004b6e}"
        "p.intro{color:#555}@media print{body{margin:0}}</style></head><body>",
        f"<h1>{escape(title(progress))}</h1>",
        f'<p class="intro">{escape(_intro(progress, today))}</p>',
    ]
    for heading, items in progress.sections():
        parts.append(f"<h2>{escape(heading)}</h2><ul>")
        parts += [f"<li>{escape(item)}</li>" for item in items]
        parts.append("</ul>")
    if other := _other(progress):
        parts.append(f"<p>{escape(other)}</p>")
    parts.append("</body></html>")
    return "\n".join(parts).encode("utf-8")


def word(progress: ProgressSince, today: dt.date) -> bytes:
    import docx  # noqa: PLC0415 - only when a Word report is made

    from models.fixed_zip import fixed_zip  # noqa: PLC0415

    document = docx.Document()
    document.add_heading(title(progress), level=1)
    document.add_paragraph(_intro(progress, today))
    for heading, items in progress.sections():
        document.add_heading(heading, level=2)
        for item in items:
            document.add_paragraph(item, style="List Bullet")
    if other := _other(progress):
        document.add_paragraph(other)
    made = dt.datetime.combine(today, dt.time())
    properties = document.core_properties
    properties.title, properties.author, properties.last_modified_by = title(progress), "Preventiewerkboek", ""
    properties.created = properties.modified = made
    properties.revision = 1
    buffer = io.BytesIO()
    document.save(buffer)
    return fixed_zip(buffer.getvalue())


def pdf(progress: ProgressSince, today: dt.date) -> bytes:
    from reportlab.lib.pagesizes import A4  # noqa: PLC0415 - only when a PDF is made
    from reportlab.platypus import Flowable, SimpleDocTemplate  # noqa: PLC0415

    from models.pdf_parts import BODY, HEADING_1, HEADING_2, _bullets, _p  # noqa: PLC0415

    story: list[Flowable] = [_p(title(progress), HEADING_1), _p(_intro(progress, today))]
    for heading, items in progress.sections():
        story += [_p(heading, HEADING_2), *_bullets(items)]
    if other := _other(progress):
        story.append(_p(other, BODY))
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer, pagesize=A4, title=title(progress), author="Preventiewerkboek", invariant=True, creator=""
    )
    document.build(story)
    return buffer.getvalue()


WRITERS: dict[ProgressKind, Callable[[ProgressSince, dt.date], bytes]] = {
    "md": markdown,
    "html": html_page,
    "docx": word,
    "pdf": pdf,
}
