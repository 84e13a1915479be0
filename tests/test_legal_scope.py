"""The legal minimum by size: which items apply at a number of employees (and with an OR or PVT), where an
exemption may apply, and how that changes "x van N in orde"."""

from __future__ import annotations

import io

import docx
import openpyxl
import pypdf
import pytest
from conftest import EXAMPLE, TODAY

from models.content import Content
from models.content_items import Body, LegalItem, SizeRule
from models.legal import client_scope, legal_figures
from models.legal_scope import UNKNOWN_SIZE, Verdict, legal_scope
from models.plan_report import plan_report
from models.report import report_text
from models.report_docx import make as make_docx
from models.report_formats import ReportRequest
from models.report_pdf import make as make_pdf
from models.report_xlsx import make as make_xlsx
from models.store import load_workbook
from models.workbook import Workbook

SIZES: tuple[int | None, ...] = (1, 10, 25, 26, 49, 50, None)


def _item(content: Content, item_id: str) -> LegalItem:
    return content.legal_by_id[item_id]


def _verdicts(item: LegalItem, body: Body | None = None) -> dict[int | None, Verdict]:
    return {size: legal_scope(item, size, body).verdict for size in SIZES}


def test_toetsing_is_exempt_up_to_25_with_a_branch_instrument(content: Content) -> None:
    item = _item(content, "toetsing")
    assert _verdicts(item) == {
        1: "uitzondering",
        10: "uitzondering",
        25: "uitzondering",
        26: "geldt",
        49: "geldt",
        50: "geldt",
        None: "onbekend",
    }
    reason = legal_scope(item, 25).reason
    assert "erkend RI&E-instrument van de eigen branche" in reason
    assert "40 betaalde uren per week" in reason and "vrijwilligers" in reason
    assert "Boven 25 werknemers" in legal_scope(item, 26).reason


def test_up_to_25_the_employer_may_be_the_preventiemedewerker(content: Content) -> None:
    item = _item(content, "preventiemedewerker")
    assert _verdicts(item) == {
        1: "uitzondering",
        10: "uitzondering",
        25: "uitzondering",
        26: "geldt",
        49: "geldt",
        50: "geldt",
        None: "onbekend",
    }
    assert "mag de werkgever de taken van de preventiemedewerker zelf doen" in legal_scope(item, 1).reason
    assert "zelf doen mag dan niet meer" in legal_scope(item, 26).reason


def test_the_consent_right_needs_an_or_from_50_or_a_pvt(content: Content) -> None:
    item = _item(content, "instemming-or")
    assert _verdicts(item) == {
        1: "geldt niet",
        10: "geldt niet",
        25: "geldt niet",
        26: "geldt niet",
        49: "geldt niet",
        50: "geldt",
        None: "onbekend",
    }
    assert _verdicts(item, "geen")[49] == "geldt niet"
    assert set(_verdicts(item, "pvt").values()) == {"geldt"}, "a PVT has the consent right at any size"
    assert set(_verdicts(item, "or").values()) == {"geldt"}
    between = legal_scope(item, 10).reason
    assert "OR niet verplicht" in between and "meerderheid van het personeel" in between
    assert "vrijwillig een PVT" in legal_scope(item, 9).reason
    assert "Vanaf 50 mensen moet de ondernemer een OR instellen" in legal_scope(item, 50).reason


def test_cooperation_applies_at_every_size_and_says_how(content: Content) -> None:
    item = _item(content, "samenwerking")
    assert set(_verdicts(item).values()) == {"geldt"}
    assert "personeelsvergadering" in legal_scope(item, 10, "geen").reason
    assert "personeelsvergadering" in legal_scope(item, 49).reason
    assert "personeelsvergadering" not in legal_scope(item, 9, "geen").reason
    assert "via de PVT" in legal_scope(item, 30, "pvt").reason
    assert "via de OR" in legal_scope(item, None, "or").reason


def test_an_item_without_size_rules_applies_to_everyone(content: Content) -> None:
    item = _item(content, "rie")
    assert set(_verdicts(item).values()) == {"geldt"}
    assert legal_scope(item, None).reason == "Geldt voor elke werkgever met personeel, hoe klein ook."


def test_an_unknown_size_says_where_to_fill_it_in(content: Content) -> None:
    scope = legal_scope(_item(content, "toetsing"), None)
    assert scope.reason == UNKNOWN_SIZE and "Organisatie" in scope.reason
    assert scope.label == "omvang onbekend" and scope.mark == "?"


@pytest.mark.parametrize("body", [None, "or", "pvt", "geen"])
def test_every_size_rule_set_covers_every_size(content: Content, body: Body | None) -> None:
    """No item falls through its own rules at any size: the law for every size is written in the content."""
    for item in content.legal:
        if not item.omvang:
            continue
        for size in range(1, 301):
            assert any(
                (rule.medezeggenschap is None or body in rule.medezeggenschap)
                and rule.van <= size
                and (rule.tot_en_met is None or size <= rule.tot_en_met)
                for rule in item.omvang
            ), (item.id, size, body)


def test_a_rule_with_an_upper_limit_below_its_lower_one_is_refused() -> None:
    with pytest.raises(ValueError, match="kleiner dan van"):
        SizeRule(van=26, tot_en_met=25, soort="geldt", uitleg="x")


# -- the figures ------------------------------------------------------------------------------------


