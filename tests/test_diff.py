"""The semantic diff: each kind of change as the line it gives, and ``werkboek diff`` on files."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from conftest import EXAMPLE, TODAY

from cli.diff import diff_command
from models.agreements import with_agreement, without_agreement
from models.checklists import with_current_phase, with_item_note, with_ticked
from models.content import Content
from models.diff import diff_workbooks, render_diff
from models.legal import with_legal_state
from models.levels import with_level
from models.logbook import with_log_entry, without_log_entry
from models.plan import with_action, without_action
from models.scoring import with_round_note, with_score, without_round
from models.store import load_workbook
from models.workbook import Action, Agreement, LegalItemState, LogEntry, Workbook

OCTOBER = dt.date(2026, 10, 6)


@pytest.fixture
def example(content: Content) -> Workbook:
    return load_workbook(EXAMPLE, content).workbook


def lines(old: Workbook, new: Workbook, content: Content) -> list[str]:
    return [f"{line.section}: {line.text}" for line in diff_workbooks(old, new, content)]


def test_no_change_is_no_line_and_says_so(example: Workbook, content: Content) -> None:
    assert diff_workbooks(example, example, content) == []
    assert render_diff([]) == "Geen inhoudelijke verschillen.\n"


def test_profile_fields(example: Workbook, content: Content) -> None:
    profile = example.organisatie.model_copy(update={"medewerkers": 36, "sector": None, "verzuimpercentage": 5.25})
    assert lines(example, example.model_copy(update={"organisatie": profile}), content) == [
        "Profiel: sector leeggemaakt",  # long text: not quoted in full
        "Profiel: medewerkers 34 → 36",
        "Profiel: verzuimpercentage 6,1% → 5,25%",
    ]


def test_actions_added_removed_and_changed_field_by_field(example: Workbook, content: Content) -> None:
    a7 = example.action("A7")
    assert a7 is not None
    changed = a7.model_copy(
        update={"status": "klaar", "eigenaar": "Jeroen Smit", "succesfactoren": ["eenvoud", "tijd"], "fase": "plannen"}
    )
    new = with_action(
        without_action(with_action(example, changed), "A13"), Action(id="A21", titel="Pauzes", fase="kiezen")
    )
    assert lines(example, new, content) == [
        "Acties: A7 Tilhulp voor plaatsen van warmtepomp-buitenunits: status idee → klaar",
        "Acties: A7 Tilhulp voor plaatsen van warmtepomp-buitenunits: fase Kiezen → Plannen",
        "Acties: A7 Tilhulp voor plaatsen van warmtepomp-buitenunits: succesfactoren + Tijd; − Financiën en personeel",
        "Acties: A7 Tilhulp voor plaatsen van warmtepomp-buitenunits: eigenaar Erik Hoekstra (preventiemedewerker) → "
        "Jeroen Smit",
        "Acties: A13 Fitnesskorting voor alle medewerkers: verwijderd (was gestopt)",
        "Acties: A21 Pauzes: nieuw (idee, fase Kiezen)",
    ]


def test_action_dates_amounts_and_long_texts(example: Workbook, content: Content) -> None:
    a1 = example.action("A1")
    assert a1 is not None
    changed = a1.model_copy(update={"deadline": dt.date(2026, 5, 1), "budget": 120.5, "wat": None, "uren": None})
    assert lines(example, with_action(example, changed), content) == [
        "Acties: A1 Verzuimcijfers 2024-2025 analyseren met bedrijfsarts: deadline 17 apr 2026 → 1 mei 2026",
        "Acties: A1 Verzuimcijfers 2024-2025 analyseren met bedrijfsarts: wat leeggemaakt",
        "Acties: A1 Verzuimcijfers 2024-2025 analyseren met bedrijfsarts: budget (leeg) → € 120,50",
        "Acties: A1 Verzuimcijfers 2024-2025 analyseren met bedrijfsarts: uren 8 uur → (leeg)",
    ]


def test_scores_per_round(example: Workbook, content: Content) -> None:
    new = with_score(example, OCTOBER, "eenvoud", 3)
    new = with_score(new, OCTOBER, "tijd", None)
    new = with_round_note(new, OCTOBER, "tijd", None)
    new = with_round_note(new, OCTOBER, "kennis", "Training gevolgd")
    new = with_score(with_score(new, TODAY, "tijd", 3), TODAY, "bewustwording", 4)
    new = without_round(new, dt.date(2026, 3, 10))
    assert lines(example, new, content) == [
        "Metingen: Meting 10 mrt 2026: verwijderd (10 scores)",
        "Metingen: Meting 6 okt 2026: Eenvoud 2 → 3",
        "Metingen: Meting 6 okt 2026: Tijd 2 → niet gescoord",
        "Metingen: Meting 6 okt 2026: toelichting bij Kennis toegevoegd",
        "Metingen: Meting 6 okt 2026: toelichting bij Tijd verwijderd",
        "Metingen: Meting 22 nov 2026: nieuw: Bewustwording 4, Tijd 3",
    ]


def test_checklists_and_current_phase(example: Workbook, content: Content) -> None:
    new = with_ticked(example, "kiezen", "haalbaarheid", True)
    new = with_ticked(new, "in-kaart", "rie-actueel", False)
    new = with_item_note(new, "kiezen", "haalbaarheid", "Besproken in PVT")
    new = with_current_phase(new, "plannen")
    assert lines(example, new, content) == [
        "Fasen: huidige fase volgens de checklists → Plannen",
        "Fasen: Fase In kaart: niet meer afgevinkt: Er is een actuele, schriftelijke RI&E, inclusief plan van aanpak",
        "Fasen: Fase Kiezen: afgevinkt: Getoetst is dat de activiteiten eenvoudig zijn en binnen tijd en budget passen",
        "Fasen: Fase Kiezen: notitie bij 'Getoetst is dat de activiteiten eenvoudig zijn en binnen tijd en budget "
        "passen' toegevoegd",
    ]


def test_legal_status_date_and_note(example: Workbook, content: Content) -> None:
    new = with_legal_state(example, "pago", LegalItemState(status="aanwezig", datum=dt.date(2027, 2, 1)))
    new = with_legal_state(new, "arbobeleid", LegalItemState(status="nvt"))
    assert lines(example, new, content) == [
        "Wettelijk minimum: Arbobeleid voeren: status onbekend → nvt",
        "Wettelijk minimum: PAGO aanbieden: status ontbreekt → aanwezig",
        "Wettelijk minimum: PAGO aanbieden: datum (leeg) → 1 feb 2027",
        "Wettelijk minimum: PAGO aanbieden: notitie leeggemaakt",
    ]


def test_levels_and_logbook(example: Workbook, content: Content) -> None:
    new = with_level(example, "mentale_ladder", "gevorderd", TODAY)
    first = new.logboek[0]
    new = with_log_entry(new, first.model_copy(update={"titel": "Kennismaking", "deelnemers": ["Marco van Dijk"]}), 0)
    new = without_log_entry(new, 1)
    new = with_log_entry(new, LogEntry(datum=TODAY, titel="Workshop werkdruk"))
    assert lines(example, new, content) == [
        "Niveaus: Niveaus 22 nov 2026: nieuw: Mentale ladder Gevorderd, Praktijkniveau De minimumvariant: het huis op "
        "orde, DI-typologie Type AB",
        "Logboek: Logboek 10 mrt 2026 'Kennismaking': titel Kennismaking en nulmeting → Kennismaking",
        "Logboek: Logboek 10 mrt 2026 'Kennismaking': deelnemers + Marco van Dijk; − Sanne de Boer (adviseur), "
        "Marco van Dijk (directeur), Linda Bos (office manager), Erik Hoekstra (preventiemedewerker)",
        "Logboek: Logboek 4 jun 2026 'Knelpunten kiezen met PVT': verwijderd",
        "Logboek: Logboek 22 nov 2026 'Workshop werkdruk': nieuw",
    ]


def test_unknown_keys_are_compared_too(content: Content) -> None:
    old = Workbook.model_validate({"organisatie": {"naam": "X", "kvk": "123"}, "acties": [{"id": "A1", "titel": "t"}]})
    new = Workbook.model_validate(
        {"organisatie": {"naam": "X", "kvk": "124"}, "acties": [{"id": "A1", "titel": "t", "kleur": "rood"}]}
    )
    assert lines(old, new, content) == ["Profiel: kvk 123 → 124", "Acties: A1 t: kleur (leeg) → rood"]


def test_render_groups_by_subject_and_counts(example: Workbook, content: Content) -> None:
    new = with_score(example, OCTOBER, "eenvoud", 3)
    new = with_legal_state(new, "arbobeleid", LegalItemState(status="nvt"))
    assert render_diff(diff_workbooks(example, new, content)) == (
        "Metingen\n"
        "  Meting 6 okt 2026: Eenvoud 2 → 3\n"
        "Wettelijk minimum\n"
        "  Arbobeleid voeren: status onbekend → nvt\n"
        "2 wijzigingen.\n"
    )


def run_diff(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = diff_command(list(args), out, err)
    return status, out.getvalue(), err.getvalue()


def test_diff_of_two_files_exits_like_diff(tmp_path: Path) -> None:
    old, new = tmp_path / "oud.toml", tmp_path / "nieuw.toml"
    text = EXAMPLE.read_text(encoding="utf-8")
    old.write_text(text, encoding="utf-8")
    new.write_text(text.replace('status = "ontbreekt"', 'status = "aanwezig"', 1), encoding="utf-8")
    assert run_diff(str(old), str(old)) == (0, "Geen inhoudelijke verschillen.\n", "")
    status, out, _ = run_diff(str(old), str(new))
    assert status == 1
    assert out == "Wettelijk minimum\n  PAGO aanbieden: status ontbreekt → aanwezig\n1 wijziging.\n"


def test_only_the_layout_changed_is_no_difference(tmp_path: Path) -> None:
    old, new = tmp_path / "oud.toml", tmp_path / "nieuw.toml"
    old.write_text('schema = 1\n[organisatie]\nnaam = "X"\nmedewerkers = 3\n', encoding="utf-8")
    new.write_text('schema = 1\norganisatie = { medewerkers = 3, naam = "X" }\n', encoding="utf-8")
    assert run_diff(str(old), str(new))[0] == 0


def test_a_broken_or_missing_file_exits_2_with_the_reason(tmp_path: Path) -> None:
    broken = tmp_path / "kapot.toml"
    broken.write_text("schema = 1\n[organisatie\n", encoding="utf-8")
    status, out, err = run_diff(str(broken), str(EXAMPLE))
    assert (status, out) == (2, "") and err.startswith(f"{broken}:2:")
    status, _, err = run_diff(str(EXAMPLE), str(tmp_path / "weg.toml"))
    assert status == 2 and "weg.toml: bestand niet gevonden" in err
    assert run_diff()[0] == 2 and run_diff("a", "b", "c")[0] == 2


def test_merge_conflicts_that_came_and_went_are_a_section_of_their_own(content: Content) -> None:
    from models.merge import MergeSource, merge_sources
    from models.merge_conflicts import resolve_conflict

    base = EXAMPLE.read_text(encoding="utf-8")
    owner = 'eigenaar = "Linda Bos (office manager)"'
    ours = base.replace(owner, 'eigenaar = "Anna"', 1)
    theirs = base.replace(owner, 'eigenaar = "Bob"', 1)
    merged = merge_sources(MergeSource("b", base), MergeSource("o", ours), MergeSource("h", theirs), content).workbook
    before = load_workbook(EXAMPLE, content).workbook
    before = before.model_copy(update={"acties": merged.acties})  # the same plan, without the conflict
    came = diff_workbooks(before, merged, content)
    assert [(line.section, line.text) for line in came] == [
        (
            "Conflicten",
            "conflict: actie A1 'Verzuimcijfers 2024-2025 analyseren met bedrijfsarts', veld eigenaar: "
            'ons "Anna", hun "Bob" (basis "Linda Bos (office manager)")',
        )
    ]
    resolved = resolve_conflict(merged, 0, "hun", content=content)
    went = render_diff(diff_workbooks(merged, resolved, content))
    assert "Conflicten\n  opgelost: actie A1 'Verzuimcijfers 2024-2025 analyseren met bedrijfsarts', eigenaar" in went
    assert "Acties\n  A1 Verzuimcijfers 2024-2025 analyseren met bedrijfsarts: eigenaar Anna → Bob" in went


# -- consent to the plan ------------------------------------------------------------------------------

DECEMBER = dt.date(2026, 12, 1)


def with_consents(workbook: Workbook) -> Workbook:
    workbook = with_agreement(
        workbook, Agreement(datum=DECEMBER, door="werkgever", namen=["Marco van Dijk"], plaats="Zwolle")
    )
    return with_agreement(workbook, Agreement(datum=DECEMBER, door="pvt", namen=["Kevin Jansen", "Anouk Vos"]))


def test_consent_added_and_removed_in_plain_dutch(example: Workbook, content: Content) -> None:
    given = with_consents(example)
    assert lines(example, given, content) == [
        "Akkoord: Akkoord van de werkgever op 1 dec 2026 in Zwolle toegevoegd: Marco van Dijk",
        "Akkoord: Akkoord van de personeelsvertegenwoordiging (PVT) op 1 dec 2026 toegevoegd: Kevin Jansen, Anouk Vos",
    ]
    assert lines(given, without_agreement(given, 1), content) == [
        "Akkoord: Akkoord van de personeelsvertegenwoordiging (PVT) op 1 dec 2026 verwijderd (Kevin Jansen, Anouk Vos)"
    ]
    rendered = render_diff(diff_workbooks(example, given, content))
    assert rendered.startswith("Akkoord\n  Akkoord van de werkgever op 1 dec 2026 in Zwolle toegevoegd")
    assert "Werkboek" not in rendered, "consent is its own section, not a raw 'akkoord' field"


def test_consent_changed_field_by_field_also_a_new_date_or_role(example: Workbook, content: Content) -> None:
    given = with_consents(example)
    employer, staff = given.akkoord
    changed = with_agreement(
        given,
        employer.model_copy(
            update={"datum": dt.date(2026, 12, 3), "namen": ["Marco van Dijk", "Linda Bos"], "opmerking": "Na overleg"}
        ),
        0,
    )
    changed = with_agreement(changed, staff.model_copy(update={"door": "or"}), changed.akkoord.index(staff))
    assert lines(given, changed, content) == [
        "Akkoord: Akkoord van de ondernemingsraad (OR) op 1 dec 2026: door Personeelsvertegenwoordiging (PVT) → "
        "Ondernemingsraad (OR)",
        "Akkoord: Akkoord van de werkgever op 3 dec 2026: datum 1 dec 2026 → 3 dec 2026",
        "Akkoord: Akkoord van de werkgever op 3 dec 2026: namen + Linda Bos",
        "Akkoord: Akkoord van de werkgever op 3 dec 2026: opmerking (leeg) → Na overleg",
    ]


def test_two_consents_of_one_role_on_other_dates_are_told_apart(example: Workbook, content: Content) -> None:
    first = with_agreement(example, Agreement(datum=DECEMBER, door="werkgever", namen=["Marco van Dijk"]))
    second = with_agreement(first, Agreement(datum=dt.date(2027, 6, 1), door="werkgever", namen=["Marco van Dijk"]))
    assert lines(first, second, content) == [
        "Akkoord: Akkoord van de werkgever op 1 jun 2027 toegevoegd: Marco van Dijk"
    ]
