"""Month arithmetic and recurring reception dates at their edges: month end, year end, a 5th weekday."""

from __future__ import annotations

import copy
from datetime import date as D
from types import SimpleNamespace

from xinfang.forms import case_ownership, reception_schedule
from xinfang.forms.narrative import months_between


def _with_date(example, today):
    data = copy.deepcopy(example)
    data.enterprise.data_date = today
    return data


def test_backlog_deadline_is_clamped_to_the_month_end(example):
    data = _with_date(example, D(2027, 2, 28))
    risk = next(r for r in data.risks if r.state == "在办")
    data.reception.backlog_months = 6
    risk.registered = D(2026, 8, 31)  # + 6 months is 2027-02-28, not past yet
    assert not case_ownership.is_backlog(data, risk)
    data.enterprise.data_date = D(2027, 3, 1)
    assert case_ownership.is_backlog(data, risk)


def test_months_between_counts_by_day_of_month_across_the_year_end():
    assert months_between(D(2026, 12, 31), D(2027, 1, 30)) == 0
    assert months_between(D(2026, 12, 31), D(2027, 1, 31)) == 1
    assert months_between(D(2026, 11, 15), D(2027, 2, 15)) == 3
    assert months_between(D(2027, 3, 1), D(2027, 2, 1)) == 0  # closed before registered: never negative


def test_schedule_months_cross_the_year_end(example):
    data = _with_date(example, D(2026, 12, 31))
    data.reception.schedule_months = 3
    assert reception_schedule.schedule_months(data) == (D(2027, 1, 1), D(2027, 3, 1))
    data = _with_date(example, D(2026, 11, 30))
    assert reception_schedule.schedule_months(data) == (D(2026, 12, 1), D(2027, 2, 1))
    assert reception_schedule.period_text(D(2026, 12, 1), D(2027, 2, 1)) == "2026年12月至2027年2月"


def test_weekly_rule_includes_the_fifth_weekday_of_a_month():
    rule = SimpleNamespace(weekday="星期一", cycle="每周", week_of_month=None)
    days = reception_schedule.planned_dates(rule, D(2027, 3, 1), D(2027, 4, 1))
    # March 2027 starts on a Monday and has five of them; April has four.
    assert days == [D(2027, 3, 1), D(2027, 3, 8), D(2027, 3, 15), D(2027, 3, 22), D(2027, 3, 29),
                    D(2027, 4, 5), D(2027, 4, 12), D(2027, 4, 19), D(2027, 4, 26)]


def test_monthly_rule_takes_the_nth_weekday_of_each_month_over_the_year_end():
    rule = SimpleNamespace(weekday="星期四", cycle="每月", week_of_month=4)
    days = reception_schedule.planned_dates(rule, D(2026, 12, 1), D(2027, 2, 1))
    assert days == [D(2026, 12, 24), D(2027, 1, 28), D(2027, 2, 25)]
    rule.week_of_month = 1
    assert reception_schedule.planned_dates(rule, D(2026, 10, 1), D(2026, 10, 1)) == [D(2026, 10, 1)]
