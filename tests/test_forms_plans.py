"""突发信访事件应急预案 and 重点人员应急处置预案: rosters, times, and no key-person data."""

from __future__ import annotations

import copy
import re
import subprocess

import pytest

from formdocs import all_text, find_table, open_docx, render
from xinfang.forms import key_person_plan
from xinfang.forms.common import output_path
from xinfang.model import KeyPerson


def _plan(built, data):
    return open_docx(built / output_path(data, data.root, "突发信访事件应急预案", f"{data.enterprise.year}年"))


def _key_plan_path(data):
    return output_path(data, data.root, "重点人员应急处置预案", f"{data.enterprise.year}年")


def test_command_post_roster_names(built, example):
    post = example.emergency.post
    text = all_text(_plan(built, example))
    name = lambda pid: example.people[pid].name  # noqa: E731
    assert f"总指挥：{name(post.commander)}（{example.people[post.commander].post}）" in text
    for deputy in post.deputies:
        assert f"{name(deputy)}（" in text.split("副总指挥：", 1)[1].split("\n", 1)[0]
    assert f"指挥部办公室设在{example.units[post.office.unit].name}。主任：{name(post.office.director)}" in text
    [teams] = find_table(_plan(built, example), "工作组", "组长", "成员", "职责")
    assert [(r[0], r[1]) for r in teams[1:]] == [(t.name, name(t.leader)) for t in post.teams]
    assert f"须在30分钟内报告指挥部办公室（值班电话：{post.office.phone}）" in text
    assert f"设立应急备用金{post.fund:g}万元，由{example.units[post.fund_keeper].name}管理" in text
    assert "信访维稳工作领导小组统一领导" not in text  # the plan is the post's


def test_arrival_times_one_row_per_place_naming_only_same_city_units(built, example):
    doc = _plan(built, example)
    [table] = find_table(doc, "事发地点", "同城单位到达时限", "其他单位到达时限")
    assert len(table) - 1 == len(example.emergency.arrivals) == 3
    rows = {row[0]: row[1:] for row in table[1:]}
    # 新乡市: the units in 新乡市 by their short names, once; 辉县市's mines are "其他单位".
    assert rows["新乡市（公司所在地）"] == ["热电厂、物业公司、退管中心：1小时内", "其他单位2小时内"]
    assert rows["郑州市（省会）"] == ["郑州分公司：1小时内", "其他单位2小时内"]
    assert rows["北京市（进京）"] == ["—", "各单位6小时内"]
    text = all_text(doc)
    assert "一矿" not in "".join(r[0] + r[1] for r in table[1:])  # the mines are not listed per place
    assert "各二级单位负责人按本预案“到达时限”的规定赶赴现场。" in text


def _plan_of(data):
    from xinfang.forms import emergency_plan
    [job] = emergency_plan.DECLARATION.jobs(data, blank=False)
    return render(data, job)


def test_plan_without_arrivals_levels_teams_or_vehicles_says_so(example):
    data = copy.deepcopy(example)
    e = data.emergency
    e.arrivals, e.levels, e.post.teams, e.post.vehicles = [], [], [], []
    doc = _plan_of(data)
    text = all_text(doc)
    assert "本预案未按事发地点规定到达时限，各单位负责人接到指令后在1小时内赶到现场。" in text
    assert "按事发地点在下列时限内" not in text and not find_table(doc, "事发地点")
    assert "本预案未设分级响应。" in text and not find_table(doc, "级别", "启动条件")
    assert "到达时限”的规定" not in text
    assert "指挥部不设专门工作组，处置工作由指挥部办公室统一调度。" in text
    assert "下设0个" not in text and not find_table(doc, "工作组", "组长")
    assert "2.车辆保障。未配备专用应急车辆，处置用车由指挥部办公室临时调派。" in text
    # The wording never names a working group the data lacks.
    for group in ("信息报送组", "善后处理组", "现场处置组"):
        assert group not in text, group
    assert "4.加强信息和舆情管理。指挥部办公室按时报告现场动态" in text
    assert "1.迅速到场，控制事态。指挥部接报后调派应急力量，事发单位领导" in text
    assert "1.善后处理。事件平息后，事发单位落实承诺事项" in text


def test_plan_names_the_groups_the_data_has(built, example):
    text = all_text(_plan(built, example))
    assert "4.加强信息和舆情管理。信息报送组按时报告现场动态" in text
    assert "事发单位和善后处理组落实承诺事项" in text


