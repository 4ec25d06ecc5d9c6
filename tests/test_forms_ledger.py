"""The hidden-risk ledger: per unit and company-wide, opened and checked cell by cell."""

from __future__ import annotations


import pytest
from docx.enum.section import WD_ORIENT
from docx.shared import Mm

from conftest import QuietReporter, copy_data
from formdocs import ROOT_LABEL, body_text, fill, find, header_repeats, open_docx, rows
from xinfang import loader
from xinfang.build import build_documents
from xinfang.forms import ledger
from xinfang.forms.declaration import declared_jobs

HEADERS = ["序号", "编号", "单位", "问题描述", "问题类别", "涉及人数", "风险等级", "包案领导", "责任人",
           "化解措施", "化解时限", "进展情况", "挂号日期", "状态", "销号日期"]
FILLS = {"红": "FF9999", "黄": "FFE699", "绿": "C6EFCE"}
ORDER = {"红": 0, "黄": 1, "绿": 2}


@pytest.fixture(scope="module")
def company(built):
    return open_docx(built / "文档" / ROOT_LABEL / f"{ROOT_LABEL}-信访隐患排查台账-2026年11月.docx")


@pytest.fixture(scope="module")
def company_rows(company):
    return rows(find(company, "序号", "编号"))[1:]


def test_company_ledger_lists_every_entry_sorted_by_level_then_deadline(example, company_rows):
    assert len(company_rows) == len(example.risks)
    assert sorted(r[1] for r in company_rows) == sorted(r.id for r in example.risks)
    keys = [(ORDER[r[6]], r[10], r[1]) for r in company_rows]
    assert keys == sorted(keys)
    assert [r[0] for r in company_rows] == [str(i) for i in range(1, len(company_rows) + 1)]


def test_header_row_columns_and_repeat_flag(company):
    table = find(company, "序号", "编号")
    assert rows(table)[0] == HEADERS
    assert header_repeats(table)


def test_cells_show_each_entry_exactly(example, company_rows):
    by_id = {r[1]: r for r in company_rows}
    for risk in example.risks:
        row = by_id[risk.id]
        people = example.people
        assert row[2] == example.units[risk.unit].label
        assert row[3] == risk.description
        assert row[4] == risk.category
        assert row[5] == str(risk.people_count)
        assert row[7] == (people[risk.leader].name if risk.leader else "")
        assert row[8] == people[risk.owner].name
        assert row[9] == risk.measures
        assert row[10] == risk.deadline.isoformat()
        assert row[12] == risk.registered.isoformat()
        assert row[14] == (risk.closed.isoformat() if risk.closed else "")
        # Dated progress lines, oldest first and newest last.
        lines = row[11].split("\n") if row[11] else []
        assert lines == [f"{p.date.isoformat()} {p.note}" for p in sorted(risk.progress, key=lambda p: p.date)]


def test_status_is_overdue_for_an_open_entry_past_its_deadline(example, company_rows):
    status = {r[1]: r[13] for r in company_rows}
    overdue = [r for r in example.risks if r.state == "在办" and r.deadline < example.today]
    closed = [r for r in example.risks if r.state == "已销号"]
    assert overdue and closed, "the example should hold overdue and closed entries"
    for risk in overdue:
        assert status[risk.id] == "超期"
    for risk in closed:
        assert status[risk.id] == "已销号"
    for risk in example.risks:
        if risk.state == "在办" and risk.deadline >= example.today:
            assert status[risk.id] == "在办"


def test_risk_level_cells_are_shaded(company):
    table = find(company, "序号", "编号")
    for row in table.rows[1:]:
        level = row.cells[6].text
        assert fill(row.cells[6]) == FILLS[level]
        assert fill(row.cells[13]) == ("FFC7CE" if row.cells[13].text == "超期" else "auto")


def test_title_block(example, company):
    text = body_text(company) + "\n".join(c.text for t in company.tables[:1] for c in t.rows[0].cells)
    root = example.root
    assert "信访隐患排查台账" in text and "2026年11月全公司汇总" in text
    for value in (root.name, "2026年11月", example.people[root.liaison].name,
                  example.people[root.leader].name, "2026年11月20日"):
        assert value in text
    header = company.sections[0].header.paragraphs[0].text
    assert example.enterprise.name in header and "信访隐患排查台账" in header


def test_subtotals_by_level_and_by_unit(example, company):
    by_level = rows(find(company, "风险等级", "合计"))
    for level, row in zip(("红", "黄", "绿"), by_level[1:4]):
        risks = [r for r in example.risks if r.level == level]
        assert row[0] == level
        assert row[1] == str(len(risks))
        assert row[5] == str(sum(r.people_count for r in risks))
        assert row[7] == str(sum(r.status(example.today) == "超期" for r in risks))
    assert by_level[4][:2] == ["合计", str(len(example.risks))]

    by_unit = rows(find(company, "单位", "合计"))
    units = {row[0]: row for row in by_unit[1:-1]}
    for child in example.root.children:
        under = example.risks_under(child)
        if under:
            assert units[child.label][1] == str(len(under))
            assert units[child.label][2] == str(sum(r.level == "红" for r in under))
    assert sum(int(r[1]) for r in by_unit[1:-1]) == len(example.risks)
    assert by_unit[-1][:2] == ["合计", str(len(example.risks))]


