"""积案挂牌督办单: the office's order to resolve one backlog case on schedule, in the unit's folder.

One per backlog case of reception.yaml's 包案 (see forms.backlog); it names the
five-responsibility chain and the supervision rules of procedure.yaml's 督查督办.
A blank goes to every unit with issuing units below it (scope.supervising_units): it supervises their cases.
"""

from __future__ import annotations

from functools import partial

from .backlog import backlog_cases, blank_chain, blank_facts, case_unit, chain, facts
from .common import enterprise_header
from .declaration import Document, Form
from .narrative import date_text, who
from .scope import blank_date, supervising_units

FORM = "积案挂牌督办单"
TEMPLATE = "supervision_order.docx"


def documents(data) -> list[Document]:
    return [Document(case_unit(data, case), partial(context, data, case.id), item=case.id)
            for case in backlog_cases(data)]


def _rules(data) -> dict:
    s = data.procedure.supervision
    return {"feedback": s.feedback_workdays, "reminder": s.reminder_days, "bulletin": s.bulletin,
            "backlog_months": data.reception.backlog_months}


def context(data, case_id: str) -> dict:
    case = next(c for c in data.reception.cases if c.id == case_id)
    return {
        "blank": False, "case": facts(data, case), "chain": chain(data, case), "rules": _rules(data),
        "issuer": enterprise_header(data)["office_full"], "signer": who(data, data.enterprise.office.director),
        "date": date_text(data.today),
    }


def blank_context(data, unit) -> dict:
    return {
        "blank": True, "case": blank_facts(), "chain": blank_chain(data), "rules": _rules(data),
        "issuer": unit.name, "signer": "", "date": blank_date(),
    }


DECLARATION = Form(FORM, TEMPLATE, documents, supervising_units, blank_context, unit_phone=True)
