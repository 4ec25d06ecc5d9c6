"""一案一策化解方案: the task force's plan for one backlog case, in the unit's folder.

One per backlog case of reception.yaml's 包案 (see forms.backlog): the case, the
task force, the plan and the entry's measures, the deadline, progress so far and
the five-responsibility chain. A blank goes to every issuing unit.
"""

from __future__ import annotations

from functools import partial

from .backlog import backlog_cases, blank_chain, blank_facts, case_unit, chain, facts
from .declaration import Document, Form
from .narrative import date_text
from .scope import blank_date, issuing_units

FORM = "一案一策化解方案"
TEMPLATE = "case_plan.docx"
BLANK_PROGRESS = 4  # lines to write progress by hand


def documents(data) -> list[Document]:
    return [Document(case_unit(data, case), partial(context, data, case.id), item=case.id)
            for case in backlog_cases(data)]


def context(data, case_id: str) -> dict:
    case = next(c for c in data.reception.cases if c.id == case_id)
    unit = data.units[data.risk_by_id[case.risk].unit]
    return {
        "blank": False, "case": facts(data, case), "chain": chain(data, case),
        "threshold": data.reception.award_threshold, "backlog_months": data.reception.backlog_months,
        "issuer": unit.name, "date": date_text(data.today),
    }


def blank_context(data, unit) -> dict:
    return {
        "blank": True, "case": {**blank_facts(), "progress": [{"date": "", "note": ""} for _ in range(BLANK_PROGRESS)]},
        "chain": blank_chain(data), "threshold": data.reception.award_threshold, "backlog_months": data.reception.backlog_months,
        "issuer": unit.name, "date": blank_date(),
    }


DECLARATION = Form(FORM, TEMPLATE, documents, issuing_units, blank_context, unit_phone=True)
