"""The leader reception schedule shown on the site.

The printed 领导接访安排表 computes it (xinfang.forms.reception_schedule); the
site shows the very same rows, so the two never disagree. Only if that form
module is missing is a plain fallback used: the n-th weekday of each month or
every week, moved to the next working day.
"""

from __future__ import annotations

import calendar as _cal
import datetime as dt

from .. import model
from ..forms.narrative import name_with_post
from ..jinja import cn_date
from ..workdays import calendar_for

KEYS = ("date", "weekday", "time", "leader", "mode", "place", "notice", "note")


def sessions(data) -> tuple[str, list[dict]]:
    """(the period covered, in words; one row per reception session)."""
    try:
        from ..forms import reception_schedule as form
    except ImportError:
        return _fallback(data)
    first, last = form.schedule_months(data)
    return form.period_text(first, last), [{k: row[k] for k in KEYS} for row in form.sessions(data)]


def _fallback(data) -> tuple[str, list[dict]]:
    cal = calendar_for(data)
    rec, today = data.reception, data.today
    rows = []
    for rule in rec.rules:
        year, month = today.year, today.month
        for _ in range(rec.schedule_months):
            month_days = [dt.date(year, month, d) for d in range(1, _cal.monthrange(year, month)[1] + 1)]
            days = [d for d in month_days if d.weekday() == model.WEEKDAYS.index(rule.weekday)]
            for day in [days[rule.week_of_month - 1]] if rule.cycle == "每月" else days:
                when = cal.next_workday(day)
                if when < today:
                    continue
                leader = data.people[rule.leader]
                rows.append({"date": cn_date(when), "weekday": model.WEEKDAYS[when.weekday()], "time": rule.time,
                             "leader": name_with_post(leader), "mode": rule.mode, "place": rule.place,
                             "notice": cn_date(cal.add_workdays(when, -rec.notice_days)), "note": ""})
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    rows.sort(key=lambda r: (r["date"], r["time"]))
    return f"{today.year}年{today.month}月起{rec.schedule_months}个月", rows
