"""The standard forms: each module turns the Dataset into document jobs.

Every form module exposes `jobs(data, blank: bool) -> list[Job]`; blank jobs
carry the unit's header but no entries and never any confidential value.
"""

from __future__ import annotations

from importlib import import_module

from ..render import Job

# Module names under xinfang.forms, in the order documents are listed.
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
    """(name, module) of every form, in FORM_MODULES' order."""
    return list(zip(FORM_MODULES, _modules()))


def form_jobs(data) -> list[Job]:
    return [job for module in _modules() for job in module.jobs(data, blank=False)]


def blank_jobs(data) -> list[Job]:
    jobs = [job for module in _modules() for job in module.jobs(data, blank=True)]
    assert not any(job.confidential for job in jobs), "blank templates must never be confidential"
    return jobs


def jobs_for(section: str, data) -> list[Job]:
    """The jobs of one output section: "forms" (filled) or "blanks"."""
    return form_jobs(data) if section == "forms" else blank_jobs(data)
