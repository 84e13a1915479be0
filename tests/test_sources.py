"""Sources as people cite them: every ``bron`` shows title, publisher and year with its section, never a
seed file name; links from actions to items show the item's title."""

from __future__ import annotations

import csv
import io
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ROOT, TODAY
from textual.widgets import Input, OptionList, Static

from models.content import Content, content_folder, load_content
from models.content_items import Source
from models.library import Library
from models.problems import WorkbookError
from models.report import report_text
from models.report_csv import actions_csv
from models.schema import BaseModel
from models.sources import SEED_FILE, citations, cite, document, kind_of, link_title
from models.store import load_workbook
from screens.legal import LegalScreen
from screens.library import LibraryScreen
from tui.app import WerkboekApp
from widgets.action_view import action_detail
from widgets.item_view import item_detail

FILE_NAME = re.compile(r"\d{3}_[0-9a-f]{16}\.txt")
SAVES = sorted((ROOT / "saves").glob("*.toml"))


def _source(content: Content, number: int) -> Source:
    return content.sources[number]


def _bron_fields(model: BaseModel) -> Iterator[str]:
    """Every ``bron`` and ``…_bron`` (such as ``advies_bron``) in an item and in the items it holds."""
    for name in type(model).model_fields:
        value = getattr(model, name)
        if (name == "bron" or name.endswith("_bron")) and isinstance(value, str):
            yield value
        for inner in value if isinstance(value, list) else [value]:
            if isinstance(inner, BaseModel):
                yield from _bron_fields(inner)


def _every_bron(content: Content) -> list[str]:
    groups = (
        content.factors, content.phases, content.legal, content.strategies, content.interventions,
        content.practices, content.ladder, content.practice_levels, content.di_types, content.domains,
        content.steps, content.w_questions, content.test_questions, content.actors, content.tips,
    )  # fmt: skip
    return [bron for group in groups for item in group for bron in _bron_fields(item)]


# -- cite: each form a bron takes in content/*.toml -----------------------------------------------


def test_one_document_with_a_section_is_cited_by_title_publisher_and_year(content: Content) -> None:
    rivm = _source(content, 1)
    cited = cite(f"{rivm.bestand}, 2.4 Conclusie en beschouwing", content)
    assert cited == f"{rivm.titel} ({rivm.uitgever}, {rivm.jaar}), 2.4 Conclusie en beschouwing"
    assert cited.startswith("Verzuimpreventie in beeld") and "(RIVM, rapport 2025-0080, 2025)" in cited


def test_sections_with_commas_stay_whole(content: Content) -> None:
    whitepaper = _source(content, 4)
    cited = cite(f"{whitepaper.bestand}, Aan de slag in 8 stappen, stap 5", content)
    assert cited == f"{document(whitepaper)}, Aan de slag in 8 stappen, stap 5"


def test_several_sections_of_one_document_are_cited_once(content: Content) -> None:
    rivm = _source(content, 1).bestand
    cited = cite(f"{rivm}, 5.3 Resultaten; {rivm}, 5.4 Conclusie en beschouwing; {rivm}, 5.3 Resultaten", content)
    assert cited == f"{document(_source(content, 1))}, 5.3 Resultaten; 5.4 Conclusie en beschouwing"


def test_several_documents_give_a_line_each_in_the_order_named(content: Content) -> None:
    whitepaper, di = _source(content, 4), _source(content, 3)
    bron = f"{whitepaper.bestand}, Aan de slag in 8 stappen, stap 7; {di.bestand}, 9.1 Vormgeven vervolg"
    assert citations(bron, content) == [
        f"{document(whitepaper)}, Aan de slag in 8 stappen, stap 7",
        f"{document(di)}, 9.1 Vormgeven vervolg",
    ]
    assert cite(bron, content).splitlines() == citations(bron, content)


def test_a_label_holds_for_the_parts_after_it(content: Content) -> None:
    di = _source(content, 3)
    bron = f"{di.bestand}, Bijlage 1; advies: {di.bestand}, 6 Bedrijfsontwikkeling; {di.bestand}, Samenvatting"
    assert citations(bron, content) == [
        f"{document(di)}, Bijlage 1",
        f"advies: {document(di)}, 6 Bedrijfsontwikkeling; Samenvatting",
    ]


def test_documents_named_with_commas_or_without_a_section(content: Content) -> None:
    first, second = _source(content, 0), _source(content, 2)
    assert citations(f"{first.bestand}, {second.bestand}", content) == [document(first), document(second)]
    assert cite(first.bestand, content) == document(first)


def test_text_after_a_semicolon_without_a_document_continues_the_section(content: Content) -> None:
    rivm = _source(content, 1)
    assert cite(f"{rivm.bestand}, Tabel B1.1 nr. 10; nr. 76", content) == f"{document(rivm)}, Tabel B1.1 nr. 10; nr. 76"


