"""The plan van aanpak in Markdown and HTML (issue 14), checked for content, order and escaping; and the CSV
for Excel."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import EXAMPLE, TODAY
from markdown_it import MarkdownIt

from cli.export import export_command
from models.content import Content
from models.formatting import short_date
from models.plan_report import plan_report
from models.report import Kind, markdown_text, report_text
from models.report_csv import actions_csv
from models.report_formats import ReportRequest, make_report
from models.score_chart import score_chart
from models.store import load_workbook
from models.workbook import (
    Action,
    Agreement,
    LogEntry,
    Organisation,
    PhaseState,
    ScoringRound,
    Workbook,
)

XHTML = "{http://www.w3.org/1999/xhtml}"
SVG = "{http://www.w3.org/2000/svg}"
SECTIONS = [
    "Overzicht van de acties",
    "Waar de organisatie staat",
    "De acties per fase",
    "Notities",
    "Logboek",
    "Akkoord en ondertekening",
    "Bronnen",
]
"""The plan's parts in reading order (the same as the Word and PDF plans, with the overview first)."""


@pytest.fixture
def example(content: Content) -> Workbook:
    return load_workbook(EXAMPLE, content).workbook


def html_root(workbook: Workbook, content: Content, today: dt.date = TODAY) -> ET.Element:
    """The HTML plan parsed as XML: it must be well-formed (every tag closed, every entity known)."""
    return ET.fromstring(report_text(workbook, content, today, "html"))


def text_of(element: ET.Element) -> str:
    return " ".join("".join(element.itertext()).split())


def by_class(root: ET.Element, tag: str, name: str) -> ET.Element:
    found = [element for element in root.iter(f"{XHTML}{tag}") if name in (element.get("class") or "").split()]
    assert len(found) == 1, (tag, name, len(found))
    return found[0]


def table_rows(table: ET.Element) -> tuple[list[str], list[list[str]]]:
    """A table's header cells and its body rows as text."""
    header = [text_of(cell) for cell in table.iterfind(f"{XHTML}thead/{XHTML}tr/*")]
    rows = [[text_of(cell) for cell in row] for row in table.iterfind(f"{XHTML}tbody/{XHTML}tr")]
    return header, rows


def markdown_table(text: str, header_start: str) -> tuple[list[str], list[list[str]]]:
    """The Markdown table whose header row starts with ``header_start``: header cells and rows (``\\|`` kept)."""
    lines = text[text.index(header_start) :].splitlines()
    table = lines[: next(i for i, line in enumerate(lines) if not line.startswith("|"))]

    def cells(line: str) -> list[str]:
        return [cell.strip() for cell in re.split(r"(?<!\\)\|", line)[1:-1]]

    return cells(table[0]), [cells(line) for line in table[2:]]


def two_rounds(workbook: Workbook) -> Workbook:
    """The workbook with a nulmeting and a later round (bewustwording 1 → 3)."""
    rounds = [
        ScoringRound(datum=dt.date(2026, 3, 1), scores={"bewustwording": 1, "tijd": 2}),
        ScoringRound(datum=dt.date(2026, 9, 1), scores={"bewustwording": 3, "tijd": 2}),
    ]
    return workbook.model_copy(update={"metingen": rounds})


def one_round(workbook: Workbook) -> Workbook:
    rounds = [ScoringRound(datum=dt.date(2026, 3, 1), scores={"bewustwording": 1, "tijd": 2})]
    return workbook.model_copy(update={"metingen": rounds})


# -- order and the overview -------------------------------------------------------------------------