def test_post_and_office_names_come_from_the_data(example):
    data = copy.deepcopy(example)
    data.emergency.post.name = "信访稳定突发事件应急处置指挥部"
    data.emergency.post.office.name = "应急处置办公室"
    doc = _plan_of(data)
    text = all_text(doc)
    assert "成立信访稳定突发事件应急处置指挥部（以下简称指挥部）" in text
    assert "应急处置办公室设在党群工作部（信访办公室）。" in text
    assert "报告应急处置办公室（值班电话：" in text and "本预案由应急处置办公室负责解释。" in text
    assert "突发信访事件应急指挥部" not in text and "指挥部办公室" not in text
    [roster] = find_table(doc, "指挥部职务", "姓名")
    assert any(row[0].startswith("应急处置办公室主任") for row in roster[1:])


def test_report_system_table(built, example):
    doc = _plan(built, example)
    [reports] = find_table(doc, "报告", "时间", "报送对象", "内容")
    assert [row[:3] for row in reports[1:]] == [[r.name, r.when, r.to] for r in example.emergency.reports]
    assert reports[1][:3] == ["风险预控日报告", "每天下班前", "所在单位领导"]
    assert "（三）报告制度" in all_text(doc)


def test_no_report_system_no_heading(example):
    data = copy.deepcopy(example)
    data.emergency.reports = []
    doc = _plan_of(data)
    assert "报告制度" not in all_text(doc) and not find_table(doc, "报告", "时间")


@pytest.mark.parametrize("fund, keeper, unit_funds, expected", [
    (50, "caiwu", [], "3.资金保障。设立应急备用金50万元，由财务部管理，专款专用，用于现场处置、劝返和善后工作。"),
    (None, "caiwu", [], "3.资金保障。设立应急备用金，额度按工作需要核定，由财务部管理，专款专用，"),
    (None, None, [("yi-kuang", 20), ("redian", None)],
     "3.资金保障。一矿20万元、热电厂留存本单位信访稳定备用金（未列额度的由本单位按需核定），专款专用，"),
    (None, None, [], "3.资金保障。公司和各单位未设应急备用金，处置所需经费按财务管理规定列支。"),
])
def test_reserve_funds_of_company_and_units(example, fund, keeper, unit_funds, expected):
    from xinfang.model import UnitFund
    data = copy.deepcopy(example)
    post = data.emergency.post
    post.fund, post.fund_keeper = fund, keeper
    post.unit_funds = [UnitFund(unit=u, amount=a) for u, a in unit_funds]
    assert expected in all_text(_plan_of(data))


def test_example_reserve_funds(built, example):
    text = all_text(_plan(built, example))
    assert ("3.资金保障。设立应急备用金50万元，由财务部管理；一矿20万元、二矿30万元、热电厂留存本单位信访稳定备用金"
            "（未列额度的由本单位按需核定），专款专用，用于现场处置、劝返和善后工作。") in text


def test_post_with_parentheses_is_not_nested(example):
    data = copy.deepcopy(example)
    data.people[data.emergency.post.commander].post = "党委书记（兼）"
    text = all_text(_plan_of(data))
    name = data.people[data.emergency.post.commander].name
    assert f"总指挥：党委书记（兼）{name}" in text
    assert "（党委书记（兼））" not in text


def test_contact_appendix_has_mobiles_of_the_command_post_only(built, example):
    doc = _plan(built, example)
    text = all_text(doc)
    post = example.emergency.post
    in_post = {post.commander, *post.deputies, post.office.director, *post.office.deputies}
    for team in post.teams:
        in_post |= {team.leader, *team.members}
    [roster] = find_table(doc, "指挥部职务", "姓名")
    assert {row[1] for row in roster[1:]} == {example.people[p].name for p in in_post}
    commander = example.people[post.commander]
    assert any(row[1] == commander.name and row[4] == commander.mobile for row in roster)
    for person in example.people.values():
        if person.mobile and person.id not in in_post:
            assert person.mobile not in text, person.name
    assert "内部资料 注意保密" in text


def test_key_person_plan_policy_and_responsible_people(built, example):
    doc = open_docx(built / _key_plan_path(example))
    [policy] = find_table(doc, "类别", "认定标准", "联系人", "联系频次")
    assert [row[0] for row in policy[1:]] == ["A类", "B类", "C类"]
    for row, p in zip(policy[1:], example.key_groups.policies):
        assert row[1:] == [p.criteria, p.contact_by, p.frequency]
    [units] = find_table(doc, "单位", "主要领导", "分管领导", "信访联络员")
    yi = example.units["yi-kuang"]
    assert [yi.name, example.people[yi.leader].name] == next(r for r in units[1:] if r[0] == yi.name)[:2]
    text = all_text(doc)
    for heading in ("四、信息报告", "五、现场劝导", "六、情绪疏导", "七、依法处置"):
        assert heading in text


