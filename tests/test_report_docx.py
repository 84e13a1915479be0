"""The Word plan van aanpak: read back with python-docx, in the plain style and in a consultant's house
style, refused templates, and the same bytes for the same workbook and date."""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from conftest import EXAMPLE, ROOT, TODAY
from docx.document import Document
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph

from cli.export import export_command
from models import report_docx
from models.content import Content
from models.fixed_zip import FIXED_TIME, fixed_zip
from models.formatting import long_date
from models.report_docx import make
from models.report_formats import ReportRequest, TemplateError
from models.store import load_workbook
from models.workbook import Agreement, LogEntry, Workbook

HOUSE_HEADER = "Bureau Gezond Werk – adviseurs in preventie"
TEMPLATE_TEXT = "Voorbeeldtekst van het sjabloon die niet in het plan hoort"


@pytest.fixture
def example(content: Content) -> Workbook:
    return load_workbook(EXAMPLE, content).workbook


def _plan(workbook: Workbook, content: Content, template: Path | None = None) -> bytes:
    return make(ReportRequest(workbook, content, TODAY, template=template))


def _read(data: bytes) -> Document:
    return docx.Document(io.BytesIO(data))


def _paragraphs(document: Document) -> list[Paragraph]:
    """Every paragraph of the body in reading order, those in tables included."""
    return [Paragraph(p, document) for p in document.element.body.iter(qn("w:p"))]


def _texts(document: Document) -> list[str]:
    return [paragraph.text for paragraph in _paragraphs(document)]


def _table_with(document: Document, header: str) -> Table:
    for table in document.tables:
        if table.rows[0].cells[0].text == header:
            return table
    raise AssertionError(f"no table starts with {header!r}")


def _house_style(path: Path, *, page_field: bool = False, drop: tuple[str, ...] = ()) -> Path:
    """A consultant's template as Word would save it: a header, Georgia as the body font, a heading style
    with the Dutch id Kop1, 3 cm margins, some text of its own, and optionally styles it lacks."""
    template = docx.Document()
    section = template.sections[0]
    section.left_margin = section.right_margin = Cm(3)
    section.header.paragraphs[0].text = HOUSE_HEADER
    normal = template.styles["Normal"]
    normal.font.name = "Georgia"
    normal.font.size = Pt(12)
    template.styles["Heading 1"].element.set(qn("w:styleId"), "Kop1")
    for name in drop:
        element = template.styles[name].element
        element.getparent().remove(element)
    template.add_paragraph(TEMPLATE_TEXT)
    template.add_table(rows=1, cols=2).cell(0, 0).text = "Tabel uit het sjabloon"
    if page_field:
        footer = section.footer.paragraphs[0]
        footer.text = "Blad "
        footer._p.append(
            docx.oxml.parse_xml(
                f'<w:fldSimple {docx.oxml.ns.nsdecls("w")} w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>'
            )
        )
    template.save(path)
    return path


# --- the content ---------------------------------------------------------------------------------------------


def test_title_page_names_plan_client_adviseur_date_and_period(example: Workbook, content: Content) -> None:
    document = _read(_plan(example, content))
    paragraphs = _paragraphs(document)
    assert [p.text for p in paragraphs[:5]] == [
        "Plan van aanpak",
        "Van Dijk Installatietechniek B.V.",
        "Adviseur\tSanne de Boer",
        f"Datum\t{long_date(TODAY)}",
        "Periode\t16 maart 2026 tot en met 31 maart 2027",
    ]
    assert paragraphs[0].style is not None and paragraphs[0].style.name == "Title"
    following = paragraphs[5]
    assert following.text == "Stand van zaken"
    assert following.paragraph_format.page_break_before  # the title page stands alone


