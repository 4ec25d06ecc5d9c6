"""An XLSX as plain text in the DOCX dump's shape (xinfang.docx.textdump.Dump), so the
distribution list and the golden dumps treat workbooks like documents.

Visible sheets only, in tab order: each sheet's name as a line, its title rows
(a single filled cell) as lines, and from the first row of several cells on, a
table whose first row is its header. Hidden sheets (drop-down lists, the issue
record) are not what a reader sees and are left out.
"""

from __future__ import annotations

import datetime as dt
import io

from python_calamine import CalamineWorkbook, SheetVisibleEnum

from ..docx.textdump import Dump, Row, Table


def _cell(value) -> str:
    if isinstance(value, dt.datetime) and value.time() == dt.time(0):
        return value.date().isoformat()
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value).replace("\n", " / ")


def dump(source) -> Dump:
    """The text of a workbook given as bytes or as a path."""
    if isinstance(source, (bytes, bytearray)):
        book = CalamineWorkbook.from_filelike(io.BytesIO(source))
    else:
        book = CalamineWorkbook.from_path(str(source))
    found = Dump()
    for meta in book.sheets_metadata:
        if meta.visible != SheetVisibleEnum.Visible:
            continue
        found.blocks.append(f"〔工作表〕{meta.name}")
        table = None
        for values in book.get_sheet_by_name(meta.name).to_python(skip_empty_area=False):
            cells = [_cell(v) for v in values]
            while cells and not cells[-1]:
                cells.pop()
            filled = [c for c in cells if c]
            if not filled:
                continue
            if table is None and len(filled) == 1:
                found.blocks.append(filled[0])
                continue
            if table is None:
                table = Table()
                found.blocks.append(table)
            table.rows.append(Row(cells, list(range(len(cells))), header=not table.rows))
    return found


def text(source) -> str:
    return dump(source).text()
