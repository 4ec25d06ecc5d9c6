"""One filled example (填好的示例) of each standard form on the downloads page, so a
trainee sees what a finished form looks like.

Each example is the form's company-wide document, or for a per-unit form the one of the
first unit with open ledger entries, made from the data like the documents in build/文档/.
Only documents the site may show are offered: never a confidential job (涉密文档/, key
persons, hardship cards), and never one that holds a person's field left out of his
公开字段 (e.g. an unpublished mobile in the contacts roster), as no page shows those either.
"""

from __future__ import annotations

import posixpath

from .. import forms, tracking
from ..forms.common import FILLED_DIR, unit_folder
from . import public

LABEL = "填好的示例"
UNIT = ""  # the downloads' unit: none, so they stay out of every unit's and the company's lists
FOLDER = "downloads/examples"
# Shown elsewhere already: the petition-handling forms' examples (示例) and each unit's return workbook.
SHOWN_ELSEWHERE = {"petition_forms", "return_workbook"}
CANDIDATES = 20  # documents looked at per form before it is left out


def title(job) -> str:
    return f"{job.title}（{LABEL}）"


def file_name(job) -> str:
    stem, ext = posixpath.splitext(posixpath.basename(job.path))
    return f"{stem}-{LABEL}{ext}"


def _showable(data, job) -> bool:
    """Not confidential, and reading no person's field that person keeps off the site.

    The context is built with its reads recorded (as for `who`), so the test is
    exact and costs one context per candidate, whatever the number of people.
    """
    if job.confidential or not job.path.startswith(f"{FILLED_DIR}/"):
        return False
    job.context  # built with its reads recorded
    for key in job.reads:
        kind, _, rest = key.partition(tracking.SEP)
        person_id, _, attr = rest.partition(tracking.SEP)
        label = public.PERSON_FIELDS.get(attr)
        if kind == "people" and label and person_id in data.people and label not in data.people[person_id].public:
            return False
    return True


def _example_unit(data) -> str | None:
    """The first unit (in the organisation's order) with open ledger entries."""
    open_units = {r.unit for r in data.risks if r.state != "已销号"}
    return next((u.id for u in data.descendants(data.root) if u.id in open_units), None)


def choose(data) -> tuple[list[tuple[str, object]], list[str]]:
    """(form module, job) of each form's example, and the titles of forms left out as not showable."""
    root_folder = f"{FILLED_DIR}/{unit_folder(data, data.root)}"
    example_unit = _example_unit(data)
    preferred = f"{FILLED_DIR}/{unit_folder(data, data.units[example_unit])}" if example_unit else None
    chosen, left_out = [], []
    with tracking.Tracked(data) as view:
        for name, module in forms.form_modules():
            if name in SHOWN_ELSEWHERE:
                continue
            made = [(form.name, form.filled_jobs(view)) for form in forms.declared(module)]
            jobs = [job for _, found in made for job in found]
            # The company's document first, then the example unit's, then a few others: a large
            # group's thousands of unit documents are never all built just to be looked at.
            ranked = sorted(jobs, key=lambda j: (posixpath.dirname(j.path) != root_folder,
                                                 posixpath.dirname(j.path) != preferred))
            job = next((j for j in ranked[:CANDIDATES] if _showable(data, j)), None)
            if job is not None:
                chosen.append((name, job))
            elif jobs:
                left_out.append(next(form_name for form_name, found in made if found))
    return chosen, left_out
