"""重点人员应急处置预案: the company-wide plan for key persons, and a blank per unit.

Built only from public data (key-groups.yaml's A/B/C policy, units, people,
emergency times): it never reads data.key_persons, so it is not confidential
and no key person's name or personal data can reach it.
"""

from __future__ import annotations

from .plans import company_plan
from .narrative import GAP, date_text, duration, sentence, who
from .scope import blank_date

FORM = "重点人员应急处置预案"
TEMPLATE = "key_person_plan.docx"
RESPONSIBLE_KINDS = ("二级单位", "基层单位")


def _name(data, person_id) -> str:
    return data.people[person_id].name if person_id else ""


def responsible_units(data) -> list[dict]:
    """Who answers for key persons in each unit: main leader, 分管领导, liaison (office lines)."""
    rows = []
    for unit in data.descendants(data.root):
        if unit.kind not in RESPONSIBLE_KINDS:
            continue
        liaison = data.people.get(unit.liaison) if unit.liaison else None
        rows.append({"unit": unit.name, "leader": _name(data, unit.leader),
                     "supervisor": _name(data, unit.supervisor), "liaison": _name(data, unit.liaison),
                     "phone": unit.phone or (liaison.office_phone if liaison and liaison.office_phone else "")})
    return rows


def context(data) -> dict:
    e = data.enterprise
    return {
        "blank": False,
        "issuer": e.documents.issuer, "date": date_text(data.today),
        "group_leader": who(data, e.group.leader),
        "office": {"unit": data.units[e.office.lead_unit].name, "director": who(data, e.office.director),
                   "phone": e.office.phone},
        "report": duration(data.emergency.report_minutes), "onsite": duration(data.emergency.onsite_minutes),
        "arrivals": bool(data.emergency.arrivals),
        "policies": [{"cls": p.cls, "criteria": p.criteria, "contact_by": p.contact_by, "frequency": p.frequency,
                      "interval": p.interval_days} for p in data.key_groups.policies],
        "measures": [sentence(m) for m in data.key_groups.measures],
        "units": responsible_units(data),
    }


def blank_context(data, unit) -> dict:
    def rows(keys, count):
        return [{k: "" for k in keys} for _ in range(count)]

    return {
        "blank": True,
        "issuer": unit.name, "date": blank_date(),
        "group_leader": GAP, "office": {"unit": GAP, "director": GAP, "phone": GAP},
        "report": "____分钟", "onsite": "____分钟", "arrivals": True,
        # The A/B/C classes are fixed by the model; a unit fills in who contacts and how often.
        "policies": [{"cls": p.cls, "criteria": p.criteria, "contact_by": "", "frequency": "", "interval": ""}
                     for p in data.key_groups.policies],
        "measures": [GAP] * 3,
        "units": rows(("unit", "leader", "supervisor", "liaison", "phone"), 6),
    }


DECLARATION = company_plan(FORM, TEMPLATE, context, blank_context)
