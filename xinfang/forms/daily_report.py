"""风险预控日报告: each ledger-keeping unit's report, for the data date, to its own leader.

It lists the open red entries under the unit (updated daily, whatever else the
ledger's rhythm says) and the entries registered on the data date. The root's
report is the company-wide one. Where there is nothing to report it says 无.
The file is the unit's current report, dated inside and not in its name: moving
the data date rewrites it as a date-only change instead of piling up a new file
(and an archived one) per day.
"""

from __future__ import annotations

from functools import partial

from .declaration import Document, Form
from .ledger import LEVEL_ORDER, ledger_units
from .narrative import date_text
from .scope import ALERT_FILL, LEVEL_FILL, NO_FILL, blank_date, empty_rows, issuing_units

FORM = "风险预控日报告"
TEMPLATE = "daily_report.docx"
RED_KEYS = ("no", "unit", "description", "people", "leader", "progress", "deadline", "status")
NEW_KEYS = ("no", "unit", "description", "people", "level", "owner", "screening")
BLANK_RED_ROWS, BLANK_NEW_ROWS = 5, 4


def documents(data) -> list[Document]:
    return [Document(unit, partial(context, data, unit)) for unit in ledger_units(data)]


def report_rule(data):
    """The enterprise's own 风险预控日报告 rule from emergency.yaml's 报告制度, if it keeps one."""
    return next((r for r in data.emergency.reports if r.name == FORM), None)


def _name(data, person_id) -> str:
    return data.people[person_id].name if person_id else ""


def red_row(data, number: int, risk) -> dict:
    status = risk.status(data.today)
    latest = max(risk.progress, key=lambda p: p.date, default=None)
    return {"no": number, "unit": data.units[risk.unit].label, "description": risk.description,
            "people": risk.people_count, "leader": _name(data, risk.leader),
            "progress": f"{latest.date.isoformat()} {latest.note}" if latest else "暂无进展记录",
            "deadline": risk.deadline.isoformat(), "status": status,
            "status_bg": ALERT_FILL if status == "超期" else NO_FILL}


def new_row(data, number: int, risk) -> dict:
    campaign = next((c.name for c in data.campaigns if c.id == risk.campaign), "")
    return {"no": number, "unit": data.units[risk.unit].label, "description": risk.description,
            "people": risk.people_count, "level": risk.level, "bg": LEVEL_FILL[risk.level],
            "owner": _name(data, risk.owner), "screening": campaign or risk.screening}


def _base(data, blank: bool) -> dict:
    rule = report_rule(data)
    return {"blank": blank, "rule": {"when": rule.when, "to": rule.to, "content": rule.content or ""} if rule else None}


def context(data, unit) -> dict:
    today = data.today
    risks = data.risks_under(unit)
    open_risks = [r for r in risks if r.state != "已销号"]
    reds = sorted((r for r in open_risks if r.level == "红"), key=lambda r: (r.deadline, r.id))
    found = sorted((r for r in risks if r.registered == today), key=lambda r: (LEVEL_ORDER[r.level], r.id))
    leader = data.people.get(unit.leader) if unit.leader else None
    closed = sum(r.closed == today for r in risks)
    return {
        **_base(data, False),
        "date": date_text(today),
        "to": f"{unit.name}主要领导{leader.name}" if leader else f"{unit.name}主要领导",
        "summary": summary(data, unit, open_risks, reds, found, closed),
        "reds": [red_row(data, i, r) for i, r in enumerate(reds, 1)],
        "found": [new_row(data, i, r) for i, r in enumerate(found, 1)],
    }


def scope_word(data, unit) -> str:
    if unit.id == data.root.id:
        return "全公司"
    return "本单位及所属单位" if unit.children else "本单位"


def summary(data, unit, open_risks, reds, found, closed: int) -> str:
    """截至…，本单位在办信访隐患5条，其中红色2条（超期1条）；当日新发现隐患无。 — 无 wherever nothing is."""
    today = data.today
    overdue = sum(r.status(today) == "超期" for r in reds)
    if not open_risks:
        held = "无在办信访隐患"
    else:
        red = f"其中红色{len(reds)}条" + (f"（超期{overdue}条）" if overdue else "") if reds else "无红色隐患"
        held = f"在办信访隐患{len(open_risks)}条，{red}"
    new_red = sum(r.level == "红" for r in found)
    fresh = (f"当日新发现隐患{len(found)}条" + (f"，其中红色{new_red}条" if new_red else "")) if found \
        else "当日未发现新的隐患"
    done = f"；当日销号{closed}条" if closed else ""
    return f"截至{date_text(today)}，{scope_word(data, unit)}{held}；{fresh}{done}。"


def blank_context(data, unit) -> dict:
    return {
        **_base(data, True),
        "date": blank_date(), "to": "",
        "summary": "截至____年__月__日，本单位在办信访隐患____条，其中红色____条（超期____条）；"
                   "当日新发现隐患____条，其中红色____条；当日销号____条。",
        "reds": empty_rows(RED_KEYS, BLANK_RED_ROWS, status_bg=NO_FILL),
        "found": empty_rows(NEW_KEYS, BLANK_NEW_ROWS, bg=NO_FILL),
    }


DECLARATION = Form(FORM, TEMPLATE, documents, issuing_units, blank_context, unit_roles=("liaison",))