def test_an_undated_document_says_zonder_jaar(content: Content) -> None:
    undated = next(source for source in content.sources if source.jaar == "z.j.")
    assert cite(f"{undated.bestand}, Inleiding", content) == f"{undated.titel} ({undated.uitgever}, z.j.), Inleiding"


def test_plain_text_stays_and_an_unknown_document_is_named_as_unknown(content: Content) -> None:
    assert cite("RI&E 2025", content) == "RI&E 2025"
    assert cite("teamgesprek; vragenlijst", content) == "teamgesprek; vragenlijst"
    assert cite("999_0123456789abcdef.txt, 3", content) == "onbekend brondocument '999_0123456789abcdef.txt', 3"


def test_every_bron_in_the_content_is_cited_with_its_documents_and_sections(content: Content) -> None:
    every = _every_bron(content)
    assert len(every) > 300
    for bron in every:
        cited = cite(bron, content)
        assert not FILE_NAME.search(cited), bron
        named = list(dict.fromkeys(SEED_FILE.findall(bron)))
        assert named, bron
        lines = cited.splitlines()
        assert len(lines) == len(named), bron  # one line per document
        kind, seeds = kind_of(bron)
        said = f"{kind.shown}: " if kind else ""  # our own elaboration says so on every line
        for line, file in zip(lines, named, strict=True):
            assert line.startswith(said + document(content.source_by_file[file])), bron
        for part in seeds.split(";"):
            section = part.split(",", 1)[1].strip() if "," in part else ""
            assert section in cited, (bron, section)


def test_every_source_has_a_year_or_says_it_has_none(content: Content) -> None:
    assert all((isinstance(s.jaar, int) and 1990 <= s.jaar <= 2030) or s.jaar == "z.j." for s in content.sources)
    years = {source.bestand[:3]: source.jaar for source in content.sources}
    assert (years["001"], years["003"]) == (2025, 2016)  # the report number; the latest data in the report


# -- bronnen.toml is validated with the rest of the content -----------------------------------------


