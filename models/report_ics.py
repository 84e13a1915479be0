"""The plan's deadlines as an iCalendar file (.ics) for the action owner's own calendar.

One all-day entry per action with a deadline, on that day: the action and its title, the owner, the
phase, the client. The entry's UID is made of the client and the action id, so importing a newer export
updates the entries of the earlier one instead of adding them again; its SEQUENCE counts the days since
2000, so the newer export is the one a calendar keeps. Finished actions stay in the file, marked done
(and shown as free time); stopped ones are cancelled, which removes them from a calendar that had them.

Written with the iCalendar library (``icalendar``), which also reads it back in the tests. Events, not
tasks: Outlook, Google Calendar and Thunderbird all import events from a file. The same workbook, owner
and date give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from icalendar import Calendar, Event

from models.content import Content
from models.due import owner_matches
from models.formatting import short_date
from models.report_formats import ReportRequest
from models.workbook import OPEN_STATUSES, Action, Workbook

PRODUCT = "-//Preventiewerkboek//Acties//NL"
SEQUENCE_FROM = dt.date(2000, 1, 1)
_NOT_UID = re.compile(r"[^a-z0-9]+")


def client_key(client: str) -> str:
    """The client's name as it goes into a UID: ``Van Dijk B.V.`` → ``van-dijk-b-v``."""
    plain = unicodedata.normalize("NFKD", client).encode("ascii", "ignore").decode("ascii").lower()
    return _NOT_UID.sub("-", plain).strip("-") or "klant"


def action_uid(client: str, action: Action) -> str:
    """The same for the same action of the same client in every export."""
    return f"{action.id.lower()}.{client_key(client)}@preventiewerkboek"


def _summary(action: Action) -> str:
    if action.status == "klaar":
        return f"✓ Afgerond: {action.id} {action.titel}"
    if action.status == "gestopt":
        return f"Gestopt: {action.id} {action.titel}"
    return f"{action.id} {action.titel}"


def _description(action: Action, workbook: Workbook, content: Content) -> str:
    phase = content.phase_by_id.get(action.fase or "")
    lines = [
        f"Klant: {workbook.organisatie.naam}",
        f"Eigenaar: {action.eigenaar or 'nog niet gekozen'}",
        f"Fase: {phase.naam if phase else 'geen'}",
        f"Status: {action.status}",
    ]
    if action.afgerond_op:
        lines.append(f"Afgerond op {short_date(action.afgerond_op)}")
    for label, text in (("Wat", action.wat), ("Waarom", action.waarom), ("Wie", action.wie)):
        if text:
            lines.append(f"{label}: {text}")
    return "\n".join(lines)


def _event(action: Action, deadline: dt.date, request: ReportRequest) -> Event:
    workbook = request.workbook
    client = workbook.organisatie.naam
    event = Event()
    event.add("uid", action_uid(client, action))
    event.add("dtstamp", dt.datetime.combine(request.today, dt.time(), tzinfo=dt.UTC))
    event.add("sequence", (request.today - SEQUENCE_FROM).days)
    event.add("summary", _summary(action))
    event.add("dtstart", deadline)
    event.add("dtend", deadline + dt.timedelta(days=1))
    event.add("description", _description(action, workbook, request.content))
    event.add("location", client)
    event.add("categories", [client])
    if request.source is not None:
        event.add("url", request.source.resolve().as_uri())
    if action.status in OPEN_STATUSES:
        event.add("status", "CONFIRMED")
        event.add("transp", "OPAQUE")
    elif action.status == "klaar":
        event.add("status", "CONFIRMED")
        event.add("transp", "TRANSPARENT")
    else:
        event.add("status", "CANCELLED")
        event.add("transp", "TRANSPARENT")
    return event


def calendar_of(request: ReportRequest) -> Calendar:
    """The calendar: an entry per action with a deadline (of ``request.owner`` only, when given)."""
    workbook = request.workbook
    calendar = Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    owner = f" · {request.owner}" if request.owner else ""
    calendar.add("x-wr-calname", f"Acties {workbook.organisatie.naam}{owner}")
    for action in workbook.acties:
        if action.deadline is not None and owner_matches(action.eigenaar, request.owner):
            calendar.add_component(_event(action, action.deadline, request))
    return calendar


def make(request: ReportRequest) -> bytes:
    data: bytes = calendar_of(request).to_ical()
    return data
