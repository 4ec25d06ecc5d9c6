"""Year-on-year comparison of the petition figures, worded for the report and the manual.

Two years compare (同比) only over the same period: two whole years, or two
partial years counted to the same day. A partial year is never set against a
whole one as 同比; its counts are shown side by side with a plain note instead.
"""

from __future__ import annotations

from .jinja import cn_date
from .numbers import change_words, percent_words

COUNTS = (("batches", "信访批次"), ("people", "信访人次"), ("skip_level", "越级访批次"),
          ("collective", "集体访批次"))


def has_counts(figures) -> bool:
    return figures is not None and figures.batches is not None and figures.people is not None


def comparable(current, previous) -> bool:
    """Same period: both whole years, or both counted to the same month and day."""
    if current.as_of is None or previous.as_of is None:
        return current.as_of is None and previous.as_of is None
    return (current.as_of.month, current.as_of.day) == (previous.as_of.month, previous.as_of.day)


def period(figures) -> str:
    """2025年, or 2026年（截至11月20日） for a partial year (the full date if in another year)."""
    if figures.as_of is None:
        return f"{figures.year}年"
    day = figures.as_of
    cut = f"{day.month}月{day.day}日" if day.year == figures.year else cn_date(day)
    return f"{figures.year}年（截至{cut}）"


def stated_changes(figures) -> list[dict]:
    """The changes the enterprise reports only as percentages: 退休人员上访率 → 下降57%."""
    return [{"name": c.indicator, "change": percent_words(c.percent)} for c in figures.changes] if figures else []


def compare(current, previous) -> dict | None:
    """Counts of two years with their change when comparable; None unless both have counts."""
    if not (has_counts(current) and has_counts(previous)):
        return None
    same = comparable(current, previous)
    rows = []
    for attr, label in COUNTS:
        now, before = getattr(current, attr), getattr(previous, attr)
        if now is None or before is None:
            continue
        rows.append({"name": label, "previous": before, "current": now,
                     "change": change_words(now, before) if same else ""})
    return {"same_period": same, "previous_year": period(previous), "current_year": period(current),
            "as_of": cn_date(current.as_of) if current.as_of else "", "rows": rows,
            "batches": rows[0]["change"], "people": rows[1]["change"]}


def year_on_year(data) -> dict | None:
    """This year against last year, plus the percentages stated for this year; None if nothing to say."""
    figures = {f.year: f for f in data.enterprise.figures}
    year = data.enterprise.year
    current, previous = figures.get(year), figures.get(year - 1)
    counts = compare(current, previous)
    stated = stated_changes(current)
    if counts is None and not stated:
        return None
    # A partial year's percentages are against the same period of last year: say which period.
    return {"counts": counts, "stated": stated, "current_year": f"{year}年", "previous_year": f"{year - 1}年",
            "stated_period": period(current) if current else f"{year}年"}
