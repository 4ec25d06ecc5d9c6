"""Lay out a unit's return workbook (XLSX) from its context, with XlsxWriter.

Sheets: 隐患报送 (open entries pre-filled, empty rows for new ones, drop-downs,
date and number validation with Chinese prompts, colours by level and for
overdue entries, locked ID column, A4 landscape print set-up), 填写说明, and two
hidden sheets: 选项 (the lists the drop-downs use) and 报送信息 (unit, data
date, format version and each pre-filled entry as issued, for the import).
"""

from __future__ import annotations

import datetime as dt
import io

from ..xlsxlayout import a4_landscape, new_workbook, properties, row_height
from .columns import (CAMPAIGN, CHOICE, COLUMNS, DATE, ENTRY_SHEET, FIRST_ROW, FORM_NAME, GUIDE_SHEET,
                      HEADER_ROW, HISTORY, INT, LISTS_SHEET, META_SHEET, NEW_ROWS, PERSON, VALIDATED_ROWS,
                      column_letter, letter)
from .values import canonical_json, digest

LEVEL_FILL = {"红": "#FF9999", "黄": "#FFE699", "绿": "#C6EFCE"}
ALERT_FILL = "#FFC7CE"
LOCKED_FILL = "#F2F2F2"
FONT = "宋体"
META_KEYS = ("表格", "格式版本", "单位编号", "单位名称", "数据日期", "报送期")
ENTRY_META_HEADER = ("编号", "摘要", "下发时内容")


def render(context: dict, title: str, author: str) -> bytes:
    buffer = io.BytesIO()
    book = new_workbook(buffer)
    book.set_properties(properties(title, author, context["enterprise"]["name"],
                               dt.date.fromisoformat(context["data_date"])))
    book.set_calc_mode("auto")
    styles = _Styles(book)
    # Sheet order is tab order: the unit sees the entries first, the hidden sheets last.
    entries, guide = book.add_worksheet(ENTRY_SHEET), book.add_worksheet(GUIDE_SHEET)
    lists = _lists_sheet(book, context)
    _entry_sheet(book, entries, styles, context, lists)
    _guide_sheet(guide, styles, context)
    _meta_sheet(book, context)
    entries.activate()
    book.close()
    return buffer.getvalue()


class _Styles:
    def __init__(self, book):
        base = {"font_name": FONT, "font_size": 10, "border": 1, "valign": "vcenter"}
        self.title = book.add_format({"font_name": "黑体", "font_size": 16, "align": "center", "valign": "vcenter"})
        self.note = book.add_format({"font_name": FONT, "font_size": 10, "valign": "vcenter"})
        self.header = book.add_format({**base, "bold": True, "align": "center", "text_wrap": True,
                                       "bg_color": "#D9E1F2", "locked": True})
        self.guide = book.add_format({"font_name": FONT, "font_size": 11, "text_wrap": True, "valign": "top"})
        self.guide_head = book.add_format({"font_name": "黑体", "font_size": 14})
        self.cells: dict[tuple, object] = {}
        self._book, self._base = book, base

    def cell(self, column, locked: bool):
        """The format of a data cell of `column`; locked cells are shaded so a unit sees what is fixed."""
        key = (column.header, locked)
        if key not in self.cells:
            spec = {**self._base, "locked": locked, "text_wrap": column.wrap}
            if column.kind == DATE:
                spec["num_format"] = "yyyy-mm-dd"
                spec["align"] = "center"
            elif column.kind in (INT, CHOICE):
                spec["align"] = "center"
            if locked:
                spec["bg_color"] = LOCKED_FILL
            self.cells[key] = self._book.add_format(spec)
        return self.cells[key]


def _lists_sheet(book, context: dict) -> dict[str, str]:
    """The hidden sheet of drop-down values; returns each list's defined name."""
    sheet = book.add_worksheet(LISTS_SHEET)
    columns = [*context["choices"].items(), ("人员", context["people"]), ("专项排查", context["campaigns"])]
    names = {}
    for index, (header, values) in enumerate(columns):
        sheet.write_string(0, index, header)
        for row, value in enumerate(values, 1):
            sheet.write_string(row, index, value)
        if values:
            name = f"列表_{header}"
            col = letter(index)
            book.define_name(name, f"='{LISTS_SHEET}'!${col}$2:${col}${len(values) + 1}")
            names[header] = name
    sheet.hide()
    return names


