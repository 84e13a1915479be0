"""Our own elaboration is marked as such: the scoring guide, the phase steps and the advice per level carry a
source of their own, "eigen uitwerking op basis van: …", that names the seeds they draw on, and the app and
the library say so wherever these texts are shown."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import tomllib
from pathlib import Path

import docx
import openpyxl
import pypdf
import pytest
from conftest import EXAMPLE
from textual.widgets import Static

from models import report_docx, report_pdf, report_xlsx
from models.content import Content, content_folder, load_content
from models.content_items import DescribedLevel
from models.library import Library
from models.plan_report import scale_source
from models.problems import WorkbookError
from models.report import report_text
from models.report_formats import ReportRequest
from models.source_kinds import OWN_SYNTHESIS, SOURCE_KINDS, kind_of
from models.sources import citations, cite, document, is_own_synthesis, parts
from models.store import load_workbook
from models.workbook import Workbook
from screens.factors import FactorsScreen
from screens.level_picker import level_text
from screens.organisation import OrganisationScreen
from screens.phases import PhasesScreen
from screens.scoring import ScoringScreen
from tui.app import WerkboekApp
from widgets.item_view import item_detail

TODAY = dt.date(2026, 5, 20)
SHOWN = "Eigen uitwerking op basis van"
SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"


def _own_sources(content: Content) -> list[tuple[str, str]]:
    """Every source of our own elaboration, with what it belongs to."""
    found = [(f"succesfactor {factor.id}: niveaus", factor.niveaus_bron) for factor in content.factors]
    found += [(f"fase {phase.id}: stappen", phase.stappen_bron) for phase in content.phases]
    levels: list[DescribedLevel] = [*content.practice_levels, *content.di_types]
    found += [(f"niveau {level.id}: advies", level.advies_bron) for level in levels]
    return found


def test_there_is_one_registry_of_source_kinds_with_own_synthesis_in_it() -> None:
    assert OWN_SYNTHESIS in SOURCE_KINDS
    assert OWN_SYNTHESIS.shown == SHOWN
    assert kind_of("eigen uitwerking op basis van: 000_40d88adfc350a5eb.txt, Succesfactoren") == (
        OWN_SYNTHESIS,
        "000_40d88adfc350a5eb.txt, Succesfactoren",
    )
    assert kind_of("000_40d88adfc350a5eb.txt, Succesfactoren") == (None, "000_40d88adfc350a5eb.txt, Succesfactoren")


def test_every_scoring_guide_phase_and_level_advice_is_marked_as_own_synthesis(content: Content) -> None:
    own = _own_sources(content)
    assert len(own) == 10 + 5 + 3 + 7  # ten factors, five phases, three practice levels, seven DI types
    for what, bron in own:
        assert is_own_synthesis(bron), what


def test_the_marked_texts_are_the_forty_descriptors_thirty_steps_and_forty_nine_advice_lines(content: Content) -> None:
    assert sum(len(factor.niveaus) for factor in content.factors) == 40
    assert sum(len(phase.stappen) for phase in content.phases) == 30
    assert sum(len(level.advies) for level in content.practice_levels) == 15
    assert sum(len(level.advies) for level in content.di_types) == 34


def test_every_own_synthesis_names_real_seeds_and_sections(content: Content) -> None:
    seeds = content.source_by_file
    for what, bron in _own_sources(content):
        found = parts(bron, seeds)
        assert found, what
        for part in found:
            assert part.kind is OWN_SYNTHESIS, what
            assert part.file in seeds, (what, part)
            assert part.section.strip(), (what, part)
            if SEEDS.is_dir():  # the seed documents themselves, where this machine has them
                assert (SEEDS / part.file).is_file(), (what, part.file)


def test_what_the_seeds_say_keeps_its_plain_source(content: Content) -> None:
    items = [*content.factors, *content.phases, *content.practice_levels, *content.di_types, *content.ladder]
    for item in items:
        assert not is_own_synthesis(item.bron), item.id
        assert citations(item.bron, content)
        assert all(not line.startswith(SHOWN) for line in citations(item.bron, content)), item.id


def test_own_synthesis_is_cited_as_such_with_title_publisher_and_year(content: Content) -> None:
    for what, bron in _own_sources(content):
        lines = citations(bron, content)
        assert lines, what
        for line in lines:
            assert line.startswith(f"{SHOWN}: "), (what, line)
            assert any(line.startswith(f"{SHOWN}: {document(source)}") for source in content.sources), line
            assert ".txt" not in line, line
    factor = content.factor_by_id["bewustwording"]
    assert cite(factor.niveaus_bron, content).startswith(
        f"{SHOWN}: Handreiking MKB preventie tool: succesfactoren voor preventie in het mkb (RIVM, z.j.), "
        "Succesfactoren (bewustwording)"
    )


def test_a_label_before_the_mark_names_the_part_it_is_about(content: Content) -> None:
    bron = (
        "000_40d88adfc350a5eb.txt, Succesfactoren; "
        "advies: eigen uitwerking op basis van: 004_0e085b91b4fef192.txt, stap 5"
    )
    first, second = citations(bron, content)
    assert not first.startswith(SHOWN)
    assert second == (
        f"Advies – {SHOWN}: Whitepaper naar een integraal beleid van werk en gezondheid "
        "(iPH, Alles is Gezondheid en CAOP, z.j.), stap 5"
    )


def _copy_content(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    shutil.copytree(content_folder(), folder, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    return folder


@pytest.mark.parametrize(
    ("file", "field"),
    [("succesfactoren.toml", "niveaus_bron"), ("fasen.toml", "stappen_bron"), ("niveaus.toml", "advies_bron")],
)
def test_own_synthesis_cited_as_if_a_seed_said_it_is_refused(tmp_path: Path, file: str, field: str) -> None:
    folder = _copy_content(tmp_path)
    path = folder / file
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(f'{field} = "eigen uitwerking op basis van: ', f'{field} = "', 1), encoding="utf-8")
    with pytest.raises(WorkbookError) as caught:
        load_content(folder, complete=True)
    (problem,) = caught.value.problems
    assert problem.path.endswith(field)
    assert "eigen uitwerking op basis van:" in problem.message


def test_an_unknown_seed_in_own_synthesis_is_reported(tmp_path: Path) -> None:
    folder = _copy_content(tmp_path)
    path = folder / "fasen.toml"
    text = path.read_text(encoding="utf-8")
    marker = 'stappen_bron = "eigen uitwerking op basis van: 000_40d88adfc350a5eb.txt'
    path.write_text(text.replace(marker, 'stappen_bron = "eigen uitwerking op basis van: 999_onbekend.txt', 1))
    with pytest.raises(WorkbookError) as caught:
        load_content(folder)
    (problem,) = caught.value.problems
    assert problem.path == "fasen[1].stappen_bron"
    assert "onbekend bestand 999_onbekend.txt" in problem.message


def test_library_details_show_which_part_is_own_synthesis(content: Content) -> None:
    library = Library(content)
    for key, label in (
        ("succesfactor:bewustwording", "Scoringswijzer"),
        ("fase:plannen", "Stappen"),
        ("niveau:di-a", "Advies"),
        ("niveau:praktijk-minimum", "Advies"),
    ):
        shown = item_detail(library.by_key[key], content).plain
        assert f"{label} – {SHOWN}: " in shown, key
    ladder = item_detail(library.by_key["niveau:ladder-startend"], content).plain
    assert SHOWN not in ladder  # the building blocks are the seed's own


def test_the_ladder_says_it_shows_one_of_three_building_blocks(content: Content) -> None:
    for level in content.ladder:
        assert len(level.bouwstenen) == 1
        assert "drie bouwstenen" in level.bouwstenen_noot
        assert "één" not in level.bouwstenen_noot
        assert "drie bouwstenen" in level_text(level, content).plain
        assert "002_7afc2fbcf35843be.txt, De mentale gezondheidsladder (drie bouwstenen per niveau)" in level.bron
    library = Library(content)
    assert "drie bouwstenen" in item_detail(library.by_key["niveau:ladder-gevorderd"], content).plain


def test_level_advice_ends_with_its_own_synthesis_source(content: Content) -> None:
    for level in [*content.practice_levels, *content.di_types]:
        shown = level_text(level, content).plain
        assert f"van dit advies: {SHOWN}: " in shown or f"van dit advies:\n• {SHOWN}: " in shown, level.id


def test_the_pago_item_asks_for_the_pago_only_and_cites_what_supports_it(content: Content) -> None:
    item = next(item for item in content.phase_by_id["in-kaart"].checklist if item.id == "pago-aangeboden")
    assert "PAGO" in item.tekst and "PMO" not in item.tekst
    assert "B1.1 nr. 76" not in item.bron
    assert "Tabel B2.1 (bedrijfsarts" in item.bron
    easy = next(item for item in content.phase_by_id["invoeren"].checklist if item.id == "drempels-weggenomen")
    assert "laagdrempelige gesprekken" not in easy.bron


def _text(screen_widget: Static) -> str:
    return str(screen_widget.render())


async def test_the_scoring_guide_shows_that_it_is_own_synthesis(workbook_file: Path) -> None:
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("2", "m")
        await pilot.pause()
        assert isinstance(app.screen, ScoringScreen)
        source = _text(app.screen.query_one("#scoring-guide-source", Static))
        assert "scoringswijzer" in source and SHOWN in source and "Handreiking MKB preventie tool" in source
        assert ".txt" not in source
        await pilot.press("right")
        await pilot.pause()
        assert "Succesfactoren (vertrouwen)" in _text(app.screen.query_one("#scoring-guide-source", Static))


async def test_the_factor_and_phase_details_show_own_synthesis(workbook_file: Path) -> None:
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        assert isinstance(app.screen, FactorsScreen)
        about = _text(app.screen.query_one("#subject-about-text", Static))
        assert "van de scoringswijzer:" in about and SHOWN in about
        await pilot.press("3")
        await pilot.pause()
        assert isinstance(app.screen, PhasesScreen)
        about = _text(app.screen.query_one("#subject-about-text", Static))
        assert "van de stappen:" in about and SHOWN in about


async def test_organisation_shows_level_advice_as_own_synthesis(workbook_file: Path) -> None:
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.press("8")
        await pilot.pause()
        assert isinstance(app.screen, OrganisationScreen)
        shown = {
            model: _text(app.screen.query_one(f"#org-level-{model}", Static))
            for model in ("mentale_ladder", "praktijkniveau", "di_typologie")
        }
    assert "drie bouwstenen" in shown["mentale_ladder"]
    assert SHOWN in shown["praktijkniveau"] and SHOWN in shown["di_typologie"]


# -- part 8 and 10 in the factor, phase and level files ------------------------------------------------------------


def _texts(value: object, key: str = "") -> list[str]:
    """Every user-facing text in a TOML value: no ids and no sources."""
    if isinstance(value, dict):
        return [text for name, inner in value.items() for text in _texts(inner, str(name))]
    if isinstance(value, list):
        return [text for inner in value for text in _texts(inner, key)]
    if isinstance(value, str) and key != "id" and not key.endswith("bron"):
        return [value]
    return []


@pytest.fixture(scope="module")
def own_files_text() -> list[str]:
    texts: list[str] = []
    for name in ("succesfactoren.toml", "fasen.toml", "niveaus.toml"):
        texts += _texts(tomllib.loads((content_folder() / name).read_text(encoding="utf-8")))
    assert len(texts) > 200
    return texts


def test_the_business_owner_is_the_ondernemer_or_werkgever(own_files_text: list[str]) -> None:
    owners = [text for text in own_files_text if "eigenaar" in text.lower()]
    assert owners  # the owner of an action keeps the word
    assert all("activiteit" in text for text in owners), owners


def test_no_he_or_him_for_persons_and_one_only_when_stressed(own_files_text: list[str]) -> None:
    for text in own_files_text:
        assert not re.search(r"\b(hij|hem|zijn eigen)\b", text, re.IGNORECASE), text
        assert "één of twee" not in text and "één medewerker" not in text, text
        assert not re.search(r"\b(u|uw)\b", text), text


def test_advice_speaks_of_medewerkers(own_files_text: list[str]) -> None:
    assert not [text for text in own_files_text if "werknemer" in text.lower()]


def test_awareness_gives_the_ri_e_uptake_of_every_size_class(content: Content) -> None:
    factor = content.factor_by_id["bewustwording"]
    for share, size in (("40%", "2 tot 9"), ("75%", "10 tot 49"), ("90%", "50 tot 249"), ("93%", "250")):
        assert share in factor.belang and size in factor.belang
    assert "000_40d88adfc350a5eb.txt, Activiteiten om klachten te voorkomen" in factor.bron


# -- reports: the scale's words are our own elaboration, and every format says so under the scores -----------------


def test_the_scale_is_marked_as_own_synthesis(content: Content) -> None:
    assert is_own_synthesis(content.scale_bron)
    assert scale_source(content).startswith(
        f"Betekenis van de scores: {SHOWN}: Handreiking MKB preventie tool: succesfactoren voor preventie in het mkb "
        "(RIVM, z.j.), Succesfactoren"
    )


def _example(content: Content) -> Workbook:
    workbook = load_workbook(EXAMPLE, content).workbook
    assert workbook.metingen  # the scores, and with them the scale, are in every report
    return workbook


def test_markdown_and_html_reports_say_the_scale_is_own_synthesis(content: Content) -> None:
    workbook = _example(content)
    markdown = report_text(workbook, content, TODAY, "md")
    scores = markdown[markdown.index("### Scores van de succesfactoren") : markdown.index("### Wettelijk minimum")]
    assert f"*Betekenis van de scores: {SHOWN}: Handreiking MKB preventie tool" in scores
    html = report_text(workbook, content, TODAY, "html")
    assert f'<p class="muted source">Betekenis van de scores: {SHOWN}: Handreiking MKB preventie tool' in html
    assert ".txt" not in scores


def test_word_pdf_and_excel_reports_say_the_scale_is_own_synthesis(content: Content) -> None:
    workbook = _example(content)
    request = ReportRequest(workbook, content, TODAY)
    document = docx.Document(io.BytesIO(report_docx.make(request)))
    assert any(paragraph.text.startswith(f"Betekenis van de scores: {SHOWN}: ") for paragraph in document.paragraphs)
    pages = " ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(report_pdf.make(request))).pages)
    assert f"{SHOWN}:" in " ".join(pages.split())
    book = openpyxl.load_workbook(io.BytesIO(report_xlsx.make(request)))
    cells = [str(cell.value) for row in book["Scores"].iter_rows() for cell in row if cell.value]
    assert any(text.startswith(f"Betekenis van de scores: {SHOWN}: ") for text in cells)


def test_openheid_says_what_000_defines_it_as(content: Content) -> None:
    """000: a culture where prevention matters and staff are open to preventive activities, not only 'bespreekbaar'."""
    factor = content.factor_by_id["openheid"]
    assert "Preventie" in factor.kort and "open voor activiteiten" in factor.kort
    assert "bespreekbaar" not in factor.kort


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'")).casefold()


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed documents are not on this machine")
def test_every_section_an_own_synthesis_names_is_in_its_seed(content: Content) -> None:
    """The heading a part names (before any ',' or '(' note) occurs in the seed; a number and its words both do."""
    seeds = {path.name: _normal(path.read_text(encoding="utf-8")) for path in SEEDS.glob("*.txt")}
    every = [bron for _, bron in _own_sources(content)] + [content.scale_bron]
    for bron in every:
        for part in parts(bron, content.source_by_file):
            assert part.file is not None
            head = re.split(r"[,(]", part.section)[0].strip()
            numbered = re.match(r"^(\d+(?:\.\d+)*)\.?\s+(.*)$", head)
            text = seeds[part.file]
            said = [numbered[1], _normal(numbered[2])] if numbered else [_normal(head)]
            assert all(piece in text for piece in said), (part.file, head)
