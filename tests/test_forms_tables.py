"""Responsibility table, contact roster and the confidential key-person list."""

from __future__ import annotations

import shutil

from conftest import copy_data
from formdocs import ROOT_LABEL, body_text, fill, find, header_repeats, open_docx, rows
from xinfang import loader
from xinfang.forms import blank_jobs, form_jobs, key_person_list

YEAR = "2026年"
MONTH = "2026年11月"


def _doc(built, top, unit_path, form, period):
    folder = built.joinpath(top, ROOT_LABEL, *unit_path)
    label = unit_path[-1] if unit_path else ROOT_LABEL
    return open_docx(folder / f"{label}-{form}{'-' + period if period else ''}.docx")


def _unit(example, kind, with_children=True):
    return next(u for u in example.units.values() if u.kind == kind and bool(u.children) == with_children)


# --- 信访工作责任分工表 -------------------------------------------------------

def test_company_responsibility_table(example, built):
    doc = _doc(built, "文档", [], "信访工作责任分工表", YEAR)
    levels = rows(find(doc, "层级", "责任主体", "职责"))[1:]
    assert [r[0] for r in levels] == [d.level for d in example.responsibilities.levels]
    assert [r[2] for r in levels] == [d.duty for d in example.responsibilities.levels]
    table = find(doc, "序号", "层级", "责任人")
    assert header_repeats(table)
    assigned = rows(table)[1:]
    assert [r[2] for r in assigned] == [example.people[a.person].name for a in example.responsibilities.assignments]
    assert [r[4] for r in assigned] == [a.area for a in example.responsibilities.assignments]
    five = rows(find(doc, "责任", "承担者", "内容", "责任人"))[1:]
    assert [r[0] for r in five] == [f.name for f in example.responsibilities.five]
    for row, duty in zip(five, example.responsibilities.five):
        assert row[3] == "、".join(example.people[p].name for p in duty.people)


def test_unit_responsibility_table_keeps_the_rows_concerning_it(example, built):
    unit = _unit(example, "基层单位", with_children=False)
    parent = example.units[unit.parent]
    doc = _doc(built, "文档", [parent.label, unit.label], "信访工作责任分工表", YEAR)
    names = [r[2] for r in rows(find(doc, "序号", "层级", "责任人"))[1:]]
    chain = {unit.id, parent.id, example.root.id}
    expected = [example.people[a.person].name for a in example.responsibilities.assignments
                if set(a.units) & chain or example.people[a.person].unit == unit.id]
    assert names == expected and names
    own = rows(find(doc, "岗位", "职责", "姓名"))[1:]
    assert [r[2] for r in own] == [example.people[p].name if p else ""
                                   for p in (unit.leader, unit.supervisor, unit.liaison)]


# --- 应急通讯录 ---------------------------------------------------------------

def test_company_roster(example, built):
    doc = _doc(built, "文档", [], "应急通讯录", MONTH)
    people = [r for t in doc.tables if rows(t)[0][:3] == ["序号", "职责", "姓名"] for r in rows(t)[1:]]
    post = example.emergency.post
    commander = example.people[post.commander]
    assert ["1", "总指挥", commander.name, commander.post, commander.office_phone or "", commander.mobile or ""] in people
    for deputy in post.deputies:
        assert any(r[1] == "副总指挥" and r[2] == example.people[deputy].name for r in people)
    assert any(r[1] == "组长" and r[2] == example.people[example.enterprise.group.leader].name for r in people)
    assert post.office.phone in body_text(doc)
    units = rows(find(doc, "序号", "单位", "信访电话"))[1:]
    assert [r[1] for r in units] == [u.label for u in example.descendants(example.root)
                                     if u.kind != "班组" and u.id != example.root.id]
    for row in units:
        unit = next(u for u in example.units.values() if u.label == row[1])
        if unit.leader and example.people[unit.leader].mobile:
            assert example.people[unit.leader].mobile in row[3]
    contacts = rows(find(doc, "序号", "单位名称", "类别"))[1:]
    assert [(r[1], r[4]) for r in contacts] == [(c.name, c.phone) for c in example.contacts]


