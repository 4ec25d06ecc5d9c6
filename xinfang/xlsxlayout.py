"""What every workbook the project writes shares (XlsxWriter): safe cell writing, dated properties,
rows tall enough for their wrapped text, and A4 landscape printing."""

from __future__ import annotations

import datetime as dt
import io

import xlsxwriter

LINE_POINTS = 13.5  # one line of 10-point 宋体
WIDE = 1.8  # a CJK character is about this many column-width units


def new_workbook(buffer: io.BytesIO, rows_in_order: bool = False) -> xlsxwriter.Workbook:
    """A workbook that stores text as text: never read as a number, formula or link.

    With `rows_in_order` each row is flushed to a temporary file once the next one is begun
    (XlsxWriter's constant_memory), so every sheet must be written top to bottom: for
    workbooks as long as the group (the company-wide ledger of a 20,000-unit group has
    200,000 rows and would otherwise take a gigabyte). Others are written in memory.
    """
    options = {"strings_to_numbers": False, "strings_to_formulas": False, "strings_to_urls": False}
    return xlsxwriter.Workbook(buffer, {**options, "constant_memory": True} if rows_in_order
                               else {**options, "in_memory": True})


def properties(title: str, author: str, company: str, day: dt.date) -> dict:
    """Document properties dated by the data: the same bytes for the same data, and the
    distribution list reads a workbook's date from them as from a DOCX."""
    return {"title": title, "author": author, "company": company,
            "created": dt.datetime(day.year, day.month, day.day)}


def text_lines(text: str, width: int) -> int:
    """How many lines `text` wraps to in a column `width` characters wide."""
    lines = 0
    for paragraph in text.split("\n"):
        units = sum(WIDE if ord(ch) > 0x2E7F else 1 for ch in paragraph)
        lines += max(1, -(-int(units) // max(1, width - 1)))
    return lines


def row_height(cells: list[tuple[str, int]]) -> float:
    """A row height (points) that shows each (text, column width) whole: spreadsheet
    programs do not grow rows written by a library."""
    return LINE_POINTS * max([1] + [text_lines(text, width) for text, width in cells]) + 2


def a4_landscape(sheet, footer: str = "", repeat: tuple[int, int] | None = None) -> None:
    """Print on A4 landscape, one page wide and as long as it takes, page numbers in the footer."""
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    sheet.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.6)
    sheet.fit_to_pages(1, 0)
    if repeat:
        sheet.repeat_rows(*repeat)
    sheet.set_footer(f"&C{footer + '  ' if footer else ''}第 &P 页，共 &N 页")
