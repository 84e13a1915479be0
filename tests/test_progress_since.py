"""'Voortgang sinds …' from a real git repository with two commits: the report says what was finished,
what is new, which scores moved, which legal items were put in order and which sessions were held; in
Markdown, HTML, Word and PDF, each read back."""

from __future__ import annotations

import datetime as dt
import io
import os
import subprocess
from pathlib import Path

import pytest
from conftest import EXAMPLE

from cli.export import export_command
from models.content import Content
from models.store import LoadedWorkbook, load_workbook, save_workbook
from models.workbook import Action, LegalItemState, LogEntry, ScoringRound

AUTHOR = {
    "GIT_AUTHOR_NAME": "Sanne de Boer",
    "GIT_AUTHOR_EMAIL": "sanne@example.nl",
    "GIT_COMMITTER_NAME": "Sanne de Boer",
    "GIT_COMMITTER_EMAIL": "sanne@example.nl",
}
TODAY = dt.date(2026, 12, 8)


def git(repo: Path, *args: str, date: str) -> None:
    environment = {**os.environ, **AUTHOR, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    environment.pop("GIT_DIR", None)
    subprocess.run(["git", *args], cwd=repo, env=environment, capture_output=True, text=True, check=True)


@pytest.fixture
def two_visits(tmp_path: Path, content: Content) -> Path:
    """The example committed at the visit of 6 Oct; then, by 8 Dec, work done and committed."""
    repo = tmp_path / "klanten"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main", date="2026-10-06T12:00:00+02:00")
    path = repo / "van-dijk.toml"
    path.write_bytes(EXAMPLE.read_bytes())
    git(repo, "add", "van-dijk.toml", date="2026-10-06T12:00:00+02:00")
    git(repo, "commit", "-q", "-m", "Sessie 6 oktober", date="2026-10-06T16:00:00+02:00")
    loaded = load_workbook(path, content)
    workbook = loaded.workbook
    a3 = next(a for a in workbook.acties if a.id == "A3")
    done = a3.model_copy(update={"status": "klaar", "afgerond_op": dt.date(2026, 11, 30)})
    added = Action(id="A21", titel="Tilhulp voor de busjes bestellen", status="gepland")
    latest = max(workbook.metingen, key=lambda scoring: scoring.datum)
    scores = {**latest.scores, "tijd": 3, "openheid": 1}
    changed = workbook.model_copy(
        update={
            "acties": [done if a.id == "A3" else a for a in workbook.acties] + [added],
            "metingen": [*workbook.metingen, ScoringRound(datum=dt.date(2026, 12, 1), scores=scores)],
            "wettelijk": {**workbook.wettelijk, "pago": LegalItemState(status="aanwezig")},
            "logboek": [*workbook.logboek, LogEntry(datum=dt.date(2026, 12, 1), titel="Tweede meting met het MT")],
        }
    )
    save_workbook(LoadedWorkbook(path=path, workbook=workbook, digest=loaded.digest), changed, content=content)
    git(repo, "commit", "-q", "-am", "Sessie 1 december", date="2026-12-01T17:00:00+01:00")
    return path


def _export(path: Path, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = export_command([str(path), *args], out, err, today=TODAY)
    return code, out.getvalue(), err.getvalue()


def test_since_a_date_the_markdown_report_tells_what_happened(two_visits: Path) -> None:
    code, out, err = _export(two_visits, "--sinds", "2026-10-20", "-f", "md", "-o", "-")
    assert code == 0, err
    assert out.startswith("# Voortgang sinds 6 okt 2026 (vastlegging ")
    sections = {part.split("\n", 1)[0]: part for part in out.split("## ")[1:]}
    assert "- A3 RI&E aanvullen met werkdruk en storingsdienst (afgerond 30 nov 2026)" in sections["Afgerond"]
    assert "- A21 Tilhulp voor de busjes bestellen (gepland)" in sections["Nieuw in het plan"]
    assert "- 1 nieuwe meting: 1 dec 2026" in sections["Scores"]
    assert "- Tijd: 2 → 3" in sections["Scores"] and "- Openheid: 2 → 1" in sections["Scores"]
    assert "- PAGO aanbieden" in sections["Wettelijk minimum in orde gebracht"]
    assert "- 1 dec 2026: Tweede meting met het MT" in sections["Sessies"]
    assert "- niets" in sections["Gestopt"]


def test_since_a_revision_gives_the_same_and_each_format_reads_back(two_visits: Path) -> None:
    from docx import Document
    from pypdf import PdfReader

    code, by_revision, _ = _export(two_visits, "--sinds", "HEAD~1", "-f", "md", "-o", "-")
    assert code == 0
    by_date = _export(two_visits, "--sinds", "6-10-2026", "-f", "md", "-o", "-")[1]
    assert "versie 'HEAD~1'" in by_revision and "versie '6-10-2026'" in by_date
    assert by_revision.split("## ", 1)[1] == by_date.split("## ", 1)[1], "the same version, the same progress"
    for kind in ("html", "docx", "pdf"):
        code, out, err = _export(two_visits, "--sinds", "HEAD~1", "-f", kind)
        written = two_visits.with_name(f"van-dijk-voortgang-sinds-2026-10-06.{kind}")
        assert code == 0 and f"Geschreven: {written}" in out, err
        if kind == "html":
            text = written.read_text(encoding="utf-8")
        elif kind == "docx":
            text = "\n".join(paragraph.text for paragraph in Document(str(written)).paragraphs)
        else:
            text = "\n".join(page.extract_text() for page in PdfReader(str(written)).pages)
        assert "Voortgang sinds 6 okt 2026" in text and "Tilhulp voor de busjes bestellen" in text, kind
        assert "PAGO aanbieden" in text, kind


def test_a_date_before_the_first_commit_and_a_file_outside_git_are_explained(two_visits: Path, tmp_path: Path) -> None:
    code, _, err = _export(two_visits, "--sinds", "2026-01-01", "-f", "md", "-o", "-")
    assert code == 2 and "heeft geen vastlegging op of voor 1 jan 2026" in err
    loose = tmp_path / "los.toml"
    loose.write_bytes(EXAMPLE.read_bytes())
    code, _, err = _export(loose, "--sinds", "HEAD", "-f", "md", "-o", "-")
    assert code == 2 and "staat niet in een git-repository" in err
    code, _, err = _export(two_visits, "--sinds", "HEAD~1", "-f", "xlsx")
    assert code == 2 and "--sinds maakt een voortgangsrapport als html, md, docx, pdf" in err


async def test_the_app_shows_the_progress_since_the_asked_date(two_visits: Path) -> None:
    from textual.command import CommandPalette
    from textual.widgets import Input
    from waiting import palette_searched, until

    from screens.progress import ProgressScreen
    from screens.prompt import TextPromptScreen
    from tui.app import WerkboekApp

    app = WerkboekApp(two_visits, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p")
        await until(lambda: isinstance(app.screen, CommandPalette), "the palette is open", pilot=pilot)
        await pilot.press(*"voortgang")
        await palette_searched(pilot)
        await pilot.press("enter")
        await until(lambda: isinstance(app.screen, TextPromptScreen), "it asks since when", pilot=pilot)
        field = app.screen.query_one(Input)
        assert field.value == "1-12-2026", "the last session before today is proposed"
        field.value = "6-10-2026"
        await pilot.press("enter")
        await until(lambda: isinstance(app.screen, ProgressScreen), "the progress is shown", pilot=pilot)
        text = str(app.screen.query_one("#progress-text").render())
        assert "A3 RI&E aanvullen met werkdruk en storingsdienst (afgerond 30 nov 2026)" in text
        assert "Tijd: 2 → 3" in text and "PAGO aanbieden" in text
        assert "Voortgang sinds 6 okt 2026" in str(app.screen.query_one("#progress-title").render())
        await pilot.press("escape")
        await until(lambda: not isinstance(app.screen, ProgressScreen), "escape goes back", pilot=pilot)
