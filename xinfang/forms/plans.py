"""What the company-wide plans share: one filled plan, and a blank for every unit that plans."""

from __future__ import annotations

from functools import partial

from ..render import Job
from .common import output_path
from .scope import planning_units


def company_plan_jobs(data, blank: bool, form: str, template: str, context, blank_context) -> list[Job]:
    """The filled plan under the root unit for the year, or each planning unit's blank (scope.planning_units)."""
    if blank:
        return [Job(output_path(data, unit, form, "", blank=True), template, partial(blank_context, data, unit),
                    f"{unit.label}{form}（空白）") for unit in planning_units(data)]
    return [Job(output_path(data, data.root, form, f"{data.enterprise.year}年"), template,
                partial(context, data), f"{data.root.name}{form}")]
