"""What the company-wide plans share: one filled plan, and a blank for every unit that plans."""

from __future__ import annotations

from functools import partial

from .declaration import Document, Form
from .scope import planning_units


def company_plan(name: str, template: str, context, blank_context) -> Form:
    """The filled plan under the root unit for the year, and each planning unit's blank (scope.planning_units)."""
    def documents(data) -> list[Document]:
        return [Document(data.root, partial(context, data), f"{data.enterprise.year}年")]

    return Form(name, template, documents, planning_units, blank_context, unit_phone=True)
