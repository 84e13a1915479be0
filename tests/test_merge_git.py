"""``werkboek merge`` as git's merge driver: real ``git merge`` runs of two branches in a temporary repository.

Each scenario starts from the example workbook committed on ``main``, changes it on a branch ``hun`` and
on ``main`` (through the models, as the app saves), merges ``hun`` into ``main`` with the driver set in
that repository's ``.git/config`` and ``*.toml merge=werkboek`` in ``.gitattributes``, and then reads
the merged file back with the models. Plain git stops on most of these (two fields of one action, two log
entries, two ticks in one phase, both adding an action); the driver must merge them, and a real
conflict must stay in the file as data that ``werkboek check`` reports.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import EXAMPLE

from cli.merge import merge_command
from models.canonical import dumps_workbook
from models.check import UNRESOLVED_CONFLICTS, check_files
from models.compare import workbook_from_file, workbook_from_text
from models.content import Content, default_content
from models.logbook import log_entry_from_form, with_log_entry
from models.plan import with_action, without_action
from models.workbook import Action, Workbook

pytestmark = [
    pytest.mark.skipif(shutil.which("git") is None, reason="git is niet geïnstalleerd"),
    pytest.mark.serial,
]

Edit = Callable[[Workbook], Workbook]
FILE = "klant.toml"
ENVIRONMENT = {
    "GIT_AUTHOR_NAME": "Sanne de Boer",
    "GIT_AUTHOR_EMAIL": "sanne@example.nl",
    "GIT_COMMITTER_NAME": "Sanne de Boer",
    "GIT_COMMITTER_EMAIL": "sanne@example.nl",
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_CONFIG_GLOBAL": os.devnull,
}


def git(repo: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, **ENVIRONMENT}
    environment.pop("GIT_DIR", None)
    return subprocess.run(["git", *args], cwd=repo, env=environment, capture_output=True, text=True, check=check)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A repository with the example workbook on ``main`` and the driver set up; copied per scenario."""
    repo = tmp_path_factory.mktemp("sjabloon") / "klanten"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "merge.werkboek.name", "werkboek: samenvoegen op inhoud")
    git(repo, "config", "merge.werkboek.driver", f'"{sys.executable}" -m cli.main merge %O %A %B %P')
    (repo / ".gitattributes").write_text("*.toml merge=werkboek\n", encoding="utf-8")
    shutil.copyfile(EXAMPLE, repo / FILE)
    git(repo, "add", ".gitattributes", FILE)
    git(repo, "commit", "-q", "-m", "Nulmeting")
    return repo


def save(repo: Path, edit: Edit, message: str, content: Content) -> None:
    path = repo / FILE
    workbook = edit(workbook_from_file(path, content))
    path.write_text(dumps_workbook(workbook, content), encoding="utf-8")
    git(repo, "commit", "-q", "-am", message)


def merge_branches(
    template: Path, tmp_path: Path, ours: Edit, theirs: Edit
) -> tuple[subprocess.CompletedProcess[str], Path]:
    """``theirs`` committed on branch hun, ``ours`` on main, then ``git merge hun``: git's result and the file."""
    repo = tmp_path / "klanten"
    shutil.copytree(template, repo)
    content = default_content()
    git(repo, "checkout", "-q", "-b", "hun")
    save(repo, theirs, "Hun werk", content)
    git(repo, "checkout", "-q", "main")
    save(repo, ours, "Ons werk", content)
    return git(repo, "merge", "--no-edit", "hun", check=False), repo / FILE


def merged_clean(template: Path, tmp_path: Path, ours: Edit, theirs: Edit) -> Workbook:
    result, path = merge_branches(template, tmp_path, ours, theirs)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "<<<<<<<" not in path.read_text(encoding="utf-8")
    workbook = workbook_from_file(path, default_content())
    assert workbook.conflicten == []
    return workbook


