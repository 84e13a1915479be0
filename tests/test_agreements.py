"""Consent to the plan (``[[akkoord]]``) in the file: loaded, written canonically (by date, then role),
byte-stable, checked with Dutch messages; and the pure functions behind the screen and its form."""

from __future__ import annotations

import datetime as dt
import io
import tomllib
from pathlib import Path

import pytest

from models.agreements import (
    agreement_form_values,
    agreement_from_form,
    agreement_key,
    missing_roles,
    newest_first,
    next_role,
    parse_names,
    with_agreement,
    without_agreement,
)
from models.canonical import dumps_workbook
from models.check import check_files
from models.compare import workbook_from_text
from models.content import Content
from models.form_parsing import FormError
from models.store import load_workbook, save_workbook
from models.workbook import Agreement, Workbook

CONSENTS = """
[[akkoord]]
datum = 2027-01-15
door = "adviseur"
namen = ["Sanne de Boer"]

[[akkoord]]
datum = 2026-12-01
door = "pvt"
namen = ["Kevin Jansen", "Anouk Vos"]
opmerking = \"\"\"
Akkoord onder voorwaarde
dat A4 in maart start.\"\"\"

[[akkoord]]
datum = 2026-12-01
door = "werkgever"
namen = ["Marco van Dijk"]
plaats = "Zwolle"
extra_veld = "blijft"
"""


@pytest.fixture
def with_consents(workbook_file: Path) -> Path:
    workbook_file.write_text(workbook_file.read_text(encoding="utf-8") + CONSENTS, encoding="utf-8")
    return workbook_file


# -- the file -----------------------------------------------------------------------------------------


def test_consents_load_with_every_field(with_consents: Path, content: Content) -> None:
    workbook = load_workbook(with_consents, content).workbook
    assert [(agreement_key(e), e.namen, e.plaats) for e in workbook.akkoord] == [
        ("2027-01-15 adviseur", ["Sanne de Boer"], None),
        ("2026-12-01 pvt", ["Kevin Jansen", "Anouk Vos"], None),
        ("2026-12-01 werkgever", ["Marco van Dijk"], "Zwolle"),
    ]
    assert workbook.akkoord[1].opmerking == "Akkoord onder voorwaarde\ndat A4 in maart start."
    assert workbook.akkoord[2].model_extra == {"extra_veld": "blijft"}


def test_consents_are_written_by_date_then_role_after_the_log_and_byte_stable(
    with_consents: Path, content: Content
) -> None:
    loaded = load_workbook(with_consents, content)
    save_workbook(loaded, loaded.workbook, content=content)
    text = with_consents.read_text(encoding="utf-8")
    assert text.index("[[logboek]]") < text.index("[[akkoord]]")
    assert text[text.index("[[akkoord]]") :] == (
        "[[akkoord]]\n"
        "datum = 2026-12-01\n"
        'door = "werkgever"\n'
        'namen = [\n    "Marco van Dijk",\n]\n'
        'plaats = "Zwolle"\n'
        'extra_veld = "blijft"\n'
        "\n"
        "[[akkoord]]\n"
        "datum = 2026-12-01\n"
        'door = "pvt"\n'
        'namen = [\n    "Kevin Jansen",\n    "Anouk Vos",\n]\n'
        'opmerking = """\nAkkoord onder voorwaarde\ndat A4 in maart start."""\n'
        "\n"
        "[[akkoord]]\n"
        "datum = 2027-01-15\n"
        'door = "adviseur"\n'
        'namen = [\n    "Sanne de Boer",\n]\n'
    )
    again = load_workbook(with_consents, content)
    assert dumps_workbook(again.workbook, content) == text, "a second save gives the same bytes"
    assert tomllib.loads(text)["akkoord"][0]["extra_veld"] == "blijft", "an unknown key survives"