def test_markdown_report_has_every_action_and_right_totals(example: Workbook, content: Content) -> None:
    text = report_text(example, content, TODAY, "md")
    assert [line[3:] for line in text.splitlines() if line.startswith("## ")] == SECTIONS
    for action in example.acties:
        assert f"#### {action.id} {markdown_text(action.titel)}\n" in text
    assert "20 acties (3 idee, 6 gepland, 5 bezig, 5 klaar, 1 gestopt). Open: 14, waarvan 4 over de deadline." in text
    assert "| Eenvoud | 3 | 2 | Incidenteel | ██░░ | -1 |" in text
    assert "| 1. In kaart brengen van gezondheidsrisico's **(huidige fase)** | 6 van 7 |" in text
    assert "7 van de 23 onderdelen zijn in orde." in text and "- **PAGO aanbieden**: Voor zover bekend" in text
    assert text.index("- **17 nov 2026** Voortgang") < text.index("- **10 mrt 2026** Kennismaking")  # newest first
    assert "Status: bezig (**te laat**) · Prioriteit: hoog · Eigenaar: Erik Hoekstra (preventiemedewerker)" in text
    assert (
        "Adviseur: Sanne de Boer  \nGemaakt op: 22 november 2026  \nLooptijd: 16 maart 2026 tot en met 31 maart 2027"
        in text
    )


def test_html_title_block_then_the_overview_then_the_rest_in_order(example: Workbook, content: Content) -> None:
    root = html_root(example, content)
    assert text_of(root.find(f".//{XHTML}h1")) == "Plan van aanpak: Van Dijk Installatietechniek B.V."  # type: ignore[arg-type]
    assert text_of(by_class(root, "p", "meta")) == (
        "Adviseur: Sanne de Boer · Gemaakt op: 22 november 2026 · Looptijd: 16 maart 2026 tot en met 31 maart 2027"
    )
    assert [text_of(h2) for h2 in root.iter(f"{XHTML}h2")] == SECTIONS
    groups = [text_of(h3) for h3 in root.find(f".//{XHTML}section[@id='acties']").iter(f"{XHTML}h3")]  # type: ignore[union-attr]
    assert groups == [phase.naam for phase in content.phases]  # the plan by phase, in phase order


def test_the_overview_names_every_action_with_owner_and_deadline(example: Workbook, content: Content) -> None:
    root = html_root(example, content)
    header, rows = table_rows(by_class(root, "table", "overview"))
    assert header == ["Id", "Actie", "Eigenaar", "Start", "Deadline", "Status"]
    assert [row[:3] for row in rows] == [[a.id, a.titel, a.eigenaar or ""] for a in example.acties]
    assert [row[4] for row in rows] == [short_date(a.deadline) if a.deadline else "" for a in example.acties]
    assert rows[2] == ["A3", "RI&E aanvullen met werkdruk en storingsdienst", "Erik Hoekstra (preventiemedewerker)",
                       "1 sep 2026", "1 nov 2026", "bezig, te laat"]  # fmt: skip
    assert sorted(row[0] for row in rows if row[5].endswith(", te laat")) == ["A14", "A15", "A3", "A6"]
    targets = {element.get("id") for element in root.iter() if element.get("id")}
    links = [link.get("href") for link in by_class(root, "table", "overview").iter(f"{XHTML}a")]
    assert len(links) == 20 and all(link[1:] in targets for link in links if link)  # each id leads to its action

    text = report_text(example, content, TODAY, "md")
    header, md_rows = markdown_table(text, "| Id | Actie |")
    assert header == ["Id", "Actie", "Eigenaar", "Start", "Deadline", "Status"]
    assert [row[0] for row in md_rows] == [a.id for a in example.acties]
    assert md_rows[2] == ["A3", "RI&E aanvullen met werkdruk en storingsdienst", "Erik Hoekstra (preventiemedewerker)",
                          "1 sep 2026", "1 nov 2026", "bezig, **te laat**"]  # fmt: skip


def test_phases_order_the_action_groups_and_actions_without_phase_come_last(content: Content) -> None:
    workbook = Workbook(
        organisatie=Organisation(naam="X"),
        acties=[Action(id="A1", titel="los"), Action(id="A2", titel="later", fase="evalueren"),
                Action(id="A3", titel="eerst", fase="in-kaart")],
    )  # fmt: skip
    text = report_text(workbook, content, TODAY, "md")
    assert text.index("### In kaart") < text.index("### Evalueren") < text.index("### Zonder fase")
    assert "*De zes W's zijn nog niet ingevuld.*" in text


# -- where the organisation stands: the scores ------------------------------------------------------