def merged_with_conflicts(template: Path, tmp_path: Path, ours: Edit, theirs: Edit) -> tuple[Workbook, list[str]]:
    """The merged workbook (git stopped, the file valid) and ``werkboek check``'s lines about it."""
    result, path = merge_branches(template, tmp_path, ours, theirs)
    assert result.returncode != 0 and "CONFLICT" in result.stdout
    workbook = workbook_from_file(path, default_content())
    out = io.StringIO()
    assert check_files([path], out) == UNRESOLVED_CONFLICTS
    return workbook, [line.removeprefix(f"{path}: ") for line in out.getvalue().splitlines()]


# -- edits --------------------------------------------------------------------------------------------


def action(action_id: str, **update: object) -> Edit:
    def edit(workbook: Workbook) -> Workbook:
        found = workbook.action(action_id)
        assert found is not None
        return with_action(workbook, found.model_copy(update=update))

    return edit


def new_action(title: str, **fields: object) -> Edit:
    def edit(workbook: Workbook) -> Workbook:
        number = workbook.last_action_number() + 1
        return with_action(workbook, Action.model_validate({"id": f"A{number}", "titel": title, **fields}))

    return edit


def delete(action_id: str) -> Edit:
    return lambda workbook: without_action(workbook, action_id)


def profile(**update: object) -> Edit:
    return lambda workbook: workbook.model_copy(update={"organisatie": workbook.organisatie.model_copy(update=update)})


def score(index: int, factor: str, value: int | None = None, note: str | None = None) -> Edit:
    def edit(workbook: Workbook) -> Workbook:
        rounds = list(workbook.metingen)
        scoring = rounds[index]
        if value is not None:
            scoring = scoring.model_copy(update={"scores": {**scoring.scores, factor: value}})
        if note is not None:
            scoring = scoring.model_copy(update={"toelichting": {**scoring.toelichting, factor: note}})
        rounds[index] = scoring
        return workbook.model_copy(update={"metingen": rounds})

    return edit


def tick(phase_id: str, item: str, *, on: bool = True) -> Edit:
    def edit(workbook: Workbook) -> Workbook:
        phase = workbook.fasen[phase_id]
        ticked = [*phase.afgevinkt, item] if on else [i for i in phase.afgevinkt if i != item]
        return workbook.model_copy(
            update={"fasen": {**workbook.fasen, phase_id: phase.model_copy(update={"afgevinkt": ticked})}}
        )

    return edit


def note(phase_id: str, item: str, text: str) -> Edit:
    def edit(workbook: Workbook) -> Workbook:
        phase = workbook.fasen[phase_id]
        notes = {**phase.notities, item: text}
        return workbook.model_copy(
            update={"fasen": {**workbook.fasen, phase_id: phase.model_copy(update={"notities": notes})}}
        )

    return edit


def legal(item: str, **update: object) -> Edit:
    def edit(workbook: Workbook) -> Workbook:
        state = workbook.wettelijk[item].model_copy(update=update)
        return workbook.model_copy(update={"wettelijk": {**workbook.wettelijk, item: state}})

    return edit


def level(day: dt.date, **update: object) -> Edit:
    def edit(workbook: Workbook) -> Workbook:
        latest = workbook.niveaus[-1]
        others = [choice for choice in workbook.niveaus if choice.datum != day]
        chosen = latest.model_copy(update={"datum": day, **update})
        return workbook.model_copy(update={"niveaus": sorted([*others, chosen], key=lambda c: c.datum)})

    return edit


def new_log(title: str, text: str = "", day: str = "20-11-2026") -> Edit:
    def edit(workbook: Workbook) -> Workbook:
        entry, errors = log_entry_from_form({"datum": day, "titel": title, "notitie": text})
        assert entry is not None, errors
        return with_log_entry(workbook, entry)

    return edit


def log_edit(index: int, **update: object) -> Edit:
    def edit(workbook: Workbook) -> Workbook:
        entries = list(workbook.logboek)
        entries[index] = entries[index].model_copy(update=update)
        return workbook.model_copy(update={"logboek": entries})

    return edit


def both(*edits: Edit) -> Edit:
    def edit(workbook: Workbook) -> Workbook:
        for one in edits:
            workbook = one(workbook)
        return workbook

    return edit