def test_the_order_of_adding_does_not_change_the_bytes(example: Workbook, content: Content) -> None:
    employer = Agreement(datum=dt.date(2026, 12, 1), door="werkgever", namen=["Marco van Dijk"])
    staff = Agreement(datum=dt.date(2026, 12, 1), door="pvt", namen=["Kevin Jansen"])
    one = with_agreement(with_agreement(example, staff), employer)
    other = with_agreement(with_agreement(example, employer), staff)
    assert dumps_workbook(one, content) == dumps_workbook(other, content)
    assert [e.door for e in one.akkoord] == ["werkgever", "pvt"]


def test_an_empty_consent_list_writes_nothing(example: Workbook, content: Content) -> None:
    assert "akkoord" not in dumps_workbook(example, content)


@pytest.mark.parametrize(
    ("block", "marker", "message"),
    [
        (
            '[[akkoord]]\ndatum = 2026-12-01\ndoor = "baas"\n',
            'door = "baas"',
            'akkoord[1].door: ongeldige waarde "baas"; toegestaan: werkgever, or, pvt, medewerkers, adviseur',
        ),
        ('[[akkoord]]\ndoor = "or"\n', "[[akkoord]]", "akkoord[1].datum: verplicht veld ontbreekt"),
        (
            '[[akkoord]]\ndatum = 2026-12-01\ndoor = "or"\nnamen = "Kevin"\n',
            'namen = "Kevin"',
            'akkoord[1].namen: verwacht een lijst tussen [ ], zoals ["a", "b"], niet "Kevin"',
        ),
        (
            '[[akkoord]]\ndatum = "1-12-2026"\ndoor = "or"\n',
            'datum = "1-12-2026"',
            "akkoord[1].datum: verwacht een datum zonder aanhalingstekens",
        ),
    ],
    ids=["onbekende rol", "geen datum", "namen geen lijst", "datum als tekst"],
)
def test_check_names_file_line_field_and_what_is_allowed(
    workbook_file: Path, block: str, marker: str, message: str
) -> None:
    text = workbook_file.read_text(encoding="utf-8") + "\n" + block
    workbook_file.write_text(text, encoding="utf-8")
    line = next(number for number, found in enumerate(text.splitlines(), start=1) if marker in found)
    out = io.StringIO()
    assert check_files([workbook_file], out) == 1
    [reported] = [found for found in out.getvalue().splitlines() if found.startswith(f"{workbook_file}:")]
    assert reported.startswith(f"{workbook_file}:{line}:")
    assert message in reported


def test_check_passes_a_file_with_consents(with_consents: Path) -> None:
    out = io.StringIO()
    assert check_files([with_consents], out) == 0
    assert "in orde" in out.getvalue()


# -- the list -------------------------------------------------------------------------------------------


@pytest.fixture
def example(content: Content, workbook_file: Path) -> Workbook:
    return workbook_from_text("voorbeeld", workbook_file.read_text(encoding="utf-8"), content)


def test_newest_first_and_what_is_still_missing(example: Workbook) -> None:
    assert example.organisatie.medezeggenschap == "pvt"
    assert (missing_roles(example), next_role(example)) == (["werkgever", "pvt", "adviseur"], "werkgever")
    workbook = with_agreement(example, Agreement(datum=dt.date(2026, 12, 1), door="werkgever"))
    workbook = with_agreement(workbook, Agreement(datum=dt.date(2027, 1, 15), door="adviseur"))
    workbook = with_agreement(workbook, Agreement(datum=dt.date(2026, 12, 1), door="pvt"))
    assert [agreement_key(e) for _, e in newest_first(workbook)] == [
        "2027-01-15 adviseur",
        "2026-12-01 werkgever",
        "2026-12-01 pvt",
    ]
    assert (missing_roles(workbook), next_role(workbook)) == ([], "werkgever")
    assert next_role(without_agreement(workbook, 1)) == "pvt"
    without_representation = example.model_copy(
        update={"organisatie": example.organisatie.model_copy(update={"medezeggenschap": None})}
    )
    assert missing_roles(without_representation) == ["werkgever", "medewerkers", "adviseur"]


