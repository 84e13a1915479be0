"""Scoring rounds, checklists, the legal minimum, levels, the logbook and the profile, in models/."""

from __future__ import annotations

import datetime as dt
import tomllib

import pytest
from conftest import TODAY

from models.canonical import dumps_workbook
from models.checklists import is_ticked, with_current_phase, with_item_note, with_ticked
from models.content import Content
from models.figures import dashboard_figures
from models.legal import (
    legal_figures,
    legal_form_values,
    legal_state,
    legal_state_from_form,
    with_legal_state,
    with_next_status,
)
from models.levels import ALLOWED, LEVEL_MODELS, current_levels, level_history, levels_of, with_level
from models.logbook import log_entry_from_form, newest_first, with_log_entry, without_log_entry
from models.problems import WorkbookError
from models.profile import organisation_from_form, profile_form_values, size_class
from models.references import reference_errors
from models.scoring import (
    RoundDateTaken,
    linked_actions,
    round_on,
    round_summary,
    sparkline,
    with_round_date,
    with_round_note,
    with_score,
    without_round,
)
from models.store import parse_workbook
from models.workbook import Action, LegalItemState, LogEntry, Organisation, ScoringRound, Workbook

MARCH = dt.date(2026, 3, 10)
OCTOBER = dt.date(2026, 10, 6)


def _workbook(**fields: object) -> Workbook:
    return Workbook(organisatie=Organisation(naam="Test BV"), **fields)  # type: ignore[arg-type]


def _saved(workbook: Workbook, content: Content) -> dict[str, object]:
    return tomllib.loads(dumps_workbook(workbook, content))


# -- scoring rounds ----------------------------------------------------------------------------


def test_a_first_score_starts_the_round_and_later_scores_fill_it(content: Content) -> None:
    workbook = with_score(_workbook(), TODAY, "tijd", 2)
    workbook = with_score(workbook, TODAY, "kennis", 4)
    workbook = with_score(workbook, TODAY, "tijd", 3)
    assert _saved(workbook, content)["metingen"] == [{"datum": TODAY, "scores": {"kennis": 4, "tijd": 3}}]


def test_clearing_a_score_skips_the_factor_and_scores_outside_1_to_4_are_refused() -> None:
    workbook = with_score(with_score(_workbook(), TODAY, "tijd", 2), TODAY, "tijd", None)
    scoring = round_on(workbook, TODAY)
    assert scoring is not None and scoring.scores == {}
    with pytest.raises(ValueError, match="1, 2, 3 of 4"):
        with_score(workbook, TODAY, "tijd", 5)


def test_rounds_stay_in_date_order_and_an_earlier_round_is_corrected_in_place(content: Content) -> None:
    workbook = _workbook(metingen=[ScoringRound(datum=OCTOBER, scores={"tijd": 2})])
    workbook = with_score(workbook, MARCH, "tijd", 1)
    workbook = with_score(workbook, OCTOBER, "tijd", 3)
    assert [(r.datum, r.scores) for r in workbook.metingen] == [(MARCH, {"tijd": 1}), (OCTOBER, {"tijd": 3})]


def test_a_note_is_kept_per_factor_and_blank_text_removes_it(content: Content) -> None:
    workbook = with_round_note(_workbook(), TODAY, "tijd", "  Geen uren voor preventie.  ")
    assert _saved(workbook, content)["metingen"] == [
        {"datum": TODAY, "toelichting": {"tijd": "Geen uren voor preventie."}}
    ]
    workbook = with_round_note(workbook, TODAY, "tijd", "   ")
    scoring = round_on(workbook, TODAY)
    assert scoring is not None and scoring.toelichting == {}


