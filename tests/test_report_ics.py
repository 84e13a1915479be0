"""The deadlines as an iCalendar file, read back with the iCalendar library: one entry per action with a
deadline, UIDs that stay the same from one export to the next, done and stopped actions marked."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import EXAMPLE, TODAY
from icalendar import Calendar

from cli.main import main
from models.content import Content
from models.report_formats import REPORT_FORMATS, ReportRequest
from models.store import load_workbook
from models.workbook import Workbook


@pytest.fixture
def example(content: Content) -> Workbook:
    return load_workbook(EXAMPLE, content).workbook


def _calendar(workbook: Workbook, content: Content, today: dt.date = TODAY, owner: str | None = None) -> Calendar:
    data = REPORT_FORMATS["ics"].make(ReportRequest(workbook, content, today, owner=owner, source=EXAMPLE))
    return Calendar.from_ical(data)


def _events(calendar: Calendar) -> dict[str, object]:
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def test_one_entry_per_action_with_a_deadline_on_that_day(example: Workbook, content: Content) -> None:
    events = _events(_calendar(example, content))
    with_deadline = [action for action in example.acties if action.deadline is not None]
    assert len(events) == len(with_deadline) > 10
    a3 = next(event for event in events.values() if str(event["SUMMARY"]).startswith("A3 "))
    assert a3["DTSTART"].dt == dt.date(2026, 11, 1)
    assert a3["DTEND"].dt == dt.date(2026, 11, 2)
    description = str(a3["DESCRIPTION"])
    assert "Eigenaar: Erik Hoekstra (preventiemedewerker)" in description
    assert "Fase: In kaart brengen van gezondheidsrisico's" in description
    assert str(a3["LOCATION"]) == "Van Dijk Installatietechniek B.V."
    assert str(a3["URL"]) == EXAMPLE.resolve().as_uri()
    assert str(a3["STATUS"]) == "CONFIRMED" and str(a3["TRANSP"]) == "OPAQUE"


def test_the_uids_stay_and_the_sequence_grows_from_one_export_to_the_next(example: Workbook, content: Content) -> None:
    earlier = _events(_calendar(example, content, TODAY))
    later = _events(_calendar(example, content, TODAY + dt.timedelta(days=14)))
    assert set(earlier) == set(later)
    assert all(uid.endswith(".van-dijk-installatietechniek-b-v@preventiewerkboek") for uid in earlier)
    assert all(int(later[uid]["SEQUENCE"]) > int(earlier[uid]["SEQUENCE"]) for uid in earlier)


def test_done_actions_are_marked_and_stopped_ones_cancelled(example: Workbook, content: Content) -> None:
    done = example.acties[0].model_copy(update={"status": "klaar", "afgerond_op": dt.date(2026, 4, 14)})
    stopped = example.acties[2].model_copy(update={"status": "gestopt"})
    changed = example.model_copy(update={"acties": [done, example.acties[1], stopped, *example.acties[3:]]})
    events = _events(_calendar(changed, content))
    by_id = {str(event["SUMMARY"]).split(": ")[-1].split()[0]: event for event in events.values()}
    assert str(by_id["A1"]["SUMMARY"]).startswith("✓ Afgerond: A1 ")
    assert str(by_id["A1"]["TRANSP"]) == "TRANSPARENT"
    assert "Afgerond op 14 apr 2026" in str(by_id["A1"]["DESCRIPTION"])
    assert str(by_id["A3"]["STATUS"]) == "CANCELLED"


def test_one_owner_gets_only_their_actions(example: Workbook, content: Content) -> None:
    events = _calendar(example, content, owner="linda").walk("VEVENT")
    expected = [a for a in example.acties if a.deadline and a.eigenaar and "Linda" in a.eigenaar]
    assert len(events) == len(expected) > 0
    assert all("Eigenaar: Linda Bos" in str(event["DESCRIPTION"]) for event in events)


def test_the_file_keeps_to_the_format(example: Workbook, content: Content) -> None:
    data = REPORT_FORMATS["ics"].make(ReportRequest(example, content, TODAY))
    assert data.startswith(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    lines = data.split(b"\r\n")
    assert all(len(line) <= 75 for line in lines), "lines are folded at 75 octets"
    assert data == REPORT_FORMATS["ics"].make(ReportRequest(example, content, TODAY)), "same workbook, same bytes"


def test_export_writes_the_calendar_beside_the_workbook(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    workbook = tmp_path / "klant.toml"
    workbook.write_bytes(EXAMPLE.read_bytes())
    assert main(["export", str(workbook), "--format", "ics", "--eigenaar", "erik"]) == 0
    written = tmp_path / "klant-acties.ics"
    assert f"Geschreven: {written}" in capsys.readouterr().out
    calendar = Calendar.from_ical(written.read_bytes())
    assert str(calendar["X-WR-CALNAME"]) == "Acties Van Dijk Installatietechniek B.V. · erik"
    assert calendar.walk("VEVENT")


def test_an_owner_goes_with_the_calendar_only(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(EXAMPLE), "--format", "pdf", "--eigenaar", "erik", "-o", "x.pdf"]) == 2
    assert "--eigenaar hoort bij --format ics" in capsys.readouterr().err
