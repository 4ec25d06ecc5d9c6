"""重大风险专报: one special report per open red entry, from its unit to the petition office.

Filed in the entry's own unit folder. The facts, the people answerable, the
measures and progress come from the ledger entry and its 包案 case if any; what
is asked of the office follows from the entry's state (overdue, a backlog case
nobody has taken on) and never invents a demand the data does not show.
"""

from __future__ import annotations

from functools import partial

from .case_ownership import is_backlog, months_pending
from .common import office_full_name
from .declaration import Document, Form
from .narrative import GAP, date_text, duration, names, sentence, who
from .scope import blank_date, issuing_units

FORM = "重大风险专报"
TEMPLATE = "major_risk_report.docx"
BLANK_PROGRESS = 3


def documents(data) -> list[Document]:
    return [Document(data.units[risk.unit], partial(context, data, risk.unit, risk.id), item=risk.id)
            for risk in open_reds(data)]


def open_reds(data) -> list:
    """Every open red entry, in unit display order then by ID."""
    order = {u.id: i for i, u in enumerate(data.descendants(data.root))}
    reds = [r for r in data.risks if r.level == "红" and r.state != "已销号"]
    return sorted(reds, key=lambda r: (order[r.unit], r.id))


def addressee(data) -> str:
    """Whom the enterprise's 重大风险专报 rule names, else the leading group's office."""
    rule = next((r for r in data.emergency.reports if r.name == FORM), None)
    return rule.to if rule else office_full_name(data)


def requests(data, risk, case) -> list[str]:
    """What the unit asks of the office, from the entry's state."""
    office = data.enterprise.office.name
    asks = [f"请{office}将该隐患列入重点督办，掌握化解进度，指导我单位做好稳控工作。"]
    if risk.deadline < data.today:  # dated, not counted in days: a later data date alone changes nothing
        asks.append(f"该隐患的化解时限{date_text(risk.deadline)}已过，仍未化解，请{office}协调有关部门研究解决，"
                    f"必要时提请{data.enterprise.group.name}研究。")
    if case is None and is_backlog(data, risk):
        asks.append(f"该隐患挂号已{months_pending(data, risk)}个月，属积案，尚未落实“一案一专班、一案一方案”，"
                    f"请{data.enterprise.group.name}确定包案专班。")
    asks.append(f"如出现聚集、越级上访苗头，我单位将在{duration(data.emergency.report_minutes)}内电话报告，"
                f"并随时续报。")
    return asks


def context(data, unit_id: str, risk_id: str) -> dict:
    # Found through the unit's own entries, so that the report tracks its unit's risk file.
    unit = data.units[unit_id]
    risk = next(r for r in data.own_risks(unit) if r.id == risk_id)
    case = next((c for c in data.reception.cases if c.risk == risk.id), None)
    campaign = next((c.name for c in data.campaigns if c.id == risk.campaign), "")
    status = risk.status(data.today)
    return {
        "blank": False, "to": addressee(data), "date": date_text(data.today), "issuer": unit.name,
        "risk": {
            "id": risk.id, "description": sentence(risk.description), "category": risk.category,
            "people": risk.people_count, "registered": date_text(risk.registered),
            "screening": f"{risk.screening}（{campaign}）" if campaign else risk.screening,
            "deadline": date_text(risk.deadline), "status": status,
            "months": months_pending(data, risk),
            "leader": who(data, risk.leader), "owner": who(data, risk.owner),
            "measures": sentence(risk.measures),
        },
        "case": {"leader": who(data, case.leader), "team": names(data, case.team), "plan": sentence(case.plan),
                 "deadline": date_text(case.deadline)} if case else None,
        "progress": [{"date": date_text(p.date), "note": sentence(p.note)}
                     for p in sorted(risk.progress, key=lambda p: p.date)],
        "requests": requests(data, risk, case),
    }


def blank_context(data, unit) -> dict:
    return {
        "blank": True, "to": addressee(data), "date": blank_date(), "issuer": unit.name,
        "risk": {"id": GAP, "description": f"问题描述：{GAP}", "category": GAP, "people": "____", "registered": blank_date(),
                 "screening": GAP, "deadline": blank_date(), "status": GAP, "months": "__",
                 "leader": GAP, "owner": GAP, "measures": GAP},
        "case": {"leader": GAP, "team": GAP, "plan": GAP, "deadline": blank_date()},
        "progress": [{"date": blank_date(), "note": GAP} for _ in range(BLANK_PROGRESS)],
        "requests": [GAP] * 2,
    }


DECLARATION = Form(FORM, TEMPLATE, documents, issuing_units, blank_context, unit_phone=True)
