"""Loading and saving workbooks: canonical bytes, nothing lost, safe about comments and versions."""

from __future__ import annotations

import datetime as dt
import os
import time
import tomllib
from pathlib import Path

import pytest

from models.canonical import dumps_workbook
from models.content import Content
from models.file_lock import workbook_lock
from models.plan import with_action
from models.problems import ChangedOnDiskError, ReadOnlyError
from models.settings import state_path
from models.store import backup_path, load_workbook, parse_workbook, remove_leftover_temps, save_workbook
from models.toml_file import parse_toml
from models.workbook import Action, Organisation, ScoringRound, Workbook


def test_the_example_is_stored_in_canonical_form(content: Content, example_text: str, workbook_file: Path) -> None:
    loaded = load_workbook(workbook_file, content)
    assert dumps_workbook(loaded.workbook, content) == example_text


def test_round_trip_keeps_every_value(content: Content, workbook_file: Path) -> None:
    before = tomllib.loads(workbook_file.read_text(encoding="utf-8"))
    loaded = load_workbook(workbook_file, content)
    save_workbook(loaded, loaded.workbook, content=content)
    assert tomllib.loads(workbook_file.read_text(encoding="utf-8")) == before


def test_saving_twice_gives_identical_bytes(content: Content, workbook_file: Path) -> None:
    loaded = load_workbook(workbook_file, content)
    action = loaded.workbook.acties[0].model_copy(update={"titel": "Verzuimcijfers 2024-2026 analyseren"})
    first_state = save_workbook(loaded, with_action(loaded.workbook, action), content=content)
    first = workbook_file.read_bytes()
    reloaded = load_workbook(workbook_file, content)
    save_workbook(reloaded, reloaded.workbook, content=content)
    assert workbook_file.read_bytes() == first
    assert first_state.digest == reloaded.digest


def test_a_one_field_edit_changes_one_line(content: Content, workbook_file: Path, example_text: str) -> None:
    loaded = load_workbook(workbook_file, content)
    action = loaded.workbook.action("A9")
    assert action is not None
    save_workbook(loaded, with_action(loaded.workbook, action.model_copy(update={"status": "klaar"})), content=content)
    old, new = example_text.splitlines(), workbook_file.read_text(encoding="utf-8").splitlines()
    assert len(old) == len(new)
    changed = [(a, b) for a, b in zip(old, new, strict=True) if a != b]
    assert changed == [('status = "bezig"', 'status = "klaar"')]


def test_previous_version_is_kept_in_the_state_folder(content: Content, workbook_file: Path, example_text: str) -> None:
    loaded = load_workbook(workbook_file, content)
    organisation = loaded.workbook.organisatie.model_copy(update={"medewerkers": 36})
    save_workbook(loaded, loaded.workbook.model_copy(update={"organisatie": organisation}), content=content)
    backup = backup_path(workbook_file)
    assert backup.parent == state_path().parent / "reservekopieen"
    assert backup.name.startswith("klant-") and backup.suffix == ".toml"
    assert backup.read_text(encoding="utf-8") == example_text
    assert "medewerkers = 36\n" in workbook_file.read_text(encoding="utf-8")
    beside = sorted(p.name for p in workbook_file.parent.iterdir())
    assert beside == [".klant.toml.lock", "klant.toml"], "no .bak (and no temporary file) in the client's folder"


def test_two_workbooks_with_one_name_have_their_own_backup(tmp_path: Path) -> None:
    one, other = tmp_path / "a" / "klant.toml", tmp_path / "b" / "klant.toml"
    assert backup_path(one) != backup_path(other)
    assert backup_path(one) == backup_path(tmp_path / "a" / ".." / "a" / "klant.toml")


def test_unchanged_workbook_is_not_rewritten(content: Content, workbook_file: Path) -> None:
    loaded = load_workbook(workbook_file, content)
    save_workbook(loaded, loaded.workbook, content=content)
    assert not backup_path(workbook_file).exists()


