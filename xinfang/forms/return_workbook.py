"""信访隐患报送表: each ledger-keeping unit's return workbook (XLSX), its open entries pre-filled.

The workbook itself is laid out by xinfang.returns.workbook; this module only
chooses the units and gathers the plain data each workbook shows.
"""

from __future__ import annotations

from functools import partial

from .. import rhythm
from .. import model as m
from ..returns.columns import FORM_NAME, FORMAT_VERSION
from ..returns.values import fields_of, person_labels, workbook_people
from ..tracking import plain
from .blank_bundle import stage_zips
from .common import period_month, safe_name
from .declaration import Document, Form
from .ledger import ledger_units
from .scope import ISSUING_KINDS

TEMPLATE = "return.xlsx"  # not a file: xinfang.render hands .xlsx jobs to the workbook writer
TOP = "报送表"


def return_units(data) -> list:
    """Units that keep a ledger; the company itself only when it holds entries of its own."""
    return [u for u in ledger_units(data) if u.id != data.root.id or data.own_risks(u)]


def documents(data) -> list[Document]:
    return [Document(unit, partial(context, data, unit), period_month(data)) for unit in return_units(data)]


def covered_units(data, unit) -> list:
    """The unit and the units below it that report through it (those that issue no forms)."""
    found, stack = [], [unit]
    while stack:
        current = stack.pop()
        found.append(current)
        stack.extend(c for c in reversed(current.children) if c.kind not in ISSUING_KINDS)
    return found


def open_entries(data, unit) -> list:
    risks = [r for u in covered_units(data, unit) for r in data.own_risks(u) if r.state == "在办"]
    return sorted(risks, key=lambda r: r.id)


def context(data, unit) -> dict:
    risks = open_entries(data, unit)
    people = workbook_people(data, unit)
    listed = {p.id for p in people}
    # someone named on an entry but from elsewhere in the tree is offered too
    people += [data.people[pid] for pid in sorted({pid for r in risks for pid in (r.leader, r.owner)
                                                   if pid and pid not in listed})]
    labels = person_labels(data, people)
    campaigns = {c.id: c.name for c in data.campaigns}
    entries = []
    for risk in risks:
        fields = fields_of(risk)
        shown = dict(fields)
        for key in ("包案领导", "责任人"):
            if fields[key]:
                shown[key] = labels[fields[key]]
        shown["专项排查"] = campaigns.get(fields["专项排查"], "") if fields["专项排查"] else ""
        history = sorted(risk.progress, key=lambda p: p.date)
        entries.append({"id": risk.id, "fields": fields, "shown": shown,
                        "history": "\n".join(f"{p.date.isoformat()} {p.note}" for p in history)})
    return {
        "form": FORM_NAME, "version": FORMAT_VERSION, "data_date": data.today.isoformat(),
        "deadline": rhythm.deadline(data.enterprise.screening),
        "entries": entries, "people": sorted(labels.values()),
        "campaigns": [c.name for c in data.campaigns],
        "choices": {"风险等级": list(m.RISK_LEVELS), "问题类别": list(m.RISK_CATEGORIES),
                    "状态": list(m.RISK_STATES), "排查方式": list(m.SCREENING_KINDS)},
    }


DECLARATION = Form(FORM_NAME, TEMPLATE, documents, top=TOP, unit_roles=())


def bundle_path(data) -> str:
    root = plain(data).root
    return f"{TOP}/{safe_name(root.label)}-{FORM_NAME}-{period_month(plain(data))}-全部单位.zip"


def stage_bundle(folder, data, jobs) -> None:
    """After `stage` rendered the forms into `folder` (an OutputFolder), add one zip of every
    unit's workbook, in their unit folders, for the office to send out."""
    members = [(job.path.removeprefix(f"{TOP}/"), job.path) for job in jobs if job.template == TEMPLATE]
    if members:
        stage_zips(folder, [(bundle_path(data), members)])