def test_unit_ledger_holds_its_own_and_lower_units_entries_only(example, built):
    unit = next(u for u in example.units.values() if u.kind == "二级单位" and u.children
                and any(example.risks_under(c) for c in u.children))
    path = built / "文档" / ROOT_LABEL / unit.label / f"{unit.label}-信访隐患排查台账-2026年11月.docx"
    doc = open_docx(path)
    ids = [r[1] for r in rows(find(doc, "序号", "编号"))[1:]]
    assert sorted(ids) == sorted(r.id for r in example.risks_under(unit))
    assert any(example.units[r.unit].parent == unit.id for r in example.risks_under(unit))
    assert f"填报单位：{unit.name}" in "".join(c.text for c in doc.tables[0].rows[0].cells)


def test_which_units_get_a_ledger(example):
    jobs = declared_jobs(ledger.DECLARATION, example, blank=False)
    units = {job.path.rsplit("/", 1)[1].split("-")[0] for job in jobs}
    for unit in example.units.values():
        expected = unit.kind in ("企业", "二级单位", "基层单位") or (
            unit.kind == "职能部门" and example.risks_under(unit))
        assert (unit.label in units) == bool(expected), unit.label


def test_landscape_page_and_fonts(example, company):
    section = company.sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert abs(section.page_width - Mm(297)) < Mm(0.1) and abs(section.page_height - Mm(210)) < Mm(0.1)
    assert abs(section.left_margin - Mm(15)) < Mm(0.1) and abs(section.top_margin - Mm(20)) < Mm(0.1)
    styles = company.styles.element.xml
    body = example.enterprise.documents.fonts.body
    normal = company.styles["Normal"].element.rPr.rFonts
    assert normal.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia") == body
    assert f'w:eastAsia="{body}"' in styles


HOSTILE = "甲&乙<丙>丁\"戊'己 🚩😀 A&amp;B <w:t>\n第二行" + "很长的文字" * 800


def test_hostile_text_comes_out_exactly(tmp_path, example):
    data_dir = copy_data(tmp_path)
    unit = next(u for u in example.units.values() if u.kind == "职能部门" and not example.risks_under(u))
    owner = example.root.leader
    indented = "\n".join("      " + line for line in HOSTILE.split("\n"))
    (data_dir / "risks" / f"{unit.id}.yaml").write_text(
        f"单位: {unit.id}\n隐患:\n  - 编号: zz-2026-999\n    问题描述: |-\n{indented}\n"
        f"    问题类别: 其他\n    涉及人数: 3\n    风险等级: 红\n    包案领导: {owner}\n    责任人: {owner}\n"
        f"    化解措施: \"A & B < C > D 'x' \\\"y\\\"\"\n    化解时限: 2026-12-31\n    挂号日期: 2026-11-01\n",
        encoding="utf-8")
    data = loader.load(data_dir)
    out = tmp_path / "build"
    build_documents(data, ["forms"], out, QuietReporter())
    for path in (out / "文档" / ROOT_LABEL / unit.label / f"{unit.label}-信访隐患排查台账-2026年11月.docx",
                 out / "文档" / ROOT_LABEL / f"{ROOT_LABEL}-信访隐患排查台账-2026年11月.docx"):
        row = next(r for r in rows(find(open_docx(path), "序号", "编号"))[1:] if r[1] == "zz-2026-999")
        assert row[3] == HOSTILE
        assert row[9] == "A & B < C > D 'x' \"y\""


def test_same_data_same_bytes(tmp_path, example, built):
    again = tmp_path / "again"
    build_documents(example, ["forms", "blanks"], again, QuietReporter())
    first = sorted(p.relative_to(built) for p in built.rglob("*") if p.suffix in (".docx", ".zip"))
    second = sorted(p.relative_to(again) for p in again.rglob("*") if p.suffix in (".docx", ".zip"))
    assert first == second and first
    for rel in first:
        assert (built / rel).read_bytes() == (again / rel).read_bytes(), rel


def test_ledger_notes_use_the_enterprises_rhythm(example, built):
    from xinfang.forms.common import output_path
    doc = open_docx(built / output_path(example, example.root, "信访隐患排查台账", "2026年11月"))
    assert "红色隐患每日更新；台账每日一更新、每月一汇总。" in body_text(doc)
    blank = open_docx(built / output_path(example, example.root, "信访隐患排查台账", "", blank=True))
    text = body_text(blank)
    assert ("涉及人数填阿拉伯数字。各单位按“季、月、旬”常态化排查信访隐患：每季度全面排查一次，每月25日前完成一次自查，"
            "每旬跟踪排查一次；台账每日一更新、每月一汇总，每月25日前报送北辰能源信访办公室。") in text
    assert "信访维稳工作领导小组办公室" not in text


def test_ledger_rhythm_follows_the_data(example):
    import copy
    from xinfang.render import renderer_for
    data = copy.deepcopy(example)
    rules = data.enterprise.screening
    rules.cycles, rules.self_check_day, rules.update, rules.rollup = ["月"], 20, "每周一更新", "每季一汇总"
    data.enterprise.office.name = "领导小组办公室"
    blanks = declared_jobs(ledger.DECLARATION, data, blank=True)
    job = next(j for j in blanks if j.path.endswith(f"{ROOT_LABEL}-信访隐患排查台账.docx"))
    text = body_text(open_docx(renderer_for(data).render(job)))
    assert ("各单位每月20日前完成一次自查；台账每周一更新、每季一汇总，每月20日前报送北辰能源"
            "信访维稳工作领导小组办公室。") in text
