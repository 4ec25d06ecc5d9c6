"""Filled returns for the benchmark: every unit's workbook with a progress note and a new entry, as a unit fills it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl

from xinfang.returns.columns import COLUMNS, ENTRY_SHEET, FIRST_ROW

COL = {c.header: i + 1 for i, c in enumerate(COLUMNS)}


def fill_all(build_dir: Path, target: Path) -> int:
    """Fill every return workbook under build_dir/报送表 into `target`; return how many."""
    target.mkdir(parents=True, exist_ok=True)
    count = 0
    for number, source in enumerate(sorted((build_dir / "报送表").rglob("*.xlsx"))):
        book = openpyxl.load_workbook(source)
        sheet = book[ENTRY_SHEET]
        rows = sum(1 for r in range(FIRST_ROW, sheet.max_row + 1) if sheet.cell(r, 1).value)
        owner = [sheet.cell(r, COL["责任人"]).value for r in range(FIRST_ROW, FIRST_ROW + rows)]
        people = [v for v in owner if v]
        if rows:
            sheet.cell(FIRST_ROW, COL["新进展日期"]).value = dt.datetime(2026, 11, 19)
            sheet.cell(FIRST_ROW, COL["新进展内容"]).value = f"第{number}号回报：已约谈当事职工，情绪稳定。"
        if people:
            new = FIRST_ROW + rows
            for header, value in {"问题描述": f"回报新增问题{number}：班组职工反映夜班补贴发放滞后。",
                                  "问题类别": "工资待遇", "涉及人数": 6, "风险等级": "绿", "责任人": people[0],
                                  "化解措施": "核对考勤，补发夜班补贴。", "化解时限": dt.datetime(2026, 12, 20),
                                  "挂号日期": dt.datetime(2026, 11, 18)}.items():
                sheet.cell(new, COL[header]).value = value
        book.save(target / source.name)
        count += 1
    return count
