"""Blank forms: the unit's header, empty rows, instructions, zips, and no confidential value."""

from __future__ import annotations

import io
import zipfile

import pytest

from conftest import DATA, QuietReporter
from formdocs import ROOT_LABEL, body_text, find, open_docx, rows, xml_parts
from xinfang import loader, model
from xinfang.build import build_documents
from xinfang.forms import blank_bundle, blank_jobs
from xinfang.forms.blank_bundle import bundle
from xinfang.forms.scope import issuing_units

MINE = {"ledger.docx": ("信访隐患排查台账", ("序号", "编号")),
        "responsibility_table.docx": ("信访工作责任分工表", ("序号", "层级", "责任人")),
        "contacts_roster.docx": ("应急通讯录", ("序号", "职责", "姓名")),
        "key_person_list.docx": ("重点人员动态管理清单", ("序号", "姓名", "类别"))}


@pytest.fixture(scope="module")
def blank_files(built):
    return sorted((built / "空白模板").rglob("*.docx"))


def test_every_issuing_unit_gets_each_of_these_blanks(example, built):
    jobs = blank_jobs(example)
    assert not any(j.confidential for j in jobs)
    assert all(j.path.startswith("空白模板/") for j in jobs)
    for template, (form, _) in MINE.items():
        paths = {j.path for j in jobs if j.template == template}
        assert len(paths) == len(issuing_units(example))
        for path in paths:
            assert (built / path).is_file()
            assert path.endswith(f"-{form}.docx")


@pytest.mark.parametrize("template", sorted(MINE))
def test_blank_has_unit_header_empty_rows_and_instructions(example, built, template):
    form, headers = MINE[template]
    unit = next(u for u in example.root.children if u.kind == "二级单位")
    doc = open_docx(built / "空白模板" / ROOT_LABEL / unit.label / f"{unit.label}-{form}.docx")
    table = find(doc, *headers)
    body = rows(table)[1:]
    assert len(body) >= 10 and all(not "".join(r).strip() for r in body)
    text = body_text(doc) + "\n" + "\n".join(c.text for t in doc.tables for r in t.rows for c in r.cells)
    assert unit.name in text
    if template != "contacts_roster.docx":  # the roster's header carries unit and phone
        assert example.people[unit.liaison].name in text
        assert example.people[unit.leader].name in text
    assert "填写说明" in text
    assert "2026-11-22" in text and "2026年11月22日" in text
    if template == "ledger.docx":
        assert "“红”“黄”“绿”" in text and "（红、黄、绿）" in text
        assert "在办、已销号" in text
        assert "、".join(model.RISK_CATEGORIES) in text


@pytest.mark.slow
def test_blanks_hold_no_confidential_value(built, blank_files, key_person_secrets):
    zips = sorted((built / "空白模板").rglob("*.zip"))
    assert blank_files and zips
    documents = [(p.name, p.read_bytes()) for p in blank_files]
    for z in zips:
        with zipfile.ZipFile(z) as archive:
            documents += [(f"{z.name}:{n}", archive.read(n)) for n in archive.namelist()]
    for name, data in documents:
        for part, xml in xml_parts(data).items():
            for secret in key_person_secrets:
                assert secret not in xml, f"{name}/{part} holds a confidential value"


def test_each_unit_folder_has_one_zip_of_its_blanks(example, built):
    for unit in issuing_units(example):
        folder = next(p.parent for p in (built / "空白模板").rglob(f"{unit.label}-信访隐患排查台账.docx"))
        zipped = folder / f"{unit.label}-全部空白模板.zip"
        docs = sorted(p.name for p in folder.glob("*.docx"))
        with zipfile.ZipFile(zipped) as archive:
            infos = archive.infolist()
            assert [i.filename for i in infos] == docs
            for info in infos:
                assert info.date_time == (1980, 1, 1, 0, 0, 0)
                assert info.flag_bits & 0x800
                assert archive.read(info) == (folder / info.filename).read_bytes()


def test_zips_packed_on_every_core_are_those_packed_here(built, tmp_path, monkeypatch):
    monkeypatch.setattr(blank_bundle, "FORK_FROM", 1)
    out = tmp_path / "build"
    build_documents(loader.load(DATA), ["blanks"], out, QuietReporter())
    zips = sorted(p.relative_to(out) for p in out.rglob("*.zip"))
    assert len(zips) > 10
    assert [z for z in zips if (out / z).read_bytes() != (built / z).read_bytes()] == []


def test_bundle_is_deterministic_and_sorted():
    items = [("乙.docx", b"2"), ("甲.docx", b"1"), ("a.docx", b"0")]
    first, second = bundle(items), bundle(list(reversed(items)))
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert archive.namelist() == sorted(n for n, _ in items)
        assert archive.read("甲.docx") == b"1"
