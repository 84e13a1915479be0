"""The PDF plan van aanpak (``werkboek export --format pdf``), read back with pypdf: its content and order,
A4 pages numbered "Pagina X van Y", the same bytes every time, and workbook text shown literally."""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
import sys
import unicodedata
from functools import cache
from pathlib import Path

import pypdf
import pytest
from conftest import EXAMPLE, ROOT, TODAY

from models.content import Content, default_content
from models.pdf_text import UNKNOWN, drawable, markup, readable
from models.plan import with_action
from models.plan_report import plan_report
from models.report_formats import ReportRequest
from models.report_pdf import make
from models.store import load_workbook
from models.workbook import Agreement, LogEntry, Organisation, Workbook

A4_POINTS = (595.2756, 841.8898)


def _example(content: Content) -> Workbook:
    return load_workbook(EXAMPLE, content).workbook


def _pdf(workbook: Workbook, content: Content, today: dt.date = TODAY) -> bytes:
    return make(ReportRequest(workbook, content, today))


def _pages(data: bytes) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages]


_FOOTER = re.compile(r"^(?:Plan van aanpak · .*|Pagina \d+ van\s+\d+)$", re.MULTILINE)


def _body(page: str) -> str:
    """A page's text without its footer (the client, and "Pagina X van Y")."""
    return _FOOTER.sub("", page).strip()


def _flat(text: str) -> str:
    """Text with every run of white space (line breaks, no-break spaces) as one space: wrapped lines join up.

    pypdf reads Helvetica's bullet (WinAnsi code 0x7F, as ReportLab writes it) as U+007F; viewers and
    pdftotext show a bullet, so it is read as one here too."""
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("\x7f", "•")).strip()


@cache
def _example_pages() -> tuple[str, ...]:
    """The example's PDF, made once for the tests that only read it."""
    content = default_content()
    return tuple(_pages(_pdf(_example(content), content)))


def test_the_title_page_names_client_adviseur_date_and_period_and_stands_alone() -> None:
    first, second = (_body(page) for page in _example_pages()[:2])
    flat = _flat(first)
    for text in (
        "Plan van aanpak",
        "Van Dijk Installatietechniek B.V.",
        "Sanne de Boer",
        "22 november 2026",
        "16 maart 2026 tot en met 31 maart 2027",
    ):
        assert text in flat
    assert "Waar de organisatie nu staat" not in flat
    assert _flat(second).startswith("Waar de organisatie nu staat")


def test_where_they_stand_shows_facts_levels_phases_scores_and_legal_minimum() -> None:
    flat = _flat(" ".join(_example_pages()[1:3]))
    for text in (
        "Sector Installatietechniek",
        "Verzuim 6,1%",
        "DI-typologie Type AB",
        "In kaart brengen van gezondheidsrisico's (huidige fase) 6 van 7",
        "Evalueren 0 van 6",
        "vergeleken met de nulmeting van 10 maart 2026",
        "Verschil",
        "Eenvoud 2 – Incidenteel -1",
        "Bewustwording van risico's en activiteiten 3 – In opbouw +1",
        "7 van de 23 onderdelen zijn in orde",
        "Ontbreekt • PAGO aanbieden — Voor zover bekend nooit aangeboden",
        "Nog onbekend",
        "• Toetsing van de RI&E — Niet duidelijk",
    ):
        assert text in flat, text


def test_without_a_second_round_there_is_no_change_column(content: Content) -> None:
    workbook = _example(content)
    first_round = min(workbook.metingen, key=lambda scoring_round: scoring_round.datum)
    flat = _flat(" ".join(_pages(_pdf(workbook.model_copy(update={"metingen": [first_round]}), content))))
    assert "Nulmeting van 10 maart 2026" in flat
    assert "Verschil" not in flat
    assert "Eenvoud 3 – In opbouw" in flat


