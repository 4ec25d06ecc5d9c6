"""The DOCX engine streams long parts into the zip: the same bytes as rendering them at once;
the templates it renders carry only the parts and styles the forms use."""

from __future__ import annotations

import datetime as dt
import io
import random
import re
import zipfile
import zlib

import pytest
from docx import Document

from xinfang.docx import zipwriter
from xinfang.docx.engine import STREAM_FRAGMENTS, DocxTemplate
from xinfang.errors import TemplateError
from xinfang.render import TEMPLATE_DIR

DAY = dt.date(2026, 11, 30)


def test_a_member_compressed_in_chunks_is_the_member_compressed_whole():
    rng = random.Random(9704)
    content = "".join(rng.choice("信访隐患台账0123456789<w:t>") for _ in range(300_000)).encode("utf-8")
    whole = zipwriter.compress("word/document.xml", content)
    for _ in range(5):
        cuts = sorted(rng.sample(range(1, len(content)), 40))
        chunks = [content[a:b] for a, b in zip([0] + cuts, cuts + [len(content)])]
        assert zipwriter.compress_chunks("word/document.xml", chunks) == whole
    assert zlib.decompress(whole.data, -15) == content


@pytest.fixture()
def long_template(tmp_path):
    """A template whose one loop gives many more Jinja fragments than one streamed chunk holds."""
    doc = Document()
    doc.add_paragraph("{{ title }}")
    doc.add_paragraph("{% for row in rows %}{{ row.no }}、{{ row.text }}；{% endfor %}")
    path = tmp_path / "long.docx"
    doc.save(str(path))
    return DocxTemplate(path)


def test_a_long_part_streamed_into_the_zip_is_the_part_rendered_at_once(long_template):
    rows = [{"no": n, "text": f"隐患{n}：职工反映工资<拖欠>&补发"} for n in range(1, 5001)]
    context = {"title": "合成集团信访隐患排查台账", "rows": rows}
    part = long_template.compiled["word/document.xml"]
    assert len(list(part.generate(context))) > 2 * STREAM_FRAGMENTS  # streamed in several chunks
    at_once = part.render(context).encode("utf-8")

    document = long_template.render(context, "台账", "信访办", DAY)
    with zipfile.ZipFile(io.BytesIO(document)) as archive:
        assert archive.testzip() is None
        assert archive.read("word/document.xml") == at_once
    text = "\n".join(p.text for p in Document(io.BytesIO(document)).paragraphs)
    assert "5000、隐患5000：职工反映工资<拖欠>&补发；" in text
    assert long_template.render_parts(context)["word/document.xml"] == at_once


def test_missing_data_in_a_streamed_part_names_the_template(long_template):
    with pytest.raises(TemplateError, match=r"模板 long\.docx 引用了不存在的数据：.*'text'"):
        long_template.render({"title": "台账", "rows": [{"no": 1}]}, "台账", "信访办", DAY)


def test_documents_carry_no_part_of_python_docx_default_package_that_no_form_uses(built):
    """Word 2010's copy of the styles and the thumbnail were a third of every blank's bytes."""
    documents = sorted(built.rglob("*.docx"))
    assert len(documents) > 300
    for path in documents:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            assert not names & {"word/stylesWithEffects.xml", "docProps/thumbnail.jpeg"}, path
            # nothing left pointing at them, which Word would report as a damaged file
            relationships = archive.read("word/_rels/document.xml.rels") + archive.read("_rels/.rels")
            assert b"stylesWithEffects" not in relationships and b"thumbnail" not in relationships, path
            assert b"stylesWithEffects" not in archive.read("[Content_Types].xml"), path


def test_every_template_defines_the_styles_it_uses_and_few_others():
    """python-docx's default package defines 177 styles; a template keeps those its parts name,
    what they build on and the defaults. A style named but not defined would fall back to Normal."""
    templates = sorted(TEMPLATE_DIR.glob("*.docx"))
    assert len(templates) >= 20
    for path in templates:
        with zipfile.ZipFile(path) as archive:
            styles = archive.read("word/styles.xml").decode("utf-8")
            parts = "".join(archive.read(name).decode("utf-8") for name in archive.namelist()
                            if name.endswith(".xml") and name != "word/styles.xml")
        defined = set(re.findall(r'<w:style [^>]*w:styleId="([^"]+)"', styles))
        named = set(re.findall(r'<w:(?:pStyle|rStyle|tblStyle|basedOn|next|link) w:val="([^"]+)"', parts + styles))
        assert named <= defined, (path.name, named - defined)
        assert len(defined) < 40, (path.name, len(defined))
