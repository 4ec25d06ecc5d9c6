"""What a unit typed into a cell, as a field value: dates in the ways people write them, whole numbers, text."""

from __future__ import annotations

import datetime as dt
import re

EXCEL_EPOCH = dt.date(1899, 12, 30)  # serial 1 = 1900-01-01 in Excel's (Lotus-compatible) count
_DATE_TEXT = re.compile(r"^\s*(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?\s*$")
DATE_HINT = "日期应写作 2026-11-22（也可写 2026/11/22、2026.11.22 或 2026年11月22日）"


class CellError(ValueError):
    """A cell whose value cannot be the field's type; the message is for the user."""


def text(value) -> str:
    """A cell as trimmed text ("" when empty); numbers typed into text columns read as written."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, (dt.datetime, dt.date)):
        return as_date(value).isoformat()
    return str(value).replace("\r\n", "\n").replace("\r", "\n").strip()


def as_date(value) -> dt.date:
    if isinstance(value, dt.datetime):
        if value.time() != dt.time(0):
            raise CellError(f"只填写日期，不要填写时间；{DATE_HINT}")
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if value != int(value) or not 1 <= value <= 2958465:
            raise CellError(f"“{value}”不是有效日期；{DATE_HINT}")
        return EXCEL_EPOCH + dt.timedelta(days=int(value))
    written = str(value).strip()
    if re.fullmatch(r"\d{5}(\.0)?", written):  # a serial number kept as text
        return as_date(float(written))
    match = _DATE_TEXT.match(written)
    if not match:
        raise CellError(f"“{written}”不是有效日期；{DATE_HINT}")
    try:
        return dt.date(*(int(part) for part in match.groups()))
    except ValueError:
        raise CellError(f"“{written}”不是有效日期（该日不存在）") from None


def as_int(value) -> int:
    if isinstance(value, bool):
        raise CellError(f"应为整数，却是“{value}”")
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    written = text(value)
    if re.fullmatch(r"\d+", written):
        return int(written)
    if re.fullmatch(r"\d+\s*人", written):
        raise CellError(f"只填数字，不要带“人”字：应为 {written.rstrip('人 ')}")
    raise CellError(f"应为整数（人数），却是“{written}”")
