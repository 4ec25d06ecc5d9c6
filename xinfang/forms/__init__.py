"""The standard forms: each module declares its forms once (xinfang.forms.declaration).

A form module's `DECLARATION` (a Form, or a tuple of them) says its name, template,
which units get a blank and its filled documents; the declaration makes the jobs.
Blank jobs carry the unit's header but no entries and never any confidential value.
"""

from __future__ import annotations

from importlib import import_module

from ..render import Job
from .declaration import Form, declared

# Module names under xinfang.forms, in the order documents are listed: the one list of forms.
FORM_MODULES: list[str] = [
    "ledger",
    "responsibility_table",
    "contacts_roster",
    "key_person_list",
    "inspection_report",
    "emergency_plan",
    "key_person_plan",
    "reception_schedule",
    "case_ownership",
    "supervision_order",
    "case_plan",
    "joint_meeting",
    "transfer_ledger",
    "hardship_card",
    "petition_forms",
    "return_workbook",
    "work_plan",
    "daily_report",
    "major_risk_report",
    "satisfaction",
]


def _modules():
    return [import_module(f"{__name__}.{name}") for name in FORM_MODULES]


def form_modules() -> list[tuple[str, object]]:
    """(name, module) of every form module, in FORM_MODULES' order."""
    return list(zip(FORM_MODULES, _modules()))


def declarations() -> list[tuple[str, Form]]:
    """(module name, form) of every declared form, in FORM_MODULES' order."""
    return [(name, form) for name, module in form_modules() for form in declared(module)]


def form_jobs(data) -> list[Job]:
    return [job for _, form in declarations() for job in form.filled_jobs(data)]


def blank_jobs(data) -> list[Job]:
    jobs = [job for _, form in declarations() for job in form.blank_jobs(data)]
    assert not any(job.confidential for job in jobs), "blank templates must never be confidential"
    return jobs


def jobs_for(section: str, data) -> list[Job]:
    """The jobs of one output section: "forms" (filled) or "blanks"."""
    return form_jobs(data) if section == "forms" else blank_jobs(data)
