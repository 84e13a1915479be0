"""The reference content: complete, consistent, and every item traceable to a seed document."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from models.content import LEVELS, Content, content_folder, load_content
from models.problems import WorkbookError

FACTOR_IDS = [
    "bewustwording",
    "vertrouwen",
    "eenvoud",
    "kennis",
    "betrokkenheid",
    "tijd",
    "borging",
    "middelen",
    "communicatie",
    "openheid",
]
PHASE_IDS = ["in-kaart", "kiezen", "plannen", "invoeren", "evalueren"]


def test_ten_factors_with_the_design_ids_in_order(content: Content) -> None:
    assert [factor.id for factor in content.factors] == FACTOR_IDS


def test_five_phases_with_the_design_ids_in_order(content: Content) -> None:
    assert [phase.id for phase in content.phases] == PHASE_IDS


def test_every_factor_has_a_scoring_guide_for_each_level(content: Content) -> None:
    for factor in content.factors:
        assert set(factor.niveaus) == set(LEVELS), factor.id
        assert all(factor.level_text(score).strip() for score in range(1, 5))
    assert [content.scale_label(score) for score in range(1, 5)] == ["Ontbreekt", "Incidenteel", "In opbouw", "Geborgd"]


def test_phase_checklists_have_five_to_eight_unique_items(content: Content) -> None:
    for phase in content.phases:
        ids = [item.id for item in phase.checklist]
        assert 5 <= len(ids) <= 8, phase.id
        assert len(set(ids)) == len(ids), phase.id
        assert phase.stappen, phase.id


def test_every_source_names_a_known_seed_file(content: Content) -> None:
    seeds = {source.bestand for source in content.sources}
    assert len(seeds) == 5
    items = [factor.bron for factor in content.factors] + [phase.bron for phase in content.phases]
    items += [item.bron for phase in content.phases for item in phase.checklist]
    for bron in items:
        for part in bron.split(";"):
            assert part.split(",")[0].strip() in seeds, bron


def _copy_content(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    shutil.copytree(content_folder(), folder, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    return folder


def test_an_unknown_seed_in_a_source_is_reported_with_its_line(tmp_path: Path) -> None:
    folder = _copy_content(tmp_path)
    path = folder / "fasen.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('bron = "000_40d88adfc350a5eb.txt', 'bron = "999_onbekend.txt', 1), encoding="utf-8")
    with pytest.raises(WorkbookError) as caught:
        load_content(folder)
    (problem,) = caught.value.problems
    assert problem.path == "fasen[1].bron"
    assert problem.line is not None and "999_onbekend.txt" in path.read_text().splitlines()[problem.line - 1]
    assert "onbekend bestand 999_onbekend.txt" in problem.message


def test_a_missing_scoring_level_is_an_error(tmp_path: Path) -> None:
    folder = _copy_content(tmp_path)
    path = folder / "succesfactoren.toml"
    lines = path.read_text(encoding="utf-8").splitlines()
    first_level_four = next(i for i, line in enumerate(lines) if line.startswith("4 = ") and i > 10)
    del lines[first_level_four]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(WorkbookError) as caught:
        load_content(folder)
    assert "mist niveau 4" in str(caught.value)


def test_a_duplicate_checklist_id_is_an_error(tmp_path: Path) -> None:
    folder = _copy_content(tmp_path)
    path = folder / "fasen.toml"
    text = path.read_text(encoding="utf-8").replace('id = "verzuimcijfers"', 'id = "rie-actueel"')
    path.write_text(text, encoding="utf-8")
    with pytest.raises(WorkbookError) as caught:
        load_content(folder)
    assert "checklist-id komt dubbel voor: rie-actueel" in str(caught.value)