def test_where_they_stand_facts_levels_phases_scores_and_legal(example: Workbook, content: Content) -> None:
    document = _read(_plan(example, content))
    texts = _texts(document)
    for expected in ("Medewerkers", "34 (klein)", "Mentale ladder", "Startend", "Type AB", "6,1%"):
        assert expected in texts
    phases = _table_with(document, "Fase")
    assert phases.rows[1].cells[0].text == "In kaart brengen van gezondheidsrisico's (nu)"
    assert phases.rows[1].cells[1].text == "6 van 7"
    scores = _table_with(document, "Succesfactor")
    assert [cell.text for cell in scores.rows[0].cells][-1] == "Verschil"
    eenvoud = next(row for row in scores.rows if row.cells[0].text == "Eenvoud")
    assert eenvoud.cells[1].text == "2 Incidenteel"
    assert eenvoud.cells[-1].text == "−1"
    fills = [cell._tc.xpath("./w:tcPr/w:shd/@w:fill") for cell in eenvoud.cells[2:6]]
    assert fills == [["4F7BB5"], ["4F7BB5"], ["F4C7C3"], []]  # two now, the third lost since the nulmeting
    assert "7 van de 23 onderdelen zijn in orde. Uitgegaan van 34 medewerkers, met een PVT." in texts
    assert any(text.startswith("PAGO aanbieden: Voor zover bekend nooit aangeboden") for text in texts)
    assert "Arbobeleid voeren" in texts  # not yet known, without a note
    bullet = next(p for p in _paragraphs(document) if p.text == "Arbobeleid voeren")
    assert bullet.style is not None and bullet.style.name == "List Bullet"
    assert bullet.style.element.find(f"{qn('w:pPr')}/{qn('w:numPr')}") is not None  # Word draws the bullet


def test_one_round_shows_no_difference_column(example: Workbook, content: Content) -> None:
    first = min(example.metingen, key=lambda scoring_round: scoring_round.datum)
    document = _read(_plan(example.model_copy(update={"metingen": [first]}), content))
    scores = _table_with(document, "Succesfactor")
    assert "Verschil" not in [cell.text for cell in scores.rows[0].cells]
    assert any("het verschil volgt na een volgende meting" in text for text in _texts(document))


def test_overview_has_every_action_with_overdue_marked_and_a_repeating_header(
    example: Workbook, content: Content
) -> None:
    document = _read(_plan(example, content))
    overview = _table_with(document, "Id")
    assert [cell.text for cell in overview.rows[0].cells] == ["Id", "Actie", "Eigenaar", "Start", "Deadline", "Status"]
    rows = {row.cells[0].text: [cell.text for cell in row.cells] for row in overview.rows[1:]}
    assert list(rows) == [action.id for action in example.acties]
    for action in example.acties:
        assert rows[action.id][1] == action.titel
    assert rows["A3"][3:] == ["1 sep 2026", "1 nov 2026", "bezig (te laat)"]
    assert rows["A10"][5] == "gepland"
    assert rows["A7"][3:5] == ["", ""]
    assert overview.rows[0]._tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
    assert overview.rows[1]._tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is None


def test_each_action_has_its_heading_facts_six_ws_and_sources(example: Workbook, content: Content) -> None:
    document = _read(_plan(example, content))
    paragraphs = _paragraphs(document)
    texts = [p.text for p in paragraphs]
    action = example.action("A1")
    assert action is not None and action.werkwijze is not None and "\n" in action.werkwijze
    heading = texts.index(f"A1 – {action.titel}")
    assert paragraphs[heading].style is not None and paragraphs[heading].style.name == "Heading 3"
    assert texts[heading + 1].startswith("Status: klaar · Prioriteit: hoog · Eigenaar: Linda Bos (office manager)")
    assert texts[heading + 2 : heading + 8] == [
        f"Wat\t{action.wat}",
        f"Waarom\t{action.waarom}",
        f"Wie\t{action.wie}",
        f"Werkwijze\t{action.werkwijze}",  # the line breaks kept
        f"Waar\t{action.waar}",
        f"Wanneer\t{action.wanneer}",
    ]
    assert texts[heading + 8] == f"Evaluatie\t{action.evaluatie}"
    assert texts[heading + 9].startswith("Bron\tChecklist In kaart brengen van gezondheidsrisico's")
    for group in ("In kaart brengen van gezondheidsrisico's", "Kiezen van activiteiten", "Evalueren"):
        assert any(p.text == group and p.style is not None and p.style.name == "Heading 2" for p in paragraphs)
    for other in example.acties:
        assert f"{other.id} – {other.titel}" in texts


