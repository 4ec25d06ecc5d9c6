"""领导接访安排表: reception dates computed from reception.yaml's rules, company-wide.

The schedule covers 排班月数 whole months starting with the month after the
data date: it is drawn up at the end of a month for the months ahead, so a
date already past is never announced. A date that falls on a day off moves to
the next working day; the announcement goes out 公告提前工作日 working days
before the (moved) date.
"""

from __future__ import annotations

import datetime as dt
from functools import partial

from dateutil.relativedelta import relativedelta
from dateutil.rrule import MONTHLY, WEEKLY, rrule, weekday

from ..model import WEEKDAYS
from ..workdays import calendar_for
from .declaration import Document, Form
from .narrative import date_text, name_with_post
from .scope import blank_date, reception_units

FORM = "领导接访安排表"
TEMPLATE = "reception_schedule.docx"
BLANK_ROWS = 12
ROW_KEYS = ("date", "weekday", "time", "leader", "mode", "place", "notice", "note")


def documents(data) -> list[Document]:
    return [Document(data.root, partial(context, data), period_text(*schedule_months(data)))]


def schedule_months(data) -> tuple[dt.date, dt.date]:
    """First days of the first and the last month scheduled."""
    first = data.today + relativedelta(months=1, day=1)
    return first, first + relativedelta(months=data.reception.schedule_months - 1)


def period_text(first: dt.date, last: dt.date) -> str:
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.year}年{first.month}月"
    return f"{first.year}年{first.month}月至{last.year}年{last.month}月"


def planned_dates(rule, first: dt.date, last: dt.date) -> list[dt.date]:
    """The rule's dates in the months from `first` to `last`, before any move.

    每月 is the Nth given weekday of each month (第几周 is 1–4, so it always exists);
    每周 is every given weekday, five of them in some months.
    """
    on = weekday(WEEKDAYS.index(rule.weekday))
    freq, on = (MONTHLY, on(rule.week_of_month)) if rule.cycle == "每月" else (WEEKLY, on)
    until = last + relativedelta(months=1, days=-1)
    return [when.date() for when in rrule(freq, dtstart=first, until=until, byweekday=on)]


def sessions(data, calendar=None) -> list[dict]:
    """Every reception in the scheduled months, sorted by date, as template rows."""
    calendar = calendar or calendar_for(data)
    first, last = schedule_months(data)
    found = []
    for index, rule in enumerate(data.reception.rules):
        taken: set[dt.date] = set()
        for planned in planned_dates(rule, first, last):
            actual = calendar.next_workday(planned)
            if actual in taken:  # a long holiday pushed this one onto the rule's next date
                continue
            taken.add(actual)
            found.append((actual, rule.time, index, planned, rule))
    found.sort(key=lambda item: item[:3])
    rows = []
    for actual, _, _, planned, rule in found:
        leader = data.people[rule.leader]
        notice = calendar.add_workdays(actual, -data.reception.notice_days)
        rows.append({
            "date": date_text(actual), "iso": actual.isoformat(), "weekday": WEEKDAYS[actual.weekday()],
            "time": rule.time, "leader": name_with_post(leader), "mode": rule.mode,
            "place": rule.place, "notice": date_text(notice), "notice_iso": notice.isoformat(),
            "note": "" if actual == planned else f"原定{planned.month}月{planned.day}日，遇节假日顺延",
        })
    return rows


def _rules(data) -> dict:
    r = data.reception
    return {"notice_days": r.notice_days, "reply_days": r.reply_days, "finish_days": r.finish_days,
            "notice": "、".join(r.notice_channels), "booking": "、".join(r.booking_channels),
            "equipment": r.equipment or ""}


def context(data) -> dict:
    return {
        "blank": False, "date": date_text(data.today), "rules": _rules(data),
        "rows": sessions(data),
    }


def blank_context(data, unit) -> dict:
    return {
        "blank": True, "date": blank_date(), "rules": _rules(data),
        "rows": [{k: "" for k in ROW_KEYS} for _ in range(BLANK_ROWS)],
    }


DECLARATION = Form(FORM, TEMPLATE, documents, reception_units, blank_context)
