"""年度信访维稳工作方案: every part from the data, plain sentences where the data has none, no key person."""

from __future__ import annotations

import copy

from formdocs import all_text, body_text, find_table, open_docx, render
from xinfang import rhythm
from xinfang.forms import work_plan
from xinfang.forms.common import output_path
from xinfang.forms.emergency_plan import fund_text

FORM = "年度信访维稳工作方案"


def _plan(built, data):
    return open_docx(built / output_path(data, data.root, FORM, f"{data.enterprise.year}年"))


def test_plan_takes_targets_group_office_and_responsibilities_from_the_data(built, example):
    doc = _plan(built, example)
    e = example.enterprise
    text = body_text(doc)
    assert "北辰能源集团有限公司\n2026年信访维稳工作方案" in text
    [targets] = find_table(doc, "序号", "指标", "目标值")
    assert [(r[1], r[2]) for r in targets[1:]] == [(t.indicator, t.value) for t in e.targets]
    for i, principle in enumerate(e.principles, 1):
        assert f"{i}.{principle}" in text
    assert "成立信访维稳工作领导小组。组长：赵国强（党委书记、董事长）；副组长：李文斌" in text
    assert f"配备专职信访工作人员{len(e.office.staff)}名（郭静、韩雪、杜鹏），电话：{e.office.phone}" in text
    assert "信访办公室设在党群工作部，" in text  # the unit's short name: no nested 信访办公室
    [levels] = find_table(doc, "层级", "责任主体", "职责")
    assert [r[0] for r in levels[1:]] == [lv.level for lv in example.responsibilities.levels]
    assert "落实首要责任、直接责任、管理责任、包案责任、督查责任，一级抓一级" in text


def test_plan_words_screening_reception_cases_key_groups_emergency_and_reports(built, example):
    doc = _plan(built, example)
    text = all_text(doc)
    assert f"1.日常排查。{rhythm.screening(example.enterprise.screening)}，填写《信访隐患排查台账》" in text
    assert "实行“周调度、月销号”，台账每日一更新、每月一汇总" in text
    assert "（1）第二煤矿关闭退出职工分流安置专项排查（节点日期2026年12月15日，党群工作部牵头）。" in text
    [reception] = find_table(doc, "接访领导", "方式", "时间", "地点")
    assert reception[1][:3] == ["赵国强（党委书记、董事长）", "定点接访", "每月第1个星期三 9:00—11:30"]
    assert "提前3个工作日在企业内网、公告栏公示，职工可通过电话、线上平台预约；信访接待室配备录音录像设备" in text
    assert f"目前列入包案的积案{len(example.reception.cases)}件" in text
    assert "化解率未达80%的单位取消年度评优资格" in text
    [classes] = find_table(doc, "类别", "认定标准", "联系人", "联系频次")
    assert [r[0] for r in classes[1:]] == ["A类", "B类", "C类"]
    assert fund_text(example) in text
    assert "30分钟内报告指挥部办公室，1小时内到达现场" in text
    [reports] = find_table(doc, "报告", "时间", "报送对象", "内容")
    assert [r[0] for r in reports[1:]] == ["风险预控日报告", "重大风险专报"]
    for item in example.enterprise.accountability:
        assert item in text


def test_plan_names_no_key_person(built, example, key_person_secrets):
    text = all_text(_plan(built, example))
    assert not [value for value in key_person_secrets if value in text]


def test_plan_without_targets_principles_reports_or_campaigns_says_so(example):
    data = copy.deepcopy(example)
    data.enterprise.targets, data.enterprise.principles = [], []
    data.emergency.reports, data.campaigns, data.reception.rules = [], [], []
    data.responsibilities.five = []
    data.enterprise.group.deputies, data.enterprise.group.members = [], []
    [job] = work_plan.DECLARATION.jobs(data, blank=False)
    doc = render(data, job)
    text = all_text(doc)
    assert "本年度的量化工作目标另行下达。" in text and not find_table(doc, "序号", "指标")
    assert "按照《信访工作条例》规定的原则开展工作。" in text
    assert "本年度领导接访安排另行公布。" in text and not find_table(doc, "接访领导")
    assert "实行以下报告制度" not in text and not find_table(doc, "报告", "时间")
    assert "本年度安排的专项排查" not in text and "五项责任" not in text
    assert "成立信访维稳工作领导小组。组长：赵国强（党委书记、董事长）。" in text


def test_plan_blanks_only_for_enterprise_and_second_level_units(built, example):
    blanks = work_plan.DECLARATION.jobs(example, blank=True)
    kinds = {u.kind for u in example.units.values() if any(f"/{u.label}-{FORM}" in j.path for j in blanks)}
    assert kinds == {"企业", "二级单位"}
    doc = open_docx(built / output_path(example, example.units["yi-kuang"], FORM, "", blank=True))
    text = all_text(doc)
    assert "第一煤矿\n______年信访维稳工作方案" in text
    assert "组长：________" in text and "填写说明" in text
    assert "赵国强" not in text and "郭静" not in text


def test_data_without_principles_or_accountability_gets_todays_wording(tmp_path):
    from datacase import mini_copy
    from xinfang import loader
    from xinfang.model import DEFAULT_ACCOUNTABILITY, DEFAULT_PRINCIPLES

    data = loader.load(mini_copy(tmp_path))
    assert "基本原则" not in (tmp_path / "data" / "enterprise.yaml").read_text("utf-8")
    [job] = work_plan.DECLARATION.jobs(data, blank=False)
    text = body_text(render(data, job))
    assert f"1.{DEFAULT_PRINCIPLES[0]}" in text and f"2.{DEFAULT_ACCOUNTABILITY[1]}" in text
