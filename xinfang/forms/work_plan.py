"""年度信访维稳工作方案: the enterprise's plan for the year, the document seed 004 is.

Every part comes from the data the other forms use (targets, leading group and
office, three-level and five responsibilities, screening rhythm, reception,
case ownership, key-group policy, emergency and reporting rules, assessment),
so a staffing or rule change updates the plan with them. Key persons appear only
as classes and rules: data.key_persons is never read. Blanks go to the units
that draw up a plan of their own (the enterprise and its 二级单位).
"""

from __future__ import annotations

from functools import partial

from .. import rhythm
from .common import office_full_name
from .declaration import Document, Form
from .emergency_plan import fund_text
from .inspection_report import LEAD_DAYS_DEFAULT
from .narrative import GAP, date_text, duration, names, sentence, who
from .scope import blank_date, issuing_units

FORM = "年度信访维稳工作方案"
TEMPLATE = "work_plan.docx"
PLAN_KINDS = ("企业", "二级单位")
BLANK_ROWS = 4


def plan_units(data) -> list:
    return [unit for unit in issuing_units(data) if unit.kind in PLAN_KINDS]


def documents(data) -> list[Document]:
    return [Document(data.root, partial(context, data), f"{data.enterprise.year}年")]


def work_name(data) -> str:
    """The work as the enterprise names its group: 信访维稳工作 (from 信访维稳工作领导小组)."""
    name = data.enterprise.group.name
    return name.removesuffix("领导小组") if name.endswith("领导小组") else "信访维稳工作"


def cadence(rule) -> str:
    """每月第1个星期三, 每周星期二."""
    return rule.cycle + (f"第{rule.week_of_month}个" if rule.cycle == "每月" else "") + rule.weekday


def _words(data) -> dict:
    """Wording shared by the filled plan and the blanks: rules, not values a unit fills in."""
    e = data.enterprise
    return {
        "work": work_name(data), "group_name": e.group.name, "office_name": office_full_name(data),
        "pattern": e.pattern,
        "principles": [sentence(p) for p in e.principles],
        "rhythm": rhythm.wording(e.screening), "lead_days": LEAD_DAYS_DEFAULT,
        "policies": [{"cls": p.cls, "criteria": p.criteria, "contact_by": p.contact_by, "frequency": p.frequency}
                     for p in data.key_groups.policies],
        "measures": [sentence(m) for m in data.key_groups.measures],
        "accountability": [sentence(a) for a in e.accountability],
        "rules": {"backlog_months": data.reception.backlog_months, "threshold": data.reception.award_threshold,
                  "notice_days": data.reception.notice_days, "reply_days": data.reception.reply_days,
                  "finish_days": data.reception.finish_days,
                  "feedback_days": data.procedure.supervision.feedback_workdays,
                  "bulletin": data.procedure.supervision.bulletin,
                  "zero_period": data.procedure.reporting.zero_period,
                  "zero_time": data.procedure.reporting.zero_time},
    }


def context(data) -> dict:
    e, rec, em = data.enterprise, data.reception, data.emergency
    year = e.year
    return {
        "blank": False, **_words(data),
        "year": f"{year}年", "issuer": e.documents.issuer, "date": date_text(data.today),
        "targets": [{"indicator": t.indicator, "value": t.value} for t in e.targets],
        "group": {"leader": who(data, e.group.leader),
                  "deputies": "、".join(who(data, p) for p in e.group.deputies),
                  "members": names(data, e.group.members), "meetings": sentence(e.group.meetings)},
        "office": {"unit": data.units[e.office.lead_unit].label, "director": who(data, e.office.director),
                   "staff": names(data, e.office.staff), "staff_count": len(e.office.staff),
                   "phone": e.office.phone, "duties": sentence(e.office.duties)},
        "levels": [{"level": lv.level, "holder": lv.holder, "duty": lv.duty}
                   for lv in data.responsibilities.levels],
        "five": [{"name": f.name, "holder": f.holder, "content": sentence(f.content)}
                 for f in data.responsibilities.five],
        "campaigns": [{"name": c.name, "milestone": date_text(c.milestone), "lead": data.units[c.lead].label}
                      for c in sorted(data.campaigns, key=lambda c: (c.milestone, c.id)) if c.milestone.year == year],
        "reception": {"rules": [{"leader": who(data, r.leader), "mode": r.mode, "cadence": cadence(r), "time": r.time,
                                 "place": r.place} for r in rec.rules],
                      "notice": "、".join(rec.notice_channels), "booking": "、".join(rec.booking_channels),
                      "equipment": rec.equipment or ""},
        "case_count": len(rec.cases),
        "emergency": {"post": em.post.name, "commander": who(data, em.post.commander),
                      "office": em.post.office.name, "phone": em.post.office.phone,
                      "report": duration(em.report_minutes), "onsite": duration(em.onsite_minutes),
                      "arrivals": bool(em.arrivals), "fund": fund_text(data)},
        "reports": [{"name": r.name, "when": r.when, "to": r.to, "content": r.content or ""} for r in em.reports],
    }


def blank_context(data, unit) -> dict:
    def rows(keys, count=BLANK_ROWS):
        return [{k: "" for k in keys} for _ in range(count)]

    return {
        "blank": True, **_words(data),
        "year": "______年", "issuer": unit.name, "date": blank_date(),
        "targets": rows(("indicator", "value"), 6),
        "group": {"leader": GAP, "deputies": GAP, "members": GAP, "meetings": f"会议制度：{GAP}。"},
        "office": {"unit": GAP, "director": GAP, "staff": GAP, "staff_count": "__", "phone": GAP, "duties": GAP},
        "levels": rows(("level", "holder", "duty"), 3),
        "five": [],
        "campaigns": [],
        "reception": {"rules": rows(("leader", "mode", "cadence", "time", "place")),
                      "notice": GAP, "booking": GAP, "equipment": GAP},
        "case_count": "",
        "emergency": {"post": data.emergency.post.name, "commander": GAP, "office": data.emergency.post.office.name,
                      "phone": GAP, "report": "____分钟", "onsite": "____分钟", "arrivals": False,
                      "fund": f"设立应急备用金____万元，由{GAP}管理，专款专用，用于现场处置、劝返和善后工作。"},
        "reports": rows(("name", "when", "to", "content"), 3),
    }


DECLARATION = Form(FORM, TEMPLATE, documents, plan_units, blank_context, unit_phone=True)
