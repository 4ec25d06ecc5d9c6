"""Helpers the narrative forms share: blank placeholders, durations, months, percentages, names."""

from __future__ import annotations

import datetime as dt

from ..jinja import cn_date

# What a blank template shows where the unit writes a value by hand.
GAP = "________"


def duration(minutes: int) -> str:
    """60 → 1小时, 90 → 1小时30分钟, 30 → 30分钟."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest}分钟"
    return f"{hours}小时" + (f"{rest}分钟" if rest else "")


def sentence(text: str) -> str:
    """A list item as a sentence: add 。 unless it already ends with punctuation."""
    text = text.strip()
    return text if not text or text[-1] in "。；！？.;!?：:" else text + "。"


def months_between(start: dt.date, end: dt.date) -> int:
    """Whole calendar months from start to end: 2026-05-10 → 2026-11-09 is 5, → 11-10 is 6.

    Counted by day of month, so 01-31 → 02-28 is 0. Not dateutil's
    relativedelta(end, start), which clamps 01-31 + 1 month to 02-28 and calls it 1.
    """
    months = (end.year - start.year) * 12 + end.month - start.month
    if end.day < start.day:
        months -= 1
    return max(months, 0)


def names(data, person_ids) -> str:
    """Names joined the Chinese way: 张三、李四."""
    return "、".join(data.people[p].name for p in person_ids)


def who(data, person_id) -> str:
    """张宏伟（党委副书记、工会主席）, or an empty string.

    A post that has parentheses of its own comes first instead, so they never
    nest: 工会副主席（主持日常工作）姜淑兰.
    """
    p = data.people.get(person_id) if person_id else None
    return name_with_post(p) if p else ""


def name_with_post(person) -> str:
    """张宏伟（党委副书记）; 工会副主席（主持日常工作）姜淑兰 when the post has parentheses."""
    if any(c in person.post for c in "（()）"):
        return f"{person.post}{person.name}"
    return f"{person.name}（{person.post}）"


def quoted(text: str) -> str:
    """Text in Chinese quotes, never doubled: a text already quoted keeps its quotes,
    and quotes inside it become single quotes (“…‘…’…”)."""
    text = text.strip()
    if text.startswith("“") and text.endswith("”") and "“" not in text[1:-1]:
        return text
    return "“" + text.replace("“", "‘").replace("”", "’") + "”"


def unit_names(data, unit_ids) -> str:
    return "、".join(data.units[u].name for u in unit_ids)


def scope_names(data, unit_ids) -> str:
    """Units named once each: a unit whose own units are in scope too counts them
    ("云溪县供电公司及所属3个单位") instead of naming each under it again."""
    inside = set(unit_ids)
    parts = []
    for unit_id in unit_ids:
        unit = data.units[unit_id]
        if any(a.id in inside for a in data.ancestors(unit)):
            continue
        below = sum(1 for d in data.descendants(unit)[1:] if d.id in inside)
        parts.append(f"{unit.name}及所属{below}个单位" if below else unit.name)
    return "、".join(parts)


def date_text(day: dt.date | None) -> str:
    return cn_date(day) if day else ""
