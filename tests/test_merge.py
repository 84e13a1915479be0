"""``werkboek merge`` without git: the three-way merge by meaning (models/merge*.py), the renumbering of
their new actions, conflicts as data (shown by check, resolved by resolve_conflict) and the command's
exit codes. The same through real ``git merge`` runs in tests/test_merge_git.py."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import EXAMPLE

from cli.main import main
from cli.merge import merge_command
from models.agreements import agreement_key, with_agreement, without_agreement
from models.canonical import dumps_workbook
from models.check import UNRESOLVED_CONFLICTS, check_files
from models.compare import workbook_from_text
from models.content import Content
from models.logbook import log_entry_from_form, with_log_entry
from models.merge import MergeResult, MergeSource, merge_sources
from models.merge_conflicts import ResolveError, conflict_lines, resolve_conflict
from models.merge_ids import plan_action_ids, reference_rewriter
from models.merge_lines import merge_sequences, merge_text
from models.plan import with_action, without_action
from models.problems import WorkbookError
from models.workbook import Action, Agreement, LogEntry, Workbook

Edit = Callable[[Workbook], Workbook]


@pytest.fixture
def base(content: Content) -> Workbook:
    return workbook_from_text("voorbeeld", EXAMPLE.read_text(encoding="utf-8"), content)


def merged(base: Workbook, ours: Edit, theirs: Edit, content: Content) -> MergeResult:
    texts = [dumps_workbook(version, content) for version in (base, ours(base), theirs(base))]
    sources = [MergeSource(name, text) for name, text in zip(("basis", "ons", "hun"), texts, strict=True)]
    return merge_sources(*sources, content)


def edit_action(action_id: str, **update: object) -> Edit:
    def edit(workbook: Workbook) -> Workbook:
        action = workbook.action(action_id)
        assert action is not None
        return with_action(workbook, action.model_copy(update=update))

    return edit


def both(*edits: Edit) -> Edit:
    def edit(workbook: Workbook) -> Workbook:
        for one in edits:
            workbook = one(workbook)
        return workbook

    return edit


def conflict_keys(result: MergeResult) -> list[tuple[str, str | None, str | None]]:
    return [(c.onderdeel, c.sleutel, c.veld) for c in result.workbook.conflicten]


# -- line by line ---------------------------------------------------------------------------------


def test_changes_with_an_unchanged_line_between_merge() -> None:
    base = "een\ntwee\ndrie\nvier"
    assert merge_text(base, "EEN\ntwee\ndrie\nvier", "een\ntwee\ndrie\nVIER") == "EEN\ntwee\ndrie\nVIER"
    assert merge_text(base, "een\ntwee\ndrie\nvier\nvijf", "nul\neen\ntwee\ndrie\nvier") == (
        "nul\neen\ntwee\ndrie\nvier\nvijf"
    )


def test_changes_that_touch_do_not_merge() -> None:
    base = "een\ntwee\ndrie"
    assert merge_text(base, "EEN\ntwee\ndrie", "een\nTWEE\ndrie") is None  # neighbouring lines
    assert merge_text(base, "een\ntwee\ndrie\nx", "een\ntwee\ndrie\ny") is None  # both add at the end
    assert merge_text(base, "een\ntwee\ndrie\nx", "een\ntwee\ndrie\nx") == "een\ntwee\ndrie\nx"  # alike


def test_lists_merge_as_sequences() -> None:
    assert merge_sequences(["a", "b", "c"], ["a", "b", "c", "d"], ["z", "a", "b", "c"]) == ["z", "a", "b", "c", "d"]


# -- independent edits ----------------------------------------------------------------------------


def test_two_fields_of_one_action_both_kept(base: Workbook, content: Content) -> None:
    result = merged(base, edit_action("A3", status="klaar"), edit_action("A3", deadline=dt.date(2027, 4, 1)), content)
    action = result.workbook.action("A3")
    assert result.clean and action is not None
    assert (action.status, action.deadline) == ("klaar", dt.date(2027, 4, 1))


def test_profile_rounds_ticks_notes_legal_levels_and_log_merge(base: Workbook, content: Content) -> None:
    def ours(workbook: Workbook) -> Workbook:
        organisation = workbook.organisatie.model_copy(update={"medewerkers": 36})
        first = workbook.metingen[0]
        rounds = [first.model_copy(update={"scores": {**first.scores, "tijd": 2}}), *workbook.metingen[1:]]
        phase = workbook.fasen["invoeren"]
        phases = {
            **workbook.fasen,
            "invoeren": phase.model_copy(update={"afgevinkt": [*phase.afgevinkt, "drempels-weggenomen"]}),
        }
        legal = {**workbook.wettelijk, "pago": workbook.wettelijk["pago"].model_copy(update={"status": "aanwezig"})}
        return workbook.model_copy(
            update={"organisatie": organisation, "metingen": rounds, "fasen": phases, "wettelijk": legal}
        )

    def theirs(workbook: Workbook) -> Workbook:
        organisation = workbook.organisatie.model_copy(update={"bedrijfsarts": "Dr. Jansen"})
        first = workbook.metingen[0]
        notes = {**first.toelichting, "kennis": "Nu wel bekend."}
        rounds = [first.model_copy(update={"toelichting": notes}), *workbook.metingen[1:]]
        phase = workbook.fasen["invoeren"]
        ticked = [*phase.afgevinkt, "leidinggevenden-voorbeeld"]
        phases = {**workbook.fasen, "invoeren": phase.model_copy(update={"afgevinkt": ticked})}
        legal = {**workbook.wettelijk, "pago": workbook.wettelijk["pago"].model_copy(update={"notitie": "Offerte"})}
        levels = [*workbook.niveaus[:-1], workbook.niveaus[-1].model_copy(update={"mentale_ladder": "gevorderd"})]
        return workbook.model_copy(
            update={
                "organisatie": organisation,
                "metingen": rounds,
                "fasen": phases,
                "wettelijk": legal,
                "niveaus": levels,
            }
        )

    result = merged(base, ours, theirs, content)
    workbook = result.workbook
    assert result.clean
    assert (workbook.organisatie.medewerkers, workbook.organisatie.bedrijfsarts) == (36, "Dr. Jansen")
    assert workbook.metingen[0].scores["tijd"] == 2 and workbook.metingen[0].toelichting["kennis"] == "Nu wel bekend."
    assert {"drempels-weggenomen", "leidinggevenden-voorbeeld", "aftrap-gecommuniceerd"} <= set(
        workbook.fasen["invoeren"].afgevinkt
    )
    assert (workbook.wettelijk["pago"].status, workbook.wettelijk["pago"].notitie) == ("aanwezig", "Offerte")
    assert workbook.niveaus[-1].mentale_ladder == "gevorderd"


def test_a_tick_removed_on_one_side_stays_removed(base: Workbook, content: Content) -> None:
    def untick(workbook: Workbook) -> Workbook:
        phase = workbook.fasen["kiezen"]
        ticked = [item for item in phase.afgevinkt if item != "prioriteiten"]
        return workbook.model_copy(
            update={"fasen": {**workbook.fasen, "kiezen": phase.model_copy(update={"afgevinkt": ticked})}}
        )

    result = merged(base, untick, edit_action("A1", eigenaar="Linda"), content)
    assert "prioriteiten" not in result.workbook.fasen["kiezen"].afgevinkt and result.clean


def test_a_long_text_changed_on_both_sides_merges_line_by_line(base: Workbook, content: Content) -> None:
    old = base.action("A5")
    assert old is not None and old.werkwijze is not None
    lines = old.werkwijze.split("\n")
    ours = "\n".join(["Eerst: " + lines[0], *lines[1:]])
    theirs = "\n".join([*lines[:-1], lines[-1] + " Ook aan de PVT."])
    result = merged(base, edit_action("A5", werkwijze=ours), edit_action("A5", werkwijze=theirs), content)
    action = result.workbook.action("A5")
    assert result.clean and action is not None
    assert action.werkwijze == "\n".join(["Eerst: " + lines[0], lines[1], lines[-1] + " Ook aan de PVT."])


def test_log_entries_added_on_both_sides_are_both_kept(base: Workbook, content: Content) -> None:
    def add(title: str) -> Edit:
        def edit(workbook: Workbook) -> Workbook:
            entry, errors = log_entry_from_form({"datum": "20-11-2026", "titel": title})
            assert entry is not None and entry.id, errors
            return with_log_entry(workbook, entry)

        return edit

    result = merged(base, add("Werkoverleg"), add("Werkoverleg"), content)  # same day, same title: two entries
    assert result.clean
    assert [e.titel for e in result.workbook.logboek if e.datum == dt.date(2026, 11, 20)] == ["Werkoverleg"] * 2


def test_an_old_log_entry_is_known_by_date_and_title_or_date_alone(base: Workbook, content: Content) -> None:
    def retitle(workbook: Workbook) -> Workbook:
        first = workbook.logboek[0].model_copy(update={"titel": "Kick-off"})
        return workbook.model_copy(update={"logboek": [first, *workbook.logboek[1:]]})

    def add_agreement(workbook: Workbook) -> Workbook:
        first = workbook.logboek[0]
        changed = first.model_copy(update={"afspraken": [*first.afspraken, "Sanne stuurt het verslag"]})
        return workbook.model_copy(update={"logboek": [changed, *workbook.logboek[1:]]})

    result = merged(base, retitle, add_agreement, content)
    assert result.clean and len(result.workbook.logboek) == len(base.logboek)
    first = result.workbook.logboek[0]
    assert first.titel == "Kick-off" and first.afspraken[-1] == "Sanne stuurt het verslag"


def test_unknown_keys_of_both_sides_are_kept(content: Content) -> None:
    base = 'schema = 1\n\n[organisatie]\nnaam = "X"\n\n[[acties]]\nid = "A1"\ntitel = "Een"\n'
    ours = base + 'kleur = "rood"\n'
    theirs = base.replace('naam = "X"', 'naam = "X"\nregio = "Noord"') + "\n[extra]\nsleutel = 1\n"
    result = merge_sources(MergeSource("b", base), MergeSource("o", ours), MergeSource("h", theirs), content)
    workbook = result.workbook
    assert result.clean
    assert workbook.acties[0].model_extra == {"kleur": "rood"}
    assert workbook.organisatie.model_extra == {"regio": "Noord"}
    assert workbook.model_extra == {"extra": {"sleutel": 1}}


# -- ids --------------------------------------------------------------------------------------------


def new_action(title: str, **fields: object) -> Edit:
    def edit(workbook: Workbook) -> Workbook:
        action_id = f"A{workbook.last_action_number() + 1}"
        return with_action(workbook, Action.model_validate({"id": action_id, "titel": title, **fields}))

    return edit


def log(title: str, note: str) -> Edit:
    def edit(workbook: Workbook) -> Workbook:
        entry = LogEntry(datum=dt.date(2026, 11, 20), titel=title, notitie=note, id=f"id{len(title)}")
        return with_log_entry(workbook, entry)

    return edit


def test_both_sides_adding_actions_get_distinct_ids_and_their_references_follow(
    base: Workbook, content: Content
) -> None:
    ours = both(new_action("Ons plan"), log("Onze sessie", "Ons plan wordt A21."))
    theirs = both(
        new_action("Hun plan"),
        new_action("Vervolg op hun plan", bron="actie:A21"),
        log("Hun sessie met de PVT", "Hun plan (A21) en het vervolg A22; de file op de A28 niet."),
    )
    result = merged(base, ours, theirs, content)
    workbook = result.workbook
    assert result.clean
    assert [(r.old, r.new) for r in result.renumbered] == [("A21", "A22"), ("A22", "A23")]
    assert [(a.id, a.titel) for a in workbook.acties[-3:]] == [
        ("A21", "Ons plan"),
        ("A22", "Hun plan"),
        ("A23", "Vervolg op hun plan"),
    ]
    assert workbook.action("A23").bron == "actie:A22"  # type: ignore[union-attr]
    notes = {entry.titel: entry.notitie for entry in workbook.logboek}
    assert notes["Onze sessie"] == "Ons plan wordt A21."
    assert notes["Hun sessie met de PVT"] == "Hun plan (A22) en het vervolg A23; de file op de A28 niet."
    assert workbook.last_action_number() == 23


def test_numbers_given_and_deleted_on_either_side_are_never_given_again(base: Workbook, content: Content) -> None:
    ours = both(new_action("Weg"), new_action("Blijft"), lambda w: without_action(w, "A21"))  # gave A21, A22
    theirs = both(new_action("Hun een"), new_action("Hun twee"), lambda w: without_action(w, "A22"))  # A21, A23
    theirs = both(theirs, new_action("Hun drie"))
    result = merged(base, ours, theirs, content)
    ids = [a.id for a in result.workbook.acties if a.titel.startswith(("Hun", "Blijft"))]
    assert ids == ["A22", "A23", "A25"]  # theirs moved up by the two numbers ours gave: A21→A23, A23→A25
    assert result.workbook.last_action_number() == 25


def test_text_their_side_did_not_touch_keeps_its_ids(base: Workbook, content: Content) -> None:
    ids = plan_action_ids([], [{"id": "A1"}], [{"id": "A1", "titel": "x"}], (0, 1, 1))
    assert (ids.theirs_map, ids.ours_map, ids.counter) == ({"A1": "A2"}, {}, 2)  # both added A1: theirs moves up
    assert reference_rewriter({"A21": "A22"})("A21, A210, BA21, (A21) en A21's") == "A22, A210, BA21, (A22) en A22's"
    old_note = base.fasen["plannen"].notities["evaluatie-afgesproken"]  # mentions A20
    result = merged(base, new_action("Ons"), new_action("Hun"), content)
    assert result.workbook.fasen["plannen"].notities["evaluatie-afgesproken"] == old_note


def test_the_same_new_action_on_both_sides_is_one_action(base: Workbook, content: Content) -> None:
    result = merged(base, new_action("Cherry-pick"), new_action("Cherry-pick"), content)
    assert result.clean and not result.renumbered
    assert [a.titel for a in result.workbook.acties].count("Cherry-pick") == 1


def test_one_side_deleting_the_highest_action_keeps_the_counter(base: Workbook, content: Content) -> None:
    result = merged(base, lambda w: without_action(w, "A20"), edit_action("A1", eigenaar="Linda"), content)
    assert result.workbook.action("A20") is None and result.workbook.last_action_number() == 20
    assert "laatste_actie = 20" in result.text


# -- conflicts ------------------------------------------------------------------------------------


def test_the_same_field_changed_twice_is_a_conflict_with_three_values(
    base: Workbook, content: Content, tmp_path: Path
) -> None:
    result = merged(base, edit_action("A3", status="klaar"), edit_action("A3", status="gestopt"), content)
    assert conflict_keys(result) == [("acties", "A3", "status")]
    conflict = result.workbook.conflicten[0]
    assert (conflict.basis, conflict.ons, conflict.hun) == ("bezig", "klaar", "gestopt")
    assert result.workbook.action("A3").status == "klaar"  # type: ignore[union-attr]
    assert '[[conflicten]]\nonderdeel = "acties"\nsleutel = "A3"\nveld = "status"\n' in result.text
    path = tmp_path / "klant.toml"
    path.write_text(result.text, encoding="utf-8")
    out = io.StringIO()
    assert check_files([path], out) == UNRESOLVED_CONFLICTS == 4
    lines = out.getvalue().splitlines()
    title = base.action("A3").titel  # type: ignore[union-attr]
    assert (
        lines[0] == f'{path}: conflict: actie A3 \'{title}\', veld status: ons "klaar", hun "gestopt" (basis "bezig")'
    )
    assert lines[1].startswith(f"{path}: geldig, maar met 1 conflict van een samenvoeging om op te lossen")


def test_edit_against_delete_is_a_conflict_and_keeps_both(base: Workbook, content: Content) -> None:
    result = merged(base, lambda w: without_action(w, "A5"), edit_action("A5", status="gestopt"), content)
    assert conflict_keys(result) == [("acties", "A5", None)]
    assert result.workbook.action("A5") is None  # our side: deleted
    conflict = result.workbook.conflicten[0]
    assert conflict.ons is None and conflict.hun["status"] == "gestopt" and conflict.basis["status"] == "klaar"
    assert conflict_lines(result.workbook) == [
        "conflict: actie A5 'Top-3 knelpunten kiezen met PVT en directie', de hele actie: "
        "ons verwijderd, hun gewijzigd (status) (bij ons verwijderd, bij hen gewijzigd)"
    ]
    other_way = merged(base, edit_action("A5", status="gestopt"), lambda w: without_action(w, "A5"), content)
    assert other_way.workbook.action("A5").status == "gestopt"  # type: ignore[union-attr]
    assert other_way.workbook.conflicten[0].hun is None


def test_changes_that_are_fine_alone_but_not_together_become_conflicts(base: Workbook, content: Content) -> None:
    result = merged(
        base, edit_action("A3", start=dt.date(2026, 10, 1)), edit_action("A3", deadline=dt.date(2026, 9, 1)), content
    )
    assert conflict_keys(result) == [("acties", "A3", "deadline")]
    action = result.workbook.action("A3")
    assert action is not None and action.start == dt.date(2026, 10, 1)  # ours, whole
    assert result.workbook.conflicten[0].hun == dt.date(2026, 9, 1)
    assert "samen ongeldig" in (result.workbook.conflicten[0].omschrijving or "")


def test_touching_text_changes_are_a_conflict(base: Workbook, content: Content) -> None:
    result = merged(base, edit_action("A5", wie="Marco"), edit_action("A5", wie="Erik"), content)
    assert conflict_keys(result) == [("acties", "A5", "wie")]
    line = conflict_lines(result.workbook)[0]
    assert line.endswith(
        'veld wie: ons "Marco", hun "Erik" (basis "Marco, Erik, PVT-voorzitter Kevin Jansen en teamleider Denn…")'
    )


def test_conflicts_in_rounds_phases_and_profile_are_named_in_dutch(base: Workbook, content: Content) -> None:
    def score(value: int, note: str) -> Edit:
        def edit(workbook: Workbook) -> Workbook:
            first = workbook.metingen[0]
            changed = first.model_copy(update={"scores": {**first.scores, "tijd": value}})
            phase = workbook.fasen["in-kaart"]
            notes = {**phase.notities, "rie-actueel": note}
            phases = {**workbook.fasen, "in-kaart": phase.model_copy(update={"notities": notes})}
            return workbook.model_copy(update={"metingen": [changed, *workbook.metingen[1:]], "fasen": phases})

        return edit

    result = merged(base, score(3, "Ons"), score(4, "Hun"), content)
    assert conflict_keys(result) == [
        ("fasen", "in-kaart", "notities.rie-actueel"),
        ("metingen", "2026-03-10", "scores.tijd"),
    ]
    lines = conflict_lines(result.workbook, content)
    assert lines[1] == "conflict: meting 10 mrt 2026, veld score Tijd: ons 3, hun 4 (basis 1)"
    assert lines[0].startswith("conflict: fase In kaart, veld notitie bij 'Er is een actuele, schriftelijke RI&E")


# -- resolving ------------------------------------------------------------------------------------


def test_resolving_takes_the_chosen_value_and_drops_the_conflict(base: Workbook, content: Content) -> None:
    result = merged(
        base,
        both(edit_action("A3", status="klaar"), edit_action("A4", eigenaar="Linda")),
        both(edit_action("A3", status="gestopt"), edit_action("A4", eigenaar="Erik")),
        content,
    )
    workbook = result.workbook
    assert len(workbook.conflicten) == 2
    theirs = resolve_conflict(workbook, 0, "hun", content=content)
    assert theirs.action("A3").status == "gestopt" and len(theirs.conflicten) == 1  # type: ignore[union-attr]
    assert resolve_conflict(workbook, 0, "basis").action("A3").status == "bezig"  # type: ignore[union-attr]
    assert resolve_conflict(workbook, 0, "ons").action("A3").status == "klaar"  # type: ignore[union-attr]
    own = resolve_conflict(theirs, 0, "waarde", "Linda en Erik")
    assert own.action("A4").eigenaar == "Linda en Erik" and own.conflicten == []  # type: ignore[union-attr]
    with pytest.raises(ResolveError, match="ongeldige waarde"):
        resolve_conflict(workbook, 0, "waarde", "half")
    assert workbook.action("A3").status == "klaar"  # type: ignore[union-attr] - the original unchanged
    emptied = resolve_conflict(theirs, 0, "waarde", None)
    assert emptied.action("A4").eigenaar is None  # type: ignore[union-attr]


def test_resolving_an_edit_against_delete(base: Workbook, content: Content) -> None:
    result = merged(base, lambda w: without_action(w, "A5"), edit_action("A5", status="gestopt"), content)
    back = resolve_conflict(result.workbook, 0, "hun")
    assert back.action("A5").status == "gestopt" and back.conflicten == []  # type: ignore[union-attr]
    gone = resolve_conflict(result.workbook, 0, "ons")
    assert gone.action("A5") is None and gone.conflicten == []


def test_resolving_a_log_title_keeps_the_other_conflicts_on_that_entry(base: Workbook, content: Content) -> None:
    def change(title: str, note: str) -> Edit:
        def edit(workbook: Workbook) -> Workbook:
            last = workbook.logboek[-1].model_copy(update={"titel": title, "notitie": note})
            return workbook.model_copy(update={"logboek": [*workbook.logboek[:-1], last]})

        return edit

    result = merged(base, change("Onze titel", "Ons"), change("Hun titel", "Hun"), content)
    assert [c.veld for c in result.workbook.conflicten] == ["titel", "notitie"]
    after_title = resolve_conflict(result.workbook, 0, "hun")
    assert after_title.conflicten[0].sleutel == f"{after_title.logboek[-1].datum.isoformat()} Hun titel"
    done = resolve_conflict(after_title, 0, "hun")
    assert (done.logboek[-1].titel, done.logboek[-1].notitie, done.conflicten) == ("Hun titel", "Hun", [])


def test_a_workbook_with_conflicts_saves_and_loads_the_same(base: Workbook, content: Content) -> None:
    result = merged(base, lambda w: without_action(w, "A5"), edit_action("A5", status="gestopt"), content)
    again = workbook_from_text("opnieuw", result.text, content)
    assert again == result.workbook and dumps_workbook(again, content) == result.text


# -- the command ----------------------------------------------------------------------------------


def write_versions(folder: Path, base: str, ours: str, theirs: str) -> tuple[Path, Path, Path]:
    paths = (folder / "basis.toml", folder / "ons.toml", folder / "hun.toml")
    for path, text in zip(paths, (base, ours, theirs), strict=True):
        path.write_bytes(text.encode("utf-8"))
    return paths


def run(args: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return merge_command(args, out, err), out.getvalue(), err.getvalue()


SMALL = 'schema = 1\n\n[organisatie]\nnaam = "Bakkerij"\n'


@pytest.mark.parametrize(
    ("theirs", "message"),
    [
        ("schema = 1\n[organisatie\n", "TOML-fout"),
        (SMALL + '<<<<<<< HEAD\nsector = "a"\n=======\nsector = "b"\n>>>>>>> hun\n', "git-conflictmarkering"),
        ("schema = 1\n[ergens]\nnaam = 1\n", "organisatie"),
        ('schema = 9\n[organisatie]\nnaam = "X"\n', "schema 9"),
        ("", "leeg"),
    ],
)
def test_a_version_that_is_no_workbook_leaves_ours_untouched(tmp_path: Path, theirs: str, message: str) -> None:
    ours_text = SMALL.replace("Bakkerij", "Bakkerij De Vries")
    base, ours, other = write_versions(tmp_path, SMALL, ours_text, theirs)
    status, _, err = run([str(base), str(ours), str(other), "klanten/bakkerij.toml"])
    assert status == 2
    assert err.startswith("klanten/bakkerij.toml (hun)") and message in err
    assert "niet samengevoegd; " in err and ours.read_text(encoding="utf-8") == ours_text


def test_the_command_writes_into_ours_and_says_what_it_did(tmp_path: Path) -> None:
    base, ours, theirs = write_versions(
        tmp_path,
        SMALL,
        SMALL + '\n[[acties]]\nid = "A1"\ntitel = "Ons"\n',
        SMALL.replace("Bakkerij", "Bakkerij B.V.") + '\n[[acties]]\nid = "A1"\ntitel = "Hun"\n',
    )
    status, out, err = run([str(base), str(ours), str(theirs), "bakkerij.toml"])
    assert (status, out) == (0, "")
    assert err.splitlines() == [
        "bakkerij.toml: hun nieuwe actie A1 'Hun' heet nu A2 (A1 was aan onze kant al gegeven); "
        "hun verwijzingen ernaar zijn meeveranderd",
        "bakkerij.toml: samengevoegd zonder conflicten",
    ]
    text = ours.read_text(encoding="utf-8")
    assert 'naam = "Bakkerij B.V."' in text and 'id = "A2"\ntitel = "Hun"' in text


def test_conflicts_give_exit_one_and_a_line_each(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base, ours, theirs = write_versions(tmp_path, SMALL, SMALL + 'sector = "Brood"\n', SMALL + 'sector = "Banket"\n')
    assert main(["merge", str(base), str(ours), str(theirs), "-o", "-"]) == 1
    captured = capsys.readouterr()
    assert 'hun = "Banket"' in captured.out and ours.read_text(encoding="utf-8").endswith('"Brood"\n')
    assert f'{ours}: conflict: profiel, veld sector: ons "Brood", hun "Banket" (basis (leeg))' in captured.err


def test_without_a_common_base_both_versions_are_merged(tmp_path: Path) -> None:
    base, ours, theirs = write_versions(tmp_path, "", SMALL + 'sector = "Brood"\n', SMALL + "medewerkers = 12\n")
    status, _, _ = run([str(base), str(ours), str(theirs)])
    assert status == 0
    text = ours.read_text(encoding="utf-8")
    assert 'sector = "Brood"' in text and "medewerkers = 12" in text


def test_line_endings_and_comments_of_ours_are_kept(tmp_path: Path) -> None:
    ours_text = SMALL.replace("[organisatie]", "# de klant\n[organisatie]").replace("\n", "\r\n")
    base, ours, theirs = write_versions(tmp_path, SMALL, ours_text, SMALL + "medewerkers = 12\n")
    assert run([str(base), str(ours), str(theirs)])[0] == 0
    assert (
        ours.read_bytes()
        == b'schema = 1\r\n\r\n# de klant\r\n[organisatie]\r\nnaam = "Bakkerij"\r\nmedewerkers = 12\r\n'
    )


def test_merge_help_is_dutch(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["merge", "--help"])
    assert "Voeg twee versies van een werkboek samen" in capsys.readouterr().out


def test_the_merge_problem_of_a_missing_file_names_it(tmp_path: Path) -> None:
    base, ours, _ = write_versions(tmp_path, SMALL, SMALL, SMALL)
    status, _, err = run([str(base), str(ours), str(tmp_path / "weg.toml")])
    assert status == 2 and f"{tmp_path / 'weg.toml'}: bestand niet gevonden" in err


def test_merge_errors_are_workbook_errors(content: Content) -> None:
    with pytest.raises(WorkbookError):
        merge_sources(MergeSource("b", SMALL), MergeSource("o", "x = "), MergeSource("h", SMALL), content)


def test_markers_with_the_base_in_the_file_are_merged_again(tmp_path: Path) -> None:
    path = tmp_path / "klant.toml"
    path.write_bytes(
        (
            'schema = 1\n\n[organisatie]\nnaam = "Bakkerij"\n<<<<<<< HEAD\nsector = "Brood"\nmedewerkers = 12\n'
            "||||||| basis\nmedewerkers = 12\n=======\nmedewerkers = 14\n>>>>>>> hun\n"
        )
        .replace("\n", "\r\n")
        .encode("utf-8")
    )
    status, _, err = run(["--markers", str(path)])
    assert status == 0, err
    assert (
        path.read_bytes()
        == b'schema = 1\r\n\r\n[organisatie]\r\nnaam = "Bakkerij"\r\nsector = "Brood"\r\nmedewerkers = 14\r\n'
    )


def test_markers_without_a_base_anywhere_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "klant.toml"
    text = SMALL + '<<<<<<< HEAD\nsector = "Brood"\n=======\nsector = "Banket"\n>>>>>>> hun\n'
    path.write_text(text, encoding="utf-8")
    status, _, err = run(["--markers", str(path)])
    assert status == 2 and "de gemeenschappelijke versie staat niet in het bestand en niet in git" in err
    assert path.read_text(encoding="utf-8") == text
    assert run(["--markers", str(tmp_path / "weg.toml")])[0] == 2
    path.write_text(SMALL, encoding="utf-8")
    status, _, err = run(["--markers", str(path)])
    assert status == 2 and "geen git-conflictmarkeringen" in err


# -- more parts -----------------------------------------------------------------------------------


def test_a_round_added_on_both_sides_on_one_day_merges_per_factor(base: Workbook, content: Content) -> None:
    def scored(scores: dict[str, int]) -> Edit:
        def edit(workbook: Workbook) -> Workbook:
            scoring = workbook.metingen[0].model_copy(
                update={"datum": dt.date(2027, 3, 1), "scores": scores, "toelichting": {}}
            )
            return workbook.model_copy(update={"metingen": [*workbook.metingen, scoring]})

        return edit

    result = merged(base, scored({"tijd": 2, "kennis": 3}), scored({"tijd": 3, "openheid": 4}), content)
    scoring = result.workbook.metingen[-1]
    assert scoring.scores == {"tijd": 2, "kennis": 3, "openheid": 4}
    assert conflict_keys(result) == [("metingen", "2027-03-01", "scores.tijd")]
    assert conflict_lines(result.workbook, content) == [
        "conflict: meting 1 mrt 2027, veld score Tijd: ons 2, hun 3 (basis (leeg))"
    ]
    assert result.workbook.conflicten[0].omschrijving == "aan beide kanten anders ingevuld"


def test_the_chosen_phase_and_the_participants_list(base: Workbook, content: Content) -> None:
    def people(extra: str, phase: str) -> Edit:
        def edit(workbook: Workbook) -> Workbook:
            changed = workbook.logboek[0].model_copy(update={"deelnemers": [extra]})  # the list replaced
            return workbook.model_copy(update={"logboek": [changed, *workbook.logboek[1:]], "huidige_fase": phase})

        return edit

    result = merged(base, people("Kevin Jansen (PVT)", "plannen"), people("Dennis Kok", "invoeren"), content)
    assert conflict_keys(result) == [
        ("werkboek", None, "huidige_fase"),
        ("logboek", "2026-03-10 Kennismaking en nulmeting", "deelnemers"),
    ]
    resolved = resolve_conflict(resolve_conflict(result.workbook, 0, "hun"), 0, "waarde", ["Sanne", "Marco"])
    assert resolved.huidige_fase == "invoeren" and resolved.logboek[0].deelnemers == ["Sanne", "Marco"]
    with pytest.raises(ResolveError, match="onbekende fase"):
        resolve_conflict(result.workbook, 0, "waarde", "ergens")


def test_participants_added_apart_merge(base: Workbook, content: Content) -> None:
    def people(update: Callable[[list[str]], list[str]]) -> Edit:
        def edit(workbook: Workbook) -> Workbook:
            entry = workbook.logboek[0]
            changed = entry.model_copy(update={"deelnemers": update(list(entry.deelnemers))})
            return workbook.model_copy(update={"logboek": [changed, *workbook.logboek[1:]]})

        return edit

    result = merged(base, people(lambda p: ["Kevin Jansen (PVT)", *p]), people(lambda p: [*p, "Dennis Kok"]), content)
    assert result.clean
    assert result.workbook.logboek[0].deelnemers == ["Kevin Jansen (PVT)", *base.logboek[0].deelnemers, "Dennis Kok"]
    both_at_the_end = merged(base, people(lambda p: [*p, "Kevin"]), people(lambda p: [*p, "Dennis"]), content)
    assert both_at_the_end.clean and both_at_the_end.workbook.logboek[0].deelnemers[-2:] == ["Kevin", "Dennis"]
    removed_and_added = merged(base, people(lambda p: p[1:]), people(lambda p: [*p[:1], "Dennis", *p[1:]]), content)
    assert conflict_keys(removed_and_added)[0][2] == "deelnemers"  # they touch, and one side removed: a conflict


def test_conflicts_already_in_the_files_are_kept_once(base: Workbook, content: Content) -> None:
    first = merged(base, edit_action("A3", status="klaar"), edit_action("A3", status="gestopt"), content).workbook
    texts = [dumps_workbook(w, content) for w in (base, first, edit_action("A9", eigenaar="Jeroen")(first))]
    result = merge_sources(*(MergeSource(n, t) for n, t in zip(("b", "o", "h"), texts, strict=True)), content)
    assert conflict_keys(result) == [("acties", "A3", "status")] and result.conflicts == []
    assert result.workbook.action("A9").eigenaar == "Jeroen"  # type: ignore[union-attr]


def test_resolving_in_phases_legal_items_and_the_profile(base: Workbook, content: Content) -> None:
    def side(text: str, staff: int, status: str) -> Edit:
        def edit(workbook: Workbook) -> Workbook:
            phase = workbook.fasen["kiezen"]
            phases = {
                **workbook.fasen,
                "kiezen": phase.model_copy(update={"notities": {**phase.notities, "prioriteiten": text}}),
            }
            legal = {**workbook.wettelijk, "bhv": workbook.wettelijk["bhv"].model_copy(update={"status": status})}
            organisation = workbook.organisatie.model_copy(update={"medewerkers": staff})
            return workbook.model_copy(update={"fasen": phases, "wettelijk": legal, "organisatie": organisation})

        return edit

    result = merged(base, side("Ons", 36, "ontbreekt"), side("Hun", 38, "nvt"), content)
    assert [c.onderdeel for c in result.workbook.conflicten] == ["organisatie", "fasen", "wettelijk"]
    done = result.workbook
    for _ in range(3):
        done = resolve_conflict(done, 0, "hun")
    assert (
        done.organisatie.medewerkers,
        done.fasen["kiezen"].notities["prioriteiten"],
        done.wettelijk["bhv"].status,
    ) == (
        38,
        "Hun",
        "nvt",
    )
    with pytest.raises(ResolveError, match="moet minstens 1 zijn"):
        resolve_conflict(result.workbook, 0, "waarde", 0)


def test_a_log_entry_deleted_on_one_side_and_edited_on_the_other(base: Workbook, content: Content) -> None:
    def drop(workbook: Workbook) -> Workbook:
        return workbook.model_copy(update={"logboek": workbook.logboek[1:]})

    def edit(workbook: Workbook) -> Workbook:
        changed = workbook.logboek[0].model_copy(update={"notitie": "Aangevuld."})
        return workbook.model_copy(update={"logboek": [changed, *workbook.logboek[1:]]})

    result = merged(base, drop, edit, content)
    assert conflict_keys(result) == [("logboek", "2026-03-10 Kennismaking en nulmeting", None)]
    assert len(result.workbook.logboek) == len(base.logboek) - 1
    back = resolve_conflict(result.workbook, 0, "hun")
    assert back.logboek[0].notitie == "Aangevuld." and back.conflicten == []


def test_resolving_a_field_of_an_entry_that_is_gone_says_so(base: Workbook, content: Content) -> None:
    result = merged(base, edit_action("A3", status="klaar"), edit_action("A3", status="gestopt"), content)
    gone = without_action(result.workbook, "A3")
    with pytest.raises(ResolveError, match=r"^actie A3 staat niet \(meer\) in het werkboek$"):
        resolve_conflict(gone, 0, "hun")


# -- consent to the plan ([[akkoord]]) --------------------------------------------------------------

DECEMBER = dt.date(2026, 12, 1)


def add_consent(door: str, *names: str, day: dt.date = DECEMBER, **fields: object) -> Edit:
    def edit(workbook: Workbook) -> Workbook:
        return with_agreement(workbook, Agreement(datum=day, door=door, namen=list(names), **fields))  # type: ignore[arg-type]

    return edit


def edit_consent(key: str, **update: object) -> Edit:
    def edit(workbook: Workbook) -> Workbook:
        [position] = [i for i, entry in enumerate(workbook.akkoord) if agreement_key(entry) == key]
        return with_agreement(workbook, workbook.akkoord[position].model_copy(update=update), position)

    return edit


def test_consents_added_on_both_sides_merge_cleanly_in_the_files_order(base: Workbook, content: Content) -> None:
    result = merged(base, add_consent("pvt", "Kevin Jansen"), add_consent("werkgever", "Marco van Dijk"), content)
    assert result.clean
    assert [(agreement_key(e), e.namen) for e in result.workbook.akkoord] == [
        ("2026-12-01 werkgever", ["Marco van Dijk"]),
        ("2026-12-01 pvt", ["Kevin Jansen"]),
    ]
    swapped = merged(base, add_consent("werkgever", "Marco van Dijk"), add_consent("pvt", "Kevin Jansen"), content)
    assert swapped.text == result.text, "the same consents give the same bytes, whoever added which"
    assert result.text.count("[[akkoord]]") == 2


def test_different_fields_of_one_consent_both_kept(base: Workbook, content: Content) -> None:
    start = add_consent("werkgever", "Marco van Dijk")(base)
    key = "2026-12-01 werkgever"
    result = merged(start, edit_consent(key, plaats="Zwolle"), edit_consent(key, opmerking="Met dank."), content)
    assert result.clean
    [entry] = result.workbook.akkoord
    assert (entry.plaats, entry.opmerking, entry.namen) == ("Zwolle", "Met dank.", ["Marco van Dijk"])


def test_names_added_on_both_sides_are_both_kept(base: Workbook, content: Content) -> None:
    start = add_consent("werkgever", "Marco van Dijk")(base)
    key = "2026-12-01 werkgever"
    ours = edit_consent(key, namen=["Marco van Dijk", "Linda Bos"])
    theirs = edit_consent(key, namen=["Marco van Dijk", "Erik Hoekstra"])
    result = merged(start, ours, theirs, content)
    assert result.clean and result.workbook.akkoord[0].namen == ["Marco van Dijk", "Linda Bos", "Erik Hoekstra"]


def test_one_consent_edited_differently_is_a_conflict_named_by_date_and_role(base: Workbook, content: Content) -> None:
    start = add_consent("werkgever", "Marco van Dijk")(base)
    key = "2026-12-01 werkgever"
    result = merged(start, edit_consent(key, plaats="Zwolle"), edit_consent(key, plaats="Deventer"), content)
    assert conflict_keys(result) == [("akkoord", key, "plaats")]
    assert result.workbook.akkoord[0].plaats == "Zwolle", "ours stays in place meanwhile"
    assert conflict_lines(result.workbook, content) == [
        'conflict: akkoord van de werkgever op 1 dec 2026, veld plaats: ons "Zwolle", hun "Deventer" (basis (leeg))'
    ]
    assert str(result.workbook.conflicten[0]) == "akkoord 2026-12-01 werkgever plaats"
    resolved = resolve_conflict(result.workbook, 0, "hun", content=content)
    assert resolved.akkoord[0].plaats == "Deventer" and resolved.conflicten == []
    own = resolve_conflict(result.workbook, 0, "waarde", "Kampen", content=content)
    assert own.akkoord[0].plaats == "Kampen"


def test_a_consent_deleted_on_one_side_and_edited_on_the_other(base: Workbook, content: Content) -> None:
    start = add_consent("werkgever", "Marco van Dijk")(base)
    key = "2026-12-01 werkgever"

    def drop(workbook: Workbook) -> Workbook:
        return without_agreement(workbook, 0)

    result = merged(start, drop, edit_consent(key, plaats="Zwolle"), content)
    assert conflict_keys(result) == [("akkoord", key, None)]
    assert result.workbook.akkoord == []
    [line] = conflict_lines(result.workbook, content)
    assert line.startswith("conflict: akkoord van de werkgever op 1 dec 2026, het hele akkoord: ons verwijderd")
    back = resolve_conflict(result.workbook, 0, "hun", content=content)
    assert back.akkoord[0].plaats == "Zwolle" and back.conflicten == []


def test_resolving_a_consents_role_renames_the_other_conflicts_on_it(base: Workbook, content: Content) -> None:
    """A merge never makes a conflict on ``door`` (a changed role is another entry), but a value typed in
    for a whole entry, or a hand-written conflict, can change it: the other conflicts follow the new key."""
    start = add_consent("pvt", "Kevin Jansen")(base)
    key = "2026-12-01 pvt"
    ours = edit_consent(key, plaats="Zwolle", opmerking="Ons")
    theirs = edit_consent(key, plaats="Deventer", opmerking="Hun")
    result = merged(start, ours, theirs, content)
    assert conflict_keys(result) == [("akkoord", key, "plaats"), ("akkoord", key, "opmerking")]
    on_the_role = result.workbook.conflicten[0].model_copy(update={"veld": "door", "ons": "pvt", "hun": "or"})
    moved = result.workbook.model_copy(update={"conflicten": [on_the_role, result.workbook.conflicten[1]]})
    with pytest.raises(ResolveError, match='ongeldige waarde "baas"; toegestaan: werkgever, or, pvt'):
        resolve_conflict(moved, 0, "waarde", "baas", content=content)
    after = resolve_conflict(moved, 0, "hun", content=content)
    assert after.akkoord[0].door == "or"
    assert [(c.sleutel, c.veld) for c in after.conflicten] == [("2026-12-01 or", "opmerking")]
    done = resolve_conflict(after, 0, "hun", content=content)
    assert (done.akkoord[0].door, done.akkoord[0].opmerking, done.conflicten) == ("or", "Hun", [])


def test_a_role_changed_on_both_sides_gives_two_consents(base: Workbook, content: Content) -> None:
    """Known by date and role: each side's new role is a consent of its own, nothing is lost."""
    start = add_consent("pvt", "Kevin Jansen")(base)
    key = "2026-12-01 pvt"
    result = merged(start, edit_consent(key, door="or"), edit_consent(key, door="medewerkers"), content)
    assert result.clean
    assert [agreement_key(e) for e in result.workbook.akkoord] == ["2026-12-01 or", "2026-12-01 medewerkers"]