def test_one_scoring_round_gives_no_verschil_column(example: Workbook, content: Content) -> None:
    workbook = one_round(example)
    table = by_class(html_root(workbook, content), "table", "scores")
    header, rows = table_rows(table)
    assert header == ["Succesfactor", "Score", "Betekenis"]
    assert all(len(row) == 3 for row in rows)  # no empty column
    assert rows[0] == ["Bewustwording van risico's en activiteiten", "1", "Ontbreekt"]
    assert rows[1] == ["Vertrouwen", "–", "niet gescoord"]

    text = report_text(workbook, content, TODAY, "md")
    header, md_rows = markdown_table(text, "| Succesfactor |")
    assert header == ["Succesfactor", "Score", "Betekenis", "Balk"]
    assert md_rows[0] == ["Bewustwording van risico's en activiteiten", "1", "Ontbreekt", "█░░░"]
    assert "Eén meting: de nulmeting van 1 maart 2026." in text


def test_two_scoring_rounds_show_the_change_right_aligned(example: Workbook, content: Content) -> None:
    workbook = two_rounds(example)
    page = report_text(workbook, content, TODAY, "html")
    table = by_class(ET.fromstring(page), "table", "scores")
    header, rows = table_rows(table)
    assert header == ["Succesfactor", "Nulmeting", "Laatste", "Betekenis", "Verschil"]
    by_name = {row[0]: row[1:] for row in rows}
    assert by_name["Bewustwording van risico's en activiteiten"] == ["1", "3", "In opbouw", "+2"]
    assert by_name["Tijd"] == ["2", "2", "Incidenteel", "0"]
    assert by_name["Vertrouwen"] == ["–", "–", "niet gescoord", "–"]
    first_row = table.find(f"{XHTML}tbody/{XHTML}tr")
    assert [cell.get("class") for cell in first_row] == [None, "num", "num", None, "num"]  # type: ignore[union-attr]
    assert re.search(r"\.num \{[^}]*text-align: right;[^}]*font-variant-numeric: tabular-nums", page)

    text = report_text(workbook, content, TODAY, "md")
    header, md_rows = markdown_table(text, "| Succesfactor |")
    assert header == ["Succesfactor", "Nulmeting", "Laatste", "Betekenis", "Balk", "Verschil"]
    assert md_rows[0] == ["Bewustwording van risico's en activiteiten", "1", "3", "In opbouw", "███░", "+2"]


def test_the_score_chart_is_accessible_inline_svg(example: Workbook, content: Content) -> None:
    root = html_root(example, content)
    charts = list(root.iter(f"{SVG}svg"))
    assert len(charts) == 1
    chart = charts[0]
    title, desc = chart.find(f"{SVG}title"), chart.find(f"{SVG}desc")
    assert title is not None and desc is not None and desc.text is not None
    assert title.text == "Scores van de succesfactoren" and chart.get("role") == "img"
    assert (chart.get("aria-labelledby") or "").split() == [title.get("id"), desc.get("id")]
    assert "Eenvoud: 2 (nulmeting 3)" in desc.text
    texts = [text.text for text in chart.iter(f"{SVG}text")]
    assert all(factor.naam in texts for factor in content.factors)  # labels are text, not pictures
    assert {"Laatste meting, 6 okt 2026", "Nulmeting, 10 mrt 2026"} <= set(texts)
    bars = chart.findall(f"{SVG}rect")[2:]  # after the legend: the latest and the nulmeting per factor
    assert len(bars) == 20
    fills = {bar.get("fill") for bar in bars[0::2]}, {bar.get("fill") for bar in bars[1::2]}
    assert len(fills[0]) == len(fills[1]) == 1 and fills[0] != fills[1]  # filled and open: also in black and white
    widths = [float(bar.get("width") or 0) for bar in bars[:2]]  # bewustwording: 3 now, 2 at the nulmeting
    assert widths[0] == pytest.approx(1.5 * widths[1], rel=1e-3)


