"""The DI frameworks of seed 003 (``content/di.toml``) and the DI-scan per client (``[[di_scan]]``):
loading and cross-checks, marks and notes, the saved file, the git text view, the diff and the merge."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import tomllib
from pathlib import Path

import pytest

from models.canonical import dumps_workbook
from models.check import check_files
from models.compare import workbook_from_text
from models.content import DI_ASPECTS, DI_INDICATORS, Content, content_folder, load_content
from models.di_scan import (
    ScanDateTaken,
    aspect_counts,
    continuation_text,
    latest_scan,
    mark_label,
    next_mark,
    with_indicator_note,
    with_mark,
    with_new_scan,
    with_next_mark,
    with_scan_note,
)
from models.diff import diff_workbooks
from models.merge import MergeSource, merge_sources
from models.merge_conflicts import conflict_lines, resolve_conflict
from models.portfolio import new_cycle
from models.problems import WorkbookError
from models.store import load_workbook, save_workbook
from models.workbook import Workbook
from models.workbook_text import render_workbook

DAY = dt.date(2026, 11, 22)
LATER = dt.date(2027, 2, 1)


@pytest.fixture
def example(content: Content, workbook_file: Path) -> Workbook:
    return workbook_from_text("voorbeeld", workbook_file.read_text(encoding="utf-8"), content)


def _indicators(content: Content, count: int = 3) -> list[str]:
    return [indicator.id for indicator in content.di.indicators[:count]]


# -- the content ----------------------------------------------------------------------------------


def test_the_di_content_has_the_seeds_five_aspects_and_31_indicators(content: Content) -> None:
    di = content.di
    assert (len(di.aspects), len(di.indicators)) == (DI_ASPECTS, DI_INDICATORS) == (5, 31)
    assert len(di.indicator_by_id) == 31, "indicator ids are unique over all aspects"
    for action in di.actions:
        assert action.aspect in di.aspect_by_id
        assert di.aspect_of[action.indicator].id == action.aspect
    for indicator in di.indicators:
        assert indicator.bron.startswith("003_")


def test_the_di_content_is_read_on_first_use_only(tmp_path: Path) -> None:
    folder = _copy_content(tmp_path)
    (folder / "di.toml").write_text("[[aspecten]]\nid = 3\n", encoding="utf-8")
    content = load_content(folder)  # start-up: framework only, so this still works
    assert len(content.factors) == 10
    with pytest.raises(WorkbookError) as caught:
        _ = content.di
    assert caught.value.problems[0].file.endswith("di.toml")


def _copy_content(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    shutil.copytree(content_folder(), folder, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    return folder


def _first_indicator_block(text: str) -> tuple[int, int]:
    start = text.index("[[aspecten.indicatoren]]")
    end = text.index("\n[[", start + 1)
    return start, end


def test_an_action_on_an_unknown_indicator_or_aspect_is_an_error(tmp_path: Path) -> None:
    folder = _copy_content(tmp_path)
    path = folder / "di.toml"
    text = path.read_text(encoding="utf-8") + (
        '\n[[acties]]\nid = "x-1"\nnummer = 1\nsoort = "actie"\ntitel = "Iets"\naspect = "organisatie"\n'
        'indicator = "bestaat-niet"\nbron = "003_1a0a782661cd62ad.txt, Tabel 10"\n'
        '\n[[acties]]\nid = "x-2"\nnummer = 2\nsoort = "actie"\ntitel = "Iets"\naspect = "geen-aspect"\n'
        'indicator = "bestaat-niet"\nbron = "003_1a0a782661cd62ad.txt, Tabel 10"\n'
    )
    path.write_text(text, encoding="utf-8")
    with pytest.raises(WorkbookError) as caught:
        load_content(folder, complete=True)
    messages = [problem.message for problem in caught.value.problems]
    assert any("indicator 'bestaat-niet' hoort niet bij aspect 'organisatie'" in m for m in messages)
    assert any("onbekend DI-aspect 'geen-aspect'" in m for m in messages)
    assert all(problem.line for problem in caught.value.problems), "each problem says where it is"


def test_a_doubled_id_and_a_missing_indicator_are_errors(tmp_path: Path) -> None:
    folder = _copy_content(tmp_path)
    path = folder / "di.toml"
    text = path.read_text(encoding="utf-8")
    start, end = _first_indicator_block(text)
    path.write_text(text[:start] + text[end + 1 :], encoding="utf-8")  # one indicator fewer
    with pytest.raises(WorkbookError) as caught:
        load_content(folder, complete=True)
    assert "5 aspecten met 30 indicatoren; seed 003 heeft er 5 met 31" in str(caught.value)
    block = text[start:end]
    path.write_text(text[:end] + "\n" + block + text[end:], encoding="utf-8")  # the same indicator twice
    with pytest.raises(WorkbookError) as caught:
        load_content(folder, complete=True)
    assert "aspecten[1].indicatoren[2].id" in [problem.path for problem in caught.value.problems]
    assert "komt al voor" in str(caught.value)


def test_continuation_figures_come_as_a_set(tmp_path: Path) -> None:
    folder = _copy_content(tmp_path)
    path = folder / "di.toml"
    text = path.read_text(encoding="utf-8")
    start, end = _first_indicator_block(text)
    block = text[start:end]
    lines = [line for line in block.splitlines() if not line.startswith("vervolg_nee")]
    broken = "\n".join(lines)
    if broken == block:
        pytest.skip("the first indicator has no continuation figures")
    path.write_text(text[:start] + broken + text[end:], encoding="utf-8")
    with pytest.raises(WorkbookError) as caught:
        load_content(folder, complete=True)
    assert "horen samen" in str(caught.value)


def test_continuation_reads_as_percentages_with_their_count(content: Content) -> None:
    with_figures = [i for i in content.di.indicators if i.has_continuation]
    assert with_figures, "Tabel 17–21 give figures"
    indicator = with_figures[0]
    text = continuation_text(indicator)
    assert text is not None and text.startswith("Vervolg: ") and "% ja, " in text and "% nee" in text
    assert str(indicator.vervolg_ja).replace(".", ",").removesuffix(",0") in text
    if indicator.vervolg_n is not None:
        assert text.endswith(f"(n = {indicator.vervolg_n})")
    without = indicator.model_copy(update={"vervolg_ja": None, "vervolg_misschien": None, "vervolg_nee": None})
    assert continuation_text(without) is None


# -- marks ----------------------------------------------------------------------------------------


def test_space_steps_through_the_marks_and_back_to_not_judged() -> None:
    assert [next_mark(None), next_mark("niet"), next_mark("begonnen"), next_mark("geborgd")] == [
        "niet",
        "begonnen",
        "geborgd",
        None,
    ]
    assert mark_label("geborgd") == "✓ geborgd" and mark_label(None) == "· niet beoordeeld"


def test_marking_starts_a_scan_and_counts_per_aspect(example: Workbook, content: Content) -> None:
    first, second, third = _indicators(content)
    assert latest_scan(example) is None
    workbook = with_next_mark(example, first, DAY)
    workbook = with_mark(workbook, second, "geborgd", DAY)
    workbook = with_next_mark(with_next_mark(workbook, third, DAY), third, DAY)
    workbook = with_indicator_note(workbook, first, "  Nog niets op papier. ", DAY)
    scan = latest_scan(workbook)
    assert scan is not None and scan.datum == DAY
    assert scan.stand == {first: "niet", second: "geborgd", third: "begonnen"}
    assert scan.toelichting == {first: "Nog niets op papier."}
    counts = aspect_counts(scan, content.di)
    assert [count.aspect.id for count in counts] == [aspect.id for aspect in content.di.aspects]
    own = counts[0]
    rest = own.total - 3
    assert own.line() == f"1 geborgd · 1 begonnen · 1 niet · {rest} niet beoordeeld"
    assert sum(count.total for count in counts) == 31
    cleared = with_mark(with_indicator_note(workbook, first, " ", DAY), first, None, DAY)
    assert first not in latest_scan(cleared).stand and first not in latest_scan(cleared).toelichting  # type: ignore[union-attr]


def test_a_new_scan_starts_from_the_last_one(example: Workbook, content: Content) -> None:
    first, second, _ = _indicators(content)
    workbook = with_scan_note(
        with_indicator_note(with_mark(example, first, "begonnen", DAY), first, "x", DAY), "Eerste", DAY
    )
    workbook = with_new_scan(workbook, LATER)
    assert [scan.datum for scan in workbook.di_scan] == [DAY, LATER]
    scan = latest_scan(workbook)
    assert scan is not None and scan.stand == {first: "begonnen"} and scan.toelichting == {first: "x"}
    assert scan.notitie is None, "the note on the whole scan belongs to the old one"
    workbook = with_mark(workbook, second, "niet", LATER)
    assert workbook.di_scan[0].stand == {first: "begonnen"}, "the earlier scan stays as it was"
    with pytest.raises(ScanDateTaken):
        with_new_scan(workbook, LATER)


def test_a_new_cycle_keeps_the_scans_and_the_last_is_where_the_next_starts(example: Workbook, content: Content) -> None:
    first = _indicators(content, 1)[0]
    workbook = with_mark(example, first, "geborgd", DAY)
    cycle = new_cycle(workbook, LATER, "klant.toml")
    assert cycle.di_scan == workbook.di_scan
    assert "DI-scan" in cycle.logboek[-1].notitie  # type: ignore[operator]
    assert latest_scan(with_new_scan(cycle, LATER)).stand == {first: "geborgd"}  # type: ignore[union-attr]


# -- the file ---------------------------------------------------------------------------------------


def test_a_scan_is_saved_in_indicator_order_and_byte_stable(
    example: Workbook, content: Content, workbook_file: Path
) -> None:
    first, second, third = _indicators(content)
    workbook = with_mark(
        with_mark(with_mark(example, third, "niet", DAY), first, "geborgd", DAY), second, "begonnen", DAY
    )
    workbook = with_indicator_note(workbook, second, "Met het team besproken.", DAY)
    text = dumps_workbook(workbook, content)
    assert text.index("[[metingen]]") < text.index("[[di_scan]]") < text.index("[[acties]]")
    block = text[text.index("[[di_scan]]") :]
    assert block.startswith(
        "[[di_scan]]\ndatum = 2026-11-22\n\n[di_scan.stand]\n"
        f'{first} = "geborgd"\n{second} = "begonnen"\n{third} = "niet"\n\n'
        f'[di_scan.toelichting]\n{second} = "Met het team besproken."\n'
    )
    workbook_file.write_text(text, encoding="utf-8")
    loaded = load_workbook(workbook_file, content)
    assert loaded.workbook.di_scan == workbook.di_scan
    assert dumps_workbook(loaded.workbook, content) == text
    out = io.StringIO()
    assert check_files([workbook_file], out) == 0


def test_check_names_an_unknown_mark_and_an_unknown_indicator(workbook_file: Path, content: Content) -> None:
    first = _indicators(content, 1)[0]
    text = workbook_file.read_text(encoding="utf-8")
    workbook_file.write_text(
        text + f'\n[[di_scan]]\ndatum = 2026-11-22\n\n[di_scan.stand]\n{first} = "half"\nverzonnen = "niet"\n',
        encoding="utf-8",
    )
    out = io.StringIO()
    assert check_files([workbook_file], out) == 1
    assert f'di_scan[1].stand.{first}: ongeldige waarde "half"; toegestaan: niet, begonnen, geborgd' in out.getvalue()
    workbook_file.write_text(
        text + '\n[[di_scan]]\ndatum = 2026-11-22\n\n[di_scan.stand]\nverzonnen = "niet"\n', encoding="utf-8"
    )
    out = io.StringIO()
    assert check_files([workbook_file], out) == 1
    assert "onbekende DI-indicator 'verzonnen'" in out.getvalue()


def test_comments_in_a_scan_survive_a_save(workbook_file: Path, content: Content) -> None:
    first, second, _ = _indicators(content)
    text = workbook_file.read_text(encoding="utf-8")
    text += "\n# De scan van november\n[[di_scan]]\ndatum = 2026-11-22\n\n[di_scan.stand]\n"
    text += f'{first} = "niet"  # klopt dit?\n'
    workbook_file.write_text(text, encoding="utf-8")
    loaded = load_workbook(workbook_file, content)
    save_workbook(loaded, with_mark(loaded.workbook, second, "geborgd", DAY), content=content)
    saved = workbook_file.read_text(encoding="utf-8")
    assert "# De scan van november\n[[di_scan]]" in saved
    assert f'{first} = "niet"  # klopt dit?' in saved
    assert tomllib.loads(saved)["di_scan"][0]["stand"] == {first: "niet", second: "geborgd"}


def test_the_git_text_view_shows_a_line_per_indicator(example: Workbook, content: Content) -> None:
    first, second, _ = _indicators(content)
    workbook = with_indicator_note(
        with_mark(with_mark(example, first, "niet", DAY), second, "geborgd", DAY), first, "a\nb", DAY
    )
    text = render_workbook(tomllib.loads(dumps_workbook(workbook, content)))
    block = text[text.index("\nDI-scan 22 nov 2026\n") :]
    assert f"\n  {first}: niet\n  {second}: geborgd\n  toelichting bij {first}:\n    a\n    b\n" in block
    assert text.index("\nMeting ") < text.index("\nDI-scan ") < text.index("\nActie ")


# -- diff and merge ---------------------------------------------------------------------------------


def test_the_diff_names_indicators_and_their_marks(example: Workbook, content: Content) -> None:
    first, second, _ = _indicators(content)
    names = content.di.indicator_by_id
    old = with_mark(example, first, "niet", DAY)
    new = with_indicator_note(
        with_mark(with_mark(old, first, "begonnen", DAY), second, "geborgd", DAY), second, "x", DAY
    )
    texts = [(line.section, line.text) for line in diff_workbooks(old, new, content)]
    assert texts == [
        ("DI-scan", f"DI-scan 22 nov 2026: {names[first].naam} niet → begonnen"),
        ("DI-scan", f"DI-scan 22 nov 2026: {names[second].naam} niet beoordeeld → geborgd"),
        ("DI-scan", f"DI-scan 22 nov 2026: toelichting bij {names[second].naam} toegevoegd"),
    ]
    added = [line.text for line in diff_workbooks(example, old, content)]
    assert added == ["DI-scan 22 nov 2026: nieuw (1 indicator beoordeeld)"]


def _merged(base: Workbook, ours: Workbook, theirs: Workbook, content: Content):  # type: ignore[no-untyped-def]
    texts = [dumps_workbook(version, content) for version in (base, ours, theirs)]
    sources = [MergeSource(name, text) for name, text in zip(("basis", "ons", "hun"), texts, strict=True)]
    return merge_sources(*sources, content)


def test_a_scan_edited_on_two_sides_merges_per_indicator(example: Workbook, content: Content) -> None:
    first, second, third = _indicators(content)
    base = with_mark(example, first, "niet", DAY)
    ours = with_indicator_note(with_mark(base, second, "begonnen", DAY), first, "Ons", DAY)
    theirs = with_mark(with_mark(base, third, "geborgd", DAY), first, "begonnen", DAY)
    result = _merged(base, ours, theirs, content)
    assert result.clean
    scan = latest_scan(result.workbook)
    assert scan is not None
    assert scan.stand == {first: "begonnen", second: "begonnen", third: "geborgd"}
    assert scan.toelichting == {first: "Ons"}


def test_two_new_scans_on_other_days_are_both_kept(example: Workbook, content: Content) -> None:
    first = _indicators(content, 1)[0]
    base = with_mark(example, first, "niet", DAY)
    ours = with_new_scan(base, LATER)
    theirs = with_mark(with_new_scan(base, dt.date(2027, 1, 10)), first, "geborgd", dt.date(2027, 1, 10))
    result = _merged(base, ours, theirs, content)
    assert result.clean
    assert [scan.datum for scan in result.workbook.di_scan] == [DAY, dt.date(2027, 1, 10), LATER]


def test_the_same_mark_changed_differently_is_a_conflict_that_can_be_resolved(
    example: Workbook, content: Content
) -> None:
    first = _indicators(content, 1)[0]
    name = content.di.indicator_by_id[first].naam
    base = with_mark(example, first, "niet", DAY)
    result = _merged(base, with_mark(base, first, "begonnen", DAY), with_mark(base, first, "geborgd", DAY), content)
    assert [(c.onderdeel, c.sleutel, c.veld) for c in result.workbook.conflicten] == [
        ("di_scan", "2026-11-22", f"stand.{first}")
    ]
    assert conflict_lines(result.workbook, content) == [
        f'conflict: DI-scan 22 nov 2026, veld stand {name}: ons "begonnen", hun "geborgd" (basis "niet")'
    ]
    resolved = resolve_conflict(result.workbook, 0, "hun", content=content)
    assert latest_scan(resolved).stand == {first: "geborgd"}  # type: ignore[union-attr]
    assert not resolved.conflicten


# -- the library ------------------------------------------------------------------------------------


def test_each_numbered_di_action_is_a_library_item_with_its_indicator_and_results(content: Content) -> None:
    from models.library import ACTIONABLE, KIND_LABELS, Library

    library = Library(content)
    di = content.di
    actions = [action for action in di.actions if action.soort == "actie"]
    assert "di-actie" in ACTIONABLE and "di-actie" in KIND_LABELS
    assert library.count("di-actie") == len(actions) > 0
    for action in actions:
        item = library.by_key[f"di-actie:{action.id}"]
        assert item.title == action.titel and item.actionable and item.bron == action.bron
        indicator = di.indicator_by_id[action.indicator]
        headings = [section.heading for section in item.sections]
        assert headings[:3] == ["DI-aspect", f"Indicator: {indicator.naam}", "Kans op vervolg"]
        results = di.actions_for(indicator.id, "resultaat")
        if results:
            assert headings[3] == "Wat bedrijven ermee bereikten"
            assert all(result.titel in item.sections[3].text for result in results)
        figures = item.sections[2].text
        assert ("% ja, " in figures) == indicator.has_continuation


def test_a_di_action_is_found_by_a_word_of_its_title_and_becomes_a_linked_action(
    content: Content, example: Workbook
) -> None:
    from models.library import Library
    from models.plan import action_from_item
    from models.sources import link_title

    library = Library(content)
    action = next(action for action in content.di.actions if action.soort == "actie")
    word = max(action.titel.split(), key=len)
    assert f"di-actie:{action.id}" in [hit.item.key for hit in library.search(word, kind="di-actie")]
    made = action_from_item(library.by_key[f"di-actie:{action.id}"], example)
    assert (made.titel, made.bron, made.status) == (action.titel, f"di-actie:{action.id}", "idee")
    assert link_title(made.bron or "", content) == f"DI-actie: {action.titel}"
    assert "onbekende verwijzing" in link_title("di-actie:bestaat-niet", content)


# -- the plan van aanpak ----------------------------------------------------------------------------


def _scanned(example: Workbook, content: Content) -> tuple[Workbook, list[str]]:
    first, second, third = _indicators(content)
    workbook = with_mark(with_mark(example, first, "geborgd", DAY), second, "niet", DAY)
    workbook = with_indicator_note(workbook, first, "Vast agendapunt.", DAY)
    return with_scan_note(workbook, "Met de ondernemer doorgelopen.", DAY), [first, second, third]


def test_the_plan_has_a_di_scan_part_only_with_a_scan(example: Workbook, content: Content) -> None:
    from models.plan_report import plan_report
    from models.report import render

    assert plan_report(example, content, DAY).di_scan is None
    assert "DI-scan" not in render(plan_report(example, content, DAY), "md")
    workbook, (first, second, third) = _scanned(example, content)
    scan = plan_report(workbook, content, DAY).di_scan
    assert scan is not None and scan.day == DAY and scan.note == "Met de ondernemer doorgelopen."
    assert [aspect.name for aspect in scan.aspects] == [aspect.naam for aspect in content.di.aspects]
    names = content.di.indicator_by_id
    lines = {line.name: line for aspect in scan.aspects for line in aspect.indicators}
    assert len(lines) == 31
    assert (lines[names[first].naam].mark, lines[names[first].naam].note) == ("geborgd", "Vast agendapunt.")
    assert (lines[names[second].naam].mark, lines[names[third].naam].mark) == ("niet", "niet beoordeeld")
    own = len(content.di.aspects[0].indicatoren)
    assert scan.aspects[0].summary == f"1 geborgd · 1 niet (van {own})"
    markdown = render(plan_report(workbook, content, DAY), "md")
    assert "### DI-scan" in markdown and markdown.index("### DI-scan") < markdown.index("### Wettelijk minimum")
    assert f"- {names[first].naam}: geborgd. Vast agendapunt." in markdown
    html = render(plan_report(workbook, content, DAY), "html")
    assert '<table class="di-scan">' in html and "Met de ondernemer doorgelopen." in html


def test_word_and_pdf_show_the_di_scan(example: Workbook, content: Content) -> None:
    import zipfile

    import pypdf

    from models import report_docx, report_pdf
    from models.report_formats import ReportRequest

    workbook, (first, _, _) = _scanned(example, content)
    name = content.di.indicator_by_id[first].naam
    request = ReportRequest(workbook, content, DAY)
    with zipfile.ZipFile(io.BytesIO(report_docx.make(request))) as package:
        body = package.read("word/document.xml").decode("utf-8")
    assert "DI-scan van 22 november 2026" in body and name in body and "Vast agendapunt." in body
    reader = pypdf.PdfReader(io.BytesIO(report_pdf.make(request)))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert "DI-scan van 22 november 2026" in text and "Vast agendapunt." in text
    plain = ReportRequest(example, content, DAY)
    with zipfile.ZipFile(io.BytesIO(report_docx.make(plain))) as package:
        assert "DI-scan" not in package.read("word/document.xml").decode("utf-8")