# -- independent edits: merged without a stop ----------------------------------------------------------


def test_status_and_deadline_of_one_action(template: Path, tmp_path: Path) -> None:
    workbook = merged_clean(
        template, tmp_path, action("A3", status="klaar"), action("A3", deadline=dt.date(2027, 1, 15))
    )
    found = workbook.action("A3")
    assert found is not None and (found.status, found.deadline) == ("klaar", dt.date(2027, 1, 15))


def test_owner_and_budget_of_neighbouring_actions(template: Path, tmp_path: Path) -> None:
    workbook = merged_clean(template, tmp_path, action("A7", eigenaar="Jeroen Smit"), action("A8", budget=750.0))
    assert workbook.action("A7").eigenaar == "Jeroen Smit"  # type: ignore[union-attr]
    assert workbook.action("A8").budget == 750.0  # type: ignore[union-attr]


def test_two_profile_fields(template: Path, tmp_path: Path) -> None:
    workbook = merged_clean(template, tmp_path, profile(medewerkers=36), profile(verzuimpercentage=5.4))
    assert (workbook.organisatie.medewerkers, workbook.organisatie.verzuimpercentage) == (36, 5.4)


def test_two_scores_and_a_note_in_one_round(template: Path, tmp_path: Path) -> None:
    workbook = merged_clean(
        template, tmp_path, score(1, "tijd", 3), both(score(1, "kennis", 3), score(1, "kennis", note="Training gehad."))
    )
    latest = workbook.metingen[1]
    assert (latest.scores["tijd"], latest.scores["kennis"], latest.toelichting["kennis"]) == (3, 3, "Training gehad.")


def test_a_new_round_on_each_side(template: Path, tmp_path: Path) -> None:
    def new_round(day: dt.date) -> Edit:
        def edit(workbook: Workbook) -> Workbook:
            scoring = workbook.metingen[-1].model_copy(update={"datum": day, "toelichting": {}})
            return workbook.model_copy(update={"metingen": [*workbook.metingen, scoring]})

        return edit

    workbook = merged_clean(template, tmp_path, new_round(dt.date(2027, 3, 1)), new_round(dt.date(2027, 3, 8)))
    assert [r.datum for r in workbook.metingen][-2:] == [dt.date(2027, 3, 1), dt.date(2027, 3, 8)]


def test_two_ticks_in_one_phase_and_one_untick(template: Path, tmp_path: Path) -> None:
    workbook = merged_clean(
        template,
        tmp_path,
        both(tick("invoeren", "drempels-weggenomen"), tick("kiezen", "bronaanpak-eerst", on=False)),
        tick("invoeren", "vertrouwelijkheid"),
    )
    assert {"aftrap-gecommuniceerd", "drempels-weggenomen", "vertrouwelijkheid"} == set(
        workbook.fasen["invoeren"].afgevinkt
    )
    assert "bronaanpak-eerst" not in workbook.fasen["kiezen"].afgevinkt


def test_notes_of_two_items_in_one_phase(template: Path, tmp_path: Path) -> None:
    workbook = merged_clean(
        template,
        tmp_path,
        note("plannen", "tijd-vrijgemaakt", "Nu ook vrijdagmiddag."),
        note("plannen", "budget-en-uren", "Budget 2027 vastgesteld."),
    )
    notes = workbook.fasen["plannen"].notities
    assert (notes["tijd-vrijgemaakt"], notes["budget-en-uren"]) == ("Nu ook vrijdagmiddag.", "Budget 2027 vastgesteld.")


def test_status_and_note_of_one_legal_item(template: Path, tmp_path: Path) -> None:
    workbook = merged_clean(
        template, tmp_path, legal("toetsing", status="aanwezig"), legal("toetsing", datum=dt.date(2026, 11, 1))
    )
    state = workbook.wettelijk["toetsing"]
    assert (state.status, state.datum) == ("aanwezig", dt.date(2026, 11, 1))


