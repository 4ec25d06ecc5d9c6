"""信访工作满意度评价表 and its results summary: counts only, rates as the note says, no personal data."""

from __future__ import annotations

import copy

from conftest import copy_data, replace_in
from datacase import check
from formdocs import all_text, body_text, find_table, open_docx, tables
from xinfang.forms import satisfaction
from xinfang.forms.common import output_path
from xinfang.forms.declaration import declared_jobs
from xinfang.forms.scope import issuing_units

SUMMARY = "信访工作满意度评价结果汇总"


def test_summary_counts_and_rates_per_period(built, example):
    doc = open_docx(built / output_path(example, example.root, SUMMARY, "2026年"))
    [first, second] = find_table(doc, "评价项目", "满意", "基本满意", "不满意", "评价份数", "满意率")
    assert first[1] == ["接访", "108", "14", "4", "126", "96.82%"]  # 122 ÷ 126 = 96.825…, cut
    assert first[-1] == ["各项合计", "405", "71", "28", "504", "94.44%"]
    assert [r[0] for r in second[1:-1]] == ["接访", "处访", "程序", "效果"]
    text = body_text(doc)
    assert "2026年上半年（收回评价表126份，单位：份）" in text
    assert "2026年上半年综合满意率94.44%，其中效果环节满意率最低（89.68%）。" in text
    assert "年度工作目标：职工群众满意度90%以上。" in text


def test_no_results_no_filled_summary_but_blanks_stay(example):
    data = copy.deepcopy(example)
    data.enterprise.satisfaction = []
    assert declared_jobs(satisfaction.DECLARATION, data, blank=False) == []
    blanks = declared_jobs(satisfaction.DECLARATION, example, blank=True)
    assert len(declared_jobs(satisfaction.DECLARATION, data, blank=True)) == len(blanks)


def test_evaluation_form_is_blank_with_enterprise_header_and_four_items(built, example):
    jobs = declared_jobs(satisfaction.DECLARATION, example, blank=True)
    forms = [j for j in jobs if j.template == satisfaction.FORM_TEMPLATE]
    assert len(forms) == len([u for u in issuing_units(example) if u.kind != "职能部门"])
    doc = open_docx(built / output_path(example, example.units["yi-kuang"], satisfaction.FORM, "", blank=True))
    text = all_text(doc)
    assert text.startswith("北辰能源集团有限公司\n信访工作满意度评价表")
    assert "接待单位：第一煤矿" in text
    [items] = find_table(doc, "评价项目", "评价内容", "满意", "基本满意", "不满意")
    assert [r[0] for r in items[1:]] == ["接访", "处访", "程序", "效果"]
    assert all(r[2:] == ["□", "□", "□"] for r in items[1:])
    assert [t.rows[0].cells[0].text for t in tables(doc)][-1] == "意见和建议"
    # It asks for no personal data: no field for a name, phone or ID number.
    for field in ("姓名：", "电话：____", "身份证号：", "住址："):
        assert field not in text
    assert "评价人可以不署名" in text and "（电话：0373-3512110）" in text


def test_summary_blanks_for_enterprise_and_second_level_units(example):
    blanks = declared_jobs(satisfaction.DECLARATION, example, blank=True)
    summaries = [j for j in blanks if j.template == satisfaction.SUMMARY_TEMPLATE]
    labels = sorted(j.title.removesuffix(f"{SUMMARY}（空白）") for j in summaries)
    assert labels == sorted(u.label for u in example.units.values() if u.kind in ("企业", "二级单位"))


def test_survey_errors_name_file_line_and_field(tmp_path, capsys):
    data = copy_data(tmp_path)
    replace_in(data / "enterprise.yaml", "      - 项目: 处访\n        满意: 97", "      - 项目: 接访\n        满意: 97")
    replace_in(data / "enterprise.yaml", "        满意: 85\n", "        满意: 185\n")
    result = check(data, capsys)
    assert result.code == 2
    assert [p for p in result.problems if "满意度评价" in p] == [
        "enterprise.yaml:104:7  满意度评价[1].评价结果: 评价项目“接访”重复填写，每个项目只填一次",
        "enterprise.yaml:123:7  满意度评价[2].评价结果: 评价项目“接访”的满意、基本满意、不满意份数合计194份，"
        "多于收回份数94份",
    ]
