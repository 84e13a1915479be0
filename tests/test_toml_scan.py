"""The source scanner: comments found, string contents skipped, keys and list items located."""

from __future__ import annotations

from models.toml_scan import comment_lines, conflict_marker_lines, scan

SOURCE = '''schema = 1 # versie
[organisatie]
naam = "Team #1"
notitie = """
[geen.tabel]
x = 1 # geen opmerking
"""
pad = 'C:\\map #2'
"sleutel met spatie" = 3

[[acties]]
id = "A1"
lijst = [
  "a", # tweede opmerking
  ["b", 'c'],
  { d = 1 },
]

[[acties]]
id = "A2"

[acties.sub]
k = 2

[[fasen.checklist]]
id = "x"
'''


def test_comments_only_outside_strings() -> None:
    assert comment_lines(SOURCE) == [1, 14]
    assert comment_lines('naam = "geen # opmerking"\n') == []


def test_positions_of_keys_tables_and_items() -> None:
    positions = scan(SOURCE).positions
    assert positions[("schema",)] == (1, 10)
    assert positions[("organisatie", "notitie")] == (4, 11)
    assert positions[("organisatie", "pad")] == (8, 7)
    assert positions[("organisatie", "sleutel met spatie")] == (9, 24)
    assert ("geen", "tabel") not in positions and ("organisatie", "x") not in positions
    assert positions[("acties", 0)] == (11, 1)
    assert positions[("acties", 0, "lijst", 0)] == (14, 3)
    assert positions[("acties", 0, "lijst", 1)] == (15, 3)
    assert positions[("acties", 0, "lijst", 1, 1)] == (15, 9)
    assert positions[("acties", 0, "lijst", 2)] == (16, 3)
    assert positions[("acties", 1, "id")] == (20, 6)
    assert positions[("acties", 1, "sub", "k")] == (23, 5)
    assert positions[("fasen", "checklist", 0, "id")] == (26, 6)


def test_locate_falls_back_to_the_nearest_known_parent() -> None:
    result = scan(SOURCE)
    assert result.locate(("acties", 1, "onbekend")) == (19, 1)
    assert result.locate(("nergens",)) is None


def test_conflict_markers() -> None:
    text = "a = 1\n<<<<<<< HEAD\nb = 1\n=======\nb = 2\n>>>>>>> main\n"
    assert conflict_marker_lines(text) == [2, 4, 6]
    assert conflict_marker_lines('a = """\n=======\n"""\n') == []
