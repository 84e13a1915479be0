"""Every kind of bad input gets one clear Dutch message that says where and what is allowed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from models.content import Content
from models.problems import Problem, WorkbookError
from models.store import load_workbook


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """1-based line of the n-th line containing ``needle``."""
    hits = [n for n, line in enumerate(text.splitlines(), start=1) if needle in line]
    return hits[occurrence - 1]


def replace_nth(text: str, old: str, new: str, occurrence: int = 1) -> str:
    start = -1
    for _ in range(occurrence):
        start = text.index(old, start + 1)
    return text[:start] + new + text[start + len(old) :]


@dataclass
class Case:
    name: str
    mutate: Callable[[str], str]
    marker: str | None
    """A text on the line the problem must point at (None: the problem has no line)."""
    path: str | None
    message: str
    occurrence: int = 1
    """Which line holding ``marker`` is meant, when several do."""


CASES = [
    Case(
        "syntax: unclosed string",
        lambda t: t.replace(
            'titel = "Buddyregeling voor nieuwe monteurs"', 'titel = "Buddyregeling voor nieuwe monteurs'
        ),
        'titel = "Buddyregeling',
        None,
        "TOML-fout: de tekst loopt door tot het einde van de regel: ontbreekt het afsluitende aanhalingsteken?",
    ),
    Case(
        "syntax: missing equals sign",
        lambda t: t.replace('eigenaar = "Jeroen Smit (planner)"', 'eigenaar "Jeroen Smit (planner)"'),
        'eigenaar "Jeroen Smit',
        None,
        "TOML-fout: na de naam van een veld hoort '=' en dan de waarde",
    ),
    Case(
        "impossible date",
        lambda t: t.replace("deadline = 2026-11-01", "deadline = 2026-02-31"),
        "deadline = 2026-02-31",
        None,
        "TOML-fout: ongeldige datum: die dag bestaat niet",
    ),
    Case(
        "date written as text",
        lambda t: t.replace("deadline = 2026-11-01", 'deadline = "2026-11-01"'),
        'deadline = "2026-11-01"',
        "acties[3].deadline",
        'verwacht een datum zonder aanhalingstekens, zoals 2026-12-01, niet "2026-11-01"',
    ),
    Case(
        "wrong type: number as text",
        lambda t: t.replace("medewerkers = 34", 'medewerkers = "34"'),
        "medewerkers = ",
        "organisatie.medewerkers",
        'verwacht een geheel getal (zoals 34), niet "34"',
    ),
    Case(
        "wrong type: list expected",
        lambda t: replace_nth(
            t, 'succesfactoren = [\n    "bewustwording",\n    "kennis",\n]', 'succesfactoren = "kennis"'
        ),
        'succesfactoren = "kennis"',
        "acties[1].succesfactoren",
        'verwacht een lijst tussen [ ], zoals ["a", "b"], niet "kennis"',
    ),
    Case(
        "score out of range",
        lambda t: replace_nth(t, "tijd = 1\n", "tijd = 5\n"),
        "tijd = 5",
        "metingen[1].scores.tijd",
        "mag hoogstens 4 zijn, niet 5",
    ),
    Case(
        "unknown status",
        lambda t: replace_nth(t, 'status = "bezig"', 'status = "lopend"'),
        'status = "lopend"',
        "acties[3].status",
        'ongeldige waarde "lopend"; toegestaan: idee, gepland, bezig, klaar, gestopt',
    ),
    Case(
        "unknown factor",
        lambda t: replace_nth(t, '    "kennis",\n', '    "kenis",\n'),
        '"kenis"',
        "acties[1].succesfactoren[2]",
        "onbekende succesfactor 'kenis'; toegestaan: bewustwording, vertrouwen, eenvoud, kennis",
    ),
    Case(
        "unknown factor in a scoring round",
        lambda t: replace_nth(t, "openheid = 2\n", "open = 2\n"),
        "open = 2",
        "metingen[1].scores.open",
        "onbekende succesfactor 'open'",
    ),
    Case(
        "unknown phase",
        lambda t: replace_nth(t, 'fase = "kiezen"', 'fase = "kiezn"'),
        'fase = "kiezn"',
        "acties[5].fase",
        "onbekende fase 'kiezn'; toegestaan: in-kaart, kiezen, plannen, invoeren, evalueren",
    ),
    Case(
        "unknown phase table",
        lambda t: t.replace("[fasen.plannen]\n", "[fasen.plan]\n").replace(
            "[fasen.plannen.notities]", "[fasen.plan.notities]"
        ),
        "[fasen.plan]",
        "fasen.plan",
        "onbekende fase 'plan'",
    ),
    Case(
        "unknown checklist item",
        lambda t: t.replace('    "verzuimcijfers",\n', '    "verzuim",\n'),
        '"verzuim",',
        "fasen.in-kaart.afgevinkt[2]",
        "onbekend checklist-item 'verzuim' in fase in-kaart; toegestaan: rie-actueel, verzuimcijfers",
    ),
    Case(
        "duplicate action id",
        lambda t: t.replace('id = "A7"', 'id = "A6"'),
        'id = "A6"',
        "acties[7].id",
        "actie-id 'A6' komt al voor bij acties[6]; elke actie heeft een eigen id",
        occurrence=2,
    ),
    Case(
        "deadline before start",
        lambda t: t.replace("start = 2026-09-14", "start = 2027-09-14"),
        "deadline = 2026-12-15",
        "acties[9].deadline",
        "deadline 2026-12-15 ligt vóór start 2027-09-14; de deadline moet op of na de startdatum liggen",
    ),
    Case(
        "missing required title",
        lambda t: t.replace('titel = "Buddyregeling voor nieuwe monteurs"\n', ""),
        '[[acties]]\nid = "A6"',
        "acties[6].titel",
        "verplicht veld ontbreekt",
    ),
    Case(
        "empty title",
        lambda t: t.replace('titel = "Buddyregeling voor nieuwe monteurs"', 'titel = "  "'),
        'titel = "  "',
        "acties[6].titel",
        "mag niet leeg zijn of alleen spaties bevatten",
    ),
    Case(
        "missing schema",
        lambda t: t.replace("schema = 1\n", "", 1),
        None,
        None,
        "'schema' ontbreekt; zet bovenaan het bestand: schema = 1",
    ),
    Case(
        "empty file",
        lambda t: "  \n\n",
        None,
        None,
        "het bestand is leeg",
    ),
]


def _only_problem(path: Path, content: Content) -> Problem:
    with pytest.raises(WorkbookError) as caught:
        load_workbook(path, content)
    assert len(caught.value.problems) == 1, caught.value.problems
    return caught.value.problems[0]


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_bad_input_message(case: Case, workbook_file: Path, content: Content) -> None:
    text = case.mutate(workbook_file.read_text(encoding="utf-8"))
    assert text != workbook_file.read_text(encoding="utf-8"), "the mutation did not apply"
    workbook_file.write_text(text, encoding="utf-8")
    problem = _only_problem(workbook_file, content)
    assert problem.file == str(workbook_file)
    assert case.message in problem.message
    assert problem.path == case.path
    if case.marker is None:
        assert problem.line is None
    else:
        if "\n" in case.marker:
            expected_line = text[: text.index(case.marker)].count("\n") + 1
        else:
            expected_line = line_of(text, case.marker, case.occurrence)
        assert problem.line == expected_line, str(problem)
        assert problem.column is not None
    rendered = str(problem)
    assert rendered.startswith(f"{workbook_file}:" if problem.line is None else f"{workbook_file}:{problem.line}:")


def test_syntax_error_column_points_at_the_fault(workbook_file: Path, content: Content) -> None:
    text = workbook_file.read_text(encoding="utf-8").replace("medewerkers = 34", "medewerkers = 34 stuks")
    workbook_file.write_text(text, encoding="utf-8")
    problem = _only_problem(workbook_file, content)
    assert (problem.line, problem.column) == (line_of(text, "medewerkers = 34 stuks"), len("medewerkers = 34 ") + 1)
    assert str(problem).startswith(f"{workbook_file}:{problem.line}:{problem.column}: TOML-fout:")


def test_git_conflict_markers_are_named_with_their_lines(workbook_file: Path, content: Content) -> None:
    text = workbook_file.read_text(encoding="utf-8").replace(
        'status = "bezig"\n',
        '<<<<<<< HEAD\nstatus = "bezig"\n=======\nstatus = "klaar"\n>>>>>>> feature/planning\n',
        1,
    )
    workbook_file.write_text(text, encoding="utf-8")
    with pytest.raises(WorkbookError) as caught:
        load_workbook(workbook_file, content)
    problems = caught.value.problems
    assert [p.line for p in problems] == [line_of(text, "<<<<<<<"), line_of(text, "======="), line_of(text, ">>>>>>>")]
    assert "git-conflictmarkering" in problems[0].message and "<<<<<<<" in problems[0].message


def test_non_utf8_file_names_the_bad_byte(tmp_path: Path, content: Content) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes('schema = 1\n[organisatie]\nnaam = "Café De Hoek"\n'.encode("latin-1"))
    problem = _only_problem(path, content)
    assert (problem.line, problem.column) == (3, 12)
    assert "geen UTF-8-tekst (byte 0xE9)" in problem.message


def test_missing_file(tmp_path: Path, content: Content) -> None:
    problem = _only_problem(tmp_path / "weg.toml", content)
    assert str(problem) == f"{tmp_path / 'weg.toml'}: bestand niet gevonden; controleer de naam en de map"


def test_folder_instead_of_file(tmp_path: Path, content: Content) -> None:
    assert "dit is een map" in _only_problem(tmp_path, content).message


def test_several_validation_problems_are_all_reported(workbook_file: Path, content: Content) -> None:
    text = workbook_file.read_text(encoding="utf-8")
    text = text.replace("medewerkers = 34", "medewerkers = 0").replace('status = "klaar"', 'status = "af"', 1)
    workbook_file.write_text(text, encoding="utf-8")
    with pytest.raises(WorkbookError) as caught:
        load_workbook(workbook_file, content)
    paths = [problem.path for problem in caught.value.problems]
    assert paths == ["organisatie.medewerkers", "acties[1].status"]


def test_utf8_with_byte_order_mark_is_accepted(workbook_file: Path, content: Content) -> None:
    workbook_file.write_bytes(b"\xef\xbb\xbf" + workbook_file.read_bytes())
    assert load_workbook(workbook_file, content).workbook.organisatie.naam == "Van Dijk Installatietechniek B.V."