def test_every_action_is_in_the_overview_and_in_full_by_phase(content: Content) -> None:
    pages = [_body(page) for page in _example_pages()]
    overview_at = next(n for n, page in enumerate(pages) if page.startswith("Overzicht van de acties"))
    details_at = next(n for n, page in enumerate(pages) if page.startswith("De acties uitgewerkt"))
    overview = _flat(" ".join(pages[overview_at:details_at]))
    details = _flat(" ".join(pages[details_at:]))
    actions = _example(content).acties
    assert len(actions) == 20
    for action in actions:
        assert re.search(rf"\b{action.id} {re.escape(_flat(action.titel))}", overview), action.id
        assert f"{action.id} {_flat(action.titel)}" in details, action.id
    assert overview.startswith("Overzicht van de acties 20 acties (3 idee, 6 gepland, 5 bezig, 5 klaar, 1 gestopt)")
    assert "Id Actie Eigenaar Start Deadline Status" in overview
    assert (
        "A3 RI&E aanvullen met werkdruk en storingsdienst Erik Hoekstra (preventiemedewerker) 1 sep 2026 " in overview
    )
    assert "1 nov 2026 bezig (te laat)" in overview
    phases = ["In kaart brengen van gezondheidsrisico's", "Kiezen van activiteiten", "Plannen", "Invoeren en motiveren"]
    assert [details.index(f"{phase} A") for phase in phases] == sorted(details.index(f"{phase} A") for phase in phases)


def test_an_action_in_full_has_its_facts_six_ws_with_line_breaks_and_source(content: Content) -> None:
    action = _example(content).action("A1")
    assert action is not None and action.werkwijze is not None
    text = "\n".join(_example_pages())
    flat = _flat(text)
    assert (
        "A1 Verzuimcijfers 2024-2025 analyseren met bedrijfsarts Status: klaar · Prioriteit: hoog · "
        "Eigenaar: Linda Bos (office manager) · Start: 16 mrt 2026 · Deadline: 17 apr 2026"
    ) in flat
    for label in ("wat", "waarom", "wie", "werkwijze", "waar", "wanneer", "evaluatie"):
        written = getattr(action, label)
        assert f"{label.capitalize()} {_flat(written)}" in flat, label
    for line in action.werkwijze.splitlines()[1:]:  # each line of a W starts a line of its own
        assert f"\n{line.split()[0]} {line.split()[1]}" in text
    assert "Bron Checklist In kaart brengen van gezondheidsrisico's: Het verzuim" in flat


def test_the_notes_of_the_latest_round_and_of_the_checklists_are_there(content: Content) -> None:
    workbook = _example(content)
    report = plan_report(workbook, content, TODAY)
    flat = _flat(" ".join(_example_pages()))
    assert "Notities Bij de meting van 6 oktober 2026" in flat
    assert report.round_notes and report.checklist_notes
    for note in [*report.round_notes, *report.checklist_notes]:
        assert f"{_flat(note.subject)} {_flat(note.text)}" in flat, note.subject
    assert "heersende houding" not in flat  # the first round's notes stay out: only the latest round's


def test_the_logbook_says_when_it_shows_only_the_latest_entries(content: Content) -> None:
    workbook = _example(content)
    flat = _flat(" ".join(_example_pages()))
    assert "Logboek 17 nov 2026 Voortgang en achterstanden" in flat
    assert "• Marco neemt een preventiebudget op in de begroting 2027 (A11)" in flat
    assert "verslagen;" not in flat
    entries = [LogEntry(datum=dt.date(2025, 1, day), titel=f"Oud verslag {day}") for day in range(1, 11)]
    longer = workbook.model_copy(update={"logboek": [*workbook.logboek, *entries]})
    flat = _flat(" ".join(_pages(_pdf(longer, content))))
    assert "Logboek De laatste 8 van 15 verslagen" in flat
    assert "Oud verslag 8" in flat
    assert "Oud verslag 7" not in flat


def test_the_signature_block_has_every_role_with_lines_to_sign_on_one_page() -> None:
    pages = _example_pages()
    last = _flat(pages[-1])
    assert "Akkoord en ondertekening" in last
    for role in ("Werkgever", "Personeelsvertegenwoordiging (PVT)", "Adviseur Naam Sanne de Boer"):
        assert role in last
    assert last.count("Handtekening") == 3
    assert not any("Handtekening" in page for page in pages[:-1])


def test_given_consent_shows_names_date_place_and_remark_instead_of_lines(content: Content) -> None:
    workbook = _example(content)
    agreement = Agreement(
        datum=dt.date(2026, 11, 20),
        door="werkgever",
        namen=["Marco van Dijk"],
        plaats="Zwolle",
        opmerking="Akkoord, met de budgetten van 2027 onder voorbehoud.",
    )
    last = _flat(_pages(_pdf(workbook.model_copy(update={"akkoord": [agreement]}), content))[-1])
    assert (
        "Werkgever — akkoord gegeven Naam Marco van Dijk Datum 20 november 2026 Plaats Zwolle "
        "Opmerking Akkoord, met de budgetten van 2027 onder voorbehoud."
    ) in last
    assert last.count("Handtekening") == 2  # only the PVT and the adviseur still sign on paper