UNKNOWN = """schema = 1
toekomst = "bewaren"

[organisatie]
naam = "Bakkerij De Vries"
kvk = "12345678"

[organisatie.adres]
plaats = "Deventer"

[fasen.kiezen]
afgevinkt = ["prioriteiten"]
gekozen_door = "PVT"

[[acties]]
id = "A1"
titel = "Tilhulp bij de oven"
labels = ["oven", "rug"]
extra_datum = 2026-01-05

[plugin.kleur]
a = 1.5
"""


def test_unknown_keys_survive_load_and_save(content: Content, tmp_path: Path) -> None:
    path = tmp_path / "vries.toml"
    path.write_text(UNKNOWN, encoding="utf-8")
    loaded = load_workbook(path, content)
    planned = loaded.workbook.acties[0].model_copy(update={"status": "gepland"})
    save_workbook(loaded, with_action(loaded.workbook, planned), content=content)
    saved = tomllib.loads(path.read_text(encoding="utf-8"))
    assert saved["toekomst"] == "bewaren"
    assert saved["organisatie"]["kvk"] == "12345678"
    assert saved["organisatie"]["adres"] == {"plaats": "Deventer"}
    assert saved["fasen"]["kiezen"]["gekozen_door"] == "PVT"
    assert saved["acties"][0]["labels"] == ["oven", "rug"]
    assert saved["acties"][0]["extra_datum"] == dt.date(2026, 1, 5)
    assert saved["acties"][0]["status"] == "gepland"
    assert saved["plugin"] == {"kleur": {"a": 1.5}}


def test_unknown_keys_are_reported_with_a_suggestion(content: Content, tmp_path: Path) -> None:
    path = tmp_path / "typo.toml"
    path.write_text('schema = 1\n[organisatie]\nnaam = "X"\n\n[[acties]]\nid = "A1"\ntitel = "T"\neigenar = "Jan"\n')
    loaded = load_workbook(path, content)
    (note,) = loaded.unknown_keys
    assert (note.line, note.path) == (8, "acties[1].eigenar")
    assert "Bedoel je 'eigenaar'?" in note.message


def test_canonical_order_and_empty_fields_left_out(content: Content) -> None:
    workbook = Workbook(
        organisatie=Organisation(naam="Bakkerij De Vries", sector=""),
        metingen=[
            ScoringRound(datum=dt.date(2026, 9, 1), scores={"openheid": 3, "bewustwording": 2}),
            ScoringRound(datum=dt.date(2026, 2, 1), scores={"tijd": 1}),
        ],
        acties=[
            Action(id="A10", titel="Tiende", budget=1500.0, uren=2.5),
            Action(id="A2", titel="Tweede", succesfactoren=["openheid", "bewustwording"], wat="regel 1\nregel 2"),
        ],
    )
    text = dumps_workbook(workbook, content)
    assert 'sector = ""' not in text and "eigenaar" not in text
    assert text.index("datum = 2026-02-01") < text.index("datum = 2026-09-01")
    assert text.index("bewustwording = 2") < text.index("openheid = 3")
    assert text.index('id = "A2"') < text.index('id = "A10"')
    assert 'succesfactoren = [\n    "bewustwording",\n    "openheid",\n]' in text
    assert "budget = 1500\n" in text and "uren = 2.5\n" in text
    assert 'wat = """\nregel 1\nregel 2"""' in text
    assert text.startswith("schema = 1\n\n[organisatie]\n")
    # Short tables stay blocks (never one inline array), so growing one never rewrites the list.
    assert text.count("[[acties]]\n") == 2 and text.count("[[metingen]]\n") == 2
    assert "[metingen.scores]\ntijd = 1\n" in text


