"""The working-day calendar: public holidays, make-up days, data overrides, unknown years."""

import datetime as dt

import pytest

from xinfang.model import HolidayYear, HolidaysFile
from xinfang.workdays import PACKAGE_YEARS, CalendarError, WorkCalendar

D = dt.date


def test_public_holidays_and_weekends_are_days_off():
    cal = WorkCalendar()
    assert not cal.is_workday(D(2026, 10, 1))  # National Day
    assert not cal.is_workday(D(2026, 2, 17))  # Spring Festival
    assert not cal.is_workday(D(2026, 11, 22))  # a Sunday
    assert cal.is_workday(D(2026, 11, 20))  # a Friday


def test_make_up_working_days_count():
    cal = WorkCalendar()
    assert D(2026, 10, 10).weekday() == 5 and cal.is_workday(D(2026, 10, 10))
    assert D(2026, 9, 20).weekday() == 6 and cal.is_workday(D(2026, 9, 20))


def test_tenth_working_day_before_milestones():
    cal = WorkCalendar()
    # Back from New Year 2027: Dec 31 … Dec 18, two weekends skipped.
    assert cal.workdays_before(D(2027, 1, 1), 10) == D(2026, 12, 18)
    # Back from National Day 2026: skips the Mid-Autumn break (Sep 25–27) but counts
    # the make-up Sunday Sep 20.
    assert cal.workdays_before(D(2026, 10, 1), 10) == D(2026, 9, 17)


def test_add_workdays_forward_zero_and_next_workday():
    cal = WorkCalendar()
    assert cal.add_workdays(D(2026, 9, 30), 1) == D(2026, 10, 8)
    assert cal.add_workdays(D(2026, 9, 30), 3) == D(2026, 10, 10)  # make-up Saturday
    assert cal.add_workdays(D(2026, 11, 22), 0) == D(2026, 11, 22)
    assert cal.next_workday(D(2026, 10, 1)) == D(2026, 10, 8)
    assert cal.next_workday(D(2026, 11, 20)) == D(2026, 11, 20)


def _year(year, holidays=(), workdays=()):
    return HolidayYear(year=year, holidays=list(holidays), workdays=list(workdays))


def test_a_year_in_the_data_replaces_the_package():
    # The data says 2026-10-01 is a working day and 2026-11-20 a day off; the
    # package's National Day for 2026 no longer applies at all.
    cal = WorkCalendar(HolidaysFile(years=[_year(2026, [D(2026, 11, 20)], [D(2026, 11, 21)])]))
    assert cal.is_workday(D(2026, 10, 1))
    assert cal.is_workday(D(2026, 10, 7))
    assert not cal.is_workday(D(2026, 11, 20))
    assert cal.is_workday(D(2026, 11, 21))  # a Saturday made a working day
    assert not cal.is_workday(D(2026, 10, 10))  # the package's make-up Saturday is gone


def test_data_extends_the_calendar_to_a_later_year():
    year = PACKAGE_YEARS.stop  # the first year the package does not know
    new_year = D(year, 1, 1)
    cal = WorkCalendar(HolidaysFile(years=[_year(year, [new_year])]))
    assert not cal.is_workday(new_year)
    assert cal.add_workdays(D(year - 1, 12, 31), 1) == cal.next_workday(D(year, 1, 2))


def test_a_year_nobody_covers_raises_a_clear_chinese_error():
    year = PACKAGE_YEARS.stop + 5
    cal = WorkCalendar()
    with pytest.raises(CalendarError) as info:
        cal.is_workday(D(year, 3, 2))
    message = str(info.value)
    assert f"无法确定 {year}年3月2日 是否为工作日" in message
    assert f"holidays.yaml 的“节假日”下补充“年份: {year}”" in message
    # Counting across into an uncovered year fails the same way, never guesses.
    with pytest.raises(CalendarError):
        cal.add_workdays(D(PACKAGE_YEARS.stop - 1, 12, 30), 5)