def test_moving_a_round_to_a_taken_date_is_refused() -> None:
    workbook = _workbook(
        metingen=[ScoringRound(datum=MARCH, scores={"tijd": 1}), ScoringRound(datum=OCTOBER, scores={"tijd": 2})]
    )
    moved = with_round_date(workbook, MARCH, dt.date(2026, 3, 12))
    assert [r.datum for r in moved.metingen] == [dt.date(2026, 3, 12), OCTOBER]
    with pytest.raises(RoundDateTaken, match="6-10-2026"):
        with_round_date(workbook, MARCH, OCTOBER)
    assert [r.datum for r in without_round(workbook, MARCH).metingen] == [OCTOBER]


def test_factor_history_previous_and_sparkline(content: Content) -> None:
    workbook = _workbook(
        metingen=[
            ScoringRound(datum=MARCH, scores={"tijd": 1}),
            ScoringRound(datum=dt.date(2026, 6, 1), scores={}),
            ScoringRound(datum=OCTOBER, scores={"tijd": 4}),
        ]
    )
    tijd = next(f for f in dashboard_figures(workbook, content, TODAY).factors if f.factor.id == "tijd")
    assert tijd.history == (1, None, 4)
    assert (tijd.latest, tijd.previous, tijd.change) == (4, 1, 3)
    assert sparkline(tijd.history, 8) == "▁·█"
    assert sparkline(tijd.history, 2) == "·█"
    assert round_summary(workbook.metingen[0], content) == "1 van 10 gescoord · gemiddeld 1,0"


def test_linked_actions_are_counted_by_where_they_stand() -> None:
    workbook = _workbook(
        acties=[
            Action(id="A1", titel="a", status="bezig", succesfactoren=["tijd"], fase="plannen"),
            Action(id="A2", titel="b", status="klaar", succesfactoren=["tijd", "kennis"]),
            Action(id="A3", titel="c", status="gestopt", succesfactoren=["tijd"]),
            Action(id="A4", titel="d", status="idee", succesfactoren=["kennis"], fase="plannen"),
        ]
    )
    tijd = linked_actions(workbook, factor="tijd")
    assert (tijd.open, tijd.done, tijd.stopped) == (1, 1, 1)
    plannen = linked_actions(workbook, phase="plannen")
    assert (plannen.open, plannen.done) == (2, 0)


# -- checklists and the current phase ------------------------------------------------------------


def test_ticking_unticking_and_notes_on_checklist_items(content: Content) -> None:
    workbook = with_ticked(_workbook(), "kiezen", "prioriteiten", True)
    workbook = with_ticked(workbook, "kiezen", "bronaanpak-eerst", True)
    workbook = with_item_note(workbook, "kiezen", "prioriteiten", "Top drie gekozen")
    saved = _saved(workbook, content)["fasen"]
    assert saved == {
        "kiezen": {"afgevinkt": ["prioriteiten", "bronaanpak-eerst"], "notities": {"prioriteiten": "Top drie gekozen"}}
    }
    workbook = with_ticked(workbook, "kiezen", "prioriteiten", False)
    assert not is_ticked(workbook, "kiezen", "prioriteiten")
    assert is_ticked(workbook, "kiezen", "bronaanpak-eerst")
    emptied = with_item_note(with_ticked(workbook, "kiezen", "bronaanpak-eerst", False), "kiezen", "prioriteiten", "")
    assert "fasen" not in _saved(emptied, content)  # nothing left to say about the phase


def test_the_current_phase_is_the_first_incomplete_one_unless_chosen(content: Content) -> None:
    everything = [item.id for item in content.phases[0].checklist]
    workbook = with_ticked(_workbook(), "in-kaart", everything[0], True)
    figures = dashboard_figures(workbook, content, TODAY)
    assert figures.current_phase is not None and figures.current_phase.phase.id == "in-kaart"
    assert not figures.phase_chosen
    chosen = with_current_phase(workbook, "plannen")
    figures = dashboard_figures(chosen, content, TODAY)
    assert figures.current_phase is not None and figures.current_phase.phase.id == "plannen"
    assert figures.phase_chosen
    assert dumps_workbook(chosen, content).startswith('schema = 1\nhuidige_fase = "plannen"\n')
    assert "huidige_fase" not in dumps_workbook(with_current_phase(chosen, None), content)


