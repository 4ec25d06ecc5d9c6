"""信访隐患排查台账: per unit (with the units below it) and the company-wide monthly roll-up."""

from __future__ import annotations

from functools import partial

from .. import rhythm
from .common import enterprise_header, period_month, unit_header
from .declaration import Document, Form
from .scope import (ALERT_FILL, LEVEL_FILL, NO_FILL, allowed_values, blank_date,
                    empty_rows, issuing_units)

FORM = "信访隐患排查台账"
TEMPLATE = "ledger.docx"
WORKBOOK = "ledger.xlsx"  # laid out by xinfang.returns.ledger_workbook
LEVEL_ORDER = {"红": 0, "黄": 1, "绿": 2}
ROW_KEYS = ("no", "id", "unit", "description", "category", "people", "level", "leader", "owner",
            "measures", "deadline", "progress", "registered", "status", "closed")
# Kinds whose ledger is issued even when empty; 职能部门 only when they hold entries.
ALWAYS = ("企业", "二级单位", "基层单位")


def ledger_units(data) -> list:
    return [u for u in issuing_units(data) if u.kind in ALWAYS or data.risks_under(u)]


def documents(data) -> list[Document]:
    return [Document(unit, partial(context, data, unit, False), period_month(data)) for unit in ledger_units(data)]


def blank_context(data, unit) -> dict:
    return context(data, unit, True)


def workbook_documents(data) -> list[Document]:
    return [Document(data.root, partial(workbook_context, data), period_month(data))]


DECLARATION = (
    Form(FORM, TEMPLATE, documents, issuing_units, blank_context),
    # the company-wide ledger also as a workbook, for sorting and filtering in Excel
    Form(FORM, WORKBOOK, workbook_documents, unit_roles=()),
)


def sort_key(risk):
    return (LEVEL_ORDER[risk.level], risk.deadline, risk.id)


def _name(data, person_id) -> str:
    return data.people[person_id].name if person_id else ""


def entry_row(data, number: int, risk) -> dict:
    status = risk.status(data.today)
    progress = sorted(risk.progress, key=lambda p: p.date)  # newest last
    return {
        "no": number, "id": risk.id, "unit": data.units[risk.unit].label,
        "description": risk.description, "category": risk.category, "people": risk.people_count,
        "level": risk.level, "bg": LEVEL_FILL[risk.level],
        "leader": _name(data, risk.leader), "owner": _name(data, risk.owner),
        "measures": risk.measures, "deadline": risk.deadline.isoformat(),
        "progress": "\n".join(f"{p.date.isoformat()} {p.note}" for p in progress),
        "registered": risk.registered.isoformat(), "status": status,
        "status_bg": ALERT_FILL if status == "超期" else NO_FILL,
        "closed": risk.closed.isoformat() if risk.closed else "",
    }


def tally(data, risks: list) -> dict:
    statuses = [r.status(data.today) for r in risks]
    return {
        "red": sum(r.level == "红" for r in risks), "yellow": sum(r.level == "黄" for r in risks),
        "green": sum(r.level == "绿" for r in risks), "count": len(risks),
        "people": sum(r.people_count for r in risks), "open": statuses.count("在办"),
        "overdue": statuses.count("超期"), "closed": statuses.count("已销号"),
    }


def by_level(data, risks: list) -> list[dict]:
    return [{"level": level, "bg": LEVEL_FILL[level], **tally(data, [r for r in risks if r.level == level])}
            for level in LEVEL_ORDER]


def by_unit(data, unit) -> list[dict]:
    """Subtotals of the unit's own entries and of each unit directly below it (with its subtree)."""
    groups = []
    own = data.own_risks(unit)
    if own:
        groups.append({"unit": f"{unit.label}（本级）", **tally(data, own)})
    for child in unit.children:
        risks = data.risks_under(child)
        if risks or child.kind in ALWAYS:
            groups.append({"unit": child.label, **tally(data, risks)})
    return groups


def context(data, unit, blank: bool) -> dict:
    header = unit_header(data, unit)
    ctx = {
        "blank": blank, "rollup": unit.id == data.root.id and not blank,
        "filler": header["liaison"]["name"], "reviewer": header["leader"]["name"],
        "date": blank_date() if blank else enterprise_header(data)["date"],
        "allowed": allowed_values(), "rhythm": rhythm.wording(data.enterprise.screening),
    }
    if blank:
        rows = empty_rows(ROW_KEYS, bg=NO_FILL, status_bg=NO_FILL)
        return {**ctx, "rows": rows, "by_level": [], "by_unit": [], "total": tally(data, [])}
    risks = sorted(data.risks_under(unit), key=sort_key)
    rows = [entry_row(data, i, r) for i, r in enumerate(risks, 1)]
    groups = by_unit(data, unit) if unit.children else []
    return {**ctx, "rows": rows, "by_level": by_level(data, risks),
            "by_unit": groups if len(groups) > 1 else [], "total": tally(data, risks)}


def workbook_context(data) -> dict:
    """Every entry of the company, and subtotals by unit (each unit's own entries) and by level."""
    risks = sorted(data.risks, key=sort_key)
    units = [u for u in data.descendants(data.root) if data.own_risks(u)]
    return {
        "form": FORM,
        "today": data.today.isoformat(),
        "rows": [entry_row(data, i, r) for i, r in enumerate(risks, 1)],
        "by_unit": [{"unit": u.label, **tally(data, data.own_risks(u))} for u in units],
        "by_level": by_level(data, risks), "total": tally(data, risks),
    }
