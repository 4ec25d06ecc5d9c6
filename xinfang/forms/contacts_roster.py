"""应急通讯录: command post, leading group, units and outside contacts (internal, with mobiles)."""

from __future__ import annotations

from functools import partial

from .common import enterprise_header, period_month
from .declaration import Document, Form
from .scope import blank_date, empty_rows, issuing_units

FORM = "应急通讯录"
TEMPLATE = "contacts_roster.docx"
NUMERALS = "一二三四五六七八九十"
PERSON_KEYS = ("no", "role", "name", "post", "office_phone", "mobile")
BLANK_ROWS = 15


def documents(data) -> list[Document]:
    return [Document(unit, partial(context, data, unit, False), period_month(data)) for unit in issuing_units(data)]


def blank_context(data, unit) -> dict:
    return context(data, unit, True)


DECLARATION = Form(FORM, TEMPLATE, documents, issuing_units, blank_context)


def _people(data, entries) -> list[dict]:
    """Rows from (role, person id) pairs, numbered, skipping unnamed posts."""
    rows = []
    for role, pid in entries:
        p = data.people.get(pid or "")
        if p is None:
            continue
        rows.append({"no": len(rows) + 1, "role": role, "name": p.name, "post": p.post,
                     "office_phone": p.office_phone or "", "mobile": p.mobile or ""})
    return rows


def _post_entries(data) -> list[tuple[str, str]]:
    post = data.emergency.post
    entries = [("总指挥", post.commander)] + [("副总指挥", d) for d in post.deputies]
    entries += _office_entries(data)
    for team in post.teams:
        entries += [(f"{team.name}组长", team.leader)] + [(f"{team.name}成员", m) for m in team.members]
    return entries


def _office_entries(data) -> list[tuple[str, str]]:
    office = data.emergency.post.office
    return [(f"{office.name}主任", office.director)] + [(f"{office.name}副主任", d) for d in office.deputies]


def _group_entries(data) -> list[tuple[str, str]]:
    group, office = data.enterprise.group, data.enterprise.office
    entries = [("组长", group.leader)] + [("副组长", d) for d in group.deputies]
    entries += [("成员", m) for m in group.members]
    entries += [("办公室主任", office.director)] + [("专职信访工作人员", s) for s in office.staff]
    return entries


def _own_entries(data, unit) -> list[tuple[str, str]]:
    roles = [("主要领导", unit.leader), ("分管领导", unit.supervisor), ("信访联络员", unit.liaison)]
    named = {pid for _, pid in roles if pid}
    today = data.today
    # Someone who has left stays in people.yaml for history, not in the roster.
    others = [p for p in data.people_in(unit) if p.id not in named and (p.left is None or p.left > today)]
    return roles + [("本单位人员", p.id) for p in others]


def _card(data, pid) -> str:
    """A person in one cell: name, office phone and mobile on separate lines."""
    p = data.people.get(pid or "")
    if p is None:
        return ""
    lines = [p.name] + ([f"办 {p.office_phone}"] if p.office_phone else []) + ([f"手 {p.mobile}"] if p.mobile else [])
    return "\n".join(lines)


def unit_rows(data, units) -> list[dict]:
    return [{"no": i, "label": u.label, "phone": u.phone or "", "leader": _card(data, u.leader),
             "supervisor": _card(data, u.supervisor), "liaison": _card(data, u.liaison)}
            for i, u in enumerate(units, 1)]


def _headed(sections: list[dict], units_title: str, with_contacts: bool) -> dict:
    """Number every heading in order: the person sections, then the unit and contact tables."""
    titles = [s["title"] for s in sections] + ([units_title] if units_title else [])
    titles += ["外部联系单位"] if with_contacts else []
    heading = {t: f"{NUMERALS[i]}、{t}" for i, t in enumerate(titles)}
    return {"sections": [{**s, "heading": heading[s["title"]]} for s in sections],
            "units_heading": heading.get(units_title, ""), "contacts_heading": heading.get("外部联系单位", "")}


def context(data, unit, blank: bool) -> dict:
    ent, e = enterprise_header(data), data.emergency.post
    office_note = (f"{e.office.name}设在{data.units[e.office.unit].label}，值班电话 {e.office.phone}；"
                   f"{data.enterprise.office.name}电话 {data.enterprise.office.phone}。")
    base = {"blank": blank,
            "date": blank_date() if blank else ent["date"]}
    if blank:
        sections = [{"title": "本单位应急联系人", "note": "", "rows": empty_rows(PERSON_KEYS, BLANK_ROWS)}]
        return {**base, **_headed(sections, "", False), "units": [], "contacts": []}
    if unit.id == data.root.id:
        sections = [
            {"title": e.name, "note": office_note, "rows": _people(data, _post_entries(data))},
            {"title": data.enterprise.group.name, "note": "", "rows": _people(data, _group_entries(data))},
        ]
        units = [u for u in issuing_units(data) if u.id != unit.id]
        contacts = [{"no": i, "name": c.name, "category": c.category, "person": c.person or "", "phone": c.phone}
                    for i, c in enumerate(data.contacts, 1)]
        units_title = "各单位信访工作联系人"
    else:
        sections = [
            {"title": "本单位应急联系人", "note": "", "rows": _people(data, _own_entries(data, unit))},
            {"title": e.office.name, "note": office_note, "rows": _people(data, _office_entries(data))},
        ]
        units = [u for u in data.descendants(unit) if u.id != unit.id]
        contacts = []
        units_title = "下属单位信访工作联系人"
    return {**base, **_headed(sections, units_title if units else "", bool(contacts)),
            "units": unit_rows(data, units), "contacts": contacts}
