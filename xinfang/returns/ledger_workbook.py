"""The company-wide hidden-risk ledger as a workbook: every entry with a filter, subtotals on their own sheet."""

from __future__ import annotations

import datetime as dt
import io

from ..xlsxlayout import a4_landscape, new_workbook, properties, row_height
from .workbook import FONT, LEVEL_FILL

# (header, row key, width, kind)
LEDGER_COLUMNS = (
    ("序号", "no", 6, "int"), ("编号", "id", 13, "text"), ("单位", "unit", 14, "text"),
    ("问题描述", "description", 40, "wrap"), ("问题类别", "category", 14, "text"),
    ("涉及人数", "people", 8, "int"), ("风险等级", "level", 8, "text"), ("包案领导", "leader", 10, "text"),
    ("责任人", "owner", 10, "text"), ("化解措施", "measures", 36, "wrap"), ("化解时限", "deadline", 12, "date"),
    ("挂号日期", "registered", 12, "date"), ("状态", "status", 8, "text"), ("销号日期", "closed", 12, "date"),
    ("进展情况", "progress", 40, "wrap"),
)
TALLY_COLUMNS = (("红", "red"), ("黄", "yellow"), ("绿", "green"), ("合计", "count"), ("涉及人数", "people"),
                 ("在办", "open"), ("超期", "overdue"), ("已销号", "closed"))


def render(context: dict, title: str, author: str) -> bytes:
    buffer = io.BytesIO()
    book = new_workbook(buffer, rows_in_order=True)
    book.set_properties(properties(title, author, context["enterprise"]["name"],
                               dt.date.fromisoformat(context["today"])))
    base = {"font_name": FONT, "font_size": 10, "border": 1, "valign": "top"}
    formats = {
        "title": book.add_format({"font_name": "黑体", "font_size": 16, "align": "center"}),
        "header": book.add_format({**base, "bold": True, "align": "center", "valign": "vcenter",
                                   "text_wrap": True, "bg_color": "#D9E1F2"}),
        "text": book.add_format(base), "wrap": book.add_format({**base, "text_wrap": True}),
        "int": book.add_format({**base, "align": "center"}),
        "date": book.add_format({**base, "num_format": "yyyy-mm-dd", "align": "center"}),
        "total": book.add_format({**base, "bold": True, "align": "center"}),
    }
    _entries(book, formats, context)
    _subtotals(book, formats, context)
    book.close()
    return buffer.getvalue()


def _entries(book, formats: dict, context: dict) -> None:
    sheet = book.add_worksheet("台账")
    last = len(LEDGER_COLUMNS) - 1
    sheet.merge_range(0, 0, 0, last, f"{context['enterprise']['name']}{context['form']}（{context['period']}）",
                      formats["title"])
    for col, (header, _key, width, _kind) in enumerate(LEDGER_COLUMNS):
        sheet.set_column(col, col, width)
        sheet.write_string(1, col, header, formats["header"])
    for row, entry in enumerate(context["rows"], 2):
        sheet.set_row(row, row_height([(str(entry[key]), width) for _h, key, width, kind in LEDGER_COLUMNS
                                       if kind == "wrap" and entry[key]]))
        for col, (_header, key, _width, kind) in enumerate(LEDGER_COLUMNS):
            value = entry[key]
            if value in ("", None):
                sheet.write_blank(row, col, None, formats["text"])
            elif kind == "date":
                sheet.write_datetime(row, col, dt.datetime.fromisoformat(value), formats["date"])
            elif kind == "int":
                sheet.write_number(row, col, value, formats["int"])
            else:
                sheet.write_string(row, col, str(value), formats[kind])
    end = 1 + len(context["rows"])
    level = [h for h, *_ in LEDGER_COLUMNS].index("风险等级")
    for value, colour in LEVEL_FILL.items():
        sheet.conditional_format(2, level, max(end, 2), level, {
            "type": "cell", "criteria": "==", "value": f'"{value}"', "format": book.add_format({"bg_color": colour})})
    status = [h for h, *_ in LEDGER_COLUMNS].index("状态")
    sheet.conditional_format(2, status, max(end, 2), status, {
        "type": "cell", "criteria": "==", "value": '"超期"',
        "format": book.add_format({"bg_color": "#FFC7CE", "font_color": "#9C0006"})})
    sheet.autofilter(1, 0, end, last)
    sheet.freeze_panes(2, 3)
    a4_landscape(sheet, f"{context['enterprise']['short_name']}{context['form']}", repeat=(0, 1))


def _subtotals(book, formats: dict, context: dict) -> None:
    sheet = book.add_worksheet("小计")
    sheet.set_column(0, 0, 22)
    sheet.set_column(1, len(TALLY_COLUMNS), 9)
    row = 0
    for heading, first, groups in (("按单位小计（各单位本级隐患）", "单位", context["by_unit"]),
                                   ("按风险等级小计", "风险等级", context["by_level"])):
        sheet.write_string(row, 0, heading, formats["title"])
        row += 1
        sheet.write_string(row, 0, first, formats["header"])
        for col, (header, _key) in enumerate(TALLY_COLUMNS, 1):
            sheet.write_string(row, col, header, formats["header"])
        row += 1
        for group in groups:
            sheet.write_string(row, 0, group.get("unit") or group.get("level"), formats["text"])
            for col, (_header, key) in enumerate(TALLY_COLUMNS, 1):
                sheet.write_number(row, col, group[key], formats["int"])
            row += 1
        sheet.write_string(row, 0, "合计", formats["total"])
        for col, (_header, key) in enumerate(TALLY_COLUMNS, 1):
            sheet.write_number(row, col, context["total"][key], formats["total"])
        row += 2
    a4_landscape(sheet, f"{context['enterprise']['short_name']}{context['form']}小计")