def test_an_unknown_current_phase_in_a_file_is_an_error(content: Content) -> None:
    workbook = _workbook(huidige_fase="afronden")
    assert [loc for loc, _ in reference_errors(workbook, content)] == [("huidige_fase",)]


# -- legal minimum --------------------------------------------------------------------------------


def test_space_steps_the_legal_status_round_and_onbekend_leaves_the_file_empty(content: Content) -> None:
    workbook = _workbook()
    seen = []
    for _ in range(4):
        workbook = with_next_status(workbook, "pago")
        seen.append(legal_state(workbook, "pago").status)
    assert seen == ["aanwezig", "ontbreekt", "nvt", "onbekend"]
    assert "wettelijk" not in _saved(workbook, content)


def test_legal_figures_count_aanwezig_and_nvt_as_in_order(content: Content) -> None:
    workbook = _workbook(
        wettelijk={
            "rie": LegalItemState(status="aanwezig"),
            "bhv": LegalItemState(status="nvt"),
            "pago": LegalItemState(status="ontbreekt"),
        }
    )
    figures = legal_figures(workbook, content)
    assert (figures.in_order, figures.total) == (2, len(content.legal))
    assert [item.id for item in figures.missing] == ["pago"]
    assert len(figures.unknown) == len(content.legal) - 3


def test_the_legal_form_checks_the_date_and_keeps_unknown_keys() -> None:
    original = LegalItemState.model_validate({"status": "aanwezig", "kenmerk": "X-12"})
    state, errors = legal_state_from_form({"status": "ontbreekt", "datum": "31-02-2026", "notitie": ""}, original)
    assert state is None and errors == {"datum": "31-2-2026 bestaat niet: februari 2026 heeft 28 dagen"}
    state, errors = legal_state_from_form({"status": "ontbreekt", "datum": "1-3-2026", "notitie": " ok "}, original)
    assert errors == {} and state is not None
    assert (state.status, state.datum, state.notitie) == ("ontbreekt", dt.date(2026, 3, 1), "ok")
    assert state.model_extra == {"kenmerk": "X-12"}
    assert legal_form_values(state) == {"status": "ontbreekt", "datum": "1-3-2026", "notitie": "ok"}
    assert with_legal_state(_workbook(), "rie", state).wettelijk["rie"] == state


# -- levels ---------------------------------------------------------------------------------------


def test_the_file_format_allows_exactly_the_content_level_ids(content: Content) -> None:
    for model in LEVEL_MODELS:
        assert tuple(level.id for level in levels_of(content, model)) == ALLOWED[model]


def test_a_level_set_today_carries_the_others_and_shows_in_the_history(content: Content) -> None:
    workbook = with_level(_workbook(), "mentale_ladder", "startend", MARCH)
    workbook = with_level(workbook, "di_typologie", "ab", MARCH)  # same day: same entry
    workbook = with_level(workbook, "mentale_ladder", "gevorderd", OCTOBER)
    assert _saved(workbook, content)["niveaus"] == [
        {"datum": MARCH, "mentale_ladder": "startend", "di_typologie": "ab"},
        {"datum": OCTOBER, "mentale_ladder": "gevorderd", "di_typologie": "ab"},
    ]
    now = current_levels(workbook)
    assert (now["mentale_ladder"].level_id, now["mentale_ladder"].since) == ("gevorderd", OCTOBER)
    assert (now["di_typologie"].level_id, now["di_typologie"].since) == ("ab", MARCH)
    assert now["praktijkniveau"].level_id is None
    assert level_history(workbook, "mentale_ladder") == [(MARCH, "startend"), (OCTOBER, "gevorderd")]
    assert with_level(workbook, "mentale_ladder", "gevorderd", TODAY) is workbook  # no change, no entry
    with pytest.raises(ValueError, match="toegestaan: a, ab, b"):
        with_level(workbook, "di_typologie", "e", TODAY)


