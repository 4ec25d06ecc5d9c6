"""The distribution list (发放清单): which documents to re-issue to which unit, and exactly why."""

from __future__ import annotations

import json
import re
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest

from conftest import QuietReporter, copy_data, replace_in, run_cli, user_documents
from xinfang import loader
from xinfang.build import build_documents
from xinfang.docx import textdump

LIST = "发放清单.txt"
WORKBOOK = "发放清单.xlsx"

TEMP_UNIT = ("\n  - 编号: linshi-zu\n    名称: 临时工作组\n    类型: 二级单位\n    上级: hq\n"
             "    所在城市: 新乡市\n    信访联络员: jin-lu\n")
TEMP_RISK = """  - 编号: lz-2026-001
    问题描述: 临时工作组撤并后部分人员岗位待定，情绪不稳。
    问题类别: 岗位调整
    涉及人数: 7
    风险等级: 黄
    责任人: peng-dehai
    化解措施: 逐人谈话，明确去向。
    化解时限: 2026-12-31
    挂号日期: 2026-11-02
"""


def build(data: Path, out: Path, sections=("forms",)) -> None:
    """Build in-process (fast); filled forms only unless blanks are asked for."""
    build_documents(loader.load(data), list(sections), out, QuietReporter())


BOTH = ("forms", "blanks")


def texts(out: Path) -> dict[str, str]:
    """The text of every document a user sees, by path (not the archive)."""
    return {p.relative_to(out).as_posix(): textdump.text(p) for p in user_documents(out)}


def listing(out: Path) -> dict[str, tuple[str, list[str]]]:
    """发放清单.txt as path → (action, reasons) for the documents to issue or withdraw."""
    found, action, path = {}, None, None
    for line in (out / LIST).read_text("utf-8").splitlines():
        entry = re.match(r"  (更新|新建|已归档) (\S+\.docx)$", line)
        if entry:
            action, path = entry.groups()
            found[path] = (action, [])
        elif line.startswith("    - ") and path:
            found[path][1].append(line[6:])
        elif not line.startswith("    "):
            path = None
    return found


def date_only(out: Path) -> list[str]:
    text = (out / LIST).read_text("utf-8")
    if "仅日期更新（" not in text:
        return []
    section = text.split("仅日期更新（", 1)[1].split("\n\n", 1)[0]
    return re.findall(r"^  - (\S+\.(?:docx|xlsx))$", section, re.M)


def sheet_rows(path: Path, number: int = 1) -> list[list[str]]:
    """A sheet of the XLSX, as openpyxl reads it, as rows of cell texts (trailing empty cells dropped)."""
    book = openpyxl.load_workbook(path, read_only=True)
    try:
        rows = [["" if value is None else str(value) for value in row]
                for row in book.worksheets[number - 1].iter_rows(values_only=True)]
    finally:
        book.close()
    for row in rows:
        while row and row[-1] == "":
            row.pop()
    return rows


def assert_reasons_are_shown(listed: dict, before: dict[str, str], after: dict[str, str]) -> None:
    """Every reason quotes only text the document shows: new values in the new version, old in the old."""
    for path, (action, reasons) in listed.items():
        if action != "更新" or path.startswith("涉密文档/"):
            continue
        assert reasons, f"{path} is listed without a reason"
        for reason in reasons:
            for old, new in re.findall(r"由 (.+?) 改为 (.+?)(?:，|$)", reason):
                assert _shown(new, after[path]), f"{path}: {new!r} (from {reason!r}) is not in the document"
                assert _shown(old, before[path]), f"{path}: {old!r} (from {reason!r}) was not in the old version"
            place = re.match(r"(?:(\S+) )?第\d+行（(.+?)）\s*(\S+)? 由", reason)
            if place:
                for part in place.groups():
                    assert part is None or _shown(part, after[path]), f"{path}: {part!r} of {reason!r}"
            for verb, version in (("新增", after[path]), ("删除", before[path])):
                whole = re.match(verb + r" (?:.+ )?第\d+行：(.+)$", reason)
                for part in whole.group(1).rstrip("…").split(" | ") if whole else []:
                    assert _shown(part, version), f"{path}: {part!r} of {reason!r}"