def test_levels_chosen_on_two_days(template: Path, tmp_path: Path) -> None:
    workbook = merged_clean(
        template,
        tmp_path,
        level(dt.date(2026, 11, 20), mentale_ladder="gevorderd"),
        level(dt.date(2026, 12, 4), praktijkniveau="duurzame-inzetbaarheid"),
    )
    assert [(c.datum, c.mentale_ladder, c.praktijkniveau) for c in workbook.niveaus[-2:]] == [
        (dt.date(2026, 11, 20), "gevorderd", "minimum"),
        (dt.date(2026, 12, 4), "startend", "duurzame-inzetbaarheid"),
    ]


def test_two_log_entries_on_the_same_day(template: Path, tmp_path: Path) -> None:
    workbook = merged_clean(template, tmp_path, new_log("Werkoverleg elektra"), new_log("Gesprek met PVT"))
    same_day = [e for e in workbook.logboek if e.datum == dt.date(2026, 11, 20)]
    assert sorted(e.titel for e in same_day) == ["Gesprek met PVT", "Werkoverleg elektra"]
    assert all(e.id for e in same_day) and same_day[0].id != same_day[1].id


def test_two_edits_of_one_old_log_entry(template: Path, tmp_path: Path) -> None:
    base = workbook_from_text("voorbeeld", EXAMPLE.read_text(encoding="utf-8"), default_content())
    people = base.logboek[2].deelnemers
    workbook = merged_clean(
        template,
        tmp_path,
        log_edit(2, deelnemers=[*people, "Kevin Jansen (PVT)"]),
        log_edit(2, titel="Tussenstand na de bouwvak 2026", afspraken=["Jeroen start de werkgroep"]),
    )
    entry = workbook.logboek[2]
    assert (entry.titel, entry.deelnemers[-1], entry.afspraken) == (
        "Tussenstand na de bouwvak 2026",
        "Kevin Jansen (PVT)",
        ["Jeroen start de werkgroep"],
    )


def test_a_long_text_edited_at_both_ends(template: Path, tmp_path: Path) -> None:
    base = workbook_from_text("voorbeeld", EXAMPLE.read_text(encoding="utf-8"), default_content())
    lines = (base.action("A5").werkwijze or "").split("\n")  # type: ignore[union-attr]
    ours = "\n".join(["Vooraf: iedereen krijgt de cijfers.", *lines])
    theirs = "\n".join([*lines[:-1], "Uitkomst in een korte mail en op het prikbord."])
    workbook = merged_clean(template, tmp_path, action("A5", werkwijze=ours), action("A5", werkwijze=theirs))
    assert (
        workbook.action("A5").werkwijze
        == "\n".join(  # type: ignore[union-attr]
            ["Vooraf: iedereen krijgt de cijfers.", *lines[:-1], "Uitkomst in een korte mail en op het prikbord."]
        )
    )


def test_both_sides_add_actions_with_references(template: Path, tmp_path: Path) -> None:
    ours = both(new_action("Werkplekonderzoek kantoor", fase="in-kaart"), new_log("Kantoor", "A21 gestart."))
    theirs = both(
        new_action("Storingsrooster proef", fase="invoeren"),
        new_action("Evaluatie storingsrooster", fase="evalueren", bron="actie:A21"),
        new_log("Werkgroep storingsdienst", "Proef (A21) loopt; evaluatie in A22."),
    )
    workbook = merged_clean(template, tmp_path, ours, theirs)
    assert [(a.id, a.titel) for a in workbook.acties[-3:]] == [
        ("A21", "Werkplekonderzoek kantoor"),
        ("A22", "Storingsrooster proef"),
        ("A23", "Evaluatie storingsrooster"),
    ]
    assert workbook.action("A23").bron == "actie:A22"  # type: ignore[union-attr]
    notes = {entry.titel: entry.notitie for entry in workbook.logboek}
    assert (notes["Kantoor"], notes["Werkgroep storingsdienst"]) == (
        "A21 gestart.",
        "Proef (A22) loopt; evaluatie in A23.",
    )
    assert workbook.last_action_number() == 23