def test_notes_logbook_and_signature_block(example: Workbook, content: Content) -> None:
    document = _read(_plan(example, content))
    texts = _texts(document)
    latest = max(example.metingen, key=lambda scoring_round: scoring_round.datum)
    assert "Bij de meting van 6 oktober 2026" in texts
    for note in latest.toelichting.values():
        assert note.strip() in texts
    for state in example.fasen.values():
        for note in state.notities.values():
            assert note in texts
    assert "17 november 2026 – Voortgang en achterstanden" in texts
    assert "Marco neemt een preventiebudget op in de begroting 2027 (A11)" in texts
    block = texts[texts.index("Akkoord en ondertekening") :]
    for role in ("Werkgever", "Personeelsvertegenwoordiging (PVT)", "Adviseur"):
        assert role in block
    assert block.count("Handtekening") == 3  # nobody agreed yet: lines to sign on paper
    assert "Sanne de Boer" in block  # the adviseur's name is known


def test_signature_block_stays_together(example: Workbook, content: Content) -> None:
    document = _read(_plan(example, content))
    paragraphs = _paragraphs(document)
    start = next(i for i, p in enumerate(paragraphs) if p.text == "Akkoord en ondertekening")
    assert paragraphs[start].paragraph_format.page_break_before
    block = paragraphs[start:]
    last_row = document.tables[-1].rows[-1]
    assert [p.text for p in block[-3:]] == ["Handtekening", "", ""] and block[-3]._p in last_row._tr.iter()
    for paragraph in block[:-3]:  # everything up to the last row keeps with what follows
        style = paragraph.style
        assert paragraph.paragraph_format.keep_with_next or (style and style.paragraph_format.keep_with_next)
    assert all(row._tr.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None for row in document.tables[-1].rows)


def test_consent_given_shows_as_given(example: Workbook, content: Content) -> None:
    consent = Agreement(
        datum=dt.date(2026, 11, 20),
        door="werkgever",
        namen=["Marco van Dijk"],
        plaats="Zwolle",
        opmerking="Met de afspraak dat A11 voor de kerst rond is.",
    )
    document = _read(_plan(example.model_copy(update={"akkoord": [consent]}), content))
    texts = _texts(document)
    block = texts[texts.index("Akkoord en ondertekening") :]
    employer = block[block.index("Werkgever") : block.index("Personeelsvertegenwoordiging (PVT)")]
    assert employer[1:] == [
        "Akkoord", "gegeven", "",
        "Naam", "Marco van Dijk", "",
        "Datum", "20 november 2026", "",
        "Plaats", "Zwolle", "",
        "Opmerking", "Met de afspraak dat A11 voor de kerst rond is.", "",
    ]  # fmt: skip
    assert block.count("Handtekening") == 2  # the others still sign on paper


def test_a_long_logbook_says_it_is_shortened(example: Workbook, content: Content) -> None:
    extra = [LogEntry(datum=dt.date(2025, 1, day), titel=f"Oud overleg {day}") for day in range(1, 6)]
    document = _read(_plan(example.model_copy(update={"logboek": [*example.logboek, *extra]}), content))
    texts = _texts(document)
    assert "De laatste 8 van 10 verslagen; het hele logboek staat in het werkboek." in texts
    assert "1 januari 2025 – Oud overleg 1" not in texts


def test_every_page_has_its_number_in_the_footer(example: Workbook, content: Content) -> None:
    document = _read(_plan(example, content))
    footer = document.sections[0].footer._element
    codes = [code.strip() for code in footer.xpath(".//w:instrText/text()")]
    assert codes == ["PAGE", "NUMPAGES"]
    assert "".join(footer.xpath(".//w:t/text()")) == "Plan van aanpak · Van Dijk Installatietechniek B.V.Pagina 1 van 1"
    assert not document.sections[0].different_first_page_header_footer  # the title page too


def test_plain_style_is_a4_with_a_readable_font(example: Workbook, content: Content) -> None:
    document = _read(_plan(example, content))
    section = document.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)  # type: ignore[union-attr]
    assert document.styles["Normal"].font.name == "Arial"
    heading = document.styles["Heading 1"]
    assert heading.font.name is None or heading.font.name == "Arial"
    assert str(heading.font.color.rgb) == "1F4E79"