def test_comments_are_kept_without_asking(content: Content, workbook_file: Path) -> None:
    original = "# Klant sinds 2024\n" + workbook_file.read_text(encoding="utf-8")
    workbook_file.write_text(original, encoding="utf-8")
    loaded = load_workbook(workbook_file, content)
    assert loaded.comment_lines == [1]
    saved = save_workbook(loaded, loaded.workbook, content=content)
    assert workbook_file.read_text(encoding="utf-8") == original
    action = loaded.workbook.acties[0].model_copy(update={"status": "gestopt"})
    saved = save_workbook(saved, with_action(loaded.workbook, action), content=content)
    text = workbook_file.read_text(encoding="utf-8")
    assert text.startswith("# Klant sinds 2024\nschema = 1\n") and saved.comment_lines == [1]
    assert text.replace("# Klant sinds 2024\n", "", 1) == dumps_workbook(saved.workbook, content)


def test_hash_inside_text_is_not_a_comment(content: Content, tmp_path: Path) -> None:
    path = tmp_path / "hash.toml"
    path.write_text('schema = 1\n[organisatie]\nnaam = "Team #2"\nsector = """\nregel\n# geen opmerking\n"""\n')
    assert load_workbook(path, content).comment_lines == []


def test_newer_schema_opens_read_only_and_refuses_to_save(content: Content, workbook_file: Path) -> None:
    text = workbook_file.read_text(encoding="utf-8").replace("schema = 1", "schema = 2", 1)
    workbook_file.write_text(text, encoding="utf-8")
    loaded = load_workbook(workbook_file, content)
    assert loaded.read_only
    assert "schema 2" in (loaded.read_only_reason or "") and "alleen-lezen" in (loaded.read_only_reason or "")
    with pytest.raises(ReadOnlyError):
        save_workbook(loaded, loaded.workbook, content=content)
    assert workbook_file.read_text(encoding="utf-8") == text


def test_a_file_changed_on_disk_is_not_overwritten(content: Content, workbook_file: Path) -> None:
    loaded = load_workbook(workbook_file, content)
    theirs = workbook_file.read_text(encoding="utf-8").replace("medewerkers = 34", "medewerkers = 40")
    workbook_file.write_text(theirs, encoding="utf-8")
    mine = loaded.workbook.model_copy(update={"logboek": []})
    with pytest.raises(ChangedOnDiskError):
        save_workbook(loaded, mine, content=content)
    assert workbook_file.read_text(encoding="utf-8") == theirs


def test_a_symlinked_workbook_is_saved_through_its_link(content: Content, tmp_path: Path, example_text: str) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    real = repo / "klant.toml"
    real.write_text(example_text, encoding="utf-8")
    elsewhere = tmp_path / "bureaublad"
    elsewhere.mkdir()
    link = elsewhere / "klant.toml"
    link.symlink_to(real)
    loaded = load_workbook(link, content)
    organisation = loaded.workbook.organisatie.model_copy(update={"medewerkers": 36})
    saved = save_workbook(loaded, loaded.workbook.model_copy(update={"organisatie": organisation}), content=content)
    assert link.is_symlink() and link.resolve() == real, "the link is still a link to the same file"
    assert "medewerkers = 36\n" in real.read_text(encoding="utf-8")
    assert backup_path(link) == backup_path(real) and backup_path(real).read_text(encoding="utf-8") == example_text
    assert sorted(p.name for p in repo.iterdir()) == [".klant.toml.lock", "klant.toml"], "the lock is beside the target"
    assert [p.name for p in elsewhere.iterdir()] == ["klant.toml"], "nothing beside the link"
    again = loaded.workbook.organisatie.model_copy(update={"medewerkers": 37})
    save_workbook(saved, loaded.workbook.model_copy(update={"organisatie": again}), content=content)
    assert link.is_symlink() and "medewerkers = 37\n" in real.read_text(encoding="utf-8")
    assert "medewerkers = 36\n" in backup_path(real).read_text(encoding="utf-8")


def _temp(folder: Path, name: str, age: float) -> Path:
    path = folder / name
    path.write_bytes(b"half geschreven")
    moment = time.time() - age
    os.utime(path, (moment, moment))
    return path


