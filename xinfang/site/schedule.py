"""The leader reception schedule shown on the site.

Uses engineer B's schedule (xinfang.forms.reception_schedule.schedule) when it
exists, so the site and the printed 接访安排表 agree; otherwise computes the
same simple rule here: the n-th weekday of each month or every week, moved to
the next working day, announced `notice_days` working days before.
"""

from __future__ import annotations

import calendar as _cal
import datetime as dt

from .. import model
from ..workdays import CalendarError, calendar_for
from . import public


def _months(start: dt.date, count: int):
    year, month = start.year, start.month
    for _ in range(count):
        yield year, month
        month += 1
        if month == 13:
            year, month = year + 1, 1


def _days(rule, year: int, month: int) -> list[dt.date]:
    weekday = model.WEEKDAYS.index(rule.weekday)
    days = [dt.date(year, month, d) for d in range(1, _cal.monthrange(year, month)[1] + 1)
            if dt.date(year, month, d).weekday() == weekday]
    if rule.cycle == "每月":
        return [days[rule.week_of_month - 1]]
    return days


def sessions(data) -> list[dict]:
    """Every reception session from the data date on, for the configured number of months."""
    cal = calendar_for(data)
    rec = data.reception
    out = []
    for rule in rec.rules:
        for year, month in _months(data.today, rec.schedule_months):
            for day in _days(rule, year, month):
                if day < data.today:
                    continue
                try:
                    when = cal.next_workday(day)
                    notice = cal.workdays_before(when, rec.notice_days)
                except CalendarError:
                    when, notice = day, None
                leader = public.person(data, rule.leader)
                out.append({"date": when.isoformat(), "weekday": model.WEEKDAYS[when.weekday()],
                            "time": rule.time, "place": rule.place, "mode": rule.mode,
                            "leader": leader["name"], "post": leader["post"],
                            "notice": notice.isoformat() if notice else ""})
    return sorted(out, key=lambda s: (s["date"], s["time"], s["leader"]))