def _shown(value: str, text: str) -> bool:
    value = value.strip().strip("…")
    return value == "（空白）" or value in text


def test_phone_edit_lists_exactly_the_documents_showing_the_phone(first_build):
    data, out = first_build
    before = texts(out)
    showing = {p for p, t in before.items() if "0373-3512001" in t}
    assert len(showing) >= 3, "the example's phone should appear in several documents"
    replace_in(data / "people.yaml", "办公电话: 0373-3512001", "办公电话: 0373-3512009")
    build(data, out, BOTH)
    listed = listing(out)
    assert any(p.startswith("空白模板/") for p in showing)
    assert set(listed) == showing
    for path, (action, reasons) in listed.items():
        assert action == "更新"
        assert reasons and all("办公电话 由 0373-3512001 改为 0373-3512009" in r for r in reasons), (path, reasons)
    assert_reasons_are_shown(listed, before, texts(out))
    rows = sheet_rows(out / WORKBOOK)
    header = rows.index(["序号", "接收单位", "处理", "文档类别", "文档", "变化内容"])
    body = {row[4]: row for row in rows[header + 1:]}
    assert set(body) == showing
    for path, row in body.items():
        assert row[1] == path.split("/", 1)[1].rsplit("/", 1)[0]  # the unit the document belongs to
        assert row[2] == "更新" and "办公电话 由 0373-3512001 改为 0373-3512009" in row[5]


@pytest.mark.slow  # several builds of forms and blanks
def test_moving_the_data_date_within_the_month_reissues_nothing(tmp_path):
    data = copy_data(tmp_path)
    shutil.rmtree(data / "confidential")  # a key person's contact falls overdue as days pass: a real change
    out = tmp_path / "build"
    build(data, out, BOTH)
    before = {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*.*x")  # documents and workbooks
              if p.suffix in (".docx", ".xlsx") and "/" in p.relative_to(out).as_posix()}
    replace_in(data / "enterprise.yaml", "数据日期: 2026-11-20", "数据日期: 2026-11-23")
    build(data, out, BOTH)
    assert listing(out) == {}
    rewritten = {p for p, content in before.items() if (out / p).read_bytes() != content}
    assert rewritten and set(date_only(out)) == rewritten
    text = (out / LIST).read_text("utf-8")
    assert "需重新下发 0 份" in text and "本次没有需要重新下发的文档" in text
    assert f"仅日期更新 {len(rewritten)} 份" in (out / "变更清单.txt").read_text("utf-8")
    issued, dated = sheet_rows(out / WORKBOOK, 1), sheet_rows(out / WORKBOOK, 2)
    assert issued[-1][0] == "序号"  # no document to issue: the header is the last row
    body = dated[dated.index(issued[-1]) + 1:]
    assert {row[4] for row in body} == rewritten and {row[2] for row in body} == {"仅日期更新"}


def _marks(out: Path) -> dict[str, str]:
    manifest = json.loads((out / ".manifest.json").read_text("utf-8"))
    return {path: entry["text"] for section in ("forms", "blanks")
            for path, entry in manifest[section]["files"].items() if "text" in entry}


@pytest.mark.slow  # several builds of forms and blanks
def test_a_second_date_move_is_judged_without_reading_the_old_files(tmp_path):
    """A compared document's text mark stays in the manifest; a week later it alone says "date only"."""
    data = copy_data(tmp_path)
    shutil.rmtree(data / "confidential")  # a key person's contact falls overdue as days pass: a real change
    out = tmp_path / "build"
    build(data, out, BOTH)
    assert _marks(out) == {}  # a first build compares nothing
    replace_in(data / "enterprise.yaml", "数据日期: 2026-11-20", "数据日期: 2026-11-21")
    build(data, out, BOTH)
    first = set(date_only(out))
    assert first and set(_marks(out)) == first
    assert all(mark.startswith("2026-11-21 ") for mark in _marks(out).values())
    for path in first:  # were an old version read, it would be listed as damaged
        (out / path).write_bytes(b"not a zip")
    replace_in(data / "enterprise.yaml", "数据日期: 2026-11-21", "数据日期: 2026-11-23")
    build(data, out, BOTH)
    assert listing(out) == {}
    assert set(date_only(out)) == first
    assert all(mark.startswith("2026-11-23 ") for mark in _marks(out).values())


