"""The reference content: complete, consistent, and every item traceable to a seed document."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from models.content import Content, content_folder, load_content
from models.content_items import EVIDENCE, LEVELS, Intervention
from models.problems import WorkbookError
from models.schema import ValidationError

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
    guide = lines.index("[succesfactoren.niveaus]")  # the first factor's scoring guide, not the scale above it
    first_level_four = next(i for i, line in enumerate(lines) if line.startswith("4 = ") and i > guide)
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


def _all_items(content: Content) -> dict[str, tuple[object, ...]]:
    return {
        "strategie": content.strategies,
        "wettelijk": content.legal,
        "interventie": content.interventions,
        "praktijk": content.practices,
        "ladder": content.ladder,
        "praktijkniveau": content.practice_levels,
        "di-type": content.di_types,
        "domein": content.domains,
        "stap": content.steps,
        "w-vraag": content.w_questions,
        "toetsvraag": content.test_questions,
        "actor": content.actors,
        "tip": content.tips,
    }


def test_the_library_has_what_the_issue_asks_for(content: Content) -> None:
    assert len(content.strategies) >= 50
    assert len(content.legal) >= 12
    assert len(content.practices) >= 40
    assert len(content.actors) >= 15
    assert len(content.tips) >= 20
    assert [level.id for level in content.ladder] == ["startend", "gevorderd", "expert"]
    assert len(content.practice_levels) == 3
    assert {"a", "b", "c", "d"} <= {t.id for t in content.di_types}
    assert (len(content.domains), len(content.steps), len(content.test_questions)) == (7, 8, 3)
    assert [w.id for w in content.w_questions] == ["wat", "waarom", "wie", "werkwijze", "waar", "wanneer"]
    assert {intervention.doel for intervention in content.interventions} == {"lichamelijk", "mentaal", "algemeen"}


def test_ids_are_unique_per_kind(content: Content) -> None:
    for kind, items in _all_items(content).items():
        ids = [item.id for item in items]  # type: ignore[attr-defined]
        assert len(ids) == len(set(ids)), kind


def test_every_factor_has_at_least_five_strategies_and_one_in_every_phase(content: Content) -> None:
    for factor in content.factors:
        own = [s for s in content.strategies if factor.id in s.succesfactoren]
        assert len(own) >= 5, factor.id
        assert {phase for s in own for phase in s.fasen} == {p.id for p in content.phases}, factor.id
        assert all(1 <= len(s.voorbeelden) <= 3 for s in own)


def test_every_reference_resolves(content: Content) -> None:
    factors, phases = set(content.factor_by_id), set(content.phase_by_id)
    for kind, items in _all_items(content).items():
        for item in items:
            assert set(getattr(item, "succesfactoren", [])) <= factors, (kind, item)
            assert set(getattr(item, "fasen", [])) <= phases, (kind, item)
            if hasattr(item, "fase"):
                assert item.fase in phases, (kind, item)


def test_legal_items_cover_the_required_topics(content: Content) -> None:
    required = {
        "rie", "plan-van-aanpak", "rie-actueel", "toetsing", "preventiemedewerker", "arbodienst", "basiscontract",
        "open-spreekuur", "second-opinion", "werkplekbezoek", "klachtenprocedure", "beroepsziekten", "pago", "bhv",
        "voorlichting", "verzuimbegeleiding", "psa-beleid",
    }  # fmt: skip
    assert required <= set(content.legal_by_id)


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, (list, tuple)):
        return [s for item in value for s in _strings(item)]
    if hasattr(type(value), "model_fields"):
        return [s for name in type(value).model_fields for s in _strings(getattr(value, name))]
    return []


def test_no_empty_text_anywhere(content: Content) -> None:
    everything = [*content.factors, *content.phases, *content.sources]
    for items in _all_items(content).values():
        everything += items
    for item in everything:
        for text in _strings(item):
            assert text.strip(), item


def test_every_source_of_every_kind_names_a_seed_file(content: Content) -> None:
    seeds = {source.bestand for source in content.sources}
    for items in _all_items(content).values():
        for item in items:
            for part in item.bron.split(";"):  # type: ignore[attr-defined]
                assert part.split(",")[0].strip() in seeds, item


def test_practices_are_marked_self_reported_in_the_library(content: Content) -> None:
    from models.library import SELF_REPORTED, Library

    library = Library(content)
    practice = next(item for item in library.items if item.kind == "praktijk")
    assert SELF_REPORTED in practice.body


def test_a_strategy_without_a_known_factor_is_an_error(tmp_path: Path) -> None:
    folder = _copy_content(tmp_path)
    path = folder / "strategieen.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('succesfactoren = ["', 'succesfactoren = ["onbekend", "', 1), encoding="utf-8")
    with pytest.raises(WorkbookError) as caught:
        load_content(folder, complete=True)
    problem = caught.value.problems[0]
    assert problem.path == "strategieen[1].succesfactoren[1]"
    assert "onbekende succesfactor 'onbekend'" in problem.message


def test_a_duplicate_id_within_a_kind_is_an_error(tmp_path: Path) -> None:
    folder = _copy_content(tmp_path)
    path = folder / "tips.toml"
    text = path.read_text(encoding="utf-8")
    first_id = text.split('id = "', 2)[1].split('"')[0]
    second_id = text.split('id = "', 3)[2].split('"')[0]
    path.write_text(text.replace(f'id = "{second_id}"', f'id = "{first_id}"'), encoding="utf-8")
    with pytest.raises(WorkbookError) as caught:
        load_content(folder, complete=True)
    assert f"id '{first_id}' komt al voor" in str(caught.value)
    assert caught.value.problems[0].path == "tips[2].id"


def test_the_library_part_is_read_on_first_use_only(tmp_path: Path) -> None:
    folder = _copy_content(tmp_path)
    (folder / "praktijken.toml").write_text("[[praktijken]]\nid = 3\n", encoding="utf-8")
    content = load_content(folder)  # start-up: framework only, so this still works
    assert len(content.factors) == 10
    with pytest.raises(WorkbookError) as caught:
        _ = content.practices
    assert caught.value.problems[0].file.endswith("praktijken.toml")


SEED_VERDICTS = (
    "effectief",
    "lijken effectief",
    "mogelijk effectief",
    "niet effectief",
    "tegenstrijdig",
    "geen oordeel in de bron",
)


def test_intervention_verdicts_use_only_the_seed_vocabulary(content: Content) -> None:
    assert EVIDENCE == SEED_VERDICTS
    assert content.interventions
    for intervention in content.interventions:
        assert intervention.bewijs in SEED_VERDICTS, intervention.id
    fields = content.interventions[0].model_dump()
    with pytest.raises(ValidationError):
        Intervention.model_validate({**fields, "bewijs": "onvoldoende onderzocht"})


def test_a_made_up_verdict_is_refused_when_content_loads(tmp_path: Path) -> None:
    folder = _copy_content(tmp_path)
    path = folder / "interventies.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('bewijs = "mogelijk effectief"', 'bewijs = "bewezen effectief"', 1), encoding="utf-8")
    with pytest.raises(WorkbookError) as caught:
        load_content(folder, complete=True)
    (problem,) = caught.value.problems
    assert problem.path == "interventies[1].bewijs"
    assert "ongeldige waarde" in problem.message and "bewezen effectief" in problem.message
    assert "geen oordeel in de bron" in problem.message


def test_the_interventions_seed_001_hedges_say_lijken_effectief(content: Content) -> None:
    """001 §2.4 and §6.1: these 'lijken effectief'; the seed stresses that few interventions are proven."""
    verdicts = {intervention.id: intervention.bewijs for intervention in content.interventions}
    for item in (
        "cgt-angst-depressie",
        "bedrijfsarts-bij-hoog-risico",
        "persoon-en-omgeving-mentaal",
        "leefstijl-voeding-en-beweging",
    ):
        assert verdicts[item] == "lijken effectief", item
    assert "effectief" not in verdicts.values()


def test_every_intervention_verdict_is_the_one_seed_001_gives(content: Content) -> None:
    no_verdict = "geen oordeel in de bron"
    assert {intervention.id: intervention.bewijs for intervention in content.interventions} == {
        "beweegprogramma": "mogelijk effectief",  # §2.3.1 "aanwijzingen", §2.4 "weinig wetenschappelijk bewijs"
        "pauzesoftware": no_verdict,  # §2.3.1, example only
        "griepvaccinatie": no_verdict,  # §2.3.1, example only
        "tiltechniek-en-rugbrace": no_verdict,  # §2.3.1, example only
        "training-leidinggevenden-stress": no_verdict,  # §2.3.2, example only
        "stressmanagement-met-werk-en-leefstijl": "lijken effectief",  # §2.4 first kind, named as its example
        "persoon-en-omgeving-mentaal": "lijken effectief",  # §2.4 first kind, §6.1
        "cgt-angst-depressie": "lijken effectief",  # §2.4 second kind, §6.1
        "bedrijfsarts-bij-hoog-risico": "lijken effectief",  # §2.4 second kind, §6.1
        "rooster-nachtwerk": no_verdict,  # §2.3.3, example only
        "keuring-voor-indiensttreding": no_verdict,  # §2.3.3, example only
        "leefstijl-voeding-en-beweging": "lijken effectief",  # §2.3.3, §2.4 first kind (leefstijl)
        "leefstijl-voorlichting-checks-beloning": "lijken effectief",  # §2.4 first kind (leefstijl)
    }


def test_every_content_file_writes_percentages_one_way() -> None:
    """'15%' throughout, never '15 %' or '15 procent' (issue 15, part 10); 'procentpunten' is a different thing."""
    for path in sorted(content_folder().glob("*.toml")):
        text = path.read_text(encoding="utf-8")
        assert not re.findall(r"\d %", text), path.name
        assert not re.findall(r"\d procent\b", text), path.name