def _entry_sheet(book, sheet, styles: _Styles, context: dict, lists: dict[str, str]) -> None:
    last_col = len(COLUMNS) - 1
    unit, period = context["unit"], context["period"]
    sheet.merge_range(0, 0, 0, last_col, f"{unit['label']}{FORM_NAME}（{period}）", styles.title)
    sheet.merge_range(1, 0, 1, last_col,
                      f"填报单位：{unit['name']}    数据日期：{context['data_date']}    "
                      f"灰色单元格为已登记内容，不能修改；新增隐患从空白行填起，编号留空。", styles.note)
    sheet.set_row(0, 28)
    header_index = HEADER_ROW - 1
    sheet.set_row(header_index, 30)
    for index, column in enumerate(COLUMNS):
        # Empty rows below the entries stay open for new entries, as far as validations reach.
        sheet.set_column(index, index, column.width, styles.cell(column, locked=column.kind == "id"))
        sheet.write_string(header_index, index, column.header, styles.header)
    row = FIRST_ROW - 1
    for entry in context["entries"]:
        _entry_row(sheet, styles, row, entry)
        row += 1
    # The rows below carry their columns' formats (borders, unlocked, dates); a printed
    # return offers NEW_ROWS of them to fill by hand.
    sheet.print_area(0, 0, row + NEW_ROWS - 1, last_col)
    last_row = FIRST_ROW - 2 + VALIDATED_ROWS  # 0-based index of the last validated row
    _validations(sheet, context, lists, last_row)
    _conditional_formats(book, sheet, context, last_row)
    sheet.freeze_panes(HEADER_ROW, 2)
    sheet.autofilter(header_index, 0, header_index + len(context["entries"]) + NEW_ROWS, last_col)
    a4_landscape(sheet, f"{unit['label']}{FORM_NAME}", repeat=(0, header_index))
    sheet.protect("", {"insert_rows": True, "format_columns": True, "format_rows": True, "sort": True,
                       "autofilter": True, "select_locked_cells": True, "select_unlocked_cells": True})


def _entry_row(sheet, styles: _Styles, row: int, entry: dict) -> None:
    shown = entry["shown"]
    wrapped = []
    for index, column in enumerate(COLUMNS):
        locked = not column.editable
        style = styles.cell(column, locked)
        if column.kind == "id":
            value = entry["id"]
        elif column.kind == HISTORY:
            value = entry["history"]
        else:
            value = shown.get(column.key) if column.key else None
        if column.wrap and value:
            wrapped.append((str(value), column.width))
        if value is None or value == "":
            sheet.write_blank(row, index, None, style)
        elif column.kind == DATE:
            sheet.write_datetime(row, index, dt.datetime.fromisoformat(value), style)
        elif column.kind == INT:
            sheet.write_number(row, index, value, style)
        else:
            sheet.write_string(row, index, str(value), style)
    sheet.set_row(row, row_height(wrapped))


def _validations(sheet, context: dict, lists: dict[str, str], last_row: int) -> None:
    first = FIRST_ROW - 1
    for index, column in enumerate(COLUMNS):
        rule = {"input_title": column.header[:32], "input_message": column.prompt[:255],
                "error_title": f"{column.header}填写有误"[:32]}
        source = {CHOICE: column.header, PERSON: "人员", CAMPAIGN: "专项排查"}.get(column.kind)
        if source:
            if source not in lists:
                continue
            rule.update(validate="list", source=f"={lists[source]}",
                        error_message=f"请从下拉列表中选择{column.header}。")
        elif column.kind == DATE:
            rule.update(validate="date", criteria="between", minimum=dt.date(2000, 1, 1),
                        maximum=dt.date(2099, 12, 31),
                        error_message="请填写日期，如 2026-11-22（年-月-日）。")
        elif column.kind == INT:
            rule.update(validate="integer", criteria=">=", value=0,
                        error_message="请填写不小于 0 的整数。")
        else:
            continue
        sheet.data_validation(first, index, last_row, index, rule)


