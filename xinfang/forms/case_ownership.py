"""包案责任清单: backlog cases with their task force and plan, company-wide and per unit.

A risk entry is a backlog case (积案) when, as of the data date, it is still
open more than 积案认定月数 months after it was registered. The list shows
every case of reception.yaml's 包案 within the unit's subtree, plus the backlog
entries that nobody has taken on yet, so the office sees the gap. A unit gets
its own list only when a case or an untaken backlog entry lies under it.
"""

from __future__ import annotations

from functools import lru_cache, partial

from dateutil.relativedelta import relativedelta

from ..tracking import plain
from .common import period_month
from .declaration import Document, Form
from .narrative import date_text, months_between, names
from .scope import ALERT_FILL, NO_FILL, blank_date, issuing_units

FORM = "包案责任清单"
TEMPLATE = "case_ownership.docx"
BLANK_ROWS = 8
CASE_KEYS = ("no", "description", "unit", "registered", "months", "leader", "team", "plan", "deadline",
             "status", "status_bg")


def documents(data) -> list[Document]:
    listed = _units_listing_something(data)
    units = [data.root] + [u for u in data.descendants(data.root)[1:] if u.id in listed]
    return [Document(unit, partial(context, data, unit), period_month(data)) for unit in units]


def is_backlog(data, risk) -> bool:
    """Still open more than N months after registration (N = 积案认定月数)."""
    return _is_backlog(risk, data.today, data.reception.backlog_months)


def _is_backlog(risk, today, months: int) -> bool:
    return risk.state != "已销号" and today > _backlog_from(risk.registered, months)


@lru_cache(maxsize=4096)  # entries share registration dates: the listing asks for 20,000 entries at once
def _backlog_from(registered, months: int):
    # relativedelta clamps to the month's end: 2026-08-31 + 6 months is 2027-02-28.
    return registered + relativedelta(months=months)


def months_pending(data, risk) -> int:
    """Whole months from registration to closing, or to the data date while open."""
    return months_between(risk.registered, risk.closed or data.today)


def _cases(data, unit) -> list:
    under = {u.id for u in data.descendants(unit)}
    risks = data.risk_by_id
    return [c for c in data.reception.cases if risks[c.risk].unit in under]


def _untaken(data, unit) -> list:
    taken = {c.risk for c in data.reception.cases}
    return [r for r in data.risks_under(unit) if r.id not in taken and is_backlog(data, r)]


def _units_listing_something(data) -> set[str]:
    """The units with a case or an untaken backlog entry under them: those units and their ancestors.

    One pass over the entries, not one per unit: selecting the units is linear.
    """
    data = plain(data)
    taken = {c.risk for c in data.reception.cases}
    holders = {data.risk_by_id[c.risk].unit for c in data.reception.cases}
    today, months = data.today, data.reception.backlog_months
    holders |= {r.unit for r in data.risks if r.id not in taken and _is_backlog(r, today, months)}
    listed: set[str] = set()
    for unit_id in holders:
        while unit_id and unit_id not in listed:
            listed.add(unit_id)
            unit_id = data.units[unit_id].parent
    return listed


def case_status(data, case, risk) -> str:
    if risk.state == "已销号":
        return "已化解"
    return "超期" if case.deadline < data.today else "在办"


def context(data, unit) -> dict:
    risks = data.risk_by_id
    cases = sorted(_cases(data, unit), key=lambda c: (c.deadline, c.id))
    rows = []
    for number, case in enumerate(cases, 1):
        risk = risks[case.risk]
        status = case_status(data, case, risk)
        rows.append({
            "no": number, "id": case.id, "risk": risk.id, "description": risk.description,
            "unit": data.units[risk.unit].label, "registered": date_text(risk.registered),
            "months": f"{months_pending(data, risk)}个月", "backlog": is_backlog(data, risk),
            "leader": data.people[case.leader].name, "team": names(data, case.team), "plan": case.plan,
            "deadline": date_text(case.deadline), "status": status,
            "status_bg": ALERT_FILL if status == "超期" else NO_FILL,
        })
    resolved = sum(r["status"] == "已化解" for r in rows)
    untaken = sorted(_untaken(data, unit), key=lambda r: (r.registered, r.id))
    return {
        **_base(data, unit, False),
        "date": date_text(data.today),
        "rows": rows,
        "rate": {"resolved": resolved, "total": len(rows),
                 "percent": f"{resolved * 100 / len(rows):.1f}%" if rows else "—"},
        "untaken": [{"no": i, "description": r.description, "unit": data.units[r.unit].label,
                     "registered": date_text(r.registered), "months": f"{months_pending(data, r)}个月",
                     "level": r.level, "leader": data.people[r.leader].name if r.leader else "未明确"}
                    for i, r in enumerate(untaken, 1)],
    }


def _base(data, unit, blank: bool) -> dict:
    r = data.reception
    return {"blank": blank, "rules": {"backlog_months": r.backlog_months, "threshold": r.award_threshold}}


def blank_context(data, unit) -> dict:
    return {
        **_base(data, unit, True),
        "date": blank_date(),
        "rows": [dict({k: "" for k in CASE_KEYS}, status_bg=NO_FILL) for _ in range(BLANK_ROWS)],
        "rate": {"resolved": "", "total": "", "percent": ""},
        "untaken": [],
    }


DECLARATION = Form(FORM, TEMPLATE, documents, issuing_units, blank_context)
