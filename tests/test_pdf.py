"""Every generated DOCX converts to PDF with LibreOffice, and its text is all there.

One soffice call converts every filled and blank document of the example build;
then each PDF's text (pdftotext) must hold every table cell and paragraph of its DOCX.
"""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from formdocs import open_docx

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOTEXT = shutil.which("pdftotext")
pytestmark = [pytest.mark.slow, pytest.mark.skipif(
    not (SOFFICE and PDFTOTEXT),
    reason="LibreOffice (soffice) and pdftotext are needed; .ci/run installs them")]
# Whitespace differs by layout; curly quotes and dashes may come from a fallback font drawn
# out of order, and pdftotext drops the hyphen of "yk-2026-" wrapped at a line end.
NOISE = re.compile(r"[\s“”‘’\"'\-‐–—−]+")


def normal(text: str) -> str:
    return NOISE.sub("", text)


@pytest.fixture(scope="session")
def converted(built, tmp_path_factory):
    """{relative DOCX path: (DOCX path, PDF text)} for every DOCX of the build."""
    work = tmp_path_factory.mktemp("pdf")
    docs = sorted(p for p in built.rglob("*.docx") if ".staging" not in p.parts)
    names = {}
    for i, path in enumerate(docs):  # flat, unique names: soffice writes by base name
        target = work / f"{i:04d}.docx"
        shutil.copyfile(path, target)
        names[target.with_suffix(".pdf")] = path
    convert(work, sorted(names))
    # soffice has been seen to stop early, exit status 0, on a long batch; finish the rest once.
    convert(work, sorted(p for p in names if not p.exists()))
    result = {}
    for pdf, source in names.items():
        assert pdf.exists(), f"LibreOffice did not convert {source.relative_to(built)}"
        text = subprocess.run([PDFTOTEXT, "-raw", "-enc", "UTF-8", str(pdf), "-"], check=True,
                              capture_output=True).stdout.decode("utf-8")
        result[source.relative_to(built).as_posix()] = (source, text)
    return result


def convert(work, pdfs) -> None:
    """One soffice call for all the documents, with a private profile (no clash with a desktop one)."""
    if not pdfs:
        return
    profile = work / "profile"
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(work), *(str(p.with_suffix(".docx")) for p in pdfs)],
                   check=True, capture_output=True, timeout=1200)


def values(doc) -> list[str]:
    """What must survive: every non-empty paragraph and table cell, headers included
    (a document whose first page has a header of its own shows the running header only
    from page 2, so a one-page PDF need not hold it)."""
    found = [p.text for p in doc.paragraphs]
    found += [c.text for t in doc.tables for row in t.rows for c in row.cells]
    section = doc.sections[0]
    first = section.first_page_header if section.different_first_page_header_footer else section.header
    found += [p.text for p in first.paragraphs]
    return [v for v in dict.fromkeys(found) if normal(v)]


def present(value: str, text: str) -> bool:
    """The value is in the text, or (split by a page break inside its table row) in order nearby."""
    if value in text:
        return True
    start = text.find(value[:6])
    while start >= 0:
        window, i = text[start:start + 3 * len(value) + 600], 0
        for char in window:
            if char == value[i]:
                i += 1
                if i == len(value):
                    return True
        start = text.find(value[:6], start + 1)
    return False


def test_every_document_converts(built, converted):
    expected = {p.relative_to(built).as_posix() for p in built.rglob("*.docx")}
    assert set(converted) == expected
    assert any(p.startswith("空白模板/") for p in expected) and any(p.startswith("文档/") for p in expected)


def test_every_value_of_every_document_is_in_its_pdf(converted):
    missing = []
    for rel, (path, text) in sorted(converted.items()):
        flat = normal(text)
        for value in values(open_docx(path)):
            if not present(normal(value), flat):
                missing.append(f"{rel}: {value[:60]!r}")
    assert not missing, "\n".join(missing[:30])


def test_the_ledger_pdf_has_its_key_values(example, converted):
    rel = "文档/北辰能源/北辰能源-信访隐患排查台账-2026年11月.docx"
    flat = normal(converted[rel][1])
    for risk in example.risks:
        assert present(normal(risk.id), flat), risk.id
    assert "信访隐患排查台账" in flat and "2026年11月20日" in flat
