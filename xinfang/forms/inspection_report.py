"""专项排查报告: one report per special-inspection campaign, company-wide.

A campaign "found" exactly the ledger entries whose 专项排查 names it. Entries
linked to no campaign are not counted, even when registered inside the
campaign's period and scope: those came from daily screening or follow-up
(the ledger's 排查方式 says so), and counting them by date inflated the
report with what the campaign did not find. An entry marked 专项排查 without a
campaign is reported by the loader as a warning instead of being guessed.

The report is dated by the campaign, not by the data date: its milestone,
the day the campaign ends and its report is due. Until then the report reads
as a plan (future tense, not begun) or a progress report (present tense,
counts "as of" the data date); once the campaign has ended, in the past tense.
"""

from __future__ import annotations

import dataclasses
from functools import partial

from ..model import RISK_CATEGORIES, RISK_LEVELS, Campaign
from ..workdays import calendar_for
from ..yearfigures import COUNTS, year_on_year
from .declaration import Document, Form
from .narrative import GAP, date_text, quoted, scope_names, sentence, unit_names, who
from .scope import LEVEL_FILL, allowed_values, blank_date, planning_units

TEMPLATE = "inspection_report.docx"
FORM = "专项排查报告"
BLANK_ROWS = 3
LEAD_DAYS_DEFAULT = {f.name: f.default for f in dataclasses.fields(Campaign)}["lead_days"]


def documents(data) -> list[Document]:
    return [Document(data.root, partial(context, data, campaign), item=campaign.name) for campaign in data.campaigns]


def campaign_entries(data, campaign) -> list:
    """The entries the campaign found (see the module docstring), by level then unit."""
    found = [r for r in data.risks if r.campaign == campaign.id]
    order = _unit_order(data)
    return sorted(found, key=lambda r: (RISK_LEVELS.index(r.level), order[r.unit], r.registered, r.id))


def _unit_order(data) -> dict[str, int]:
    return {u.id: i for i, u in enumerate(data.descendants(data.root))}


def _counts(entries) -> dict:
    """One table row: entries per level, in all, and the people they involve."""
    return {"red": sum(r.level == "红" for r in entries), "yellow": sum(r.level == "黄" for r in entries),
            "green": sum(r.level == "绿" for r in entries), "total": len(entries),
            "people": sum(r.people_count for r in entries)}


def phase(today, start, milestone) -> str:
    """future (not begun), present (under way, the milestone day included) or past."""
    if today < start:
        return "future"
    return "present" if today <= milestone else "past"


def wording(data, campaign, start, when: str) -> dict:
    """The sentences whose tense follows the campaign's phase."""
    c = campaign
    lead = data.units[c.lead].name
    partners = f"，会同{unit_names(data, c.departments)}" if c.departments else ""
    scope = scope_names(data, c.scope) or "全公司各部门、各单位"
    period = f"{date_text(start)}至{date_text(c.milestone)}"
    opening = f"为做好{quoted(c.trigger)}前后的信访稳定工作，按照{data.enterprise.group.name}部署，由{lead}牵头{partners}，"
    if when == "future":
        return {
            "intro": opening + f"拟于{period}在{scope}范围内开展{c.name}，对信访隐患、历史遗留问题和重点群体进行"
                               "“拉网式”排查。现将工作安排报告如下。",
            "focus": "本次排查的重点是：", "measures": "五、拟采取的工作措施",
            "findings": f"本次排查将于{date_text(start)}开始，排查发现的问题待排查结束后报告。",
        }
    if when == "present":
        return {
            "intro": opening + f"自{date_text(start)}起在{scope}范围内开展{c.name}，至{date_text(c.milestone)}结束，"
                               "对信访隐患、历史遗留问题和重点群体进行“拉网式”排查。现将排查进展情况报告如下。",
            "focus": "本次排查的重点是：", "measures": "五、正在采取的工作措施",
            "findings": f"截至{date_text(data.today)}，本次排查尚未发现信访隐患。",
        }
    return {
        "intro": opening + f"于{period}在{scope}范围内开展了{c.name}，对信访隐患、历史遗留问题和重点群体进行了"
                           "“拉网式”排查。现将有关情况报告如下。",
        "focus": "本次排查的重点是：", "measures": "五、采取的工作措施",
        "findings": "本次排查未发现信访隐患。",
    }