def test_unit_roster_has_its_people_and_the_command_post_office(example, built):
    unit = _unit(example, "二级单位")
    doc = _doc(built, "文档", [unit.label], "应急通讯录", MONTH)
    own = rows(find(doc, "序号", "职责", "姓名"))[1:]
    leader = example.people[unit.leader]
    assert ["1", "主要领导", leader.name, leader.post, leader.office_phone or "", leader.mobile or ""] == own[0]
    members = {p.name for p in example.people.values() if p.unit == unit.id}
    assert members <= {r[2] for r in own}
    text = "\n".join(c.text for t in doc.tables for row in t.rows for c in row.cells) + body_text(doc)
    assert example.people[example.emergency.post.office.director].name in text
    assert example.emergency.post.office.phone in text
    other = next(u for u in example.root.children if u.kind == "二级单位" and u.id != unit.id)
    assert example.people[other.leader].name not in text
    assert "涉密" not in doc.sections[0].header.paragraphs[0].text


# --- 重点人员动态管理清单 ----------------------------------------------------------

def test_key_person_list_is_confidential_and_marked(example, built):
    jobs = [j for j in form_jobs(example) if j.template == "key_person_list.docx"]
    assert jobs and all(j.confidential and j.path.startswith("涉密文档/") for j in jobs)
    doc = _doc(built, "涉密文档", [], "重点人员动态管理清单", MONTH)
    mark = example.enterprise.documents.secret_mark
    section = doc.sections[0]
    for header in (section.header, section.even_page_header):
        text = header.paragraphs[0].text
        assert mark in text and "涉密" in text
    assert body_text(doc).startswith(mark)
    # Printed once on every page: page 1 has the mark in its body and no running header.
    assert section.different_first_page_header_footer
    assert mark not in "".join(p.text for p in section.first_page_header.paragraphs)
    assert body_text(doc).count(mark) == 1
    assert section.first_page_footer.paragraphs[0]._p.xml.count("PAGE") == 1  # still numbered
    assert not (built / "文档" / ROOT_LABEL / f"{ROOT_LABEL}-重点人员动态管理清单-{MONTH}.docx").exists()


def test_key_person_rows_and_contact_check(example, built):
    doc = _doc(built, "涉密文档", [], "重点人员动态管理清单", MONTH)
    table = find(doc, "序号", "姓名", "类别")
    assert rows(table)[0] == ["序号", "姓名", "类别", "所属单位", "主要诉求", "关联隐患", "稳控责任人", "联系频次",
                              "最近联系", "是否按期联系", "现实表现"]
    assert header_repeats(table)
    policy = {p.cls: p for p in example.key_groups.policies}
    by_name = {r.cells[1].text: r for r in table.rows[1:]}
    assert set(by_name) == {k.name for k in example.key_persons}
    late = 0
    for person in example.key_persons:
        row = by_name[person.name]
        cells = [c.text for c in row.cells]
        assert cells[2] == f"{person.cls}类"
        assert cells[4] == person.demand
        assert cells[7] == (person.frequency or policy[person.cls].frequency)
        on_time = person.last_contact is not None and \
            (example.today - person.last_contact).days <= policy[person.cls].interval_days
        assert cells[9].startswith("是" if on_time else "否")
        assert fill(row.cells[9]) == ("auto" if on_time else "FFC7CE")
        late += not on_time
    assert late, "the example should hold a key person contacted too late"
    assert f"未按期联系 {late} 人" in body_text(doc)


def test_no_key_person_list_without_confidential_data(tmp_path):
    data_dir = copy_data(tmp_path)
    shutil.rmtree(data_dir / "confidential")
    data = loader.load(data_dir)
    assert not data.has_confidential
    assert key_person_list.DECLARATION.jobs(data, blank=False) == []
    assert not [j for j in form_jobs(data) if j.confidential]
    assert [j for j in blank_jobs(data) if j.template == "key_person_list.docx"]


def test_contacts_roster_calls_the_post_and_offices_by_their_names(example):
    import copy
    from xinfang.render import renderer_for
    from xinfang.forms import contacts_roster
    data = copy.deepcopy(example)
    data.emergency.post.name = "信访稳定突发事件应急处置指挥部"
    data.emergency.post.office.name = "应急处置办公室"
    job = next(j for j in contacts_roster.DECLARATION.jobs(data, blank=False) if "/北辰能源-应急通讯录" in j.path)
    doc = open_docx(renderer_for(data).render(job))
    text = body_text(doc) + "\n".join(c.text for t in doc.tables for r in t.rows for c in r.cells)
    assert "一、信访稳定突发事件应急处置指挥部" in text
    assert "应急处置办公室设在党群工作部，值班电话 0373-3512119；信访办公室电话 0373-3512110。" in text
    assert "应急处置办公室主任" in text and "指挥部办公室" not in text and "应急指挥部" not in text