@pytest.mark.slow  # several builds of forms and blanks
def test_text_marks_give_the_list_a_full_comparison_gives(tmp_path):
    data = copy_data(tmp_path)
    out, plain = tmp_path / "build", tmp_path / "plain"
    build(data, out, BOTH)
    replace_in(data / "enterprise.yaml", "数据日期: 2026-11-20", "数据日期: 2026-11-23")
    build(data, out, BOTH)
    shutil.copytree(out, plain)
    manifest = json.loads((plain / ".manifest.json").read_text("utf-8"))
    for section in ("forms", "blanks"):
        for entry in manifest[section]["files"].values():
            entry.pop("text", None)
    (plain / ".manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), "utf-8")
    replace_in(data / "enterprise.yaml", "数据日期: 2026-11-23", "数据日期: 2026-11-27")
    replace_in(data / "people.yaml", "办公电话: 0373-3512001", "办公电话: 0373-3512009")
    build(data, out, BOTH)
    build(data, plain, BOTH)
    assert listing(out) and date_only(out)
    assert (out / LIST).read_text("utf-8") == (plain / LIST).read_text("utf-8")
    assert _marks(out) == _marks(plain)


def test_a_changed_deadline_is_not_a_date_only_change(first_build):
    data, out = first_build
    before = texts(out)
    replace_in(data / "risks" / "wuye.yaml", "化解时限: 2026-12-31\n    挂号日期: 2026-04-20",
               "化解时限: 2027-01-31\n    挂号日期: 2026-04-20")
    build(data, out)
    listed = listing(out)
    ledger = "文档/北辰能源/物业公司/物业公司-信访隐患排查台账-2026年11月.docx"
    assert ledger in listed
    assert any("（wy-2026-001） 化解时限 由 2026-12-31 改为 2027-01-31" in r for r in listed[ledger][1])
    assert ledger not in date_only(out)
    assert_reasons_are_shown(listed, before, texts(out))


@pytest.mark.slow  # several builds of forms and blanks
def test_dissolved_unit_archives_its_documents_and_lists_the_receiving_ledger(first_build):
    data, out = first_build
    units, wuye = data / "units.yaml", data / "risks" / "wuye.yaml"
    units.write_text(units.read_text("utf-8").rstrip("\n") + "\n" + TEMP_UNIT, "utf-8")
    (data / "risks" / "linshi-zu.yaml").write_text(f"单位: linshi-zu\n\n隐患:\n{TEMP_RISK}", "utf-8")
    build(data, out)
    made = sorted(p for p in texts(out) if "临时工作组" in p)
    assert made
    made_bytes = {p: (out / p).read_bytes() for p in made}
    before = texts(out)

    # The unit is dissolved; its open risk moves to 物业公司's own ledger.
    units.write_text(units.read_text("utf-8").replace(TEMP_UNIT.rstrip("\n"), ""), "utf-8")
    (data / "risks" / "linshi-zu.yaml").unlink()
    wuye.write_text(wuye.read_text("utf-8").replace("\n隐患:\n", "\n隐患:\n" + TEMP_RISK, 1), "utf-8")
    build(data, out)
    listed = listing(out)

    ledger = "文档/北辰能源/物业公司/物业公司-信访隐患排查台账-2026年11月.docx"
    action, reasons = listed[ledger]
    assert action == "更新"
    assert any(re.match(r"新增 信访隐患排查台账 第\d+行：lz-2026-001 \| 物业公司 \| 临时工作组撤并后", r) for r in reasons), reasons
    company = "文档/北辰能源/北辰能源-信访隐患排查台账-2026年11月.docx"
    assert any(re.search(r"第\d+行（lz-2026-001） 单位 由 临时工作组 改为 物业公司", r) for r in listed[company][1])
    for path in made:
        assert listed[path][0] == "已归档"
        archived = out / "归档" / "2026年11月" / path
        assert archived.read_bytes() == made_bytes[path]
        assert not (out / path).exists()
    text = (out / LIST).read_text("utf-8")
    assert "【北辰能源/临时工作组】" in text and "【北辰能源/物业公司】" in text
    assert_reasons_are_shown(listed, before, texts(out))


def test_new_rows_are_listed_with_their_number_and_content(first_build):
    data, out = first_build
    before = texts(out)
    wuye = data / "risks" / "wuye.yaml"
    wuye.write_text(wuye.read_text("utf-8").replace("\n隐患:\n", "\n隐患:\n" + TEMP_RISK.replace(
        "lz-2026-001", "wy-2026-099"), 1), "utf-8")
    build(data, out)
    listed = listing(out)
    ledgers = [p for p in listed if "信访隐患排查台账" in p]
    assert sorted(ledgers) == ["文档/北辰能源/北辰能源-信访隐患排查台账-2026年11月.docx",
                               "文档/北辰能源/物业公司/物业公司-信访隐患排查台账-2026年11月.docx"]
    for path in ledgers:
        assert any(re.match(r"新增 (?:\S+ )?第\d+行：wy-2026-099 \| 物业公司 \| 临时工作组撤并后", r) for r in listed[path][1]), listed[path]
    assert_reasons_are_shown(listed, before, texts(out))


def test_period_rollover_archives_last_months_documents(first_build):
    data, out = first_build
    monthly = {p: (out / p).read_bytes() for p in texts(out) if "2026年11月" in p}
    assert monthly
    replace_in(data / "enterprise.yaml", "数据日期: 2026-11-20", "数据日期: 2026-12-03")
    build(data, out)
    listed = listing(out)
    for path, content in monthly.items():
        assert not (out / path).exists()
        assert (out / "归档" / "2026年11月" / path).read_bytes() == content
        assert listed[path][0] == "已归档"
        assert listed[path.replace("2026年11月", "2026年12月")][0] == "新建"
    changes = (out / "变更清单.txt").read_text("utf-8")
    assert all(f"  - {path}：移至 归档/2026年11月/{path}" in changes for path in monthly)
    assert changes.endswith("\n") and not changes.endswith("\n\n")


def test_leader_replaced_reasons_name_rows_of_the_documents_only(first_build):
    data, out = first_build
    before = texts(out)
    replace_in(data / "enterprise.yaml", "组长: zhao-guoqiang", "组长: li-wenbin")
    build(data, out)
    listed = listing(out)
    roster = "文档/北辰能源/北辰能源-应急通讯录-2026年11月.docx"
    assert any(r.startswith("二、信访维稳工作领导小组 第1行（组长） 姓名 由 赵国强 改为 李文斌")
               for r in listed[roster][1])
    assert_reasons_are_shown(listed, before, texts(out))


def test_a_damaged_old_file_is_listed_whole_and_the_build_goes_on(first_build):
    data, out = first_build
    roster = "文档/北辰能源/北辰能源-应急通讯录-2026年11月.docx"
    (out / roster).write_bytes(b"not a zip")
    replace_in(data / "people.yaml", "办公电话: 0373-3512001", "办公电话: 0373-3512009")
    build(data, out)
    assert listing(out)[roster] == ("更新", ["原文件已损坏或不是本工具生成的文档，无法逐项比较，请整份重新下发"])
    assert "赵国强 | 党委书记、董事长 | 0373-3512009" in textdump.text(out / roster)


def test_the_workbook_is_the_same_bytes_for_the_same_build(tmp_path, first_build):
    data, out = first_build
    replace_in(data / "people.yaml", "办公电话: 0373-3512001", "办公电话: 0373-3512009")
    other = tmp_path / "again"
    shutil.copytree(out, other)
    build(data, out)
    build(data, other)
    assert (out / WORKBOOK).read_bytes() == (other / WORKBOOK).read_bytes()
    assert (out / LIST).read_bytes() == (other / LIST).read_bytes()


@pytest.mark.slow  # several builds of forms and blanks
def test_a_rebuild_of_many_documents_gives_the_same_bytes_every_time(tmp_path, first_build):
    """Rendered on both cores, documents come back in any order; the outputs and the manifest
    (its table of the data keys read, here with a new unit's) do not depend on it."""
    data, out = first_build
    replace_in(data / "enterprise.yaml", "数据日期: 2026-11-20", "数据日期: 2026-11-23")
    units = data / "units.yaml"
    units.write_text(units.read_text("utf-8").rstrip("\n") + "\n" + TEMP_UNIT, "utf-8")
    other = tmp_path / "again"
    shutil.copytree(out, other)
    build(data, out, BOTH)
    build(data, other, BOTH)
    files = sorted(p.relative_to(out) for p in out.rglob("*") if p.is_file() and ".cache" not in p.parts)
    assert Path(".manifest.json") in files and len(files) > 400
    assert [p for p in files if (out / p).read_bytes() != (other / p).read_bytes()] == []
    assert sorted(p.relative_to(other) for p in other.rglob("*") if p.is_file() and ".cache" not in p.parts) == files


@pytest.mark.slow
def test_cli_change_list_and_site_count_documents_alike(tmp_path):
    data = copy_data(tmp_path)
    out, site = tmp_path / "build", tmp_path / "site"
    result = run_cli("all", "--data", str(data), "--out", str(out), "--site-dir", str(site))
    assert result.returncode == 0, result.stderr
    summary = re.search(r"^(文档 \d+ 份.*)；输出目录", result.stdout, re.M).group(1)
    changes = (out / "变更清单.txt").read_text("utf-8")
    assert f"\n{summary}。\n" in changes
    blanks = int(re.search(r"空白模板 (\d+) 份", summary).group(1))
    zips = int(re.search(r"空白模板压缩包：新建 (\d+) 个", summary).group(1))
    workbooks = len(list((out / "报送表").rglob("*.xlsx")))
    examples = len(list((out / "文档").rglob("*-示例.docx")))
    filled = len(list((site / "downloads" / "examples").glob("*-填好的示例.docx")))  # xinfang.site.filled_forms
    assert examples and filled
    assert (f"下载文件 {blanks + examples + filled + zips + workbooks} 个（空白模板 {blanks} 份、示例 {examples} 份、"
            f"填好的示例 {filled} 份、空白模板压缩包 {zips} 个、报送表 {workbooks} 份）") in result.stdout
    forms = int(re.search(r"表格文档 (\d+) 份", summary).group(1))
    assert f"生成表格文档：共 {forms} 份" in result.stderr and f"生成空白模板：共 {blanks} 份" in result.stderr
    issued = int(re.search(r"需重新下发 (\d+) 份", summary).group(1))
    assert f"需重新下发 {issued} 份" in (out / LIST).read_text("utf-8")


@pytest.mark.parametrize("limit", [None, 0])
def test_a_part_too_big_to_check_whole_is_judged_from_its_dumps(limit, tmp_path, monkeypatch):
    """Over RAW_CHECK_LIMIT the raw XML is not read whole; the verdicts stay the same."""
    import datetime as dt

    from test_textdump import docx, p

    from xinfang import distribution

    def version(day: int, phone: str) -> zipfile.ZipFile:
        core = f'<cp:coreProperties><dcterms:modified xsi:type="x">2026-11-{day}T00:00:00Z</dcterms:modified></cp:coreProperties>'
        path = tmp_path / f"{day}-{phone}.docx"
        path.write_bytes(docx(p(f"填报日期：2026年11月{day}日") + p(f"办公电话：{phone}")))
        with zipfile.ZipFile(path, "a") as archive:
            archive.writestr("docProps/core.xml", core)
        return zipfile.ZipFile(path)

    if limit is not None:
        monkeypatch.setattr(distribution, "RAW_CHECK_LIMIT", limit)
    old, moved, changed = version(20, "0373-3512001"), version(27, "0373-3512001"), version(27, "0373-3512099")
    today = dt.date(2026, 11, 27)
    assert distribution._compare(old, moved, today, distribution._NewText(moved, today)).kind == "仅日期更新"
    assert distribution._compare(old, changed, today, distribution._NewText(changed, today)).reasons == [
        "由 办公电话：0373-3512001 改为 办公电话：0373-3512099"]