def found_sentence(data, total: dict, when: str) -> str:
    counts = (f"信访隐患{total['total']}条，涉及{total['people']}人，其中红色{total['red']}条、"
              f"黄色{total['yellow']}条、绿色{total['green']}条。")
    if when == "past":
        return "本次排查共发现" + counts
    return f"截至{date_text(data.today)}，本次排查已发现" + counts


def context(data, campaign) -> dict:
    start = calendar_for(data).workdays_before(campaign.milestone, campaign.lead_days)
    when = phase(data.today, start, campaign.milestone)
    entries = campaign_entries(data, campaign)
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
    words = wording(data, campaign, start, when)
    if entries:
        words["findings"] = found_sentence(data, total, when)
    return {
        "blank": False, "phase": when,
        "allowed": allowed_values(), "lead_days_default": LEAD_DAYS_DEFAULT,
        "addressee": data.enterprise.short_name + data.enterprise.group.name,
        "issuer": data.enterprise.documents.issuer,
        "date": date_text(campaign.milestone),
        "words": words,
        "campaign": {
            "name": campaign.name, "trigger": campaign.trigger,
            "milestone": date_text(campaign.milestone), "start": date_text(start),
            "lead_days": campaign.lead_days,
            "scope": scope_names(data, campaign.scope) or "全公司各部门、各单位",
            "lead": data.units[campaign.lead].name, "leader": who(data, campaign.leader),
            "departments": unit_names(data, campaign.departments) or "无",
            "focus": [sentence(t) for t in campaign.focus],
            "measures": [sentence(t) for t in campaign.measures],
            "next_steps": [sentence(t) for t in campaign.next_steps],
        },
        "found": bool(entries),
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


def blank_context(data, unit) -> dict:
    """A unit's own report to fill in: header, its units and the categories listed, no counts."""
    empty = {"red": "", "yellow": "", "green": "", "total": "", "people": ""}
    units = [unit] + list(unit.children)
    return {
        "blank": True, "phase": "past",
        "allowed": allowed_values(), "lead_days_default": LEAD_DAYS_DEFAULT,
        "addressee": data.enterprise.documents.issuer, "issuer": unit.name, "date": blank_date(),
        "words": {
            "intro": f"为做好“{GAP}”前后的信访稳定工作，按照{data.enterprise.group.name}部署，由{GAP}牵头，"
                     f"会同{GAP}，于{GAP}至{GAP}在{GAP}范围内开展了{GAP}专项排查，对信访隐患、历史遗留问题和"
                     "重点群体进行了“拉网式”排查。现将有关情况报告如下。",
            "focus": "本次排查的重点是：", "measures": "五、采取的工作措施", "findings": "",
        },
        "campaign": {
            "name": f"{GAP}专项排查", "trigger": GAP, "milestone": GAP, "start": GAP, "lead_days": GAP,
            "scope": GAP, "lead": GAP, "leader": GAP, "departments": GAP,
            "focus": [GAP] * BLANK_ROWS, "measures": [GAP] * BLANK_ROWS, "next_steps": [GAP] * BLANK_ROWS,
        },
        "found": True,
        "total": empty,
        "levels": [{"level": level, "shade": LEVEL_FILL[level], "count": "", "people": "", "share": ""}
                   for level in RISK_LEVELS],
        "units": [dict(empty, name=u.label) for u in units],
        "categories": [dict(empty, name=c) for c in RISK_CATEGORIES],
        "reds": [],
        "yoy": {"current_year": "本年度", "previous_year": "上年度", "stated": [], "stated_period": "本年度",
                "counts": {"same_period": True, "previous_year": "上年度", "current_year": "本年度",
                           "as_of": "", "batches": GAP, "people": GAP,
                           "rows": [{"name": label, "previous": "", "current": "", "change": ""}
                                    for _, label in COUNTS]}},
    }


DECLARATION = Form(FORM, TEMPLATE, documents, planning_units, blank_context, unit_phone=True)
