"""The text dump of a DOCX: what a reader sees, in order, whatever Word wrapped it in."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile

import pytest

from conftest import REPO
from xinfang.docx import textdump

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
MC = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'


def docx(body: str, footer: str = "") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", f"<w:document {W} {MC}><w:body>{body}<w:sectPr/></w:body></w:document>")
        if footer:
            archive.writestr("word/footer1.xml", f"<w:ftr {W}>{footer}</w:ftr>")
    return buffer.getvalue()


def p(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def tc(inner: str, span: int = 1) -> str:
    props = f'<w:tcPr><w:gridSpan w:val="{span}"/></w:tcPr>' if span > 1 else ""
    return f"<w:tc>{props}{inner}</w:tc>"


def tr(*cells: str, header: bool = False) -> str:
    props = '<w:trPr><w:tblHeader w:val="true"/></w:trPr>' if header else ""
    return f"<w:tr>{props}{''.join(cells)}</w:tr>"


def test_paragraphs_tables_controls_and_footers_in_reading_order():
    nested = f"<w:tbl>{tr(tc(p('甲')), tc(p('乙')))}</w:tbl>"
    body = (p("标题")
            + f"<w:sdt><w:sdtContent>{p('控件里的段落')}</w:sdtContent></w:sdt>"
            + "<w:p><w:r><w:t>电话</w:t><w:tab/><w:t>0373</w:t><w:delText>删去的字</w:delText></w:r></w:p>"
            + "<w:tbl><w:tblPr/>"
            + tr(tc(p("姓名")), tc(p("说明"), span=2), header=True)
            + tr(tc(p("赵国强")), tc(p("第一段") + p("第二段"), span=2))
            + f"<w:sdt><w:sdtContent>{tr(tc(p('控件行')), tc(nested))}</w:sdtContent></w:sdt>"
            + "</w:tbl>"
            + p(""))
    dump = textdump.dump(docx(body, footer=p("北辰能源") + p("- 1 -")))
    table = dump.blocks[3]
    assert dump.blocks[:3] == ["标题", "控件里的段落", "电话 0373"]
    assert [(row.cells, row.columns, row.header) for row in table.rows] == [
        (["姓名", "说明"], [0, 1], True),
        (["赵国强", "第一段 / 第二段"], [0, 1], False),
        (["控件行", "甲 | 乙"], [0, 1], False)]
    assert len(dump.blocks) == 4
    assert dump.margins == ["〔页脚〕北辰能源"]


def test_a_fallback_copy_of_a_drawing_is_not_read_twice():
    drawing = ("<w:p><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:t>图中文字</w:t></mc:Choice>"
               "<mc:Fallback><w:t>图中文字</w:t></mc:Fallback></mc:AlternateContent></w:r></w:p>")
    in_table = f"<w:tbl>{tr(tc(drawing))}</w:tbl>"
    assert textdump.dump(docx(drawing + in_table)).lines() == ["图中文字", "图中文字"]
    # Whole paragraphs and rows in a fallback are not read either.
    body = f"<mc:AlternateContent><mc:Choice Requires=\"w14\">{p('正文')}</mc:Choice><mc:Fallback>{p('副本')}</mc:Fallback></mc:AlternateContent>"
    rows = (f"<w:tbl>{tr(tc(p('行')))}<mc:AlternateContent><mc:Choice Requires=\"w14\">{tr(tc(p('新行')))}</mc:Choice>"
            f"<mc:Fallback>{tr(tc(p('旧行')))}</mc:Fallback></mc:AlternateContent></w:tbl>")
    assert textdump.dump(docx(body + rows)).lines() == ["正文", "行", "新行"]


def test_a_table_inside_a_text_box_belongs_to_its_paragraph():
    box = (f"<w:p><w:r><w:t>前</w:t></w:r><w:r><w:txbxContent><w:tbl>{tr(tc(p('框内')))}</w:tbl>"
           "</w:txbxContent></w:r></w:p>")
    assert textdump.dump(docx(box + p("后"))).blocks == ["前框内", "后"]


@pytest.mark.slow
def test_a_long_table_is_read_row_by_row_not_as_one_tree(tmp_path):
    """A national group's ledger has 200,000 rows (a 600 MB part): read whole, its tree took 8 GB."""
    styled = ('<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:rFonts w:ascii="仿宋_GB2312" '
              'w:eastAsia="仿宋_GB2312"/><w:sz w:val="21"/></w:rPr><w:t>{}</w:t></w:r></w:p>')
    rows = "".join(tr(tc(styled.format(f"yk-2026-{n:06d}")), tc(styled.format("职工反映工资待遇问题" * 3)))
                   for n in range(100_000))
    path = tmp_path / "long.docx"
    path.write_bytes(docx(f"<w:tbl>{rows}</w:tbl>"))
    # VmHWM: this process's own peak (ru_maxrss would count the test process it was forked from).
    script = ("import re, sys; from xinfang.docx import textdump; "
              "rows = textdump.dump(sys.argv[1]).blocks[0].rows; "
              "peak = re.search(r'VmHWM:\\s*(\\d+)', open('/proc/self/status').read()).group(1); "
              "print(len(rows), int(peak) // 1024)")
    done = subprocess.run([sys.executable, "-c", script, str(path)], cwd=REPO, capture_output=True, text=True,
                          check=True)
    count, peak_mib = map(int, done.stdout.split())
    assert count == 100_000
    part_mib = len(zipfile.ZipFile(path).read("word/document.xml")) // 2**20
    assert part_mib > 40 and peak_mib < part_mib + 150, (part_mib, peak_mib)
