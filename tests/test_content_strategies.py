"""Strategies and tips: a real choice in every factor × phase cell, and nothing a seed does not say."""

from __future__ import annotations

import re
import shutil
from collections import Counter
from pathlib import Path

import pytest

from models.content import Content, content_folder, load_content
from models.content_checks import MIN_STRATEGIES_PER_CELL
from models.content_items import EXAMPLE_OWNER_ROLES
from models.problems import WorkbookError

EVALUATION_MINIMUM = 3
"""Evaluation is where a consultant had least to offer (audit §1.2), so it gets one more than the rest."""


def _grid(content: Content) -> Counter[tuple[str, str]]:
    return Counter(
        (factor_id, phase_id)
        for strategy in content.strategies
        for factor_id in set(strategy.succesfactoren)
        for phase_id in set(strategy.fasen)
    )


def test_every_factor_has_two_strategies_in_every_phase_and_three_for_evaluation(content: Content) -> None:
    grid = _grid(content)
    thin = {
        (factor.id, phase.id): grid[factor.id, phase.id]
        for factor in content.factors
        for phase in content.phases
        if grid[factor.id, phase.id] < (EVALUATION_MINIMUM if phase.id == "evalueren" else MIN_STRATEGIES_PER_CELL)
    }
    assert thin == {}
    assert MIN_STRATEGIES_PER_CELL == 2


def test_a_content_folder_with_a_thin_cell_is_refused(tmp_path: Path, content: Content) -> None:
    grid = _grid(content)
    factor_id, phase_id = next(cell for cell, count in grid.items() if count == MIN_STRATEGIES_PER_CELL)
    dropped = next(s for s in content.strategies if factor_id in s.succesfactoren and phase_id in s.fasen)
    folder = tmp_path / "content"
    shutil.copytree(content_folder(), folder, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    path = folder / "strategieen.toml"
    blocks = re.split(r"(?m)^(?=\[\[strategieen\]\]\n)", path.read_text(encoding="utf-8"))
    kept = [block for block in blocks if f'\nid = "{dropped.id}"\n' not in block]
    assert len(kept) == len(blocks) - 1
    path.write_text("".join(kept), encoding="utf-8")

    with pytest.raises(WorkbookError) as caught:
        load_content(folder, complete=True)

    messages = [problem.message for problem in caught.value.problems]
    assert len(messages) == 1
    assert f"{factor_id} in {phase_id} (1)" in messages[0]
    assert "minstens twee" in messages[0]
    assert caught.value.problems[0].file.endswith("strategieen.toml")


RIVM_ADVISES = re.compile(r"\bRIVM\b[^.]{0,60}\b(raadt|adviseert|beveelt)\b", re.IGNORECASE)
"""'Het RIVM raadt aan …': seed 001 reports what interviewees said and advises researchers, not employers."""


def test_no_content_says_the_rivm_advises_what_its_report_does_not() -> None:
    said = {
        path.name: RIVM_ADVISES.findall(path.read_text(encoding="utf-8"))
        for path in sorted(content_folder().glob("*.toml"))
    }
    assert {name: found for name, found in said.items() if found} == {}


def test_example_owners_are_roles_a_small_firm_has(content: Content) -> None:
    allowed = {actor.id for actor in content.actors} | {actor.naam.lower() for actor in content.actors}
    allowed |= set(EXAMPLE_OWNER_ROLES)
    owners = Counter(example.eigenaar for strategy in content.strategies for example in strategy.voorbeelden)
    assert {owner: n for owner, n in owners.items() if owner not in allowed} == {}
    assert not {"hr", "hr-professional", "medewerkers"} & set(owners)


def test_the_business_owner_is_never_called_eigenaar(content: Content) -> None:
    texts = [strategy.uitleg for strategy in content.strategies]
    texts += [example.actie for strategy in content.strategies for example in strategy.voorbeelden]
    texts += [tip.tekst for tip in content.tips]
    assert [text for text in texts if re.search(r"\b(de|als|zijn|haar) eigenaar\b", text)] == []


def test_no_hij_or_hem_in_strategies_and_tips(content: Content) -> None:
    texts = [strategy.titel for strategy in content.strategies] + [strategy.uitleg for strategy in content.strategies]
    texts += [example.actie for strategy in content.strategies for example in strategy.voorbeelden]
    texts += [tip.tekst for tip in content.tips]
    assert [text for text in texts if re.search(r"\b(hij|hem)\b", text, re.IGNORECASE)] == []