def test_a_deleted_number_is_not_given_again(template: Path, tmp_path: Path) -> None:
    ours = both(new_action("Even geprobeerd"), delete("A21"))  # A21 given and deleted: laatste_actie = 21
    workbook = merged_clean(template, tmp_path, ours, new_action("Nieuw van hen"))
    assert [(a.id, a.titel) for a in workbook.acties[-1:]] == [("A22", "Nieuw van hen")]
    assert workbook.action("A21") is None and workbook.last_action_number() == 22


def test_unknown_keys_from_both_sides(template: Path, tmp_path: Path) -> None:
    def ours(workbook: Workbook) -> Workbook:
        found = workbook.action("A2")
        assert found is not None
        return with_action(
            workbook, Action.model_validate({**found.model_dump(exclude_none=True), "kosten_code": "K-12"})
        )

    def theirs(workbook: Workbook) -> Workbook:
        return Workbook.model_validate(
            {**workbook.model_dump(by_alias=True, exclude_none=True), "bijlagen": [{"naam": "Offerte"}]}
        )

    workbook = merged_clean(template, tmp_path, ours, theirs)
    assert workbook.action("A2").model_extra == {"kosten_code": "K-12"}  # type: ignore[union-attr]
    assert workbook.model_extra == {"bijlagen": [{"naam": "Offerte"}]}


def test_the_same_change_on_both_sides(template: Path, tmp_path: Path) -> None:
    change = both(action("A9", status="klaar"), profile(medewerkers=35))
    workbook = merged_clean(template, tmp_path, change, change)
    assert workbook.action("A9").status == "klaar" and workbook.organisatie.medewerkers == 35  # type: ignore[union-attr]


# -- real conflicts: kept as data, reported by check --------------------------------------------------


def test_status_changed_differently(template: Path, tmp_path: Path) -> None:
    workbook, lines = merged_with_conflicts(
        template, tmp_path, action("A3", status="klaar"), action("A3", status="gestopt")
    )
    assert workbook.action("A3").status == "klaar"  # type: ignore[union-attr] - ours meanwhile
    conflict = workbook.conflicten[0]
    assert (conflict.onderdeel, conflict.sleutel, conflict.veld, conflict.basis, conflict.ons, conflict.hun) == (
        "acties",
        "A3",
        "status",
        "bezig",
        "klaar",
        "gestopt",
    )
    title = workbook.action("A3").titel  # type: ignore[union-attr]
    assert lines[0] == f'conflict: actie A3 \'{title}\', veld status: ons "klaar", hun "gestopt" (basis "bezig")'


def test_edit_against_delete(template: Path, tmp_path: Path) -> None:
    workbook, lines = merged_with_conflicts(template, tmp_path, delete("A6"), action("A6", status="gestopt"))
    assert workbook.action("A6") is None
    conflict = workbook.conflicten[0]
    assert (conflict.sleutel, conflict.veld, conflict.ons, conflict.hun["status"]) == ("A6", None, None, "gestopt")
    assert "conflict: actie A6" in lines[0] and "ons verwijderd, hun gewijzigd (status)" in lines[0]


def test_two_conflicts_and_a_clean_change_in_one_merge(template: Path, tmp_path: Path) -> None:
    ours = both(profile(medewerkers=36), score(1, "tijd", 3), action("A4", eigenaar="Linda Bos"))
    theirs = both(profile(medewerkers=38), score(1, "tijd", 1), action("A4", prioriteit="laag"))
    workbook, lines = merged_with_conflicts(template, tmp_path, ours, theirs)
    assert workbook.action("A4").eigenaar == "Linda Bos" and workbook.action("A4").prioriteit == "laag"  # type: ignore[union-attr]
    assert lines[:2] == [
        "conflict: profiel, veld medewerkers: ons 36, hun 38 (basis 34)",
        "conflict: meting 6 okt 2026, veld score Tijd: ons 3, hun 1 (basis 2)",
    ]


