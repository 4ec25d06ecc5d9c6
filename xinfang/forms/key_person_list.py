"""重点人员动态管理清单 (confidential): who is followed, by whom, and whether contact is on time.

Filled lists exist only when the confidential data is present and go to 涉密文档/; the
blank list carries headers, the public A/B/C policy and instructions, never a key person.
"""

from __future__ import annotations

from functools import partial

from .common import enterprise_header, period_month, unit_header
from .declaration import Document, Form
from .scope import ALERT_FILL, NO_FILL, allowed_values, blank_date, empty_rows, issuing_units

FORM = "重点人员动态管理清单"
TEMPLATE = "key_person_list.docx"
ROW_KEYS = ("no", "name", "cls", "unit", "demand", "risk", "contact", "frequency", "last_contact",
            "on_time", "status")


def persons_under(data, unit) -> list:
    ids = {u.id for u in data.descendants(unit)}
    return sorted((k for k in data.key_persons if k.unit in ids), key=lambda k: (k.cls, k.unit, k.id))


def documents(data) -> list[Document]:
    if not data.has_confidential:
        return []
    units = [u for u in issuing_units(data) if u.id == data.root.id or persons_under(data, u)]
    return [Document(unit, partial(context, data, unit, blank=False), period_month(data)) for unit in units]


def blank_context(data, unit) -> dict:
    return context(data, unit, blank=True)


DECLARATION = Form(FORM, TEMPLATE, documents, issuing_units, blank_context, confidential=True)


def contact_check(data, person, policy) -> tuple[str, bool]:
    """是否按期联系: the last contact lies within the class policy's interval of the data date."""
    if person.last_contact is None:
        return "否（无联系记录）", False
    days = (data.today - person.last_contact).days
    if days <= policy.interval_days:
        return "是", True
    return f"否（已{days}天未联系）", False


def person_row(data, number: int, person, policies: dict) -> dict:
    policy = policies[person.cls]
    on_time, ok = contact_check(data, person, policy)
    contact = data.people[person.contact]
    return {
        "no": number, "name": person.name, "cls": f"{person.cls}类", "unit": data.units[person.unit].label,
        "demand": person.demand, "risk": person.risk or "", "contact": f"{contact.name}\n{contact.post}",
        "frequency": person.frequency or policy.frequency,
        "last_contact": person.last_contact.isoformat() if person.last_contact else "",
        "on_time": on_time, "on_time_bg": NO_FILL if ok else ALERT_FILL, "status": person.status or "",
    }


def policy_rows(data) -> list[dict]:
    return [{"cls": f"{p.cls}类", "criteria": p.criteria, "contact_by": p.contact_by, "frequency": p.frequency}
            for p in data.key_groups.policies]


def context(data, unit, blank: bool) -> dict:
    ent, header = enterprise_header(data), unit_header(data, unit)
    base = {"blank": blank, "policies": policy_rows(data),
            "filler": header["liaison"]["name"], "reviewer": header["leader"]["name"],
            "allowed": allowed_values()}
    if blank:
        return {**base, "date": blank_date(),
                "rows": empty_rows(ROW_KEYS, on_time_bg=NO_FILL), "summary": ""}
    policies = {p.cls: p for p in data.key_groups.policies}
    persons = persons_under(data, unit)
    rows = [person_row(data, i, k, policies) for i, k in enumerate(persons, 1)]
    counts = "，".join(f"{c}类 {sum(k.cls == c for k in persons)} 人" for c in sorted(policies))
    late = sum(r["on_time"] != "是" for r in rows)
    summary = f"共 {len(rows)} 人（{counts}）；截至{ent['date']}，未按期联系 {late} 人。"
    return {**base, "date": ent["date"], "rows": rows, "summary": summary}