def _client(staff: int | None, body: Body | None) -> Workbook:
    workbook = load_workbook(EXAMPLE).workbook
    organisation = workbook.organisatie.model_copy(update={"medewerkers": staff, "medezeggenschap": body})
    return workbook.model_copy(update={"organisatie": organisation})


def test_the_example_client_counts_every_item(content: Content) -> None:
    figures = legal_figures(_client(34, "pvt"), content)
    assert (figures.in_order, figures.total) == (7, len(content.legal)) == (7, 23)
    assert figures.not_applicable == ()
    assert figures.exemptions == ()


def test_what_does_not_apply_at_this_size_is_neither_counted_nor_missing(content: Content) -> None:
    workbook = _client(12, "geen")
    states = dict(workbook.wettelijk)
    states["instemming-or"] = states["pago"]  # "ontbreekt", as a consultant might have marked it earlier
    workbook = workbook.model_copy(update={"wettelijk": states})
    figures = legal_figures(workbook, content)
    assert [item.id for item in figures.not_applicable] == ["instemming-or"]
    assert figures.total == 22 and figures.in_order == 7
    assert "instemming-or" not in {item.id for item in figures.missing + figures.unknown}
    assert [(item.id, scope.verdict) for item, scope in figures.exemptions] == [
        ("toetsing", "uitzondering"),
        ("preventiemedewerker", "uitzondering"),
    ]
    assert client_scope(workbook, content.legal_by_id["instemming-or"]).verdict == "geldt niet"


def test_with_the_size_unknown_every_item_counts(content: Content) -> None:
    figures = legal_figures(_client(None, None), content)
    assert figures.total == 23 and figures.not_applicable == ()


# -- the reports --------------------------------------------------------------------------------------


def test_the_report_says_which_exemptions_apply_and_what_does_not_count(content: Content) -> None:
    legal = plan_report(_client(12, "geen"), content, TODAY).legal
    assert (legal.in_order, legal.total) == (7, 22)
    assert legal.size_note == "Uitgegaan van 12 medewerkers, zonder OR of PVT."
    assert [line.title for line in legal.exemptions] == ["Toetsing van de RI&E", "Preventiemedewerker aangewezen"]
    assert "erkend RI&E-instrument van de eigen branche" in legal.exemptions[0].note
    assert [line.title for line in legal.not_applicable] == ["Instemming OR of PVT met arboregelingen"]

    text = report_text(_client(12, "geen"), content, TODAY, "md")
    assert "7 van de 22 onderdelen zijn in orde. Uitgegaan van 12 medewerkers, zonder OR of PVT." in text
    assert "Uitzondering mogelijk bij deze omvang:\n\n- **Toetsing van de RI&E**: Met ten hoogste 25" in text
    assert "Geldt niet bij deze omvang (telt niet mee):\n\n- **Instemming OR of PVT met arboregelingen**" in text
    html = report_text(_client(12, "geen"), content, TODAY, "html")
    assert "<strong>Uitzondering mogelijk bij deze omvang</strong>" in html
    assert "<li>Instemming OR of PVT met arboregelingen — " in html


def test_the_example_report_names_the_size_and_no_exemption(content: Content) -> None:
    text = report_text(_client(34, "pvt"), content, TODAY, "md")
    assert "7 van de 23 onderdelen zijn in orde. Uitgegaan van 34 medewerkers, met een PVT." in text
    assert "Uitzondering mogelijk" not in text and "Geldt niet bij deze omvang" not in text


def test_an_unknown_size_is_said_in_the_report(content: Content) -> None:
    legal = plan_report(_client(None, None), content, TODAY).legal
    assert legal.size_note.startswith("Het aantal medewerkers is niet ingevuld; daarom tellen alle onderdelen mee")


def test_the_word_and_pdf_reports_list_the_exemptions(content: Content) -> None:
    workbook = _client(12, "geen")
    texts = [p.text for p in docx.Document(io.BytesIO(make_docx(ReportRequest(workbook, content, TODAY)))).paragraphs]
    assert "Uitzondering mogelijk bij deze omvang" in texts
    assert any(text.startswith("Toetsing van de RI&E: Met ten hoogste 25 werknemers") for text in texts)
    pages = pypdf.PdfReader(io.BytesIO(make_pdf(ReportRequest(workbook, content, TODAY)))).pages
    flat = " ".join(" ".join(page.extract_text().split()) for page in pages)
    assert "Geldt niet bij deze omvang (telt niet mee)" in flat
    assert "7 van de 22 onderdelen zijn in orde. Uitgegaan van 12 medewerkers, zonder OR of PVT." in flat


def test_the_excel_sheet_has_the_scope_per_item(content: Content) -> None:
    book = openpyxl.load_workbook(io.BytesIO(make_xlsx(ReportRequest(_client(12, "geen"), content, TODAY))))
    sheet = book["Wettelijk minimum"]
    header = [cell.value for cell in sheet[1]]
    assert header[-2:] == ["Bij deze omvang", "Waarom"]
    rows = {sheet.cell(row, 1).value: row for row in range(2, sheet.max_row + 1)}
    toetsing = rows["Toetsing van de RI&E"]
    assert sheet.cell(toetsing, 6).value == "uitzondering mogelijk"
    assert sheet.cell(rows["Instemming OR of PVT met arboregelingen"], 6).value == "niet bij deze omvang"
    assert sheet.cell(rows["Schriftelijke RI&E"], 6).value == "geldt"
