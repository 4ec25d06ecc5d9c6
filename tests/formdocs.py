"""Helpers for the form tests: open or render a DOCX, read its text, tables, shading, headers and parts."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn

from xinfang.render import renderer_for

ROOT_LABEL = "北辰能源"


def open_docx(source):
    """A python-docx Document from a path or from rendered bytes."""
    return Document(io.BytesIO(source) if isinstance(source, bytes) else str(source))


def render(data, job):
    """Render one job with the build's renderer and open the result."""
    return open_docx(renderer_for(data).render(job))


def tables(doc) -> list:
    return list(doc.tables)


def rows(table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def table_rows(doc) -> list[list[list[str]]]:
    """Every table as rows of cell texts."""
    return [rows(t) for t in doc.tables]


def find_table(doc, first_header: str, *more: str) -> list[list[list[str]]]:
    """The tables whose header row starts with the given column titles, in document order."""
    wanted = [first_header, *more]
    return [found for found in table_rows(doc) if found and found[0][:len(wanted)] == wanted]


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


def all_text(doc) -> str:
    """Body paragraphs, then every table row as cells joined by " | "."""
    parts = [p.text for p in doc.paragraphs]
    for found in table_rows(doc):
        parts += [" | ".join(cells) for cells in found]
    return "\n".join(parts)


def xml_parts(data: bytes) -> dict[str, str]:
    """Every XML part of a DOCX, decoded."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {n: archive.read(n).decode("utf-8") for n in archive.namelist() if n.endswith((".xml", ".rels"))}


def out(built: Path, top: str, *parts: str) -> Path:
    return built.joinpath(top, *parts)