def test_workbook_text_stays_text(example: Workbook, content: Content) -> None:
    tricky = '=SOM(A1:A3) <b>vet</b> & "aanhalingen"'
    actions = [example.acties[0].model_copy(update={"titel": tricky}), *example.acties[1:]]
    actions[1] = actions[1].model_copy(update={"titel": "Belletje\x07 en\x0b tab\tin de titel"})
    document = _read(_plan(example.model_copy(update={"acties": actions}), content))
    overview = _table_with(document, "Id")
    assert overview.rows[1].cells[1].text == tricky
    assert overview.rows[2].cells[1].text == "Belletje en tab\tin de titel"  # what XML cannot hold is left out
    assert not overview.rows[1]._tr.xpath(".//w:fldSimple | .//w:instrText")


def test_a_plan_without_actions_or_scores(content: Content) -> None:
    empty = Workbook.model_validate({"organisatie": {"naam": "Nieuwe Klant"}})
    document = _read(_plan(empty, content))
    texts = _texts(document)
    assert texts[:2] == ["Plan van aanpak", "Nieuwe Klant"]
    assert "Het plan heeft nog geen acties." in texts
    assert "De succesfactoren zijn nog niet gescoord." in texts
    assert "Akkoord en ondertekening" in texts
    assert not any(table.rows[0].cells[0].text == "Id" for table in document.tables)


def test_progress_is_reported(example: Workbook, content: Content) -> None:
    seen: list[tuple[int, int]] = []
    make(ReportRequest(example, content, TODAY, progress=lambda done, total: seen.append((done, total))))
    assert seen[-1] == (20, 20)


# --- the house style -----------------------------------------------------------------------------------------


def test_house_style_keeps_header_fonts_margins_and_dutch_style_ids(
    example: Workbook, content: Content, tmp_path: Path
) -> None:
    template = _house_style(tmp_path / "huisstijl.docx")
    document = _read(_plan(example, content, template))
    section = document.sections[0]
    assert section.header.paragraphs[0].text == HOUSE_HEADER
    assert round(section.left_margin.cm, 1) == 3.0  # type: ignore[union-attr]
    normal = document.styles["Normal"]
    assert (normal.font.name, normal.font.size) == ("Georgia", Pt(12))
    paragraphs = _paragraphs(document)
    texts = [p.text for p in paragraphs]
    assert TEMPLATE_TEXT not in texts and "Tabel uit het sjabloon" not in texts
    standing = paragraphs[texts.index("Stand van zaken")]
    assert standing.style is not None and (standing.style.style_id, standing.style.name) == ("Kop1", "Heading 1")
    assert "A1 – Verzuimcijfers 2024-2025 analyseren met bedrijfsarts" in texts
    codes = [code.strip() for code in section.footer._element.xpath(".//w:instrText/text()")]
    assert codes == ["PAGE", "NUMPAGES"]  # the template's footer had no page number: added


def test_house_style_footer_with_a_page_number_keeps_its_own(
    example: Workbook, content: Content, tmp_path: Path
) -> None:
    template = _house_style(tmp_path / "huisstijl.docx", page_field=True)
    footer = _read(_plan(example, content, template)).sections[0].footer._element
    assert "".join(footer.xpath(".//w:t/text()")) == "Blad 1"
    assert not footer.xpath(".//w:instrText")


def test_styles_the_template_lacks_are_added(example: Workbook, content: Content, tmp_path: Path) -> None:
    template = _house_style(tmp_path / "kaal.docx", drop=("Title", "Table Grid", "List Bullet", "Heading 3"))
    document = _read(_plan(example, content, template))
    paragraphs = _paragraphs(document)
    assert paragraphs[0].style is not None and paragraphs[0].style.name == "Title"
    assert document.tables[0].style is not None and document.tables[0].style.name == "Table Grid"
    heading = next(p for p in paragraphs if p.text.startswith("A1 – "))
    assert heading.style is not None and heading.style.name == "Heading 3"
    bullet = next(p for p in paragraphs if p.text.endswith("(A1)"))
    assert bullet.style is not None and bullet.style.name == "List Bullet"
    assert bullet.text.startswith("•\t")  # no numbering behind the added style: the bullet is in the text