def test_pages_are_a4_and_numbered_in_the_footer_with_the_client() -> None:
    pages = [_flat(page) for page in _example_pages()]
    total = len(pages)
    assert total > 5
    assert "Pagina 1 van " in pages[0]
    for number, page in enumerate(pages, start=1):
        assert f"Pagina {number} van {total} " in page
        assert "Plan van aanpak · Van Dijk Installatietechniek B.V." in page
    assert f"Pagina {total} van {total} " in pages[-1]
    content = default_content()
    reader = pypdf.PdfReader(io.BytesIO(_pdf(_example(content), content)))
    for page in reader.pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(A4_POINTS, abs=0.01)


def test_same_workbook_and_date_give_the_same_bytes_with_fixed_document_details(content: Content) -> None:
    workbook = _example(content)
    first = _pdf(workbook, content)
    assert _pdf(workbook, content) == first
    assert _pdf(workbook, content, TODAY + dt.timedelta(days=1)) != first
    metadata = pypdf.PdfReader(io.BytesIO(first)).metadata
    assert metadata is not None
    assert metadata.title == "Plan van aanpak Van Dijk Installatietechniek B.V."
    assert metadata.author == "Sanne de Boer"
    assert str(metadata["/CreationDate"]).startswith("D:20261122000000")


def test_a_fresh_process_writes_the_same_bytes(tmp_path: Path, content: Content) -> None:
    target = tmp_path / "plan.pdf"
    command = [sys.executable, "-m", "cli.main", "export", str(EXAMPLE), "-f", "pdf", "-o", str(target)]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    written = target.read_bytes()
    metadata = pypdf.PdfReader(io.BytesIO(written)).metadata
    assert metadata is not None
    made_on = dt.datetime.strptime(str(metadata["/CreationDate"])[2:10], "%Y%m%d").date()  # the CLI's today
    assert written == _pdf(_example(content), content, made_on)


def test_workbook_text_with_markup_and_formulas_shows_literally(content: Content) -> None:
    workbook = _example(content)
    hostile = '<b>x</b> & =HYPERLINK("http://example.com") &amp; <br/>'
    action = workbook.action("A2")
    assert action is not None
    changed = action.model_copy(update={"titel": hostile, "eigenaar": "<i>Erik</i> & co", "wat": "a < b\n> c"})
    workbook = with_action(workbook, changed)
    flat = _flat(" ".join(_pages(_pdf(workbook, content))))
    assert flat.count(hostile.strip()) == 2  # the overview and the action in full
    assert "<i>Erik</i> & co" in flat
    assert "Wat a < b > c" in flat
    hostile_client = workbook.organisatie.model_copy(update={"naam": "<font size=40>Groot</font> & Zn"})
    pages = _pages(_pdf(workbook.model_copy(update={"organisatie": hostile_client}), content))
    assert "<font size=40>Groot</font> & Zn" in pages[0]
    assert "Plan van aanpak · <font size=40>Groot</font> & Zn" in pages[-1]  # the footer


def test_markup_escapes_and_keeps_line_breaks() -> None:
    assert markup('<b>x</b> & "y"\nz') == '&lt;b&gt;x&lt;/b&gt; &amp; "y"<br/>z'


def _black_boxes(text: str) -> int:
    """How many characters ReportLab would draw as its black box (ZapfDingbats 'n' for a missing glyph)."""
    from reportlab.pdfbase.pdfmetrics import getFont, unicode2T1

    font = getFont("Helvetica")
    runs = unicode2T1(text.replace("■", ""), [font, *font.substitutionFonts])
    return sum(len(chunk) for each, chunk in runs if each is font._notdefFont and chunk == b"n" * len(chunk))


def test_every_character_of_the_example_and_the_content_can_be_drawn() -> None:
    texts = [EXAMPLE.read_text(encoding="utf-8")]
    texts += [path.read_text(encoding="utf-8") for path in sorted((ROOT / "content").rglob("*.toml"))]
    characters = {character for text in texts for character in text if character not in "\r\t"}
    assert {"é", "ë", "ï", "€", "’"} <= characters
    missing = sorted(character for character in characters if not drawable(character))
    assert missing == [], [f"U+{ord(character):04X} {unicodedata.name(character, '?')}" for character in missing]
    assert _black_boxes("".join(sorted(characters - {"\n"}))) == 0


