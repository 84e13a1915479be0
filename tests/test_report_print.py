"""The HTML plan van aanpak printed for real (issue 14): headless Chromium prints the example to a PDF on A4,
and pypdf counts the pages and reads the page numbers back.

The 20-action example once took 22 pages, one box per action; the plan must now fit on at most 8.
"""

from __future__ import annotations

import os
import signal
import subprocess
from pathlib import Path

import pytest
from conftest import EXAMPLE, TODAY
from pypdf import PdfReader

from models.content import Content
from models.report_formats import ReportRequest, make_report
from models.store import load_workbook
from models.workbook import Agreement

CHROMIUM = Path("/usr/bin/chromium")
MOST_PAGES = 8
A4_POINTS = (595.3, 841.9)


def print_to_pdf(page: Path, target: Path, profile: Path) -> None:
    """Print ``page`` with headless Chromium, without its own header and footer; stopped whole after 120 s."""
    process = subprocess.Popen(
        [
            str(CHROMIUM),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={profile}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={target}",
            page.as_uri(),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its helper processes go with it when it is stopped
    )
    try:
        _, errors = process.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        raise
    assert process.returncode == 0 and target.exists(), errors.decode(errors="replace")[-2000:]


@pytest.mark.serial
@pytest.mark.skipif(
    not CHROMIUM.exists(), reason="/usr/bin/chromium ontbreekt (Debian-pakket chromium; .ci/run installeert het)"
)
def test_the_example_prints_on_at_most_eight_a4_pages_with_page_numbers(tmp_path: Path, content: Content) -> None:
    workbook = load_workbook(EXAMPLE, content).workbook
    consent = Agreement(datum=TODAY, door="werkgever", namen=["Marco van Dijk"], plaats="Zwolle")
    workbook = workbook.model_copy(update={"akkoord": [consent]})
    page, pdf = tmp_path / "plan-van-aanpak.html", tmp_path / "plan-van-aanpak.pdf"
    page.write_bytes(make_report("html", ReportRequest(workbook, content, TODAY)))
    print_to_pdf(page, pdf, tmp_path / "chromium")

    pages = PdfReader(pdf).pages
    assert 1 <= len(pages) <= MOST_PAGES, f"{len(pages)} pagina's"
    for sheet in pages:
        assert (float(sheet.mediabox.width), float(sheet.mediabox.height)) == pytest.approx(A4_POINTS, abs=1)
    texts = [sheet.extract_text() for sheet in pages]
    for number, text in enumerate(texts, start=1):
        assert f"Pagina {number} van {len(pages)}" in text  # the page-margin box of @page, on every page
    assert "Plan van aanpak: Van Dijk Installatietechniek B.V." in texts[0]
    assert "Overzicht van de acties" in texts[0]  # the overview comes first
    signed = [text for text in texts if "Akkoord en ondertekening" in text]
    assert len(signed) == 1 and all(part in signed[0] for part in ("Marco van Dijk", "Adviseur", "Handtekening"))
    everything = "\n".join(texts)
    assert all(f"A{number} " in everything for number in range(1, 21))
