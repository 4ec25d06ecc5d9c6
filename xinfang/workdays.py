"""China's working-day calendar: the chinesecalendar package, overridden by holidays.yaml.

A year listed in data/holidays.yaml replaces the package for that whole year
(its 放假日期 are days off, its 调休上班日期 are make-up working days, every
other Monday–Friday is a working day). A date in a year that neither covers
raises CalendarError: guessing from weekdays alone would silently put a
deadline or an announcement on a public holiday.
"""

from __future__ import annotations

import datetime as dt

import chinese_calendar
from chinese_calendar import constants as _package

from .errors import XinfangError

PACKAGE_YEARS = range(min(_package.holidays).year, max(_package.holidays).year + 1)
_ONE_DAY = dt.timedelta(days=1)


class CalendarError(XinfangError):
    """Raised when a working-day question falls in a year with no holiday schedule."""


class WorkCalendar:
    """Working days per the package, with whole years replaced by the office's data."""

    def __init__(self, holidays_file=None):
        self.data_years: set[int] = set()
        self.days_off: set[dt.date] = set()
        self.extra_workdays: set[dt.date] = set()
        for year in getattr(holidays_file, "years", None) or []:
            self.data_years.add(year.year)
            self.days_off.update(year.holidays)
            self.extra_workdays.update(year.workdays)

    def is_workday(self, date: dt.date) -> bool:
        if date.year in self.data_years:
            if date in self.extra_workdays:
                return True
            return date.weekday() < 5 and date not in self.days_off
        if date.year in PACKAGE_YEARS:
            return chinese_calendar.is_workday(date)
        raise CalendarError(
            f"无法确定 {date.year}年{date.month}月{date.day}日 是否为工作日："
            f"节假日包 chinesecalendar 只含 {PACKAGE_YEARS.start}—{PACKAGE_YEARS.stop - 1} 年的安排，"
            f"data/holidays.yaml 中也没有 {date.year} 年。请在 holidays.yaml 的“节假日”下补充"
            f"“年份: {date.year}”及其放假日期和调休上班日期（以国务院办公厅通知为准）。")

    def add_workdays(self, date: dt.date, n: int) -> dt.date:
        """The n-th working day after `date` (before it when n < 0); `date` itself when n == 0.

        `date` is not counted: add_workdays(d, -10) is the 10th working day strictly before d.
        """
        step = _ONE_DAY if n > 0 else -_ONE_DAY
        remaining = abs(n)
        while remaining:
            date += step
            if self.is_workday(date):
                remaining -= 1
        return date

    def workdays_before(self, milestone: dt.date, n: int) -> dt.date:
        """The day a task starts when it must start n working days before `milestone`."""
        return self.add_workdays(milestone, -n)

    def next_workday(self, date: dt.date) -> dt.date:
        """`date` if it is a working day, else the first working day after it."""
        while not self.is_workday(date):
            date += _ONE_DAY
        return date


def calendar_for(data) -> WorkCalendar:
    """The calendar of a loaded Dataset (its holidays.yaml over the package)."""
    return WorkCalendar(data.holidays)