def test_key_person_plan_holds_no_key_person_data(built, example):
    assert example.key_persons, "the example ships confidential key persons to test against"
    data = copy.deepcopy(example)
    data.key_persons.append(KeyPerson(id="test-person", name="测试重点人甲", id_number="410701197001011234",
                                      address="某某路1号", mobile="13800000001", cls="A", unit="yi-kuang",
                                      demand="诉求", contact=data.enterprise.group.leader))
    [job] = key_person_plan.DECLARATION.jobs(data, blank=False)
    assert not job.confidential
    texts = [all_text(render(data, job)), all_text(open_docx(built / _key_plan_path(example)))]
    for k in data.key_persons:
        for value in (k.name, k.id_number, k.address, k.mobile):
            if value:
                assert all(value not in text for text in texts), value


@pytest.mark.parametrize("form", ["突发信访事件应急预案", "重点人员应急处置预案"])
def test_plan_blanks_have_the_unit_header_and_no_personal_data(built, example, form):
    unit = example.units["er-kuang"]
    text = all_text(open_docx(built / output_path(example, unit, form, "", blank=True)))
    assert f"{unit.name}\n{form}" in text
    assert f"主要负责人：{example.people[unit.leader].name}" in text
    assert f"信访联络员：{example.people[unit.liaison].name}" in text
    assert "填写说明" in text and "内部资料 注意保密" not in text
    for p in example.people.values():
        assert not p.mobile or p.mobile not in text
    for k in example.key_persons:
        assert k.name not in text


@pytest.mark.slow  # LibreOffice
def test_part_b_forms_convert_to_pdf_with_their_text(built, example, tmp_path):
    """One soffice run for every company-wide document of these forms and one blank each."""
    root = example.root
    paths = [built / output_path(example, root, "突发信访事件应急预案", "2026年"),
             built / _key_plan_path(example)]
    paths += sorted((built / "文档").rglob("北辰能源-专项排查报告-*.docx"))
    paths += sorted((built / "文档").rglob("北辰能源-领导接访安排表-*.docx"))
    paths.append(built / output_path(example, root, "包案责任清单", "2026年11月"))
    paths += [built / output_path(example, example.units["yi-kuang"], form, "", blank=True)
              for form in ("专项排查报告", "突发信访事件应急预案", "重点人员应急处置预案", "领导接访安排表", "包案责任清单")]
    assert all(p.exists() for p in paths)
    profile = (tmp_path / "profile").as_uri()  # a private profile: no clash with another soffice
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), *map(str, paths)],
                   check=True, capture_output=True, timeout=300)
    for path in paths:
        pdf = tmp_path / (path.stem + ".pdf")
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                              text=True).stdout
        doc = open_docx(path)
        # Page furniture (running header, "— N —") may sit inside a paragraph split across pages.
        furniture = {"".join(p.text.split()) for p in doc.sections[0].header.paragraphs}
        lines = ["".join(line.split()) for line in text.splitlines()]
        squeezed = "".join(line for line in lines
                           if line not in furniture and not re.fullmatch(r"—\d+—", line))
        # Every body paragraph of the document is in the PDF (spacing and line breaks aside).
        for paragraph in doc.paragraphs:
            words = "".join(paragraph.text.split())
            assert words in squeezed, (path.name, paragraph.text)


def test_key_person_plan_names_arrival_times_only_when_the_data_sets_them(built, example):
    text = all_text(open_docx(built / _key_plan_path(example)))
    assert "须在1小时内到达现场，按突发信访事件应急预案规定的到达时限赶赴外地劝返。" in text
    data = copy.deepcopy(example)
    data.emergency.arrivals = []
    [job] = key_person_plan.DECLARATION.jobs(data, blank=False)
    text = all_text(render(data, job))
    assert "1.所在单位主要领导、包案领导和稳控责任人须在1小时内到达现场。" in text and "到达时限" not in text


def test_key_person_plan_without_measures_has_no_empty_heading(example):
    data = copy.deepcopy(example)
    data.key_groups.measures = []
    [job] = key_person_plan.DECLARATION.jobs(data, blank=False)
    text = all_text(render(data, job))
    assert "稳控措施" not in text and "三、分类稳控" in text
