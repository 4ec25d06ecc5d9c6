"""专项排查报告: one report per special-inspection campaign, company-wide.

Which ledger entries a campaign "found": every entry whose 专项排查 names the
campaign, plus every entry linked to no campaign that was registered within
the campaign's period (start … milestone, both included) by a unit within its
scope (the listed units and everything below them; no list = the whole
company). An entry linked to another campaign never counts twice.
"""

from __future__ import annotations

from functools import partial

import dataclasses

from ..model import RISK_CATEGORIES, RISK_LEVELS, Campaign
from ..render import Job
from ..workdays import calendar_for
from .common import enterprise_header, output_path, unit_header
from ..numbers import change_percent
from .narrative import GAP, date_text, sentence, unit_names, who
from .scope import LEVEL_FILL, allowed_values, blank_date, issuing_units

TEMPLATE = "inspection_report.docx"
FORM = "专项排查报告"
FIGURES = (("batches", "信访批次"), ("people", "信访人次"), ("skip_level", "越级访批次"),
           ("collective", "集体访批次"))
BLANK_ROWS = 3
LEAD_DAYS_DEFAULT = {f.name: f.default for f in dataclasses.fields(Campaign)}["lead_days"]


def jobs(data, blank: bool) -> list[Job]:
    if blank:
        return [Job(output_path(data, unit, FORM, "", blank=True), TEMPLATE, partial(blank_context, data, unit),
                    f"{unit.label}{FORM}（空白）") for unit in issuing_units(data)]
    return [Job(output_path(data, data.root, FORM, campaign.name), TEMPLATE,
                partial(context, data, campaign), f"{campaign.name}报告")
            for campaign in data.campaigns]


def scope_units(data, campaign) -> set[str]:
    roots = [data.units[u] for u in campaign.scope] or [data.root]
    return {u.id for root in roots for u in data.descendants(root)}


def campaign_entries(data, campaign, start) -> list:
    """The entries the campaign found (see the module docstring), by level then unit."""
    scope = scope_units(data, campaign)
    found = [r for r in data.risks
             if r.campaign == campaign.id
             or (r.campaign is None and r.unit in scope and start <= r.registered <= campaign.milestone)]
    order = _unit_order(data)
    return sorted(found, key=lambda r: (RISK_LEVELS.index(r.level), order[r.unit], r.registered, r.id))


def _unit_order(data) -> dict[str, int]:
    return {u.id: i for i, u in enumerate(data.descendants(data.root))}


def _counts(entries) -> dict:
    """One table row: entries per level, in all, and the people they involve."""
    return {"red": sum(r.level == "红" for r in entries), "yellow": sum(r.level == "黄" for r in entries),
            "green": sum(r.level == "绿" for r in entries), "total": len(entries),
            "people": sum(r.people_count for r in entries)}


def context(data, campaign) -> dict:
    start = calendar_for(data).workdays_before(campaign.milestone, campaign.lead_days)
    entries = campaign_entries(data, campaign, start)
    order = _unit_order(data)
    by_unit, by_category = {}, {}
    for r in entries:
        by_unit.setdefault(r.unit, []).append(r)
        by_category.setdefault(r.category, []).append(r)
    total = _counts(entries)
    levels = []
    for level in RISK_LEVELS:
        found = [r for r in entries if r.level == level]
        share = f"{len(found) * 100 / len(entries):.1f}%" if entries else "—"
        levels.append({"level": level, "shade": LEVEL_FILL[level], "count": len(found),
                       "people": sum(r.people_count for r in found), "share": share})
    return {
        "blank": False,
        "enterprise": enterprise_header(data),
        "unit": unit_header(data, data.root, phone=True),
        "allowed": allowed_values(), "lead_days_default": LEAD_DAYS_DEFAULT,
        "group_name": data.enterprise.group.name,
        "addressee": data.enterprise.short_name + data.enterprise.group.name,
        "issuer": data.enterprise.documents.issuer, "date": date_text(data.today),
        "campaign": {
            "name": campaign.name, "trigger": campaign.trigger,
            "milestone": date_text(campaign.milestone), "start": date_text(start),
            "lead_days": campaign.lead_days,
            "scope": unit_names(data, campaign.scope) or "全公司各部门、各单位",
            "lead": data.units[campaign.lead].name, "leader": who(data, campaign.leader),
            "departments": unit_names(data, campaign.departments) or "无",
            "focus": [sentence(t) for t in campaign.focus],
            "measures": [sentence(t) for t in campaign.measures],
            "next_steps": [sentence(t) for t in campaign.next_steps],
        },
        "total": total,
        "levels": levels,
        "units": [dict(_counts(rs), name=data.units[u].label)
                  for u, rs in sorted(by_unit.items(), key=lambda item: order[item[0]])],
        "categories": [dict(_counts(by_category[c]), name=c) for c in RISK_CATEGORIES if c in by_category],
        "reds": [_red(data, r) for r in entries if r.level == "红"],
        "yoy": year_on_year(data),
    }