def _content_copy(tmp_path: Path, old: str, new: str) -> tuple[Path, str]:
    folder = tmp_path / "content"
    shutil.copytree(content_folder(), folder, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    path = folder / "bronnen.toml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return folder, path.read_text(encoding="utf-8")


def test_a_missing_year_is_a_clear_error(tmp_path: Path) -> None:
    folder, _ = _content_copy(tmp_path, "jaar = 2025\n", "")
    with pytest.raises(WorkbookError) as caught:
        load_content(folder)
    (problem,) = caught.value.problems
    assert problem.path == "bronnen[2].jaar"  # the second source, counted from 1
    assert problem.message == "verplicht veld ontbreekt" and problem.line is not None


@pytest.mark.parametrize(
    ("wrong", "said"),
    [
        ('jaar = "2025"', 'verwacht een jaartal zonder aanhalingstekens (zoals 2025), of "z.j."'),
        ("jaar = 25", "jaartal 25 kan niet kloppen"),
        ("jaar = 2025.0", "verwacht een jaartal"),
        ('jaar = "onbekend"', 'niet "onbekend"'),
    ],
)
def test_a_wrong_year_is_a_clear_error_on_its_line(tmp_path: Path, wrong: str, said: str) -> None:
    folder, text = _content_copy(tmp_path, "jaar = 2025", wrong)
    with pytest.raises(WorkbookError) as caught:
        load_content(folder)
    (problem,) = caught.value.problems
    assert problem.path == "bronnen[2].jaar" and said in problem.message  # the second source, counted from 1
    assert problem.line is not None and text.splitlines()[problem.line - 1] == wrong


# -- links from actions to items ---------------------------------------------------------------------


def test_a_link_to_an_item_shows_its_title(content: Content) -> None:
    pago = content.legal_by_id["pago"]
    assert link_title("wettelijk:pago", content) == f"Wettelijk minimum: {pago.titel}"
    strategy = content.strategies[0]
    assert link_title(f"strategie:{strategy.id}", content) == f"Strategie: {strategy.titel}"
    practice = content.practices[0]
    assert link_title(f"praktijk:{practice.id}", content) == f"Goede praktijk: {practice.titel}"
    phase = content.phases[0]
    assert link_title(f"fase:{phase.id}", content) == f"Fase: {phase.naam}"
    check = phase.checklist[0]
    assert link_title(f"fase:{phase.id}/{check.id}", content) == f"Checklist {phase.naam}: {check.tekst}"


def test_every_library_item_can_be_linked_by_its_key(content: Content) -> None:
    for item in Library(content).items:
        shown = link_title(item.key, content)
        assert shown.endswith(item.title) and "onbekende verwijzing" not in shown, item.key


def test_an_unknown_link_is_shown_plainly_and_says_so(content: Content) -> None:
    assert link_title("wettelijk:bestaat-niet", content) == (
        "wettelijk:bestaat-niet (onbekende verwijzing: staat niet in de inhoud)"
    )
    assert "onbekende verwijzing" in link_title("fase:plannen/bestaat-niet", content)
    assert link_title("RI&E 2025", content) == "RI&E 2025"  # the consultant's own words
    assert link_title("notitie:zie logboek", content) == "notitie:zie logboek"


def test_every_action_in_the_example_workbooks_shows_its_source_by_title(content: Content) -> None:
    for path in SAVES:
        workbook = load_workbook(path, content).workbook
        for action in workbook.acties:
            if not action.bron:
                continue
            shown = link_title(action.bron, content)
            assert "onbekende verwijzing" not in shown, action.id
            if re.fullmatch(r"(wettelijk|strategie|fase):\S+", action.bron):
                assert action.bron not in shown, action.id


# -- what the screens draw (the pure functions they use) ---------------------------------------------


def test_no_library_item_detail_shows_a_file_name(content: Content) -> None:
    for item in Library(content).items:
        text = item_detail(item, content).plain
        assert not FILE_NAME.search(text), item.key
        lines = citations(item.bron, content)
        if len(lines) == 1:
            assert f"Bron: {lines[0]}" in text
        else:
            assert "Bronnen:" in text and all(f"• {line}" in text for line in lines)


def test_action_details_show_the_linked_item_by_title(content: Content) -> None:
    workbook = load_workbook(SAVES[0], content).workbook
    for action in workbook.acties:
        text = action_detail(action, content, TODAY).plain
        assert not FILE_NAME.search(text)
        if action.bron == "wettelijk:pago":
            assert f"Bron: Wettelijk minimum: {content.legal_by_id['pago'].titel}" in text
            assert "wettelijk:pago" not in text


# -- the reports -------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", SAVES, ids=[path.name for path in SAVES])
def test_reports_cite_sources_by_title_and_never_by_file_name(path: Path, content: Content) -> None:
    workbook = load_workbook(path, content).workbook
    pago = f"Wettelijk minimum: {content.legal_by_id['pago'].titel}"
    for kind in ("md", "html"):
        text = report_text(workbook, content, TODAY, kind)  # type: ignore[arg-type]
        assert not FILE_NAME.search(text), kind
        assert "wettelijk:pago" not in text and "fase:in-kaart/" not in text
        assert pago in text or not any(a.bron == "wettelijk:pago" for a in workbook.acties)
    rows = list(csv.DictReader(io.StringIO(actions_csv(workbook, content)), delimiter=";"))
    by_id = {row["Id"]: row["Bron"] for row in rows}
    for action in workbook.acties:
        assert by_id[action.id] == (link_title(action.bron, content) if action.bron else "")
        assert not FILE_NAME.search(by_id[action.id])


def test_the_markdown_report_lists_the_source_by_title_with_its_action(content: Content) -> None:
    workbook = load_workbook(SAVES[0], content).workbook
    text = report_text(workbook, content, TODAY, "md")
    action = next(a for a in workbook.acties if a.bron == "wettelijk:pago")
    sources = text[text.index("\n## Bronnen\n") :]
    assert f"- Wettelijk minimum: {content.legal_by_id['pago'].titel} ({action.id})\n" in sources


# -- the app -----------------------------------------------------------------------------------------


def _plain(app: WerkboekApp, selector: str) -> str:
    return app.screen.query_one(selector, Static).render().plain  # type: ignore[union-attr]


async def test_library_and_legal_screens_cite_sources_by_title(workbook_file: Path, content: Content) -> None:
    app = WerkboekApp(workbook_file, today=TODAY)
    several = next(item for item in content.strategies if len(citations(item.bron, content)) > 1)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("5")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        results = app.screen.query_one("#library-results", OptionList)
        keys = [results.get_option_at_index(i).id for i in range(results.option_count)]
        results.highlighted = keys.index(f"strategie:{several.id}")
        await pilot.pause()
        detail = _plain(app, "#library-detail-text")
        assert several.titel in detail and "Bronnen:" in detail
        assert all(f"• {line}" in detail for line in citations(several.bron, content))
        assert not FILE_NAME.search(detail)

        assert app.screen.query_one("#library-search", Input).has_focus
        await pilot.press("enter", "6")  # from the search box to the results, then to Wettelijk minimum
        await pilot.pause()
        assert isinstance(app.screen, LegalScreen)
        pago_index = [item.id for item in content.legal].index("pago")
        await pilot.press(*["down"] * pago_index)
        await pilot.pause()
        detail = _plain(app, "#legal-detail-text")
        pago = content.legal_by_id["pago"]
        assert detail.startswith(pago.titel)
        lines = citations(pago.bron, content)
        assert lines and all(line in detail for line in lines)
        assert content.sources[0].titel in detail or content.sources[1].titel in detail
        assert not FILE_NAME.search(detail)
