"""The Acties index gives exactly the rows, positions and widths of filtering and sorting afresh, however
the plan and the filter got where they are: typing, backspacing, quick filters, sorting, edits."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from typing import get_args

import pytest
from conftest import TODAY

from models.action_index import ActionIndex
from models.action_list import SORT_KEYS, ActionFilter, SortKey, filtered, narrows, sorted_actions
from models.content import Content
from models.workbook import ACTION_STATUSES, Action
from widgets.action_table import Measure, widest

WORDS = ["werkdruk", "tillen", "overleg", "Één", "ploegendienst", "knielen", "café", "rooster", "PVT", "zeeën"]
OWNERS = [None, "Ans de Vries", "Jeroen Smit", "Özlem Kaya", "teamleider"]


def random_action(number: int, content: Content, rng: random.Random) -> Action:
    """An action with some fields empty and some texts alike, so ties and empty values get sorted too."""
    factors = [factor.id for factor in content.factors]
    phases = [phase.id for phase in content.phases]
    return Action(
        id=f"A{number}",
        titel=" ".join(rng.sample(WORDS, rng.randint(1, 3))) + rng.choice(["", f" {number}"]),
        status=rng.choice(ACTION_STATUSES),
        fase=rng.choice([None, *phases]),
        succesfactoren=rng.sample(factors, rng.randint(0, 3)),
        eigenaar=rng.choice(OWNERS),
        deadline=rng.choice([None, TODAY + dt.timedelta(days=rng.randint(-60, 60))]),
        wat=rng.choice([None, " ".join(rng.sample(WORDS, 2))]),
    )


def random_plan(count: int, content: Content, rng: random.Random) -> list[Action]:
    return [random_action(number, content, rng) for number in range(1, count + 1)]


def fresh(plan: list[Action], wanted: ActionFilter, sort: tuple[SortKey, bool], content: Content) -> list[str]:
    return [a.id for a in sorted_actions(filtered(plan, wanted, TODAY), sort[0], content, reverse=sort[1])]


def random_text(rng: random.Random) -> str:
    word = rng.choice(WORDS).lower()
    return word[: rng.randint(1, len(word))] + rng.choice(["", " ", f" {rng.randint(1, 30)}"])


def random_quick(rng: random.Random, content: Content) -> ActionFilter:
    return ActionFilter(
        status=rng.choice([None, None, *ACTION_STATUSES]),
        phase=rng.choice([None, None, content.phases[0].id]),
        factor=rng.choice([None, None, content.factors[0].id]),
        owner=rng.choice([None, None, "Jeroen Smit"]),
        overdue_only=rng.random() < 0.2,
    )


@pytest.mark.parametrize("seed", range(6))
def test_typing_backspacing_and_sorting_give_the_rows_of_a_fresh_filter(content: Content, seed: int) -> None:
    rng = random.Random(seed)
    plan = random_plan(300, content, rng)
    index = ActionIndex(plan, content, TODAY, measure=Measure(content))
    for _ in range(8):
        quick = random_quick(rng, content)
        sort = (rng.choice(SORT_KEYS), rng.random() < 0.5)
        query = " ".join(random_text(rng) for _ in range(rng.randint(1, 2)))
        typed = [query[:n] for n in range(len(query) + 1)]
        for text in [*typed, *reversed(typed)]:  # type the query, then backspace it all
            wanted = dataclasses.replace(quick, text=text)
            rows = index.rows(wanted, sort)
            assert [a.id for a in rows] == fresh(plan, wanted, sort, content), (wanted, sort)


@pytest.mark.parametrize("seed", range(6))
def test_after_edits_additions_and_deletions_the_rows_widths_and_positions_are_as_fresh(
    content: Content, seed: int
) -> None:
    rng = random.Random(100 + seed)
    plan = random_plan(300, content, rng)
    measure = Measure(content)
    index = ActionIndex(plan, content, TODAY, measure=measure)
    filters = [ActionFilter(text=random_text(rng)) for _ in range(3)] + [random_quick(rng, content), ActionFilter()]
    sorts = [(key, reverse) for key in get_args(SortKey) for reverse in (False, True)]
    next_number = len(plan) + 1
    for _ in range(40):
        for wanted in rng.sample(filters, 3):  # some filters and sorts known to the index before the change
            index.rows(wanted, rng.choice(sorts))
        change = rng.random()
        if change < 0.5:  # an edit: a new object in place of the old one, as the store makes it
            position = rng.randrange(len(plan))
            edited = random_action(0, content, rng).model_copy(update={"id": plan[position].id})
            plan = [*plan[:position], edited, *plan[position + 1 :]]
        elif change < 0.75:
            plan = [*plan, random_action(next_number, content, rng)]
            next_number += 1
        else:
            plan = [a for i, a in enumerate(plan) if i != rng.randrange(len(plan))]
        index = ActionIndex(plan, content, TODAY, index, measure=measure)
        assert index.widths == widest(plan, content)
        for wanted in filters:
            sort = rng.choice(sorts)
            rows = index.rows(wanted, sort)
            assert [a.id for a in rows] == fresh(plan, wanted, sort, content), (wanted, sort)
            for action in rng.sample(rows, min(3, len(rows))):
                assert index.position(rows, sort, action.id) == rows.index(action)


def test_many_changes_at_once_start_afresh_and_still_agree(content: Content) -> None:
    rng = random.Random(7)
    plan = random_plan(200, content, rng)
    index = ActionIndex(plan, content, TODAY, measure=Measure(content))
    index.rows(ActionFilter(text="over"), ("titel", False))
    reloaded = random_plan(250, content, rng)  # another file: every action new
    index = ActionIndex(reloaded, content, TODAY, index, measure=index.measure)
    assert [a.id for a in index.rows(ActionFilter(text="over"), ("titel", False))] == fresh(
        reloaded, ActionFilter(text="over"), ("titel", False), content
    )
    assert index.widths == widest(reloaded, content)


def test_rows_given_out_never_change_afterwards(content: Content) -> None:
    rng = random.Random(3)
    plan = random_plan(50, content, rng)
    index = ActionIndex(plan, content, TODAY)
    rows = index.rows(ActionFilter(), ("id", False))
    before = list(rows)
    changed = [plan[0].model_copy(update={"titel": "Nieuw"}), *plan[1:], random_action(51, content, rng)]
    ActionIndex(changed, content, TODAY, index).rows(ActionFilter(), ("id", False))
    assert rows == before


def test_a_position_of_an_action_not_shown_is_none(content: Content) -> None:
    plan = random_plan(30, content, random.Random(5))
    index = ActionIndex(plan, content, TODAY)
    rows = index.rows(ActionFilter(status="klaar"), ("deadline", True))
    hidden = next(a for a in plan if a.status != "klaar")
    assert index.position(rows, ("deadline", True), hidden.id) is None
    assert index.position(rows, ("deadline", True), "A999") is None


@pytest.mark.parametrize("seed", range(4))
def test_a_narrower_filter_never_lets_more_through(content: Content, seed: int) -> None:
    rng = random.Random(seed)
    plan = random_plan(200, content, rng)
    for _ in range(200):
        wider = dataclasses.replace(random_quick(rng, content), text=random_text(rng))
        narrower = dataclasses.replace(random_quick(rng, content), text=random_text(rng) + " " + random_text(rng))
        if narrows(narrower, wider):
            assert {a.id for a in filtered(plan, narrower, TODAY)} <= {a.id for a in filtered(plan, wider, TODAY)}
    assert narrows(ActionFilter(text="werkd"), ActionFilter(text="werk"))
    assert narrows(ActionFilter(text="tillen over"), ActionFilter(text="over"))
    assert not narrows(ActionFilter(text="wer"), ActionFilter(text="werk"))
    assert narrows(ActionFilter(status="bezig", text="a"), ActionFilter(text="a"))
    assert not narrows(ActionFilter(text="a"), ActionFilter(status="bezig", text="a"))