def test_leftover_temp_files_of_a_crash_are_removed(workbook_file: Path) -> None:
    folder = workbook_file.parent
    fresh = _temp(folder, ".klant.toml.abcd1234.tmp", 1)
    old = _temp(folder, ".klant.toml.zyxw9876.tmp", 3600)
    backup_folder = backup_path(workbook_file).parent
    backup_folder.mkdir(parents=True)
    of_backup = _temp(backup_folder, f".{backup_path(workbook_file).name}.q1w2e3r4.tmp", 1)
    others = [
        _temp(folder, ".andere.toml.abcd1234.tmp", 3600),
        _temp(folder, ".klant.conflict.toml.abcd1234.tmp", 3600),
        _temp(folder, "klant.toml.abcd1234.tmp", 3600),
    ]
    assert sorted(remove_leftover_temps(workbook_file)) == sorted([fresh, old, of_backup])
    assert not fresh.exists() and not old.exists() and not of_backup.exists()
    assert all(other.exists() for other in others), "only this workbook's own temporary files"


def test_a_temp_file_of_a_save_in_progress_is_left_alone(workbook_file: Path) -> None:
    """While another window holds the lock (it is saving), only temporary files older than a minute go."""
    busy = _temp(workbook_file.parent, ".klant.toml.abcd1234.tmp", 1)
    old = _temp(workbook_file.parent, ".klant.toml.zyxw9876.tmp", 600)
    with workbook_lock(workbook_file):  # another open file description: as another process
        assert remove_leftover_temps(workbook_file) == [old]
    assert busy.exists() and not old.exists()


def test_opening_without_leftovers_makes_no_lock_file(workbook_file: Path) -> None:
    assert remove_leftover_temps(workbook_file) == []
    assert [p.name for p in workbook_file.parent.iterdir()] == ["klant.toml"]


def test_conflict_copy_is_written_beside_the_file(content: Content, workbook_file: Path) -> None:
    from models.store import conflict_path, save_conflict_copy

    loaded = load_workbook(workbook_file, content)
    before = workbook_file.read_bytes()
    target = save_conflict_copy(loaded, loaded.workbook.model_copy(update={"logboek": []}), content=content)
    assert target == conflict_path(workbook_file) == workbook_file.with_name("klant.conflict.toml")
    assert "[[logboek]]" not in target.read_text(encoding="utf-8")
    assert workbook_file.read_bytes() == before


def test_reused_action_blocks_give_the_same_bytes_as_a_fresh_render(content: Content, workbook_file: Path) -> None:
    from models import canonical

    loaded = load_workbook(workbook_file, content)
    dumps_workbook(loaded.workbook, content)  # fills the cache of rendered action blocks
    edited = with_action(loaded.workbook, loaded.workbook.acties[4].model_copy(update={"titel": "Nieuwe titel"}))
    warm = dumps_workbook(edited, content)
    canonical._RENDERED.clear()
    assert dumps_workbook(edited, content) == warm
    assert 'titel = "Nieuwe titel"' in warm


def test_the_readme_example_is_a_valid_workbook(content: Content) -> None:
    """The file format shown in the README is one the app reads without a complaint."""
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    example = readme.split("```toml\n", 1)[1].split("```", 1)[0]
    workbook, read_only_reason = parse_workbook("README.md", example, content)
    assert read_only_reason is None
    assert workbook.huidige_fase == "kiezen" and workbook.niveaus[0].di_typologie == "a"
    assert workbook.acties[0].bron == "wettelijk:pago"


def test_the_fast_parser_reads_what_tomllib_reads(example_text: str) -> None:
    """rtoml does the parsing for speed; on every kind of value it must agree with the standard library."""
    tricky = (
        'a = "tab\\tquote\\" backslash\\\\ é \\u00e9"\n'
        "b = 'letterlijk \\n'\n"
        'c = """\nregel één\n  ingesprongen "aanhalingstekens"\n"""\n'
        'd = 2026-02-28\ne = 12.5\nf = -3\ng = [1, 2.5, "x"]\nh = { i = 1, j = "k" }\n'
        "[[l]]\nm = true\n[[l]]\nm = false\n"
    )
    for text in (example_text, tricky):
        assert parse_toml("x.toml", text) == tomllib.loads(text)