def _conditional_formats(book, sheet, context: dict, last_row: int) -> None:
    first = FIRST_ROW - 1
    level = column_letter("风险等级")
    for value, colour in LEVEL_FILL.items():
        sheet.conditional_format(f"{level}{FIRST_ROW}:{level}{last_row + 1}", {
            "type": "cell", "criteria": "==", "value": f'"{value}"',
            "format": book.add_format({"bg_color": colour})})
    deadline, state = column_letter("化解时限"), column_letter("状态")
    today = dt.date.fromisoformat(context["data_date"])
    sheet.conditional_format(first, 0, last_row, len(COLUMNS) - 1, {
        "type": "formula",
        "criteria": (f'=AND(${deadline}{FIRST_ROW}<>"",${deadline}{FIRST_ROW}'
                     f'<DATE({today.year},{today.month},{today.day}),${state}{FIRST_ROW}<>"已销号")'),
        "format": book.add_format({"font_color": "#9C0006", "bold": True})})


GUIDE = """一、本表用途
本表是{unit}每月向{office}报送信访隐患排查情况的表格。请在每月自查后按时报送；红色隐患有进展的，随时更新报送。

二、已登记的隐患（灰色为不能修改的内容）
1. 每条在办隐患占一行，编号、问题描述、问题类别、挂号日期、排查方式、专项排查、已有进展已锁定。
2. 有新进展的：在“新进展日期”“新进展内容”中写本次的进展，每次报送写一条。
3. 已化解的：将“状态”改为“已销号”，并填写“销号日期”。
4. 涉及人数、风险等级、包案领导、责任人、化解措施、化解时限有变化的，直接改写该单元格。

三、新增隐患
1. 从表格下方的空白行依次填写，“编号”留空，由{office}导入时统一编号。
2. 问题描述、问题类别、涉及人数、风险等级、责任人、化解措施、化解时限、挂号日期必须填写。
3. 风险等级为“红”的，必须选择包案领导。
4. 空白行不够时，可在表格中插入行继续填写。

四、填写规则
1. 风险等级：红（可能引发集体访或越级访）、黄（有一定风险）、绿（一般）。
2. 问题类别、风险等级、状态、排查方式、专项排查以及包案领导、责任人，请从单元格的下拉列表中选择。
3. 日期写作 2026-11-22，也可写 2026/11/22 或 2026年11月22日。
4. 涉及人数填整数。
5. 不要修改表头，不要删除或改名工作表，不要在单元格中使用公式。

五、报送
填好后保存为 Excel 工作簿（.xlsx），文件名可以保留不变，{deadline}发送给{office}。
本表数据日期：{date}；报送期：{period}。"""


def _guide_sheet(sheet, styles: _Styles, context: dict) -> None:
    sheet.set_column(0, 0, 100)
    sheet.write_string(0, 0, f"{context['unit']['label']}{FORM_NAME}填写说明", styles.guide_head)
    text = GUIDE.format(unit=context["unit"]["name"], date=context["data_date"], period=context["period"],
                        deadline=context["deadline"], office=context["enterprise"]["office_full"])
    for row, line in enumerate(text.split("\n"), 2):
        sheet.write_string(row, 0, line, styles.guide)
    sheet.set_paper(9)
    sheet.protect("")


def _meta_sheet(book, context: dict) -> None:
    """What the import needs to know what this workbook was issued as."""
    sheet = book.add_worksheet(META_SHEET)
    values = (context["form"], context["version"], context["unit"]["id"], context["unit"]["name"],
              context["data_date"], context["period"])
    for row, (key, value) in enumerate(zip(META_KEYS, values)):
        sheet.write_string(row, 0, key)
        sheet.write_string(row, 1, str(value))
    start = len(META_KEYS) + 1
    for col, header in enumerate(ENTRY_META_HEADER):
        sheet.write_string(start, col, header)
    for row, entry in enumerate(context["entries"], start + 1):
        sheet.write_string(row, 0, entry["id"])
        sheet.write_string(row, 1, digest(entry["fields"]))
        sheet.write_string(row, 2, canonical_json(entry["fields"]))
    sheet.hide()
    sheet.protect("")
