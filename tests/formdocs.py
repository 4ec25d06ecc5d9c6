"""Helpers for the table-form tests: open a DOCX, read its tables, shading, headers and parts."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn

ROOT_LABEL = "北辰能源"


def open_docx(source):
    return Document(io.BytesIO(source) if isinstance(source, bytes) else str(source))


def tables(doc) -> list:
    return list(doc.tables)


def rows(table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def find(doc, *headers: str):
    """The first table whose header row starts with these column titles."""
    for t in doc.tables:
        if [c.text for c in t.rows[0].cells][:len(headers)] == list(headers):
            return t
    raise AssertionError(f"no table with headers {headers}")


def fill(cell) -> str | None:
    shd = cell._tc.tcPr.find(qn("w:shd")) if cell._tc.tcPr is not None else None
    return None if shd is None else shd.get(qn("w:fill"))


def header_repeats(table) -> bool:
    trpr = table.rows[0]._tr.trPr
    flag = None if trpr is None else trpr.find(qn("w:tblHeader"))
    return flag is not None and flag.get(qn("w:val"), "true") in ("true", "1", "on")


def body_text(doc) -> str:
    return "\n".join(p.text for p in doc.paragraphs)


def xml_parts(data: bytes) -> dict[str, str]:
    """Every XML part of a DOCX, decoded."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {n: archive.read(n).decode("utf-8") for n in archive.namelist() if n.endswith((".xml", ".rels"))}


def out(built: Path, top: str, *parts: str) -> Path:
    return built.joinpath(top, *parts)
