"""突发信访事件应急预案: the company-wide plan, from emergency.yaml, and a blank per unit.

The filled plan is internal (内部资料): its appendix lists the mobiles of the
people who sit in the command post, and nobody else's. Blanks list nobody.
"""

from __future__ import annotations

from .plans import company_plan
from .narrative import GAP, date_text, duration, names, unit_names, who
from .scope import blank_date
from ..model import same_place

FORM = "突发信访事件应急预案"
TEMPLATE = "emergency_plan.docx"
ARRIVING_KIND = "二级单位"  # whose arrival times the plan tabulates per place
# Tasks the plan's standing wording gives a working group, by a word of its name.
TEAM_TASKS = {"report": "信息", "aftercare": "善后"}


def team_tasks(post) -> dict:
    """The working group the wording names for each task, or "" when the post has none such:
    the plan never names a group the data lacks."""
    return {task: next((t.name for t in post.teams if word in t.name), "") for task, word in TEAM_TASKS.items()}


def fund_text(data) -> str:
    """The reserve funds of the company and of the units, or a plain statement that none is kept."""
    post = data.emergency.post
    parts = []
    if post.fund is not None:
        parts.append(f"设立应急备用金{post.fund:g}万元，由{data.units[post.fund_keeper].name}管理")
    elif post.fund_keeper:
        parts.append(f"设立应急备用金，额度按工作需要核定，由{data.units[post.fund_keeper].name}管理")
    if post.unit_funds:
        kept = "、".join(data.units[f.unit].label + (f"{f.amount:g}万元" if f.amount is not None else "")
                        for f in post.unit_funds)
        unstated = any(f.amount is None for f in post.unit_funds)
        parts.append(f"{kept}留存本单位信访稳定备用金" + ("（未列额度的由本单位按需核定）" if unstated else ""))
    if not parts:
        return "公司和各单位未设应急备用金，处置所需经费按财务管理规定列支。"
    return "；".join(parts) + "，专款专用，用于现场处置、劝返和善后工作。"


def arrival_row(data, arrival) -> dict:
    """One place: the 二级单位 in that city with their time, and everyone else's time.

    Only the same-city units are named, so the unit list is not repeated for every place.
    """
    same = [u.label for u in data.descendants(data.root)
            if u.kind == ARRIVING_KIND and arrival.same_city_minutes and same_place(u.city, arrival.place)]
    if not arrival.same_city_minutes:
        same_text = "—"
    elif same:
        same_text = f"{'、'.join(same)}：{duration(arrival.same_city_minutes)}内"
    else:
        same_text = f"无（同城单位{duration(arrival.same_city_minutes)}内）"
    other = "各单位" if not arrival.same_city_minutes else ("其他单位" if same else "各单位")
    return {"place": f"{arrival.place}（{arrival.note}）", "same": same_text,
            "other": f"{other}{duration(arrival.other_minutes)}内"}


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
    add(post.office.director, f"{post.office.name}主任")
    for p in post.office.deputies:
        add(p, f"{post.office.name}副主任")
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
        "blank": False,
        "issuer": data.enterprise.documents.issuer, "date": date_text(data.today),
        "post": {
            "name": post.name,
            "commander": who(data, post.commander),
            "deputies": "、".join(who(data, p) for p in post.deputies) or "无",
            "member_units": unit_names(data, post.member_units) or "无",
            "office": {"name": post.office.name, "unit": data.units[post.office.unit].name,
                       "director": who(data, post.office.director),
                       "deputies": "、".join(who(data, p) for p in post.office.deputies) or "无",
                       "phone": post.office.phone, "duty": post.office.duty},
            "teams": [{"name": t.name, "leader": data.people[t.leader].name, "members": names(data, t.members),
                       "duty": t.duty} for t in post.teams],
            "team_count": len(post.teams), "team_size": post.team_size,
            "vehicles": [{"kind": v.kind, "count": v.count, "place": v.place,
                          "driver": data.people[v.driver].name if v.driver else ""} for v in post.vehicles],
            "vehicle_count": sum(v.count for v in post.vehicles),
            "fund": fund_text(data),
        },
        "tasks": team_tasks(post),
        "report": duration(e.report_minutes), "onsite": duration(e.onsite_minutes),
        "reports": [{"name": r.name, "when": r.when, "to": r.to, "content": r.content or ""} for r in e.reports],
        "levels": [{"level": lv.level, "condition": lv.condition, "response": lv.response} for lv in e.levels],
        "arrivals": [arrival_row(data, a) for a in e.arrivals],
        "roster": roster(data),
        "members": member_roster(data),
    }


def blank_context(data, unit) -> dict:
    """The plan's wording with every data value left for the unit to fill in."""
    def rows(keys, count):
        return [{k: "" for k in keys} for _ in range(count)]

    return {
        "blank": True,
        "issuer": unit.name, "date": blank_date(),
        "post": {
            "name": data.emergency.post.name,
            "commander": GAP, "deputies": GAP, "member_units": GAP,
            "office": {"name": data.emergency.post.office.name, "unit": GAP, "director": GAP, "deputies": GAP,
                       "phone": GAP, "duty": GAP},
            "teams": rows(("name", "leader", "members", "duty"), 5),
            "team_count": "__", "team_size": "____",
            "vehicles": rows(("kind", "count", "place", "driver"), 3), "vehicle_count": "____",
            "fund": f"设立应急备用金____万元，由{GAP}管理，专款专用，用于现场处置、劝返和善后工作。",
        },
        "tasks": {"report": "信息报送组", "aftercare": "善后处理组"},  # the groups a unit is asked to form
        "report": "____分钟", "onsite": "____分钟",
        "reports": rows(("name", "when", "to", "content"), 3),
        "levels": rows(("level", "condition", "response"), 3),
        "arrivals": rows(("place", "same", "other"), 3),
        "roster": rows(("role", "name", "post", "office_phone", "mobile"), 8),
        "members": rows(("unit", "leader", "liaison", "phone"), 6),
    }


DECLARATION = company_plan(FORM, TEMPLATE, context, blank_context)
