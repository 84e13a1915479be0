"""Strict TOML: forms only TOML 1.1 allows (which rtoml reads, but tomllib and other tools refuse) are
refused with the file, line, column and how to write them; valid files keep rtoml's fast path."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import rtoml

from bench.run import generated_workbook
from models.canonical import dumps_workbook
from models.content import Content
from models.problems import WorkbookError
from models.store import load_workbook
from models.toml_file import parse_toml
from models.toml_scan import may_hold_toml11

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "saves" / "van-dijk-installatietechniek.toml"

# (the line put in as line 2 of the example, the column of the problem, words the message must hold)
TOML11_FORMS = {
    "inline-tabel over regels": ("extra = {\n  a = 1\n}", 10, ["tabel tussen { } over meer regels", "één regel"]),
    "inline-tabel, later een regel": ("extra = { a = 1,\n  b = 2 }", 17, ["over meer regels"]),
    "inline-tabel met opmerking": ("extra = { a = 1, # uitleg\n}", 18, ["met een opmerking erin"]),
    "komma voor }": ("extra = { a = 1, b = 2, }", 25, ["komma na het laatste veld", "haal de komma"]),
    "escape \\e": ('extra = "rood \\e[31m"', 15, ["de escape \\e", "schrijf \\u001B"]),
    "escape \\xHH": ('extra = "A is \\x41"', 15, ["de escape \\x41", "schrijf \\u0041"]),
    "tijd zonder seconden": ("extra = 10:30", 9, ["tijd zonder seconden (10:30)", "10:30:00"]),
    "datum-tijd zonder seconden": ("extra = 2026-12-01T10:30", 9, ["(2026-12-01T10:30)", "2026-12-01T10:30:00"]),
    "tijd in een lijst": ("extra = [\n  09:15,\n]", 3, ["tijd zonder seconden (09:15)"]),
}
LINE = {"inline-tabel, later een regel": 2, "tijd in een lijst": 3}
"""The line of the problem when it is not line 2."""


def with_line(example_text: str, line: str) -> str:
    return example_text.replace("schema = 1\n", f"schema = 1\n{line}\n", 1)


def werkboek(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cli.main", *args], cwd=ROOT, check=False, capture_output=True, text=True, timeout=60
    )


@pytest.mark.parametrize("form", TOML11_FORMS)
def test_each_toml11_form_is_refused_by_load(form: str, content: Content, example_text: str, tmp_path: Path) -> None:
    line, column, words = TOML11_FORMS[form]
    text = with_line(example_text, line)
    assert rtoml.loads(text)  # rtoml reads it …
    with pytest.raises(tomllib.TOMLDecodeError):  # … TOML 1.0 does not
        tomllib.loads(text)
    path = tmp_path / "klant.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(WorkbookError) as error:
        load_workbook(path, content)
    [problem] = error.value.problems
    assert (problem.line, problem.column) == (LINE.get(form, 2), column)
    assert problem.message.startswith("TOML-fout: dit mag niet in TOML 1.0")
    for word in words:
        assert word in problem.message


def test_werkboek_check_refuses_each_form_with_its_place(example_text: str, tmp_path: Path) -> None:
    paths = []
    for number, (line, column, words) in enumerate(TOML11_FORMS.values()):
        path = tmp_path / f"klant-{number}.toml"
        path.write_text(with_line(example_text, line), encoding="utf-8")
        paths.append((path, column, words))
    result = werkboek("check", *(str(path) for path, _, _ in paths))
    assert result.returncode == 1
    for (path, column, words), form in zip(paths, TOML11_FORMS, strict=True):
        [reported] = [line for line in result.stdout.splitlines() if line.startswith(f"{path}:")]
        assert reported.startswith(f"{path}:{LINE.get(form, 2)}:{column}: TOML-fout: dit mag niet in TOML 1.0")
        assert all(word in reported for word in words)
    assert "Traceback" not in result.stderr


VALID_TOML10 = [
    'a = "tekst met { en , }"\nb = { c = 1, d = "}" }\n',
    'notitie = "om 10:30 uur, of 11:00"\ntijd = 10:30:00\nmoment = 2026-12-01T10:30:00Z\n',
    'pad = \'C:\\export\\xml\'\nbs = "C:\\\\export\\\\xml"\nesc = "\\u001B"\n',
    "lijst = [\n  { a = 1 },\n  { b = [1, 2] },\n]\n# { opmerking\n",
    'tekst = """\nx = {\n  y = 1,\n}\n10:30\n"""\n',
    "url = \"https://voorbeeld.nl:8080/pad\"\nverhouding = '3:45'\n",
]


@pytest.mark.parametrize("text", VALID_TOML10)
def test_valid_files_read_the_same_by_rtoml_and_tomllib(text: str) -> None:
    assert parse_toml("f.toml", text) == tomllib.loads(text) == rtoml.loads(text)


def test_the_example_reads_the_same_and_takes_the_fast_path(example_text: str) -> None:
    assert not may_hold_toml11(example_text)
    assert parse_toml("f.toml", example_text) == tomllib.loads(example_text)


def test_a_big_plan_takes_the_fast_path(content: Content) -> None:
    """The 2,000-action benchmark file has no candidate: it is parsed by rtoml only."""
    text = dumps_workbook(generated_workbook(2000, 4), content)
    assert not may_hold_toml11(text)


@pytest.mark.parametrize("line", [line for line, _, _ in TOML11_FORMS.values()])
def test_the_scan_finds_every_form(line: str) -> None:
    assert may_hold_toml11(f"{line}\n")


@pytest.mark.parametrize(
    "text",
    ['a = "om 10:30"\n', "a = 10:30:00\n", "a = { b = 1 } # {\n", "a = 'C:\\\\pad'\n", 'a = "x:80"\n'],
)
def test_the_scan_lets_plain_files_pass(text: str) -> None:
    assert not may_hold_toml11(text)