def test_an_unknown_level_in_a_file_names_the_allowed_ones(content: Content) -> None:
    text = 'schema = 1\n[organisatie]\nnaam = "X"\n[[niveaus]]\ndatum = 2026-01-01\nmentale_ladder = "hoog"\n'
    with pytest.raises(WorkbookError) as raised:
        parse_workbook("x.toml", text, content)
    assert str(raised.value) == (
        'x.toml:6:18: niveaus[1].mentale_ladder: ongeldige waarde "hoog"; toegestaan: startend, gevorderd, expert'
    )


# -- logbook --------------------------------------------------------------------------------------


def test_log_entries_are_saved_by_date_and_listed_newest_first(content: Content) -> None:
    workbook = with_log_entry(_workbook(), LogEntry(datum=OCTOBER, titel="Tweede"))
    workbook = with_log_entry(workbook, LogEntry(datum=MARCH, titel="Eerste"))
    workbook = with_log_entry(workbook, LogEntry(datum=OCTOBER, titel="Derde"))
    assert [e["titel"] for e in _saved(workbook, content)["logboek"]] == ["Eerste", "Tweede", "Derde"]  # type: ignore[index]
    assert [entry.titel for _, entry in newest_first(workbook)] == ["Derde", "Tweede", "Eerste"]
    position = next(index for index, entry in newest_first(workbook) if entry.titel == "Tweede")
    edited = with_log_entry(workbook, LogEntry(datum=OCTOBER, titel="Tweede, bijgewerkt"), position)
    assert [e.titel for e in edited.logboek] == ["Eerste", "Tweede, bijgewerkt", "Derde"]
    assert [e.titel for e in without_log_entry(edited, position).logboek] == ["Eerste", "Derde"]


def test_the_log_form_needs_a_date_and_title_and_splits_lines() -> None:
    entry, errors = log_entry_from_form({"datum": "", "titel": " "})
    assert entry is None and set(errors) == {"datum", "titel"}
    entry, errors = log_entry_from_form(
        {"datum": "22-11-2026", "titel": "Werkoverleg", "deelnemers": "Marco\n\n Erik \n", "afspraken": "A7 starten"}
    )
    assert errors == {} and entry is not None
    assert (entry.datum, entry.deelnemers, entry.afspraken) == (TODAY, ["Marco", "Erik"], ["A7 starten"])


# -- profile --------------------------------------------------------------------------------------


SIZES = [
    (1, "micro"),
    (9, "micro"),
    (10, "klein"),
    (49, "klein"),
    (50, "middelgroot"),
    (249, "middelgroot"),
    (250, "groot"),
]


@pytest.mark.parametrize(("staff", "expected"), SIZES)
def test_size_class_follows_the_number_of_staff(staff: int, expected: str) -> None:
    assert size_class(staff) == expected


def test_the_profile_form_refuses_bad_numbers_with_a_message_per_field() -> None:
    original = Organisation(naam="Bakkerij De Vries", medewerkers=23)
    values = profile_form_values(original) | {"medewerkers": "drieëntwintig", "verzuimpercentage": "120"}
    organisation, errors = organisation_from_form(values, original)
    assert organisation is None
    assert errors == {
        "medewerkers": "'drieëntwintig' is geen heel getal; schrijf bijvoorbeeld 23",
        "verzuimpercentage": "120% kan niet; een percentage ligt tussen 0 en 100",
    }
    values |= {"medewerkers": "24", "verzuimpercentage": "5,5%", "medezeggenschap": "pvt", "sector": ""}
    organisation, errors = organisation_from_form(values, original)
    assert errors == {} and organisation is not None
    assert (organisation.medewerkers, organisation.verzuimpercentage) == (24, 5.5)
    assert (organisation.medezeggenschap, organisation.sector) == ("pvt", None)
    assert profile_form_values(organisation)["verzuimpercentage"] == "5,5"
