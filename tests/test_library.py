"""The library: every kind of content searchable by any word, grouped, filtered, highlighted."""

from __future__ import annotations

import pytest

from models.content import Content
from models.library import KIND_LABELS, Library
from models.plan import action_from_item, next_action_id
from models.text_search import fold, match_spans, snippet, terms
from models.workbook import Action, Organisation, Workbook


@pytest.fixture(scope="module")
def library() -> Library:
    from models.content import default_content

    return Library(default_content())


def test_every_kind_is_in_the_library(library: Library) -> None:
    assert {item.kind for item in library.items} == set(KIND_LABELS)


def test_a_word_from_the_body_finds_the_item(library: Library, content: Content) -> None:
    strategy = content.strategies[7]
    word = max(strategy.uitleg.split(), key=len).strip(".,;:()'\"")
    hits = library.search(word)
    assert strategy.id in [hit.item.id for hit in hits if hit.item.kind == "strategie"]


def test_search_ignores_case_and_accents(library: Library) -> None:
    plain = [hit.item.key for hit in library.search("financien")]
    accented = [hit.item.key for hit in library.search("FINANCIËN")]
    assert plain and plain == accented


def test_every_word_must_match(library: Library) -> None:
    for hit in library.search("werkdruk leidinggevende"):
        assert "werkdruk" in hit.item.folded_text and "leidinggevende" in hit.item.folded_text
    assert library.search("werkdruk qqqzzz") == []


def test_results_are_grouped_by_kind_in_a_fixed_order(library: Library) -> None:
    order = list(KIND_LABELS)
    kinds = [hit.item.kind for hit in library.search("preventiemedewerker")]
    assert kinds == sorted(kinds, key=order.index)
    assert len(set(kinds)) >= 3


def test_title_matches_come_first_within_a_kind(library: Library) -> None:
    hits = [hit for hit in library.search("werkdruk") if hit.item.kind == "strategie"]
    in_title = ["werkdruk" in hit.item.folded_title for hit in hits]
    assert in_title == sorted(in_title, reverse=True)
    assert all(hit.title_spans for hit in hits if "werkdruk" in hit.item.folded_title)


def test_filters_by_kind_factor_and_phase(library: Library) -> None:
    hits = library.search(kind="strategie", factor="tijd", phase="evalueren")
    assert hits
    assert all(h.item.kind == "strategie" and "tijd" in h.item.factors and "evalueren" in h.item.phases for h in hits)
    assert all(hit.item.kind == "wettelijk" for hit in library.search(kind="wettelijk"))


def test_match_positions_map_onto_the_original_text() -> None:
    text = "Financiën en personeel: Ökonomie"
    spans = match_spans(fold(text), terms("financien okonomie"))
    assert [text[a:b] for a, b in spans] == ["Financiën", "Ökonomie"]
    piece, inside = snippet("aaa " * 30 + "werkdruk" + " bbb" * 30, ["werkdruk"], 40) or ("", [])
    assert [piece[a:b] for a, b in inside] == ["werkdruk"] and piece.startswith("…") and piece.endswith("…")


def test_action_from_a_library_item(library: Library) -> None:
    workbook = Workbook(
        organisatie=Organisation(naam="X"), acties=[Action(id="A2", titel="a"), Action(id="A10", titel="b")]
    )
    assert next_action_id(workbook) == "A11"
    item = next(item for item in library.items if item.kind == "wettelijk" and item.id == "bhv")
    action = action_from_item(item, workbook)
    assert (action.id, action.titel, action.status, action.bron) == ("A11", item.title, "idee", "wettelijk:bhv")
    assert action.fase == item.phases[0] and action.succesfactoren == list(item.factors)