def test_touching_lines_of_a_text(template: Path, tmp_path: Path) -> None:
    workbook, lines = merged_with_conflicts(
        template, tmp_path, action("A5", waar="Kantine."), action("A5", waar="Werkplaats.")
    )
    assert workbook.action("A5").waar == "Kantine." and workbook.conflicten[0].hun == "Werkplaats."  # type: ignore[union-attr]
    assert lines[0].endswith('veld waar: ons "Kantine.", hun "Werkplaats." (basis "Vergaderruimte op kantoor.")')


def test_a_broken_version_stops_git_and_leaves_ours(template: Path, tmp_path: Path) -> None:
    repo = tmp_path / "klanten"
    shutil.copytree(template, repo)
    git(repo, "checkout", "-q", "-b", "hun")
    (repo / FILE).write_text(EXAMPLE.read_text(encoding="utf-8") + "[kapot\n", encoding="utf-8")
    git(repo, "commit", "-q", "-am", "Kapot")
    git(repo, "checkout", "-q", "main")
    save(repo, profile(medewerkers=36), "Ons werk", default_content())
    ours_text = (repo / FILE).read_text(encoding="utf-8")
    result = git(repo, "merge", "--no-edit", "hun", check=False)
    assert result.returncode != 0
    assert f"{FILE} (hun):" in result.stdout + result.stderr and "TOML-fout" in result.stdout + result.stderr
    assert (repo / FILE).read_text(encoding="utf-8") == ours_text


# -- a file that already has git's conflict markers ---------------------------------------------------


def conflicted_without_driver(template: Path, tmp_path: Path) -> Path:
    """Status and deadline of A3 merged by git's own line merge (no driver set up): markers in the file."""
    repo = tmp_path / "klanten"
    shutil.copytree(template, repo)
    git(repo, "config", "--remove-section", "merge.werkboek")
    content = default_content()
    git(repo, "checkout", "-q", "-b", "hun")
    save(repo, both(action("A3", deadline=dt.date(2027, 1, 15)), new_action("Hun actie")), "Hun werk", content)
    git(repo, "checkout", "-q", "main")
    save(repo, both(action("A3", status="klaar"), new_action("Onze actie")), "Ons werk", content)
    assert git(repo, "merge", "--no-edit", "hun", check=False).returncode != 0
    assert "<<<<<<<" in (repo / FILE).read_text(encoding="utf-8")
    return repo / FILE