def test_the_chart_after_one_round_and_before_any(example: Workbook, content: Content) -> None:
    chart = ET.fromstring(score_chart(plan_report(one_round(example), content, TODAY).scores))
    assert len(chart.findall(f"{SVG}rect")) == 1 + 2  # the legend and the two scored factors, no open bars
    assert [text.text for text in chart.iter(f"{SVG}text")].count("niet gescoord") == 8
    empty = example.model_copy(update={"metingen": []})
    assert score_chart(plan_report(empty, content, TODAY).scores) == ""
    page = report_text(empty, content, TODAY, "html")
    assert "<svg" not in page and "Er is nog geen meting gedaan." in page


# -- notes, logbook, signatures and sources ---------------------------------------------------------


def test_notes_of_the_latest_round_and_of_the_checklists(example: Workbook, content: Content) -> None:
    report = plan_report(example, content, TODAY)
    assert report.round_notes and report.checklist_notes
    notes = text_of(html_root(example, content).find(f".//{XHTML}section[@id='notities']"))  # type: ignore[arg-type]
    assert "Bij de meting van 6 oktober 2026" in notes
    text = report_text(example, content, TODAY, "md")
    for note in [*report.round_notes, *report.checklist_notes]:
        assert f"{note.subject}: {' '.join(note.text.split())}" in notes
        assert f"**{markdown_text(note.subject)}:** {markdown_text(note.text)}\n" in text


def test_the_logbook_is_summarised_newest_first(content: Content) -> None:
    entries = [LogEntry(datum=dt.date(2026, 1, day), titel=f"Sessie {day}", afspraken=[f"afspraak {day}"])
               for day in range(1, 11)]  # fmt: skip
    workbook = Workbook(organisatie=Organisation(naam="X"), logboek=entries)
    text = report_text(workbook, content, TODAY, "md")
    assert "De laatste 8 van 10 verslagen; het hele logboek staat in het werkboek." in text
    assert "Sessie 2\n" not in text and text.index("Sessie 10") < text.index("Sessie 3")
    assert "  - afspraak 10\n" in text
    logbook = html_root(workbook, content).find(f".//{XHTML}section[@id='logboek']")
    assert logbook is not None and "De laatste 8 van 10 verslagen" in text_of(logbook)


def test_the_signature_block_shows_consent_given_and_lines_to_sign(example: Workbook, content: Content) -> None:
    consent = Agreement(datum=dt.date(2026, 11, 20), door="werkgever", namen=["Marco van Dijk"], plaats="Zwolle",
                        opmerking="Met de aanvulling van 20 november")  # fmt: skip
    workbook = example.model_copy(update={"akkoord": [consent]})
    table = by_class(html_root(workbook, content), "table", "signatures")
    header, rows = table_rows(table)
    assert header == ["Onderdeel", "Werkgever", "Personeelsvertegenwoordiging (PVT)", "Adviseur"]
    assert {row[0]: row[1:] for row in rows} == {
        "Akkoord": ["gegeven", "nog te tekenen", "nog te tekenen"],
        "Naam": ["Marco van Dijk", "", "Sanne de Boer"],
        "Datum": ["20 november 2026", "", ""],
        "Plaats": ["Zwolle", "", ""],
        "Opmerking": ["Met de aanvulling van 20 november", "", ""],
        "Handtekening": ["akkoord vastgelegd in het werkboek", "", ""],
    }
    lines = [[cell.get("class") == "line" for cell in row][1:] for row in table.iterfind(f"{XHTML}tbody/{XHTML}tr")]
    assert [row[1] for row in lines] == [False, True, True, True, False, True]  # PVT: lines to write on
    assert not any(row[0] for row in lines)  # the employer agreed: nothing left to fill in
    page = report_text(workbook, content, TODAY, "html")
    assert re.search(r"\.signatures \{ break-inside: avoid; page-break-inside: avoid; \}", page)

    text = report_text(workbook, content, TODAY, "md")
    assert (
        "### Werkgever\n\n**Akkoord gegeven**  \nNaam: Marco van Dijk  \nDatum: 20 november 2026  \nPlaats: Zwolle  \n"
        "Opmerking: Met de aanvulling van 20 november\n"
    ) in text
    lines_to_sign = "Datum: ______________________________  \nPlaats: ______________________________  \n"
    assert f"### Adviseur\n\nNaam: Sanne de Boer  \n{lines_to_sign}Handtekening: ____" in text
    assert text.count("Handtekening: ____") == 2


