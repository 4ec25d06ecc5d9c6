"""信访工作责任分工表: three levels, assignments, five responsibilities; company-wide and per unit."""

from __future__ import annotations

from functools import partial

from .common import enterprise_header
from .declaration import Document, Form
from .scope import allowed_values, blank_date, empty_rows, issuing_units

FORM = "信访工作责任分工表"
TEMPLATE = "responsibility_table.docx"
ROLES = (("主要领导", "leader", "第一责任人"), ("分管领导", "supervisor", "分管信访工作"),
         ("信访联络员", "liaison", "信访联络岗"))


def documents(data) -> list[Document]:
    return [Document(unit, partial(context, data, unit, False), f"{data.enterprise.year}年")
            for unit in issuing_units(data)]


def blank_context(data, unit) -> dict:
    return context(data, unit, True)


DECLARATION = Form(FORM, TEMPLATE, documents, issuing_units, blank_context)


def _names(data, ids) -> str:
    return "、".join(data.people[i].name for i in ids)


def assignment_rows(data, unit) -> list[dict]:
    # A unit's table: the assignments covering it or a unit above it, or held by its own people.
    company = unit.id == data.root.id
    chosen = data.responsibilities.assignments if company else data.assignments_over(unit, held_here=True)
    rows = []
    for number, a in enumerate(chosen, 1):
        p = data.people[a.person]
        rows.append({"no": number, "level": a.level, "name": p.name, "post": p.post, "area": a.area,
                     "units": "、".join(data.units[u].label for u in a.units) or "全公司"})
    return rows


def own_rows(data, unit) -> list[dict]:
    rows = []
    for role, attr, duty in ROLES:
        p = data.people.get(getattr(unit, attr) or "")
        rows.append({"role": role, "duty": duty, "name": p.name if p else "",
                     "post": p.post if p else "", "office_phone": (p.office_phone or "") if p else ""})
    return rows


def context(data, unit, blank: bool) -> dict:
    ent = enterprise_header(data)
    base = {"blank": blank, "own": own_rows(data, unit),
            "company": unit.id == data.root.id, "year": data.enterprise.year,
            "date": blank_date() if blank else ent["date"], "allowed": allowed_values()}
    if blank:
        return {**base, "levels": [], "assignments": empty_rows(("no", "level", "name", "post", "area", "units")),
                "five": []}
    levels = [{"level": d.level, "holder": d.holder, "duty": d.duty} for d in data.responsibilities.levels]
    five = [{"name": f.name, "holder": f.holder, "content": f.content, "people": _names(data, f.people)}
            for f in data.responsibilities.five]
    return {**base, "levels": levels, "assignments": assignment_rows(data, unit), "five": five}