def assert_merged_after_markers(path: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    assert merge_command(["--markers", str(path)], out, err) == 0, err.getvalue()
    assert "de conflictmarkeringen zijn weg" in err.getvalue()
    workbook = workbook_from_file(path, default_content())
    found = workbook.action("A3")
    assert found is not None and (found.status, found.deadline) == ("klaar", dt.date(2027, 1, 15))
    assert [(a.id, a.titel) for a in workbook.acties[-2:]] == [("A21", "Onze actie"), ("A22", "Hun actie")]


def test_markers_of_a_merge_in_progress_use_the_index(template: Path, tmp_path: Path) -> None:
    assert_merged_after_markers(conflicted_without_driver(template, tmp_path))


def test_markers_committed_by_mistake_use_the_merge_commit(template: Path, tmp_path: Path) -> None:
    path = conflicted_without_driver(template, tmp_path)
    git(path.parent, "commit", "-q", "-am", "Samengevoegd (met markeringen)")
    assert_merged_after_markers(path)


# -- merging back into the branch whose actions were renumbered ---------------------------------------


def renumbered_and_merged_back(template: Path, tmp_path: Path, bob_after: Edit) -> tuple[Workbook, Workbook]:
    """Bob adds A21 on hun, Alice A21 on main; main merges hun (Bob's becomes A22). Bob goes on with
    ``bob_after`` on hun (his old numbers) and merges main back: (main after the first merge, the result)."""
    repo = tmp_path / "klanten"
    shutil.copytree(template, repo)
    content = default_content()
    git(repo, "checkout", "-q", "-b", "hun")
    save(repo, new_action("Bob: tillen in de nieuwbouw", fase="plannen"), "Bob", content)
    git(repo, "checkout", "-q", "main")
    save(repo, new_action("Alice: werkdruk planners", fase="kiezen"), "Alice", content)
    assert git(repo, "merge", "--no-edit", "hun", check=False).returncode == 0
    on_main = workbook_from_file(repo / FILE, content)
    git(repo, "checkout", "-q", "hun")
    save(repo, bob_after, "Bob gaat verder", content)
    result = git(repo, "merge", "--no-edit", "main", check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    return on_main, workbook_from_file(repo / FILE, content)


def titles(workbook: Workbook) -> list[tuple[str, str, str]]:
    return [(a.id, a.titel, a.status) for a in workbook.acties if a.id in ("A21", "A22", "A23")]


def test_edits_under_the_old_number_go_to_the_renumbered_action(template: Path, tmp_path: Path) -> None:
    on_main, merged = renumbered_and_merged_back(
        template, tmp_path, both(action("A21", status="bezig"), new_log("Nieuwbouw", "A21 loopt."))
    )
    assert titles(on_main) == [
        ("A21", "Alice: werkdruk planners", "idee"),
        ("A22", "Bob: tillen in de nieuwbouw", "idee"),
    ]
    assert titles(merged) == [
        ("A21", "Alice: werkdruk planners", "idee"),
        ("A22", "Bob: tillen in de nieuwbouw", "bezig"),
    ]
    assert next(e.notitie for e in merged.logboek if e.titel == "Nieuwbouw") == "A22 loopt."


def test_a_new_action_on_the_renumbered_branch_does_not_collide(template: Path, tmp_path: Path) -> None:
    _, merged = renumbered_and_merged_back(
        template, tmp_path, both(action("A21", status="bezig"), new_action("Bob: rooster", bron="actie:A21"))
    )
    assert titles(merged) == [
        ("A21", "Alice: werkdruk planners", "idee"),
        ("A22", "Bob: rooster", "idee"),
        ("A23", "Bob: tillen in de nieuwbouw", "bezig"),
    ]
    assert merged.action("A22").bron == "actie:A23"  # type: ignore[union-attr] - still Bob's first action
    assert merged.last_action_number() == 23


@pytest.mark.parametrize(
    ("ours_line", "theirs_line", "clean"),
    [('naam = "instellingen-anna"', 'versie = "2.0"', True), ('versie = "1.5"', 'versie = "2.0"', False)],
    ids=["apart", "dezelfde-regel"],
)
def test_a_toml_file_that_is_no_workbook_gets_gits_own_line_merge(
    template: Path, tmp_path: Path, ours_line: str, theirs_line: str, clean: bool
) -> None:
    """The driver is set for every *.toml: another TOML file merges line by line, as without it."""
    repo = tmp_path / "klanten"
    shutil.copytree(template, repo)
    settings = repo / "instellingen.toml"
    original = '[tool]\nnaam = "instellingen"\n\n\n\n[meer]\nversie = "1.0"\n'
    settings.write_text(original, encoding="utf-8")
    git(repo, "add", "instellingen.toml")
    git(repo, "commit", "-q", "-m", "instellingen")
    git(repo, "checkout", "-q", "-b", "hun")
    old_line = 'versie = "1.0"'
    settings.write_text(original.replace(old_line, theirs_line), encoding="utf-8")
    git(repo, "commit", "-q", "-am", "hun")
    git(repo, "checkout", "-q", "main")
    mine = original.replace('naam = "instellingen"', ours_line) if clean else original.replace(old_line, ours_line)
    settings.write_text(mine, encoding="utf-8")
    git(repo, "commit", "-q", "-am", "ons")
    merged = git(repo, "merge", "--no-edit", "hun", check=False)
    text = settings.read_text(encoding="utf-8")
    if clean:
        assert merged.returncode == 0, merged.stdout + merged.stderr
        assert ours_line in text and theirs_line in text and "<<<<<<<" not in text
    else:
        assert merged.returncode != 0
        assert "<<<<<<< instellingen.toml (ons)" in text and ours_line in text and theirs_line in text
