"""A form declared once: its name, template, who gets a blank, and its filled documents.

Each form module fills one `Form` (or a tuple of them when it has several templates)
as `DECLARATION`; the declaration makes the jobs, so paths, titles and the header
keys of every context (`enterprise`, `unit`, `period`) follow one pattern:

    file   <top>/<unit folder>/<unit label>-<form name>[-<item or period>].<template's extension>
    title  <unit label><form name>[（<item>）], a blank <unit label><form name>（空白）
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from functools import partial
from typing import Callable, Iterable

from ..render import Job
from ..tracking import plain
from .common import UNIT_ROLES, enterprise_header, output_path, unit_header

HEADER_KEYS = ("enterprise", "unit", "period")
BLANK = "空白"


def no_documents(data) -> list:
    """A form that is only ever blank (the petitioner's evaluation form)."""
    return []


@dataclass(frozen=True)
class Document:
    """One filled document of a form."""

    unit: object  # whose folder it lies in and whose header it carries
    make: Callable[[], dict]  # the form's own context, without the header keys
    period: str = ""  # the period it covers: in its file name and its context's `period`
    item: str = ""  # what tells it from the form's other documents of the unit (a case ID, a campaign):
    # in its file name (instead of the period) and its title


@dataclass(frozen=True)
class Form:
    """One form: its name and template, who gets a blank, and the filled documents the data makes."""

    name: str  # 信访隐患排查台账: in every file name and title
    template: str  # file under templates/forms/, or the name of a workbook writer (.xlsx)
    documents: Callable[[object], Iterable[Document]] = no_documents  # data → the filled documents
    blank_units: Callable[[object], list] | None = None  # data → the units that get a blank; None: no blank
    blank_context: Callable[[object, object], dict] | None = None  # (data, unit) → the blank's own context
    confidential: bool = False  # filled documents go to 涉密文档/ (a blank never holds confidential data)
    unit_phone: bool = False  # the unit header carries the liaison's office line (common.unit_header)
    unit_roles: tuple[str, ...] = UNIT_ROLES  # the unit's people the form prints, and so reads (common.unit_header)
    top: str | None = None  # the top folder, when not 文档/涉密文档/空白模板 (报送表)

    def jobs(self, data, blank: bool) -> list[Job]:
        return self.blank_jobs(data) if blank else self.filled_jobs(data)

    def filled_jobs(self, data) -> list[Job]:
        return [Job(self._path(data, doc.unit, doc.item or doc.period, blank=False), self.template,
                    partial(self.context, data, doc.unit, doc.period, doc.make),
                    f"{doc.unit.label}{self.name}" + (f"（{doc.item}）" if doc.item else ""),
                    confidential=self.confidential)
                for doc in self.documents(data)]

    def blank_jobs(self, data) -> list[Job]:
        if self.blank_units is None:
            return []
        # Who gets a blank is chosen from the plain data (every build chooses afresh, so untracked
        # and quicker); each blank's context gets the unit's view, so that it notes what it reads.
        units = [data.units[unit.id] for unit in self.blank_units(plain(data))]
        return [Job(self._path(data, unit, "", blank=True), self.template,
                    partial(self.context, data, unit, "", partial(self.blank_context, data, unit)),
                    f"{unit.label}{self.name}（{BLANK}）")
                for unit in units]

    def context(self, data, unit, period: str, make: Callable[[], dict]) -> dict:
        """The header every form shares, then the form's own keys (which must not redefine it)."""
        own = make()
        clash = set(HEADER_KEYS) & own.keys()
        assert not clash, f"{self.name}: the form's context redefines the header keys {sorted(clash)}"
        header = {"enterprise": enterprise_header(data),
                  "unit": unit_header(data, unit, phone=self.unit_phone, roles=self.unit_roles), "period": period}
        return {**header, **own}

    def _path(self, data, unit, suffix: str, *, blank: bool) -> str:
        return output_path(data, unit, self.name, suffix, blank=blank, confidential=self.confidential and not blank,
                           top=self.top, ext=posixpath.splitext(self.template)[1])


def forms_of(declaration) -> list[Form]:
    """A declaration (a Form, or a tuple of them) as a list of forms."""
    return list(declaration) if isinstance(declaration, (list, tuple)) else [declaration]


def declared(module) -> list[Form]:
    """The forms a form module declares."""
    return forms_of(module.DECLARATION)


def declared_jobs(declaration, data, blank: bool) -> list[Job]:
    """The jobs of a declaration, in its order."""
    return [job for form in forms_of(declaration) for job in form.jobs(data, blank)]
