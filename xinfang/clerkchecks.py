"""Warnings for the slips clerks make that are valid YAML and valid values.

Dates later than the data date, one mobile number for two people, an incident
place no unit is in, dates computed from a provisional holiday schedule, and
roles still held by someone who has left. None stops a build.
"""

from __future__ import annotations

from .errors import Problem
from .model import place_key
from .schema import field_path, field_pos
from .workdays import CalendarError, calendar_for


def clerk_checks(data) -> list[Problem]:
    return [*future_dates(data.risks, data.today), *_shared_mobiles(data), *_unmatched_places(data),
            *_provisional_holidays(data), *_roles_of_people_who_left(data)]


def _warn(record, attr: str, message: str) -> Problem:
    return Problem(field_pos(record, attr), field_path(record, attr), message, warning=True)


def future_dates(risks, today):
    """Ledger dates after the data date (also used by the import, on the entries a return changes)."""
    after = f"晚于数据日期 {today.isoformat()}（enterprise.yaml），是否写错了年份或月份？"
    for risk in risks:
        for attr, what in (("registered", "挂号日期"), ("closed", "销号日期")):
            day = getattr(risk, attr)
            if day is not None and day > today:
                yield _warn(risk, attr, f"{what} {day.isoformat()} {after}")
        for step in risk.progress:
            if step.date > today:
                yield _warn(step, "date", f"进展日期 {step.date.isoformat()} {after}")


def _shared_mobiles(data):
    first: dict[str, object] = {}
    for person in data.people.values():
        if not person.mobile:
            continue
        owner = first.setdefault(person.mobile, person)
        if owner is not person:
            yield _warn(person, "mobile", f"“{person.name}”与“{owner.name}”（{owner.pos}）的手机号相同"
                                          f"（{person.mobile}），请核对")


def _unmatched_places(data):
    cities = {place_key(unit.city) for unit in data.units.values()}
    for arrival in data.emergency.arrivals:
        if arrival.same_city_minutes and place_key(arrival.place) not in cities:
            known = "、".join(sorted({unit.city for unit in data.units.values()}))
            yield _warn(arrival, "place",
                        f"没有单位的所在城市是“{arrival.place}”，同城单位时限不适用于任何单位"
                        f"（units.yaml 中的城市：{known}）；请核对地名，或删去同城单位时限")


def _provisional_holidays(data):
    """One warning per provisional year some computed date depends on, naming those dates."""
    provisional = {year.year: year for year in data.holidays.years if year.provisional == "是"}
    if not provisional:
        return
    calendar = calendar_for(data)
    needs: dict[int, list[str]] = {}
    for campaign in data.campaigns:
        try:
            start = calendar.workdays_before(campaign.milestone, campaign.lead_days)
        except CalendarError:
            continue  # the form reports the missing year itself
        for year in range(start.year, campaign.milestone.year + 1):
            needs.setdefault(year, []).append(f"专项排查“{campaign.name}”的开始日期")
    if data.reception.rules:
        from .forms.reception_schedule import period_text, schedule_months
        first, last = schedule_months(data)
        for year in range(first.year - (first.month == 1), last.year + 1):
            needs.setdefault(year, []).append(f"领导接访安排表（{period_text(first, last)}）的接访和公告日期")
    for number, record in sorted(provisional.items()):
        if number in needs:
            yield _warn(record, "provisional",
                        f"{number} 年的节假日安排标为暂定，据此算出的日期可能有误：{'；'.join(needs[number])}。"
                        "国务院办公厅公布安排后，请按通知核对并删去“暂定: 是”")


def _roles_of_people_who_left(data):
    closed = {(risk.pos.file, risk.path) for risk in data.risks if risk.state == "已销号"}
    for use in data.uses:
        person = data.people.get(use.person)
        if person is None or person.left is None:
            continue
        if (use.pos.file, use.path.split(".", 1)[0]) in closed:
            continue  # a closed entry is history: it keeps who handled it
        yield Problem(use.pos, use.path,
                      f"“{person.name}”已于 {person.left.isoformat()} 离任（people.yaml），仍担任此职；"
                      f"请运行 generate.py handover {person.name} 接任人 交接", warning=True)