def test_characters_the_fonts_lack_get_a_readable_stand_in_never_a_black_box() -> None:
    dutch = "é ë ï € ‘ ’ “ ” – — •"
    others = "→ ≥ ✓ ł ő 😀 👍🏽 ⚠\u200b"
    assert _black_boxes(others) > 0  # what ReportLab itself would do
    assert readable(dutch) == dutch
    assert readable(others) == f"→ ≥ ✓ l o {UNKNOWN} {UNKNOWN} (!)"
    assert _black_boxes(readable(dutch + others)) == 0


def test_the_pdf_shows_dutch_and_other_characters(content: Content) -> None:
    workbook = _example(content)
    action = workbook.action("A5")
    assert action is not None
    title = "Café ‘Één’ “wij” – € 5 — ruïne → ≥ 3 ✓ Łódź 😀 klaar"
    flat = _flat(" ".join(_pages(_pdf(with_action(workbook, action.model_copy(update={"titel": title})), content))))
    assert "Café ‘Één’ “wij” – € 5 — ruïne → ≥ 3" in flat
    assert f"✓ Lódz {UNKNOWN} klaar" in flat
    assert "😀" not in flat


def test_progress_runs_to_the_end(content: Content) -> None:
    seen: list[tuple[int, int]] = []
    make(ReportRequest(_example(content), content, TODAY, progress=lambda done, total: seen.append((done, total))))
    assert seen[-1] == (40, 40)
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)


def test_no_heading_is_left_alone_at_the_bottom_of_a_page(content: Content) -> None:
    from bench.run import generated_workbook

    workbook = generated_workbook(150, 2)
    report = plan_report(workbook, content, TODAY)
    headings = {f"{action.id} {action.titel}" for action in workbook.acties}
    headings |= {group.title for group in report.groups}
    pages = [_body(page) for page in _pages(_pdf(workbook, content))]
    details_at = next(n for n, page in enumerate(pages) if page.startswith("De acties uitgewerkt"))
    assert len(pages) - details_at > 20
    last_lines = [_flat(page.splitlines()[-1]) for page in pages[details_at:]]
    assert not [line for line in last_lines if line in headings]
    assert not [line for line in last_lines if line.startswith("Status:")]  # nor with only its facts


def test_bookmarks_and_the_overview_links_lead_to_their_pages(content: Content) -> None:
    reader = pypdf.PdfReader(io.BytesIO(_pdf(_example(content), content)))
    bodies = [_body(page.extract_text()) for page in reader.pages]
    top = [entry for entry in reader.outline if not isinstance(entry, list)]
    assert [entry.title for entry in top] == [
        "Waar de organisatie nu staat",
        "Overzicht van de acties",
        "De acties uitgewerkt",
        "Notities",
        "Logboek",
        "Akkoord en ondertekening",
    ]
    for entry in top:
        assert entry.title in bodies[reader.get_destination_page_number(entry)]
    overview = next(n for n, body in enumerate(bodies) if body.startswith("Overzicht van de acties"))
    targets = {}
    for annotation in reader.pages[overview]["/Annots"]:
        page = reader.get_page_number(annotation.get_object()["/Dest"][0].get_object())
        targets[page] = targets.get(page, 0) + 1
    assert sum(targets.values()) == 20
    for page in targets:
        assert re.search(r"^A\d+ ", bodies[page], re.MULTILINE)
    assert min(targets) > overview


def test_a_new_empty_workbook_gives_a_plan_that_says_what_is_still_missing(content: Content) -> None:
    workbook = Workbook(organisatie=Organisation(naam="Nieuwe klant"))
    pages = [_flat(page) for page in _pages(_pdf(workbook, content))]
    flat = " ".join(pages)
    for text in (
        "Looptijd nog geen data gepland",
        "Het profiel is nog niet ingevuld.",
        "Er is nog geen meting gedaan.",
        "Het plan heeft nog geen acties.",
        "Er zijn nog geen verslagen.",
        "Medewerkers Naam Datum Plaats Handtekening",
    ):
        assert text in flat, text
    assert "Verschil" not in flat
    assert f"Pagina {len(pages)} van {len(pages)}" in pages[-1]
