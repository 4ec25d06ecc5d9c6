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


def test_arrival_time_tables_per_place(built, example):
    doc = _plan(built, example)
    tables = find_table(doc, "单位", "所在城市", "类别", "到达时限")
    assert len(tables) == len(example.emergency.arrivals) == 3
    second_level = [u for u in example.descendants(example.root) if u.kind == "二级单位"]
    for arrival, table in zip(example.emergency.arrivals, tables):
        times = {row[0]: (row[1], row[3]) for row in table[1:]}
        assert set(times) == {u.name for u in second_level}
        for unit in second_level:
            same = arrival.same_city_minutes and unit.city == arrival.place
            minutes = arrival.same_city_minutes if same else arrival.other_minutes
            assert times[unit.name] == (unit.city, f"{minutes // 60}小时" if minutes % 60 == 0 else f"{minutes}分钟")
    xinxiang, zhengzhou, beijing = ({row[0]: row[3] for row in t[1:]} for t in tables)
    assert xinxiang["热电厂"] == "1小时" and xinxiang["第一煤矿"] == "2小时"  # 新乡市 vs 辉县市
    assert zhengzhou["郑州销售分公司"] == "1小时" and zhengzhou["热电厂"] == "2小时"
    assert set(beijing.values()) == {"6小时"}


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
    [job] = key_person_plan.jobs(data, blank=False)
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
