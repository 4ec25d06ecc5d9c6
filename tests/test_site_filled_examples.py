"""填好的示例 on the downloads page: one filled example of each standard form, read back from
the built site, and never a confidential document or value."""

from __future__ import annotations

import html
import re
import zipfile
from pathlib import Path
from urllib.parse import unquote

import pytest

from formdocs import all_text, open_docx
from xinfang import forms
from xinfang.site import filled_forms

ANCHOR = re.compile(r'<a href="([^"]+)"[^>]*>([^<]+)</a>')
LABEL = "（填好的示例）"


def links(fragment: str) -> list[tuple[str, str]]:
    return [(unquote(html.unescape(href)), text) for href, text in ANCHOR.findall(fragment)]


def filled_section(site: Path) -> str:
    markup = (site / "downloads.html").read_text("utf-8")
    return markup.split('<h2 id="填好的示例">', 1)[1].split("<h2", 1)[0]


@pytest.fixture(scope="module")
def linked(site) -> list[tuple[str, Path]]:
    """(link text, file) of every example linked from the section."""
    found = []
    for target, text in links(filled_section(site)):
        path = site / target
        assert path.is_file(), target
        found.append((text, path))
    return found


def docx_text(path: Path) -> str:
    """The document's text as Word shows it, and every XML part raw (headers, footers, properties)."""
    with zipfile.ZipFile(path) as archive:
        raw = "\n".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist())
    return all_text(open_docx(path)) + "\n" + raw


def test_one_labelled_example_of_each_showable_form(linked, example):
    chosen, left_out = filled_forms.choose(example)
    assert [text for text, _ in linked] == [f"{job.title}{LABEL}" for _, job in chosen]
    names = {name for name, _ in chosen}
    assert {"ledger", "responsibility_table", "inspection_report", "reception_schedule",
            "case_ownership", "work_plan", "daily_report"} <= names
    assert not names & {"petition_forms", "return_workbook", "key_person_list", "hardship_card"}
    for text, path in linked:
        assert path.suffix == ".docx" and path.stem.endswith("-填好的示例")
        assert path.parent.name == "examples"
        assert len(all_text(open_docx(path))) > 100, path.name


def test_examples_are_filled_from_the_data(linked, example):
    by_text = dict(linked)
    ledger = all_text(open_docx(by_text[f"{example.root.label}信访隐患排查台账{LABEL}"]))
    open_risks = [r for r in example.risks if r.state != "已销号"]
    assert open_risks and all(r.description in ledger for r in open_risks)
    plan = all_text(open_docx(by_text[f"{example.root.label}年度信访维稳工作方案{LABEL}"]))
    assert example.enterprise.name in plan


def test_per_unit_forms_come_from_the_first_unit_with_open_entries(example):
    unit = filled_forms._example_unit(example)
    first_open = next(u for u in example.descendants(example.root)
                      if any(r.unit == u.id and r.state != "已销号" for r in example.risks))
    assert unit == first_open.id
    chosen = dict(filled_forms.choose(example)[0])
    order = chosen["supervision_order"]  # per backlog case, none at company level
    label = example.units[unit].label
    if any(j.title.startswith(label) for j in forms.supervision_order.DECLARATION.jobs(example, blank=False)):
        assert order.title.startswith(label)


def test_no_confidential_document_or_value_is_linked(site, linked, example, key_person_secrets):
    hidden = {p.mobile for p in example.people.values() if p.mobile and "手机" not in p.public}
    assert hidden  # the example hides some mobiles: the check below is not against nothing
    confidential = {f"{j.title}{LABEL}" for j in forms.form_jobs(example) if j.confidential}
    assert confidential
    for target, text in links(filled_section(site)):
        assert "涉密" not in target and text not in confidential
    for text, path in linked:
        body = docx_text(path)
        leaked = [v for v in key_person_secrets | hidden if v in body]
        assert not leaked, (path.name, leaked[:3])
    note = filled_section(site)
    for name in ("应急通讯录", "重点人员动态管理清单", "困难退休人员帮扶档案卡"):
        assert name in note and f"{name}{LABEL}" not in note


def test_examples_stay_out_of_the_company_and_unit_lists(site, example):
    markup = (site / "downloads.html").read_text("utf-8")
    before, after = markup.split('<h2 id="填好的示例">', 1)
    assert LABEL not in before
    assert LABEL not in after.split("<h2", 1)[1]  # 各单位模板
    unit_page = (site / "units" / f"{example.root.id}.html").read_text("utf-8")
    assert LABEL not in unit_page


def test_learning_path_and_ledger_howto_point_to_the_examples(site, linked, example):
    path = (site / "learning-path.html").read_text("utf-8")
    assert ("downloads.html#填好的示例", "填好的示例") in links(path)
    howto = links((site / "ledger-howto.html").read_text("utf-8"))
    ledger = f"{example.root.label}信访隐患排查台账{LABEL}"
    [target] = [t for t, text in howto if text == ledger]
    assert (site / target).is_file()
