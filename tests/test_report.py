"""Reports for the employer (Markdown, HTML) and the CSV for Excel, checked for content."""

from __future__ import annotations

import csv
import datetime as dt
import io
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import EXAMPLE, TODAY

from cli.export import export_command
from models.content import Content
from models.report import markdown_text, report_text
from models.report_csv import actions_csv
from models.store import load_workbook
from models.workbook import Action, Organisation, Workbook


@pytest.fixture
def example(content: Content) -> Workbook:
    return load_workbook(EXAMPLE, content).workbook


def test_markdown_report_has_every_action_and_right_totals(example: Workbook, content: Content) -> None:
    text = report_text(example, content, TODAY, "md")
    for action in example.acties:
        assert f"#### {action.id} {markdown_text(action.titel)}\n" in text
    assert "20 acties: 3 idee, 6 gepland, 5 bezig, 5 klaar, 1 gestopt. Open: 14, waarvan 4 over de deadline." in text
    assert "| Eenvoud | 2 Incidenteel | 3 | -1 |" in text
    assert "| 1. In kaart brengen van gezondheidsrisico's | 6 van 7 | huidige fase |" in text
    assert "7 van 18 onderdelen in orde." in text and "- **PAGO of PMO aanbieden**: Voor zover bekend" in text
    assert text.index("### 10 mrt 2026: Kennismaking en nulmeting") < text.index("### 17 nov 2026: Voortgang")
    assert "- Status: bezig (**te laat**) · prioriteit hoog · eigenaar Erik Hoekstra (preventiemedewerker)" in text


def test_phases_order_the_action_groups_and_actions_without_phase_come_last(content: Content) -> None:
    workbook = Workbook(
        organisatie=Organisation(naam="X"),
        acties=[Action(id="A1", titel="los"), Action(id="A2", titel="later", fase="evalueren"),
                Action(id="A3", titel="eerst", fase="in-kaart")],
    )  # fmt: skip
    text = report_text(workbook, content, TODAY, "md")
    assert text.index("### In kaart") < text.index("### Evalueren") < text.index("### Zonder fase")


def test_markdown_escapes_what_would_change_the_layout(content: Content) -> None:
    workbook = Workbook(organisatie=Organisation(naam="A|B *Bouw* <x>"), acties=[Action(id="A1", titel="#1 _test_")])
    text = report_text(workbook, content, TODAY, "md")
    assert "# Plan van aanpak: A\\|B \\*Bouw\\* \\<x\\>" in text
    assert "#### A1 \\#1 \\_test\\_" in text


def test_html_report_is_well_formed_and_complete(example: Workbook, content: Content) -> None:
    page = report_text(example, content, TODAY, "html")
    root = ET.fromstring(page)  # well-formed: every tag closed, every entity known
    namespace = {"h": "http://www.w3.org/1999/xhtml"}
    ids = [div.get("id") for div in root.iterfind(".//h:div[@class='action']", namespace)]
    assert sorted(ids) == sorted(f"actie-{action.id}" for action in example.acties) and len(ids) == 20
    headings = [h3.text for h3 in root.iterfind(".//h:h3", namespace)]
    assert headings[:5] == [phase.naam for phase in content.phases]  # the plan by phase, in phase order
    # Self-contained and printable: styles inline, nothing fetched from elsewhere, no scripts.
    assert "@media print" in page
    assert not any(part in page for part in ("<link", "src=", "@import", "<script"))


def test_html_escapes_text_from_the_workbook(content: Content) -> None:
    workbook = Workbook(organisatie=Organisation(naam="<script>alert(1)</script> & co"))
    page = report_text(workbook, content, TODAY, "html")
    ET.fromstring(page)
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in page


def test_csv_opens_in_excel_nl_and_reads_back(example: Workbook, content: Content, tmp_path: Path) -> None:
    data = actions_csv(example, content).encode("utf-8-sig")
    assert data.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads it as UTF-8
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert [row["Id"] for row in rows] == [action.id for action in example.acties]
    a3 = next(row for row in rows if row["Id"] == "A3")
    assert (a3["Start"], a3["Deadline"], a3["Budget (euro)"]) == ("1-9-2026", "1-11-2026", "950")
    assert a3["Fase"] == "In kaart brengen van gezondheidsrisico's"
    assert "\n" in next(row for row in rows if row["Id"] == "A1")["Werkwijze"]  # line breaks kept, quoted
    assert sum(float(row["Uren"].replace(",", ".") or 0) for row in rows) == sum(a.uren or 0 for a in example.acties)


def test_export_command_writes_beside_the_workbook(tmp_path: Path) -> None:
    workbook = tmp_path / "klant.toml"
    workbook.write_bytes(EXAMPLE.read_bytes())
    out, err = io.StringIO(), io.StringIO()
    for kind, name in (("html", "klant-plan-van-aanpak.html"), ("md", "klant-plan-van-aanpak.md"),
                       ("csv", "klant-acties.csv")):  # fmt: skip
        assert export_command([str(workbook), "--format", kind], out, err, today=TODAY) == 0
        assert (tmp_path / name).stat().st_size > 1000
    assert out.getvalue().count("(20 acties)") == 3
    printed = io.StringIO()
    assert export_command([str(workbook), "-f", "md", "-o", "-"], printed, err, today=dt.date(2027, 1, 1)) == 0
    assert printed.getvalue().startswith(
        "# Plan van aanpak: Van Dijk Installatietechniek B.V.\n\nGemaakt op 1 jan 2027"
    )
    broken = tmp_path / "kapot.toml"
    broken.write_text("[organisatie\n", encoding="utf-8")
    assert export_command([str(broken)], out, err) == 2 and "kapot.toml:1:" in err.getvalue()