def test_sources_are_listed_by_title_with_their_actions(example: Workbook, content: Content) -> None:
    text = report_text(example, content, TODAY, "md")
    sources = text[text.index("## Bronnen") :]
    assert "- RI&E 2025 (A3, A12)\n" in sources
    assert f"- Wettelijk minimum: {content.legal_by_id['pago'].titel} (A4)\n" in sources
    items = [text_of(li) for li in by_class(html_root(example, content), "ul", "sources")]
    assert "RI&E 2025 (A3, A12)" in items and len(items) == len(set(items)) == 17


# -- escaping ---------------------------------------------------------------------------------------

HOSTILE = "<script>alert(1)</script> a|b #kop =SUM(A1) &amp; *x* _y_ [l](e) `c` ~z~"
HOSTILE_LINES = "# kop\n===\n- lijst\n1. een\n> citaat\n<b>vet</b> | pijp\n    code\n~~~\n---\n+ plus\n=1+1"


def _hostile_workbook(single: str, lines: str) -> Workbook:
    """Every kind of workbook text the plan shows, filled with ``single`` (one line) or ``lines``."""
    return Workbook(
        organisatie=Organisation(naam=single, sector=single, adviseur=single, medezeggenschap="or"),
        metingen=[ScoringRound(datum=dt.date(2026, 3, 1), scores={"tijd": 2}, toelichting={"tijd": lines})],
        fasen={"in-kaart": PhaseState(notities={"rie-actueel": lines})},
        acties=[Action(id="A1", titel=single, eigenaar=single, fase="in-kaart", deadline=dt.date(2026, 1, 1),
                       status="bezig", wat=lines, opmerking=lines, bron=single)],
        logboek=[LogEntry(datum=dt.date(2026, 3, 1), titel=single, afspraken=[single, lines])],
        akkoord=[Agreement(datum=dt.date(2026, 3, 2), door="or", namen=[single], plaats=single, opmerking=lines)],
    )  # fmt: skip


def _harmless(text: str) -> str:
    """The same text with every character that could mean something replaced by ``x`` (line breaks kept)."""
    return re.sub(r"[^\w\s]", "x", text)


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)


def _markdown_tags(markdown: str) -> tuple[list[str], str]:
    """The elements that Markdown renders to (GitHub's flavour, with tables), and the rendered HTML."""
    rendered = MarkdownIt("gfm-like").render(markdown)
    parser = _Tags()
    parser.feed(rendered)
    return parser.tags, rendered


def test_hostile_text_changes_nothing_in_the_layout_of_either_format(content: Content) -> None:
    hostile = _hostile_workbook(HOSTILE, HOSTILE_LINES)
    harmless = _hostile_workbook(_harmless(HOSTILE), _harmless(HOSTILE_LINES))

    page = report_text(hostile, content, TODAY, "html")
    root = ET.fromstring(page)
    assert [element.tag for element in root.iter()] == [element.tag for element in html_root(harmless, content).iter()]
    assert text_of(root.find(f".//{XHTML}h1")) == f"Plan van aanpak: {' '.join(HOSTILE.split())}"  # type: ignore[arg-type]
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    dd = root.find(f".//{XHTML}dl/{XHTML}div/{XHTML}dd")
    assert dd is not None and dd.text == HOSTILE_LINES  # shown literally, line breaks kept

    text = report_text(hostile, content, TODAY, "md")
    tags, rendered = _markdown_tags(text)
    assert tags == _markdown_tags(report_text(harmless, content, TODAY, "md"))[0]
    assert tags.count("h1") == 1 and "script" not in tags and "code" not in tags and "pre" not in tags
    assert "&lt;script&gt;alert(1)&lt;/script&gt; a|b #kop =SUM(A1) &amp;amp; *x* _y_ [l](e) `c` ~z~" in rendered
    header, rows = markdown_table(text, "| Id | Actie |")
    assert len(rows) == 1 and len(rows[0]) == len(header) == 6  # the | in the title and owner stays in its cell


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("# kop", "\\# kop"),
        ("===", "\\==="),
        ("- lijst\n+ plus\n~~~", "\\- lijst  \n\\+ plus  \n\\~~~"),
        ("1. een\n2026) twee", "1\\. een  \n2026\\) twee"),
        ("a|b", "a\\|b"),
        ("&amp; R&D", "\\&amp; R&D"),
        ("een\n    code", "een  \ncode"),
        ("*x* _y_ `z`", "\\*x\\* \\_y\\_ \\`z\\`"),
        ("<b>", "\\<b\\>"),
        ("a\r\nb", "a  \nb"),
    ],
)
def test_markdown_text_escapes_what_would_change_the_layout(text: str, escaped: str) -> None:
    assert markdown_text(text) == escaped


