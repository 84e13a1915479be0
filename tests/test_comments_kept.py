"""Hand-written comments survive a save: the canonical text is laid onto the file's own text."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from models.canonical import dumps_workbook
from models.content import Content
from models.logbook import with_log_entry
from models.plan import with_action, without_action
from models.store import LoadedWorkbook, load_workbook, parse_workbook, save_workbook
from models.toml_keep import merge_keeping_comments
from models.workbook import Action, LogEntry, Workbook

COMMENTS = {
    "top": "# Klant sinds 2024, contact via de bedrijfsleider\n",
    "organisation": "# wie het bedrijf is\n",
    "name": '"Van Dijk Installatietechniek B.V." # zoals in de KvK\n',
    "scoring": "# de nulmeting, met het MT samen gescoord\n",
    "legal": "# nagevraagd bij de arbodienst\n",
    "a1": "# A1 liep via de bedrijfsarts\n",
    "a1_status": '"klaar" # afgerond in juni\n',
    "a2": "# A2: de vragenlijst\n",
    "a2_inside": "# vragenlijst staat op de schijf\n",
    "a3": "# A3 hangt af van de RI&E-kerndeskundige\n",
    "end": "# einde van het bestand\n",
}


def _commented(text: str) -> str:
    """The example workbook with comments at top level, above tables and entries, and at line ends."""
    text = COMMENTS["top"] + text
    text = text.replace("[organisatie]\n", COMMENTS["organisation"] + "[organisatie]\n", 1)
    text = text.replace('"Van Dijk Installatietechniek B.V."\n', COMMENTS["name"], 1)
    text = text.replace("[[metingen]]\n", COMMENTS["scoring"] + "[[metingen]]\n", 1)
    text = text.replace("[wettelijk.rie]\n", COMMENTS["legal"] + "[wettelijk.rie]\n", 1)
    text = text.replace('[[acties]]\nid = "A1"\n', COMMENTS["a1"] + '[[acties]]\nid = "A1"\n', 1)
    start = text.index('id = "A1"')
    text = text[:start] + text[start:].replace('"klaar"\n', COMMENTS["a1_status"], 1)
    text = text.replace('[[acties]]\nid = "A2"\n', COMMENTS["a2"] + '[[acties]]\nid = "A2"\n' + COMMENTS["a2_inside"])
    text = text.replace('[[acties]]\nid = "A3"\n', COMMENTS["a3"] + '[[acties]]\nid = "A3"\n', 1)
    return text + COMMENTS["end"]


@pytest.fixture
def commented_file(workbook_file: Path) -> Path:
    text = _commented(workbook_file.read_text(encoding="utf-8"))
    assert text.count("#") >= len(COMMENTS)
    workbook_file.write_text(text, encoding="utf-8")
    return workbook_file


def _save_and_check(loaded: LoadedWorkbook, workbook: Workbook, content: Content) -> LoadedWorkbook:
    """Save; the file reads as the canonical text does, and saving again changes no byte."""
    state = save_workbook(loaded, workbook, content=content)
    path = loaded.path
    text = path.read_text(encoding="utf-8")
    canonical, _ = parse_workbook("canoniek", dumps_workbook(workbook, content), content)
    assert load_workbook(path, content).workbook == canonical
    assert state.comment_lines == load_workbook(path, content).comment_lines
    again = save_workbook(state, state.workbook, content=content)
    assert path.read_text(encoding="utf-8") == text
    reread = load_workbook(path, content)
    save_workbook(reread, reread.workbook, content=content)
    assert path.read_text(encoding="utf-8") == text
    return again


def _kept(path: Path, *names: str) -> str:
    text = path.read_text(encoding="utf-8")
    for name in names:
        assert COMMENTS[name] in text, name
    return text


def _action(workbook: Workbook, action_id: str) -> Action:
    return next(action for action in workbook.acties if action.id == action_id)


def test_edits_keep_every_comment(content: Content, commented_file: Path) -> None:
    loaded = load_workbook(commented_file, content)
    assert len(loaded.comment_lines) == len(COMMENTS)
    every = tuple(COMMENTS)

    changed = _action(loaded.workbook, "A3").model_copy(update={"status": "klaar"})
    state = _save_and_check(loaded, with_action(loaded.workbook, changed), content)
    text = _kept(commented_file, *every)
    block = text[text.index(COMMENTS["a3"]) :]
    assert 'status = "klaar"' in block[: block.index("[[acties]]", len(COMMENTS["a3"]) + 11)]

    added = Action(id="A99", titel="Nieuwe actie met opmerkingen in het bestand", status="idee")
    state = _save_and_check(state, with_action(state.workbook, added), content)
    text = _kept(commented_file, *every)
    assert '[[acties]]\nid = "A99"\ntitel = "Nieuwe actie met opmerkingen in het bestand"\n' in text

    state = _save_and_check(state, without_action(state.workbook, "A2"), content)
    text = _kept(commented_file, *(name for name in every if not name.startswith("a2")))
    assert "A2:" not in text and "vragenlijst staat" not in text  # its comments went with it
    assert 'id = "A2"' not in text

    entry = LogEntry(datum=dt.date(2026, 11, 25), titel="Evaluatie met opmerkingen", notitie="regel 1\nregel 2")
    state = _save_and_check(state, with_log_entry(state.workbook, entry), content)
    text = _kept(commented_file, *(name for name in every if not name.startswith("a2")))
    assert 'titel = "Evaluatie met opmerkingen"\nnotitie = """\nregel 1\nregel 2"""\n' in text

    renamed = state.workbook.organisatie.model_copy(update={"naam": "Van Dijk Installatie B.V."})
    _save_and_check(state, state.workbook.model_copy(update={"organisatie": renamed}), content)
    text = commented_file.read_text(encoding="utf-8")
    assert 'naam = "Van Dijk Installatie B.V." # zoals in de KvK\n' in text


def test_a_file_without_comments_gets_the_canonical_bytes(content: Content, workbook_file: Path) -> None:
    loaded = load_workbook(workbook_file, content)
    changed = _action(loaded.workbook, "A3").model_copy(update={"status": "klaar"})
    save_workbook(loaded, with_action(loaded.workbook, changed), content=content)
    assert workbook_file.read_text(encoding="utf-8") == dumps_workbook(with_action(loaded.workbook, changed), content)


def test_tomlkit_is_loaded_only_for_a_file_with_comments(workbook_file: Path) -> None:
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from models.store import load_workbook, save_workbook\n"
        "loaded = load_workbook(Path(sys.argv[1]))\n"
        "save_workbook(loaded, loaded.workbook.model_copy(update={'logboek': []}))\n"
        "print('tomlkit' in sys.modules)\n"
    )
    command = [sys.executable, "-c", script, str(workbook_file)]
    root = Path(__file__).parent.parent
    plain = subprocess.run(command, cwd=root, check=False, capture_output=True, text=True)
    assert plain.stdout.strip() == "False", plain.stderr
    workbook_file.write_text("# opmerking\n" + workbook_file.read_text(encoding="utf-8"), encoding="utf-8")
    commented = subprocess.run(command, cwd=root, check=False, capture_output=True, text=True)
    assert commented.stdout.strip() == "True", commented.stderr
    assert workbook_file.read_text(encoding="utf-8").startswith("# opmerking\n")


def test_reordered_entries_take_their_comments_along(content: Content, tmp_path: Path) -> None:
    path = tmp_path / "volgorde.toml"
    path.write_text(
        'schema = 1\n\n[organisatie]\nnaam = "X"\n\n'
        '# eerste\n[[logboek]]\ndatum = 2026-01-01\ntitel = "Een" # een\n\n'
        '# tweede\n[[logboek]]\ndatum = 2026-02-01\ntitel = "Twee"\n',
        encoding="utf-8",
    )
    loaded = load_workbook(path, content)
    first = loaded.workbook.logboek[0].model_copy(update={"datum": dt.date(2026, 3, 1)})
    workbook = loaded.workbook.model_copy(update={"logboek": [loaded.workbook.logboek[1], first]})
    _save_and_check(loaded, workbook, content)
    text = path.read_text(encoding="utf-8")
    assert text.index("# tweede") < text.index('titel = "Twee"') < text.index("# eerste")
    assert '# eerste\n[[logboek]]\ndatum = 2026-03-01\ntitel = "Een" # een\n' in text


def test_inline_tables_and_crlf_stay(content: Content, tmp_path: Path) -> None:
    path = tmp_path / "inline.toml"
    text = (
        'schema = 1 # versie\n\n[organisatie]\nnaam = "X"\n\n[[metingen]]\ndatum = 2026-01-01\n'
        "scores = { bewustwording = 2, vertrouwen = 3 } # eerste scores\n"
    )
    path.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    loaded = load_workbook(path, content)
    scoring = loaded.workbook.metingen[0]
    changed = scoring.model_copy(update={"scores": {**scoring.scores, "vertrouwen": 4}})
    _save_and_check(loaded, loaded.workbook.model_copy(update={"metingen": [changed]}), content)
    data = path.read_bytes()
    assert b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")
    assert "vertrouwen = 4 } # eerste scores" in data.decode("utf-8")
    assert "schema = 1 # versie" in data.decode("utf-8")


def test_merge_is_the_canonical_text_when_nothing_is_commented(content: Content, example_text: str) -> None:
    assert merge_keeping_comments(example_text, example_text) == example_text