def _red(data, r) -> dict:
    latest = max(r.progress, key=lambda p: p.date) if r.progress else None
    return {
        "id": r.id, "unit": data.units[r.unit].label, "description": r.description,
        "category": r.category, "people": r.people_count,
        "leader": who(data, r.leader) or "未明确", "owner": who(data, r.owner),
        "measures": r.measures, "deadline": date_text(r.deadline), "registered": date_text(r.registered),
        "progress": ({"date": date_text(latest.date), "note": latest.note} if latest else None),
    }


def year_on_year(data) -> dict | None:
    """This year's figures against last year's; None unless both years are in the data."""
    figures = {f.year: f for f in data.enterprise.figures}
    year = data.enterprise.year
    current, previous = figures.get(year), figures.get(year - 1)
    if current is None or previous is None:
        return None
    rows = []
    for attr, label in FIGURES:
        now, before = getattr(current, attr), getattr(previous, attr)
        if now is None or before is None:
            continue
        rows.append({"name": label, "previous": before, "current": now, "change": change_percent(now, before)})
    return {
        "previous_year": f"{previous.year}年" + (f"（截至{date_text(previous.as_of)}）" if previous.as_of else ""),
        "current_year": f"{current.year}年" + (f"（截至{date_text(current.as_of)}）" if current.as_of else ""),
        "rows": rows,
        "batches": rows[0]["change"], "people": rows[1]["change"],
    }


def blank_context(data, unit) -> dict:
    """A unit's own report to fill in: header, its units and the categories listed, no counts."""
    empty = {"red": "", "yellow": "", "green": "", "total": "", "people": ""}
    units = [unit] + list(unit.children)
    return {
        "blank": True,
        "enterprise": enterprise_header(data),
        "unit": unit_header(data, unit, phone=True),
        "allowed": allowed_values(), "lead_days_default": LEAD_DAYS_DEFAULT,
        "group_name": data.enterprise.group.name,
        "addressee": data.enterprise.documents.issuer, "issuer": unit.name, "date": blank_date(),
        "campaign": {
            "name": f"{GAP}专项排查", "trigger": GAP, "milestone": GAP, "start": GAP, "lead_days": GAP,
            "scope": GAP, "lead": GAP, "leader": GAP, "departments": GAP,
            "focus": [GAP] * BLANK_ROWS, "measures": [GAP] * BLANK_ROWS, "next_steps": [GAP] * BLANK_ROWS,
        },
        "total": empty,
        "levels": [{"level": level, "shade": LEVEL_FILL[level], "count": "", "people": "", "share": ""}
                   for level in RISK_LEVELS],
        "units": [dict(empty, name=u.label) for u in units],
        "categories": [dict(empty, name=c) for c in RISK_CATEGORIES],
        "reds": [],
        "yoy": {"previous_year": "上年度", "current_year": "本年度", "batches": GAP, "people": GAP,
                "rows": [{"name": label, "previous": "", "current": "", "change": ""} for _, label in FIGURES]},
    }
