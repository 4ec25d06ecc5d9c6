"""The worked example behind the petition-handling forms' 示例: one fictional case, its dates.

A case starts on the first working day of the month SAMPLE_MONTHS before the data
date's and follows the procedure to the end: accepted, extended, answered, reviewed
(复查) and reviewed again (复核). Starting from a month, not a day, keeps the example
the same all month (a new data date alone reissues nothing); starting months back
closes the case by the data date, within years the holiday calendar already covers.
Every deadline is counted from procedure.yaml's 法定时限 the way the manual's FAQ
counts it (calendar days, the starting day not counted); every letter goes out on a
working day (xinfang.workdays) on or before its deadline. The petitioner is made up
and marked 示例: no real person's data is read.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta

from ..workdays import calendar_for
from .scope import petition_units

SAMPLE_MONTHS = 6
# A few working days for each step: how long the example takes to issue a letter.
ISSUE_WORKDAYS = 2
EARLY_WORKDAYS = 5  # letters that go out before a period ends: an extension, an opinion
REQUEST_WORKDAYS = 10  # the petitioner asks for 复查 or 复核 this long after a letter
REPLY_EARLY_WORKDAYS = 10
UPPER = "上一级机关、单位"


@dataclass(frozen=True)
class Chain:
    """Who handles the example case (a unit), who reviews it (复查) and who reviews that (复核)."""

    handler: object
    reviewer: object | None  # None: the level above is outside the enterprise
    rechecker: object | None


def chain(data) -> Chain:
    """The first petition unit, in display order, with two petition units above it;
    failing that the deepest chain there is (the bodies above it left unnamed)."""
    units = petition_units(data)
    ids = {u.id for u in units}

    def above(unit):
        return data.units[unit.parent] if unit.parent and unit.parent in ids else None

    best = None
    for unit in units:
        found = [unit]
        while len(found) < 3 and above(found[-1]) is not None:
            found.append(above(found[-1]))
        if best is None or len(found) > len(best):
            best = found
        if len(found) == 3:
            break
    best += [None] * (3 - len(best))
    return Chain(*best)


def _issue(calendar, day: dt.date, start: dt.date, due: dt.date) -> dt.date:
    """`day`, kept between `start` and the last working day on or before `due`."""
    last = due
    while last > start and not calendar.is_workday(last):
        last -= dt.timedelta(days=1)
    return max(start, min(day, last))


def sample_date(data, calendar) -> dt.date:
    """The day the example petition arrives: a working day, the same all month."""
    return calendar.next_workday(data.today + relativedelta(months=-SAMPLE_MONTHS, day=1))


def dates(data) -> dict[str, dt.date]:
    """Every date of the example case by name (received, accepted, handle_due …)."""
    lim, cal = data.procedure.limits, calendar_for(data)
    days = dt.timedelta
    d = {"received": sample_date(data, cal)}
    d["notice_due"] = d["received"] + days(lim.accept_days)
    d["accepted"] = _issue(cal, cal.add_workdays(d["received"], ISSUE_WORKDAYS), d["received"], d["notice_due"])
    d["handle_due"] = d["accepted"] + days(lim.handle_days)
    d["extension"] = _issue(cal, cal.workdays_before(d["handle_due"], EARLY_WORKDAYS), d["accepted"],
                            d["handle_due"])
    d["extended_due"] = d["handle_due"] + days(lim.extend_days)
    d["reply"] = _issue(cal, cal.workdays_before(d["extended_due"], REPLY_EARLY_WORKDAYS), d["extension"],
                        d["extended_due"])
    d["review_request_due"] = d["reply"] + days(lim.review_request_days)
    d["review_requested"] = _issue(cal, cal.add_workdays(d["reply"], REQUEST_WORKDAYS), d["reply"],
                                   d["review_request_due"])
    d["review_due"] = d["review_requested"] + days(lim.review_days)
    d["review"] = _issue(cal, cal.workdays_before(d["review_due"], EARLY_WORKDAYS), d["review_requested"],
                         d["review_due"])
    d["recheck_request_due"] = d["review"] + days(lim.recheck_request_days)
    d["recheck_requested"] = _issue(cal, cal.add_workdays(d["review"], REQUEST_WORKDAYS), d["review"],
                                    d["recheck_request_due"])
    d["recheck_due"] = d["recheck_requested"] + days(lim.recheck_days)
    d["recheck"] = _issue(cal, cal.workdays_before(d["recheck_due"], EARLY_WORKDAYS), d["recheck_requested"],
                          d["recheck_due"])
    return d


# The fictional petitioner and matter: every personal field says it is an example, and
# every example document opens with a line saying the case is made up.
PETITIONER = {
    "name": "张某某（示例）", "gender": "男", "id_number": "（示例，不填写）", "phone": "（示例，不填写）",
    "address": "（示例，不填写）",
}
CASE = {
    "channel": "走访",
    "category": "申诉求决",
    "matter": "关于2025年下半年夜班津贴少发",
    "request": "反映2025年7月至12月夜班津贴按调整前的标准发放，要求按现行标准补发差额。",
    "findings": "经核对考勤和工资记录，2025年7月至12月的夜班津贴按调整前的标准发放，少发属实。",
    "decision": "由所在单位按现行标准核算差额，在下月工资中补发。",
    "basis": "公司薪酬管理办法。",
    "extension_reason": "涉及半年的考勤和工资记录，需逐月核对",
    "review_request": "对补发差额的核算方法有异议",
    "review_findings": "原处理意见认定事实清楚，补发差额按现行标准逐月核算，核算方法正确。",
    "review_decision": "维持原处理意见。",
    "recheck_findings": "复查意见认定事实清楚，适用规定正确，程序符合《信访工作条例》的要求。",
    "recheck_decision": "维持复查意见。",
    "rejection_matter": "关于与所在单位解除劳动合同经济补偿",
    "rejection_reason": "你已就该事项向劳动人事争议仲裁委员会申请仲裁，该事项依法应当通过仲裁途径解决。",
}
