"""The XLSX writers by the name a job gives as its template."""

from __future__ import annotations

from . import ledger_workbook, workbook

WRITERS = {
    "return.xlsx": workbook.render,
    "ledger.xlsx": ledger_workbook.render,
}