def test_the_body_goes_straight_into_the_saved_part(
    example: Workbook, content: Content, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What keeps a plan of thousands of actions fast: python-docx never parses the body."""

    def refuse(*_: object) -> None:
        raise AssertionError("the body was parsed and moved")

    monkeypatch.setattr(report_docx, "_replace_body", refuse)
    assert "A20 – Evaluatie preventieaanpak met PVT en directie" in _texts(_read(_plan(example, content)))


def test_template_naming_the_word_namespace_otherwise_still_works(
    example: Workbook, content: Content, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Word always writes ``w:``; another program may not. The plan is then moved into the tree the slow way."""
    moved: list[object] = []
    replace_body = report_docx._replace_body
    monkeypatch.setattr(report_docx, "_replace_body", lambda *args: moved.append(args) or replace_body(*args))
    source = _house_style(tmp_path / "huisstijl.docx")
    odd = tmp_path / "ander-voorvoegsel.docx"
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(odd, "w") as target:
        for entry in original.infolist():
            data = original.read(entry.filename)
            if entry.filename == "word/document.xml":
                data = re.sub(rb"(</?|\s)w:", rb"\1wx:", data).replace(b"xmlns:w=", b"xmlns:wx=")
            target.writestr(entry, data)
    document = _read(_plan(example, content, odd))
    assert len(moved) == 1
    texts = _texts(document)
    assert texts[0] == "Plan van aanpak"
    assert "A20 – Evaluatie preventieaanpak met PVT en directie" in texts
    assert document.sections[0].header.paragraphs[0].text == HOUSE_HEADER


def _dotx(source: Path, target: Path, content_type: bytes) -> Path:
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w") as copy:
        for entry in original.infolist():
            data = original.read(entry.filename)
            if entry.filename == "[Content_Types].xml":
                data = data.replace(
                    b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", content_type
                )
            copy.writestr(entry, data)
    return target


def _bad_templates(folder: Path) -> dict[str, tuple[Path, str]]:
    """Templates that cannot be used, with what the message says about each."""
    good = _house_style(folder / "goed.docx")
    (folder / "map.docx").mkdir()
    (folder / "tekst.docx").write_text("Dit is geen Word-bestand.", encoding="utf-8")
    (folder / "oud.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500))
    (folder / "half.docx").write_bytes(good.read_bytes()[:3000])
    with zipfile.ZipFile(folder / "leeg.docx", "w") as empty:
        empty.writestr("leesmij.txt", "niets")
    with zipfile.ZipFile(good) as original, zipfile.ZipFile(folder / "kapot.docx", "w") as broken:
        for entry in original.infolist():
            data = original.read(entry.filename)
            broken.writestr(entry, data[:100] if entry.filename == "word/document.xml" else data)
    with zipfile.ZipFile(good) as original, zipfile.ZipFile(folder / "los.docx", "w") as dangling:
        for entry in original.infolist():
            data = original.read(entry.filename)
            if entry.filename == "word/document.xml":  # a footer the package does not hold
                data = re.sub(rb"(<w:sectPr[^>]*>)", rb'\1<w:footerReference w:type="default" r:id="rId999"/>', data)
            dangling.writestr(entry, data)
    import openpyxl

    openpyxl.Workbook().save(folder / "rekenblad.docx")
    return {
        "missing": (folder / "weg.docx", "bestaat niet"),
        "folder": (folder / "map.docx", "map, geen bestand"),
        "text": (folder / "tekst.docx", "is geen Word-document (.docx), of het bestand is beschadigd"),
        "doc": (folder / "oud.doc", "is een oud Word-bestand (.doc)"),
        "dotx": (
            _dotx(
                good,
                folder / "sjabloon.dotx",
                b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
            ),
            "is een Word-sjabloonbestand (.dotx)",
        ),
        "docm": (
            _dotx(good, folder / "macro.docm", b"application/vnd.ms-word.document.macroEnabled.main+xml"),
            "bevat macro's (.docm)",
        ),
        "truncated": (folder / "half.docx", "is geen Word-document (.docx), of het bestand is beschadigd"),
        "empty zip": (folder / "leeg.docx", "is beschadigd"),
        "broken xml": (folder / "kapot.docx", "is beschadigd"),
        "spreadsheet": (folder / "rekenblad.docx", "geen Word-document maar een ander soort bestand"),
        "dangling footer": (folder / "los.docx", "kon niet worden gebruikt (KeyError)"),
    }


BAD = (
    "missing", "folder", "text", "doc", "dotx", "docm", "truncated", "empty zip", "broken xml", "spreadsheet",
    "dangling footer",
)  # fmt: skip


@pytest.mark.parametrize("kind", BAD)
def test_unusable_template_is_refused_in_dutch(kind: str, example: Workbook, content: Content, tmp_path: Path) -> None:
    path, says = _bad_templates(tmp_path)[kind]
    with pytest.raises(TemplateError) as refused:
        _plan(example, content, path)
    message = str(refused.value)
    assert message.startswith(f"Het Word-sjabloon {path}")
    assert says in message


@pytest.mark.parametrize("kind", ["missing", "dotx", "broken xml"])
def test_export_command_with_unusable_template_exits_2(kind: str, tmp_path: Path) -> None:
    path, says = _bad_templates(tmp_path)[kind]
    target = tmp_path / "plan.docx"
    out, err = io.StringIO(), io.StringIO()
    code = export_command(
        [str(EXAMPLE), "-f", "docx", "-o", str(target), "--sjabloon", str(path)], out, err, today=TODAY
    )
    assert code == 2
    assert says in err.getvalue() and str(path) in err.getvalue()
    assert "Traceback" not in err.getvalue() and out.getvalue() == ""
    assert not target.exists()


# --- the same bytes ------------------------------------------------------------------------------------------


def test_same_workbook_and_date_give_the_same_bytes(example: Workbook, content: Content, tmp_path: Path) -> None:
    first, second = _plan(example, content), _plan(example, content)
    assert first == second
    template = _house_style(tmp_path / "huisstijl.docx")
    assert _plan(example, content, template) == _plan(example, content, template)
    later = make(ReportRequest(example, content, TODAY + dt.timedelta(days=1)))
    assert later != first  # the date is in it, so this comparison can fail


def test_a_fresh_process_gives_the_same_bytes(example: Workbook, content: Content, tmp_path: Path) -> None:
    target = tmp_path / "plan.docx"
    code = (
        "import datetime as dt, io, sys\n"
        "from cli.export import export_command\n"
        f"sys.exit(export_command([{str(EXAMPLE)!r}, '-f', 'docx', '-o', {str(target)!r}], io.StringIO(), "
        f"io.StringIO(), today=dt.date({TODAY.year}, {TODAY.month}, {TODAY.day})))\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, timeout=60)
    assert target.read_bytes() == _plan(example, content)


def test_file_properties_and_zip_entries_are_fixed(example: Workbook, content: Content) -> None:
    data = _plan(example, content)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        entries = package.infolist()
    assert {entry.date_time for entry in entries} == {FIXED_TIME}
    assert entries[0].filename == "[Content_Types].xml"
    assert not any("thumbnail" in entry.filename for entry in entries)
    properties = _read(data).core_properties
    assert properties.created is not None and properties.modified is not None
    assert properties.created.replace(tzinfo=None) == dt.datetime(2026, 11, 22)
    assert properties.modified.replace(tzinfo=None) == dt.datetime(2026, 11, 22)
    assert (properties.author, properties.revision) == ("Sanne de Boer", 1)
    assert properties.title == "Plan van aanpak Van Dijk Installatietechniek B.V."


def test_fixed_zip_orders_dates_and_replaces_entries() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in ("word/b.xml", "_rels/.rels", "a.xml", "[Content_Types].xml"):
            archive.writestr(name, name)
    fixed = fixed_zip(buffer.getvalue(), replace={"a.xml": b"nieuw"})
    with zipfile.ZipFile(io.BytesIO(fixed)) as archive:
        assert archive.namelist() == ["[Content_Types].xml", "_rels/.rels", "a.xml", "word/b.xml"]
        assert {entry.date_time for entry in archive.infolist()} == {FIXED_TIME}
        assert archive.read("a.xml") == b"nieuw"
    assert fixed_zip(fixed) == fixed
