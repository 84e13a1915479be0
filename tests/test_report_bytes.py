"""Every report format gives the same bytes for the same workbook on the same report date — in one
process, in a fresh process, and from the app — so a report can be committed and diffed (issue 14)."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLE, ROOT, TODAY

from models.content import Content
from models.report_formats import FORMAT_KINDS, REPORT_FORMATS, Kind, ReportRequest
from models.store import load_workbook
from models.workbook import Agreement, Workbook


@pytest.fixture(scope="module")
def signed_example() -> Workbook:
    """The example with consent given, so the signature block has something of the file in it."""
    workbook = load_workbook(EXAMPLE).workbook
    consent = Agreement(datum=dt.date(2026, 11, 20), door="werkgever", namen=["Marco van Dijk"], plaats="Zwolle")
    return workbook.model_copy(update={"akkoord": [consent]})


@pytest.mark.parametrize("kind", FORMAT_KINDS)
def test_the_same_workbook_and_date_give_the_same_bytes(kind: Kind, signed_example: Workbook, content: Content) -> None:
    request = ReportRequest(signed_example, content, TODAY)
    first = REPORT_FORMATS[kind].make(request)
    again = REPORT_FORMATS[kind].make(ReportRequest(signed_example.model_copy(deep=True), content, TODAY))
    assert first == again
    other_day = REPORT_FORMATS[kind].make(ReportRequest(signed_example, content, TODAY + dt.timedelta(days=1)))
    if kind != "csv":  # the CSV holds no report date; every other format says when it was made
        assert other_day != first


def test_a_fresh_process_writes_the_same_bytes_for_every_format(tmp_path: Path, content: Content) -> None:
    """The command in a new process (another hash seed, another clock) against the bytes made here."""
    workbook = load_workbook(EXAMPLE).workbook
    environment = {**os.environ, "WERKBOEK_CONFIG": str(tmp_path / "geen-instellingen.toml")}
    for kind in FORMAT_KINDS:
        target = tmp_path / f"rapport.{kind}"
        code = (
            "import datetime, io, sys\n"
            "from cli.export import export_command\n"
            f"args = [{str(EXAMPLE)!r}, '-f', {kind!r}, '-o', {str(target)!r}]\n"
            f"day = datetime.date.fromisoformat({TODAY.isoformat()!r})\n"
            "sys.exit(export_command(args, io.StringIO(), sys.stderr, today=day))\n"
        )
        subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=environment, check=True)
        expected = REPORT_FORMATS[kind].make(ReportRequest(workbook, content, TODAY, source=EXAMPLE))
        assert target.read_bytes() == expected, kind