# -- the form -------------------------------------------------------------------------------------------

FORM = {"datum": "1-12-2026", "door": "werkgever", "namen": "Marco van Dijk", "plaats": "", "opmerking": ""}


def test_names_by_comma_semicolon_or_line() -> None:
    assert parse_names("Marco van Dijk, Linda Bos\n\n  Erik Hoekstra ;Anouk\x1b[2J Vos\n") == [
        "Marco van Dijk",
        "Linda Bos",
        "Erik Hoekstra",
        "Anouk Vos",
    ]
    with pytest.raises(FormError, match="te lang"):
        parse_names("x" * 201)


def test_editing_another_field_keeps_a_name_with_a_comma_whole() -> None:
    original = Agreement(datum=dt.date(2026, 12, 1), door="werkgever", namen=["Dijk, M. van", "Linda Bos"])
    values = {**agreement_form_values(original), "plaats": "Zwolle"}
    entry, errors = agreement_from_form(values, original)
    assert errors == {} and entry is not None
    assert (entry.namen, entry.plaats) == (["Dijk, M. van", "Linda Bos"], "Zwolle")


def test_the_form_gives_a_consent_or_says_what_is_wrong() -> None:
    entry, errors = agreement_from_form({**FORM, "plaats": " Zwolle ", "opmerking": "Met dank.\n"})
    assert errors == {}
    assert entry == Agreement(
        datum=dt.date(2026, 12, 1), door="werkgever", namen=["Marco van Dijk"], plaats="Zwolle", opmerking="Met dank."
    )
    _, errors = agreement_from_form({**FORM, "datum": "", "door": "baas"})
    assert errors == {
        "datum": "vul een datum in, bijvoorbeeld 1-12-2026",
        "door": "kies wie akkoord gaf: Werkgever, Ondernemingsraad (OR), Personeelsvertegenwoordiging (PVT), "
        "Medewerkers, Adviseur",
    }
    _, errors = agreement_from_form({**FORM, "datum": "31-2-2026"})
    assert set(errors) == {"datum"} and "31" in errors["datum"]


def test_one_role_agrees_once_a_day_but_an_edit_may_keep_its_own_key() -> None:
    _, errors = agreement_from_form(FORM, taken={"2026-12-01 werkgever"})
    assert errors == {
        "door": "de werkgever gaf al akkoord op 1 dec 2026; bewerk dat akkoord, of kies een andere datum of rol"
    }
    assert agreement_from_form({**FORM, "datum": "2-12-2026"}, taken={"2026-12-01 werkgever"})[1] == {}
    original = Agreement.model_validate({"datum": dt.date(2026, 12, 1), "door": "werkgever", "eigen": 1})
    edited, errors = agreement_from_form({**FORM, "plaats": "Zwolle"}, original, taken={"2026-12-01 pvt"})
    assert errors == {} and edited is not None
    assert (edited.plaats, edited.model_extra) == ("Zwolle", {"eigen": 1}), "unknown keys stay on an edit"


# -- history and commit messages ------------------------------------------------------------------------


def test_history_and_the_suggested_commit_message_name_the_consent(example: Workbook, content: Content) -> None:
    from models.diff import diff_workbooks
    from models.git_sync import suggested_message
    from screens.history import grouped_changes

    given = with_agreement(example, Agreement(datum=dt.date(2026, 12, 1), door="werkgever", namen=["Marco van Dijk"]))
    assert suggested_message(example, given, content).splitlines() == [
        "Werkboek bijgewerkt: akkoord",
        "",
        "- Akkoord: Akkoord van de werkgever op 1 dec 2026 toegevoegd: Marco van Dijk",
    ]
    shown = [line.plain for line in grouped_changes(diff_workbooks(example, given, content))]
    assert shown == ["Akkoord", "  Akkoord van de werkgever op 1 dec 2026 toegevoegd: Marco van Dijk"]
