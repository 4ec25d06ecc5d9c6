"""突发信访事件应急预案: the company-wide plan, from emergency.yaml, and a blank per unit.

The filled plan is internal (内部资料): its appendix lists the mobiles of the
people who sit in the command post, and nobody else's. Blanks list nobody.
"""

from __future__ import annotations

from .common import enterprise_header, unit_header
from .plans import company_plan_jobs
from .narrative import GAP, date_text, duration, names, unit_names, who
from .scope import blank_date
from ..model import same_place

FORM = "突发信访事件应急预案"
TEMPLATE = "emergency_plan.docx"
ARRIVING_KIND = "二级单位"  # whose arrival times the plan tabulates per place


def jobs(data, blank: bool) -> list:
    return company_plan_jobs(data, blank, FORM, TEMPLATE, context, blank_context)


def _base(data, unit, blank: bool) -> dict:
    return {"blank": blank, "enterprise": enterprise_header(data), "unit": unit_header(data, unit, phone=True)}


def arrival_rule(arrival) -> str:
    if arrival.same_city_minutes:
        return (f"与事发地同城的单位{duration(arrival.same_city_minutes)}内到达，"
                f"其他单位{duration(arrival.other_minutes)}内到达。")
    return f"各单位{duration(arrival.other_minutes)}内到达。"


def arrival_rows(data, arrival) -> list[dict]:
    """Every 二级单位 with its time for an incident at this place: same city or not."""
    rows = []
    for unit in data.descendants(data.root):
        if unit.kind != ARRIVING_KIND:
            continue
        same = bool(arrival.same_city_minutes) and same_place(unit.city, arrival.place)
        minutes = arrival.same_city_minutes if same else arrival.other_minutes
        rows.append({"name": unit.name, "city": unit.city, "kind": "同城单位" if same else "其他单位",
                     "time": duration(minutes)})
    return rows


def roster(data) -> list[dict]:
    """Everyone in the command post, once each, with all their roles; mobiles included."""
    post = data.emergency.post
    roles: dict[str, list[str]] = {}

    def add(person_id, role):
        roles.setdefault(person_id, [])
        if role not in roles[person_id]:
            roles[person_id].append(role)

    add(post.commander, "总指挥")
    for p in post.deputies:
        add(p, "副总指挥")
    add(post.office.director, "指挥部办公室主任")
    for p in post.office.deputies:
        add(p, "指挥部办公室副主任")
    for team in post.teams:
        add(team.leader, f"{team.name}组长")
        for p in team.members:
            add(p, f"{team.name}成员")
    rows = []
    for person_id, person_roles in roles.items():
        p = data.people[person_id]
        rows.append({"role": "、".join(person_roles), "name": p.name,
                     "post": f"{data.units[p.unit].label} {p.post}", "office_phone": p.office_phone or "",
                     "mobile": p.mobile or ""})
    return rows


def member_roster(data) -> list[dict]:
    """Member units' contacts: the unit's petition line, else its liaison's or leader's office line."""
    rows = []
    for unit_id in data.emergency.post.member_units:
        unit = data.units[unit_id]
        leader = data.people.get(unit.leader) if unit.leader else None
        liaison = data.people.get(unit.liaison) if unit.liaison else None
        phones = [unit.phone] + [p.office_phone for p in (liaison, leader) if p]
        rows.append({"unit": unit.name, "leader": leader.name if leader else "",
                     "liaison": liaison.name if liaison else "",
                     "phone": next((phone for phone in phones if phone), "")})
    return rows


def context(data) -> dict:
    e = data.emergency
    post = e.post
    return {
        **_base(data, data.root, False),
        "issuer": data.enterprise.documents.issuer, "date": date_text(data.today),
        "post": {
            "commander": who(data, post.commander),
            "deputies": "、".join(who(data, p) for p in post.deputies) or "无",
            "member_units": unit_names(data, post.member_units) or "无",
            "office": {"unit": data.units[post.office.unit].name, "director": who(data, post.office.director),
                       "deputies": "、".join(who(data, p) for p in post.office.deputies) or "无",
                       "phone": post.office.phone, "duty": post.office.duty},
            "teams": [{"name": t.name, "leader": data.people[t.leader].name, "members": names(data, t.members),
                       "duty": t.duty} for t in post.teams],
            "team_count": len(post.teams), "team_size": post.team_size,
            "vehicles": [{"kind": v.kind, "count": v.count, "place": v.place,
                          "driver": data.people[v.driver].name if v.driver else ""} for v in post.vehicles],
            "vehicle_count": sum(v.count for v in post.vehicles),
            "fund": f"{post.fund:g}", "fund_keeper": data.units[post.fund_keeper].name,
        },
        "report": duration(e.report_minutes), "onsite": duration(e.onsite_minutes),
        "levels": [{"level": lv.level, "condition": lv.condition, "response": lv.response} for lv in e.levels],
        "arrivals": [{"place": a.place, "note": a.note, "rule": arrival_rule(a), "units": arrival_rows(data, a)}
                     for a in e.arrivals],
        "roster": roster(data),
        "members": member_roster(data),
    }


def blank_context(data, unit) -> dict:
    """The plan's wording with every data value left for the unit to fill in."""
    def rows(keys, count):
        return [{k: "" for k in keys} for _ in range(count)]

    return {
        **_base(data, unit, True),
        "issuer": unit.name, "date": blank_date(),
        "post": {
            "commander": GAP, "deputies": GAP, "member_units": GAP,
            "office": {"unit": GAP, "director": GAP, "deputies": GAP, "phone": GAP, "duty": GAP},
            "teams": rows(("name", "leader", "members", "duty"), 5),
            "team_count": "__", "team_size": "____",
            "vehicles": rows(("kind", "count", "place", "driver"), 3), "vehicle_count": "____",
            "fund": "____", "fund_keeper": GAP,
        },
        "report": "____分钟", "onsite": "____分钟",
        "levels": rows(("level", "condition", "response"), 3),
        "arrivals": [{"place": GAP, "note": "____", "rule": "与事发地同城的单位____内到达，其他单位____内到达。",
                      "units": rows(("name", "city", "kind", "time"), 4)}],
        "roster": rows(("role", "name", "post", "office_phone", "mobile"), 8),
        "members": rows(("unit", "leader", "liaison", "phone"), 6),
    }
