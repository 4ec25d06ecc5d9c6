"""What the per-case backlog documents share: which cases get them, and each case's facts.

A case of reception.yaml's 包案 gets a 积案挂牌督办单 and a 一案一策化解方案 while its
entry is a backlog case (case_ownership.is_backlog): open more than 积案认定月数
months. Both go to the folder of the unit that holds the entry. The five
responsibilities (responsibilities.yaml's 五项责任) are shown as a chain for each case:
the enterprise-wide holders of 首要 and 督查, the 分管领导 and unit leaders above the
entry for 直接 and 管理, and the case's own leader and task force for 包案.
"""

from __future__ import annotations

from ..model import FIVE_RESPONSIBILITIES
from ..tracking import plain
from .case_ownership import case_status, is_backlog, months_pending
from .narrative import date_text, names, who

# What each link of the chain means when responsibilities.yaml does not describe it.
DEFAULT_HOLDERS = {"首要责任": "企业主要领导", "直接责任": "分管领导", "管理责任": "所在单位负责人",
                   "包案责任": "包案领导及专班", "督查责任": "纪委和信访办公室"}


def backlog_cases(data) -> list:
    """The 包案 cases whose entry is a backlog case, by ID; read untracked, to choose documents."""
    data = plain(data)
    risks = data.risk_by_id
    return sorted((c for c in data.reception.cases if is_backlog(data, risks[c.risk])), key=lambda c: c.id)


def case_unit(data, case):
    return data.units[data.risk_by_id[case.risk].unit]


def _cover(data, unit) -> list:
    """The unit and its ancestors, nearest first."""
    return [unit] + data.ancestors(unit)


def _direct(data, unit) -> list[str]:
    """The 分管领导 over the entry: level-2 assignments covering the unit or an ancestor,
    else the nearest 分管领导 named on a unit."""
    found = [a.person for a in data.assignments_over(unit) if a.level == "二级"]
    if found:
        return list(dict.fromkeys(found))
    return next(([u.supervisor] for u in _cover(data, unit) if u.supervisor), [])


def _managers(data, unit, risk) -> list[str]:
    """The leader of the entry's unit (and of the units above it below the root), and its 责任人."""
    root = data.root.id
    leaders = [u.leader for u in _cover(data, unit) if u.leader and u.id != root]
    return list(dict.fromkeys(leaders + [risk.owner]))


def chain(data, case) -> list[dict]:
    """The five responsibilities for one case, in the fixed order 首要 → 督查."""
    risk = data.risk_by_id[case.risk]
    unit = data.units[risk.unit]
    duties = {d.name: d for d in data.responsibilities.five}
    people = {
        "首要责任": duties["首要责任"].people if "首要责任" in duties else [data.enterprise.group.leader],
        "直接责任": _direct(data, unit),
        "管理责任": _managers(data, unit, risk),
        "包案责任": [case.leader],
        "督查责任": duties["督查责任"].people if "督查责任" in duties else [data.enterprise.office.director],
    }
    rows = []
    for name in FIVE_RESPONSIBILITIES:
        duty = duties.get(name)
        persons = "、".join(who(data, p) for p in people[name])
        if name == "包案责任":
            persons += f"；专班成员：{names(data, case.team)}"
        rows.append({"name": name, "holder": duty.holder if duty else DEFAULT_HOLDERS[name],
                     "people": persons or "未明确", "content": duty.content if duty else ""})
    return rows


def facts(data, case) -> dict:
    """The case as both documents print it."""
    risk = data.risk_by_id[case.risk]
    unit = data.units[risk.unit]
    return {
        "id": case.id, "risk": risk.id, "description": risk.description, "category": risk.category,
        "level": risk.level, "people_count": f"{risk.people_count}人", "unit": unit.name,
        "registered": date_text(risk.registered), "months": f"{months_pending(data, risk)}个月",
        "leader": who(data, case.leader), "team": names(data, case.team), "plan": case.plan,
        "measures": risk.measures, "deadline": date_text(case.deadline), "status": case_status(data, case, risk),
        "progress": [{"date": date_text(p.date), "note": p.note} for p in risk.progress],
    }


def blank_facts() -> dict:
    keys = ("id", "risk", "description", "category", "level", "people_count", "unit", "registered", "months",
            "leader", "team", "plan", "measures", "deadline", "status")
    return {**{k: "" for k in keys}, "progress": []}


def blank_chain(data) -> list[dict]:
    """The five links with the enterprise's own descriptions and no one named."""
    duties = {d.name: d for d in data.responsibilities.five}
    return [{"name": n, "holder": duties[n].holder if n in duties else DEFAULT_HOLDERS[n], "people": "",
             "content": duties[n].content if n in duties else ""} for n in FIVE_RESPONSIBILITIES]
