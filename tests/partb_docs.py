"""Reading and rendering helpers for the narrative-form tests (reports, plans, schedules)."""

from __future__ import annotations

import io

from docx import Document

from xinfang.build import renderer_for


def open_docx(source):
    """A python-docx Document from a path or from rendered bytes."""
    return Document(io.BytesIO(source) if isinstance(source, bytes) else str(source))


def table_rows(doc) -> list[list[list[str]]]:
    """Every table as rows of cell texts."""
    return [[[cell.text for cell in row.cells] for row in t.rows] for t in doc.tables]


def all_text(doc) -> str:
    """Body paragraphs, then every table row as cells joined by " | "."""
    parts = [p.text for p in doc.paragraphs]
    for rows in table_rows(doc):
        parts += [" | ".join(cells) for cells in rows]
    return "\n".join(parts)


def render(data, job):
    """Render one job with the build's renderer and open the result."""
    return open_docx(renderer_for(data).render(job))


def find_table(doc, first_header: str, *more: str) -> list[list[list[str]]]:
    """The tables whose header row starts with the given column titles, in document order."""
    wanted = [first_header, *more]
    return [rows for rows in table_rows(doc) if rows and rows[0][:len(wanted)] == wanted]
