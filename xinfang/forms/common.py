"""What every form shares: output paths, unit headers, people as plain data."""

from __future__ import annotations

import functools
import re

from ..jinja import cn_date
from ..tracking import per_build, plain

FILLED_DIR = "文档"
BLANK_DIR = "空白模板"
CONFIDENTIAL_DIR = "涉密文档"
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


@functools.lru_cache(maxsize=4096)  # asked for every document of a unit
def safe_name(text: str) -> str:
    """A file-name-safe version of a unit or form label."""
    return _UNSAFE.sub("_", text).strip(" .") or "_"


def unit_folder(data, unit) -> str:
    """The unit's folder: its ancestors' labels then its own, e.g. 北辰能源/一矿/综采一队."""
    chain = list(reversed(data.ancestors(unit))) + [unit]
    return "/".join(safe_name(u.label) for u in chain)


def output_path(data, unit, form: str, period: str, *, blank=False, confidential=False, top: str | None = None,
                ext: str = ".docx") -> str:
    """e.g. 文档/北辰能源/一矿/一矿-信访隐患排查台账-2026年11月.docx; `top` instead of 文档/涉密文档/空白模板."""
    top = top or (BLANK_DIR if blank else (CONFIDENTIAL_DIR if confidential else FILLED_DIR))
    data, unit = plain(data), plain(unit)  # names are made afresh by every build
    stem = "-".join(safe_name(part) for part in (unit.label, form, period) if part)
    return f"{top}/{unit_folder(data, unit)}/{stem}{ext}"


def period_month(data) -> str:
    d = data.today
    return f"{d.year}年{d.month}月"


def person(data, person_id: str | None, *, phone: bool = False) -> dict:
    """A person as plain template data: name and post, with `phone` the office line too.

    Empty strings when nobody is named.
    """
    p = data.people.get(person_id) if person_id else None
    found = {"name": p.name, "post": p.post} if p else {"name": "", "post": ""}
    if phone:
        found["office_phone"] = (p.office_phone or "") if p else ""
    return found


UNIT_ROLES = ("leader", "supervisor", "liaison")


@per_build  # every document of the unit carries it
def unit_header(data, unit, *, phone: bool = False, roles: tuple[str, ...] = UNIT_ROLES) -> dict:
    """The header every form of a unit carries, filled or blank.

    It holds only what forms print: every value a context reads ties the document
    to it (xinfang.tracking, and `generate.py who`), so a header holding every phone
    number would remake all of a unit's documents whenever one changed. `roles` are
    the unit's people the form prints; `phone` adds the liaison's office line, which
    the plans and reports print when the unit has no petition line.
    """
    header = {"id": unit.id, "name": unit.name, "label": unit.label, "kind": unit.kind, "city": unit.city}
    for role in roles:
        header[role] = person(data, getattr(unit, role), phone=phone and role == "liaison")
    return {**header, "phone": unit.phone or ""}


@per_build  # every document carries it
def enterprise_header(data) -> dict:
    e = data.enterprise
    return {
        "name": e.name, "short_name": e.short_name, "year": e.year, "issuer": e.documents.issuer,
        "date": cn_date(e.data_date), "date_iso": e.data_date.isoformat(),
        "secret_mark": e.documents.secret_mark,
        "group": e.group.name, "office": e.office.name, "office_full": office_full_name(data),
    }


def office_full_name(data) -> str:
    """The leading group's office by its full name: 信访维稳工作领导小组办公室, or the name
    the enterprise gives it (信访办公室)."""
    e = data.enterprise
    name = e.office.name
    return e.group.name + name[len("领导小组"):] if name.startswith("领导小组") else name