# -- HTML for the screen and for paper --------------------------------------------------------------


def test_html_is_self_contained_with_print_rules_for_a4(example: Workbook, content: Content) -> None:
    page = report_text(example, content, TODAY, "html")
    assert re.search(r"@page \{\s*size: A4;\s*margin: [^;]+;", page)
    assert '@bottom-center { content: "Pagina " counter(page) " van " counter(pages);' in page
    assert re.search(r"h2, h3, h4 \{ break-after: avoid;", page)  # headings stay with what follows
    assert re.search(r"\btr \{ break-inside: avoid;", page)  # a table row is never cut in two
    # Self-contained: styles inline, nothing fetched from elsewhere, no scripts.
    assert not any(part in page for part in ("<link", "src=", "@import", "<script", "url("))


def test_progress_runs_over_gathering_and_writing(example: Workbook, content: Content) -> None:
    kinds: tuple[Kind, ...] = ("html", "md")
    for kind in kinds:
        seen: list[tuple[int, int]] = []
        make_report(kind, ReportRequest(example, content, TODAY, progress=lambda *step: seen.append(step)))  # noqa: B023
        assert seen == [(done, 40) for done in range(1, 41)], kind


def test_an_empty_workbook_gives_a_plan_that_says_what_is_missing(content: Content) -> None:
    workbook = Workbook(organisatie=Organisation(naam="Nieuw"))
    page = report_text(workbook, content, TODAY, "html")
    root = ET.fromstring(page)
    assert [text_of(h2) for h2 in root.iter(f"{XHTML}h2")] == [
        s for s in SECTIONS if s not in ("De acties per fase", "Bronnen")
    ]
    missing = (
        "Het plan heeft nog geen acties.",
        "Looptijd: nog geen data gepland",
        "Adviseur: –",
        "Er is nog geen meting gedaan.",
        "Er zijn nog geen verslagen.",
        "Het profiel is nog niet ingevuld.",
    )
    for sentence in missing:
        assert sentence in text_of(root), sentence
    text = report_text(workbook, content, TODAY, "md")
    assert "Het plan heeft nog geen acties." in text and "| Id |" not in text


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
        "# Plan van aanpak: Van Dijk Installatietechniek B.V.\n\nAdviseur: Sanne de Boer  \nGemaakt op: 1 januari 2027"
    )
    broken = tmp_path / "kapot.toml"
    broken.write_text("[organisatie\n", encoding="utf-8")
    assert export_command([str(broken)], out, err) == 2 and "kapot.toml:1:" in err.getvalue()


def test_terminal_escapes_and_control_characters_never_reach_the_text_reports(
    example: Workbook, content: Content
) -> None:
    """A report opened in a terminal (``cat plan.md``) obeys nothing from the workbook; the HTML stays XML."""
    first = example.acties[0].model_copy(
        update={"titel": "Klok\x07 \x1b[2Jweg\ufffe", "wat": "regel\x00een \x1b]0;titel\x07tekst"}
    )
    workbook = example.model_copy(update={"acties": [first, *example.acties[1:]]})
    for kind in ("md", "html"):
        text = report_text(workbook, content, TODAY, kind)
        assert not [ch for ch in text if ch in "\x00\x07\x1b\ufffe"], kind
        assert "Klok weg" in text and "regeleen tekst" in text, kind
    ET.fromstring(report_text(workbook, content, TODAY, "html"))
