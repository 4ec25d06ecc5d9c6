"""联席会议（碰头会）纪要: the minutes form, with the standing members and partner communities.

The meeting itself (date, topics, decisions) is written by hand: the filled form
carries what the data knows (partners.yaml's 联席会议 and 联建社区), the blank
carries the enterprise's meeting name and empty rows. The root gets the form
with every community; a unit that pairs with communities gets one with its own.
"""

from __future__ import annotations

from functools import partial

from .declaration import Document, Form
from .narrative import who
from .partner_units import paired_units
from .scope import empty_rows

FORM = "联席会议纪要"
TEMPLATE = "joint_meeting.docx"
MEMBER_KEYS = ("side", "name", "attendee", "phone")
COMMUNITY_KEYS = ("no", "name", "district", "unit", "contact", "phone")
BLANK_MEMBERS = 8
BLANK_COMMUNITIES = 5
DECISION_ROWS = 5


def documents(data) -> list[Document]:
    p = data.partners
    if not (p.meeting.members or p.communities):
        return []
    return [Document(unit, partial(context, data, unit), f"{data.enterprise.year}年") for unit in paired_units(data)]


def members(data) -> list[dict]:
    """The outside members in data order, then the enterprise's own standing attendees."""
    rows = [{"side": m.side, "name": m.name, "attendee": m.attendee or "", "phone": m.phone or ""}
            for m in data.partners.meeting.members]
    for person_id in data.partners.meeting.own:
        person = data.people[person_id]
        rows.append({"side": "本企业", "name": data.units[person.unit].name, "attendee": who(data, person_id),
                     "phone": person.office_phone or ""})
    return rows


def communities(data, unit) -> list[dict]:
    """The communities the unit or a unit below it pairs with; all of them for the root."""
    under = {u.id for u in data.descendants(unit)}
    found = [c for c in data.partners.communities if c.unit in under]
    return [{"no": i, "name": c.name, "district": c.district, "unit": data.units[c.unit].label,
             "contact": c.contact or "", "phone": c.phone or ""} for i, c in enumerate(found, 1)]


def _meeting(data) -> dict:
    m = data.partners.meeting
    return {"name": m.name, "host": m.host, "cycle": m.cycle}


def context(data, unit) -> dict:
    return {
        "blank": False, "meeting": _meeting(data), "members": members(data), "communities": communities(data, unit),
        "decisions": empty_rows(("no", "item", "owner", "deadline"), DECISION_ROWS),
    }


def blank_context(data, unit) -> dict:
    return {
        "blank": True, "meeting": _meeting(data), "members": empty_rows(MEMBER_KEYS, BLANK_MEMBERS),
        "communities": empty_rows(COMMUNITY_KEYS, BLANK_COMMUNITIES),
        "decisions": empty_rows(("no", "item", "owner", "deadline"), DECISION_ROWS),
    }


DECLARATION = Form(FORM, TEMPLATE, documents, paired_units, blank_context, unit_phone=True)
