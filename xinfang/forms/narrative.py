"""Helpers the narrative forms share: blank placeholders, durations, months, percentages, names."""

from __future__ import annotations

import datetime as dt

from ..jinja import cn_date

# What a blank template shows where the unit writes a value by hand.
GAP = "________"
MINUS = "−"  # U+2212, the real minus sign, used for every negative change


def duration(minutes: int) -> str:
    """60 → 1小时, 90 → 1小时30分钟, 30 → 30分钟."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest}分钟"
    return f"{hours}小时" + (f"{rest}分钟" if rest else "")


def change_percent(current: int, previous: int) -> str:
    """Year-on-year change with a sign and two decimals: 303 vs 403 → −24.81%.

    Cut, not rounded, after the second decimal, as the office's reports do
    (469 vs 901 is −47.9467…%, reported as −47.94%); integer arithmetic, so no
    float error decides a digit.
    """
    if previous == 0:
        return "—"
    hundredths = abs(current - previous) * 10000 // previous
    if hundredths == 0:
        return "0.00%"
    sign = "+" if current > previous else MINUS
    return f"{sign}{hundredths // 100}.{hundredths % 100:02d}%"


def sentence(text: str) -> str:
    """A list item as a sentence: add 。 unless it already ends with punctuation."""
    text = text.strip()
    return text if not text or text[-1] in "。；！？.;!?：:" else text + "。"


def months_between(start: dt.date, end: dt.date) -> int:
    """Whole calendar months from start to end: 2026-05-10 → 2026-11-09 is 5, → 11-10 is 6."""
    months = (end.year - start.year) * 12 + end.month - start.month
    if end.day < start.day:
        months -= 1
    return max(months, 0)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later, clamped to the month's end (01-31 + 1 → 02-28)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    last = (dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(year, month, min(day.day, last))


def names(data, person_ids) -> str:
    """Names joined the Chinese way: 张三、李四."""
    return "、".join(data.people[p].name for p in person_ids)


def who(data, person_id) -> str:
    """张宏伟（党委副书记、工会主席）, or an empty string."""
    p = data.people.get(person_id) if person_id else None
    return f"{p.name}（{p.post}）" if p else ""


def unit_names(data, unit_ids) -> str:
    return "、".join(data.units[u].name for u in unit_ids)


def date_text(day: dt.date | None) -> str:
    return cn_date(day) if day else ""
