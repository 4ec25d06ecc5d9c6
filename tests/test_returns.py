"""Return workbooks out and returns in: the workbooks opened and checked, filled as a unit would, imported."""

from __future__ import annotations

import datetime as dt
import difflib
import shutil
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter
from docx import Document

from conftest import run_cli

UNIT = "二矿"
BOOK = f"报送表/北辰能源/{UNIT}/{UNIT}-信访隐患报送表-2026年11月.xlsx"
HEADERS = ["编号", "问题描述", "问题类别", "涉及人数", "风险等级", "包案领导", "责任人", "化解措施", "化解时限",
           "挂号日期", "排查方式", "专项排查", "状态", "销号日期", "已有进展", "新进展日期", "新进展内容"]
COL = {h: i + 1 for i, h in enumerate(HEADERS)}
FIRST = 4  # first entry row
NEW_ENTRY = {"问题描述": "二矿食堂承包商拖欠12名帮厨工资两个月，已多次到矿办反映。", "问题类别": "工资待遇",
             "涉及人数": 12, "风险等级": "红", "包案领导": "刘建军（副总经理）", "责任人": "谢光明（第二煤矿矿长）",
             "化解措施": "督促承包商限期支付，矿财务从承包费中代扣代付。", "化解时限": "2026年12月15日",
             "挂号日期": dt.datetime(2026, 11, 16)}


@pytest.fixture(scope="module")
def workbook(built):
    return openpyxl.load_workbook(built / BOOK)


def entry_ids(sheet) -> list[str]:
    return [sheet.cell(r, 1).value for r in range(FIRST, sheet.max_row + 1) if sheet.cell(r, 1).value]


def test_every_ledger_unit_gets_a_workbook_with_its_open_entries(built, example):
    books = sorted(p.name for p in (built / "报送表").rglob("*.xlsx"))
    assert len(books) == 14 and f"{UNIT}-信访隐患报送表-2026年11月.xlsx" in books
    sheet = openpyxl.load_workbook(built / BOOK)["隐患报送"]
    expected = sorted(r.id for r in example.risks if r.unit == "er-kuang" and r.state == "在办")
    assert entry_ids(sheet) == expected and expected
    assert [c.value for c in sheet[3]] == HEADERS
    first = example.risk_by_id[expected[0]]
    row = {h: sheet.cell(FIRST, COL[h]).value for h in HEADERS}
    assert row["问题描述"] == first.description and row["涉及人数"] == first.people_count
    assert row["化解时限"] == dt.datetime.combine(first.deadline, dt.time())  # a real date cell
    assert row["包案领导"] == f"{example.people[first.leader].name}（{example.people[first.leader].post}）"
    assert first.progress[-1].note in row["已有进展"]


def test_sheets_protection_and_locked_id_column(workbook):
    assert workbook.sheetnames == ["隐患报送", "填写说明", "选项", "报送信息"]
    assert [workbook[s].sheet_state for s in workbook.sheetnames] == ["visible", "visible", "hidden", "hidden"]
    sheet = workbook["隐患报送"]
    assert sheet.protection.sheet and sheet.protection.insertRows is False  # False = allowed in OOXML
    assert sheet.cell(FIRST, COL["编号"]).protection.locked
    assert sheet.cell(FIRST, COL["问题描述"]).protection.locked
    assert not sheet.cell(FIRST, COL["风险等级"]).protection.locked
    assert not sheet.cell(FIRST, COL["新进展内容"]).protection.locked
    # rows below the entries take their columns' format: open for new entries except the ID
    letter = openpyxl.utils.get_column_letter
    assert sheet.column_dimensions[letter(COL["编号"])].protection.locked
    assert not sheet.column_dimensions[letter(COL["问题描述"])].protection.locked
    assert sheet.column_dimensions[letter(COL["化解时限"])].number_format == "yyyy-mm-dd"
    assert sheet.freeze_panes == "C4"


def test_drop_downs_dates_and_numbers_are_validated_with_chinese_prompts(workbook):
    sheet = workbook["隐患报送"]
    rules = {str(dv.sqref).split(":")[0].rstrip("0123456789"): dv for dv in sheet.data_validations.dataValidation}
    letter = {h: openpyxl.utils.get_column_letter(COL[h]) for h in HEADERS}
    assert rules[letter["风险等级"]].type == "list" and rules[letter["风险等级"]].formula1 == "列表_风险等级"
    assert rules[letter["包案领导"]].formula1 == "列表_人员"
    assert rules[letter["专项排查"]].formula1 == "列表_专项排查"
    assert rules[letter["涉及人数"]].type == "whole"
    assert rules[letter["化解时限"]].type == "date" and rules[letter["新进展日期"]].type == "date"
    assert "红色隐患必填" in rules[letter["包案领导"]].prompt
    assert rules[letter["化解时限"]].error.startswith("请填写日期")
    assert str(rules[letter["风险等级"]].sqref).endswith("1003")  # rows a unit adds are validated too
    lists = workbook["选项"]
    header = [c.value for c in lists[1]]
    people = [r[header.index("人员")].value for r in lists.iter_rows(min_row=2) if r[header.index("人员")].value]
    assert "刘建军（副总经理）" in people
    assert [r[0].value for r in lists.iter_rows(min_row=2) if r[0].value] == ["红", "黄", "绿"]
    colours = [str(rule.dxf.fill.bgColor.rgb) for rng in sheet.conditional_formatting for rule in rng.rules
               if rule.dxf and rule.dxf.fill]
    assert any(c.endswith("FF9999") for c in colours)
    assert any("DATE(2026,11,20)" in (rule.formula or [""])[0]
               for rng in sheet.conditional_formatting for rule in rng.rules)


def test_print_setup_and_hidden_issue_record(workbook, example):
    sheet = workbook["隐患报送"]
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.paperSize == 9
    assert sheet.print_title_rows == "$1:$3"
    meta = {r[0].value: r[1].value for r in workbook["报送信息"].iter_rows(max_row=6)}
    assert meta == {"表格": "信访隐患报送表", "格式版本": "1", "单位编号": "er-kuang", "单位名称": "第二煤矿（关闭退出中）",
                    "数据日期": "2026-11-20", "报送期": "2026年11月"}
    guide = "\n".join(str(c.value) for c in workbook["填写说明"]["A"] if c.value)
    assert "编号”留空" in guide and "红”的，必须选择包案领导" in guide


def test_workbooks_carry_no_key_person(built, example):
    secrets = [p.name for p in example.key_persons] + [p.id_number for p in example.key_persons if p.id_number]
    assert secrets
    for book in (built / "报送表").rglob("*.xlsx"):
        with zipfile.ZipFile(book) as archive:
            text = "".join(archive.read(n).decode("utf-8") for n in archive.namelist() if n.endswith(".xml"))
        assert not [s for s in secrets if s in text], book


def test_company_ledger_workbook_has_every_entry_a_filter_and_subtotals(built, example):
    book = openpyxl.load_workbook(built / "文档/北辰能源/北辰能源-信访隐患排查台账-2026年11月.xlsx")
    sheet = book["台账"]
    assert sheet.auto_filter.ref.startswith("A2:O") and sheet.freeze_panes == "D3"
    ids = [sheet.cell(r, 2).value for r in range(3, sheet.max_row + 1)]
    assert sorted(ids) == sorted(r.id for r in example.risks)
    totals = {r[0].value: [c.value for c in r[1:]] for r in book["小计"].iter_rows() if r[0].value == "合计"}
    assert totals["合计"][3] == len(example.risks)
    units = [r[0].value for r in book["小计"].iter_rows(min_row=3) if r[0].value and r[0].value != "合计"]
    assert "一矿" in units and "红" in units


def test_workbooks_are_byte_identical_for_the_same_data(built, tmp_path):
    result = run_cli("forms", "--out", str(tmp_path / "again"), "--quiet")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "again" / BOOK).read_bytes() == (built / BOOK).read_bytes()


# --- filling and importing ----------------------------------------------------


@pytest.fixture
def office(first_build):
    """An editable copy of the data with its documents built, as the office has it."""
    return first_build


def fill(source: Path, target: Path, edits: dict[tuple[int, str], object]) -> Path:
    """Fill a workbook the way a unit would: type into cells, save."""
    book = openpyxl.load_workbook(source)
    sheet = book["隐患报送"]
    for (row, header), value in edits.items():
        sheet.cell(row, COL[header]).value = value
    book.save(target)
    return target


def new_row(sheet_rows: int, entry: dict = NEW_ENTRY) -> dict:
    return {(FIRST + sheet_rows, header): value for header, value in entry.items()}


def import_(office, *files, apply=False):
    data, out = office
    args = ["import", *map(str, files), "--data", str(data), "--out", str(out), "--quiet"]
    return run_cli(*args, *(["--apply"] if apply else []))


def typical_return(office, tmp_path) -> Path:
    data, out = office
    rows = len(entry_ids(openpyxl.load_workbook(out / BOOK)["隐患报送"]))
    edits = {(FIRST, "新进展日期"): dt.datetime(2026, 11, 18), (FIRST, "新进展内容"): "与职工代表第三次座谈，方案基本达成一致。",
             (FIRST + 1, "风险等级"): "黄", (FIRST + 2, "状态"): "已销号", (FIRST + 2, "销号日期"): "2026/11/19",
             **new_row(rows)}
    return fill(out / BOOK, tmp_path / "二矿回报.xlsx", edits)


def test_preview_lists_changes_and_writes_nothing_then_apply_merges_them(office, tmp_path):
    data, out = office
    filled = typical_return(office, tmp_path)
    before = (data / "risks/er-kuang.yaml").read_text("utf-8")
    preview = import_(office, filled)
    assert preview.returncode == 0, preview.stderr
    assert preview.stdout.splitlines()[:6] == [
        "二矿（二矿回报.xlsx）：",
        "  ek-2026-001 新增进展：2026-11-18 与职工代表第三次座谈，方案基本达成一致。",
        "  ek-2026-002 风险等级 由 红 改为 黄",
        "  ek-2026-003 销号（销号日期 2026-11-19）",
        "  新增隐患 ek-2026-006（红，工资待遇，12 人）：二矿食堂承包商拖欠12名帮厨工资两个月，已多次到矿办反映。",
        "",
    ]
    assert "以上为预览，未写入任何数据" in preview.stdout
    assert (data / "risks/er-kuang.yaml").read_text("utf-8") == before

    applied = import_(office, filled, apply=True)
    assert applied.returncode == 0, applied.stderr
    assert "已写入 1 个数据文件：risks/er-kuang.yaml" in applied.stdout
    after = (data / "risks/er-kuang.yaml").read_text("utf-8")
    # the comment header and every untouched line stay as they were
    old_lines, new_lines = before.splitlines(), after.splitlines()
    header = [line for line in old_lines if line.startswith("#")]
    assert new_lines[:len(header)] == header
    removed = [line[2:] for line in difflib.ndiff(old_lines, new_lines) if line.startswith("- ")]
    assert removed == ["    风险等级: 红"]
    assert "  - 编号: ek-2026-006\n    问题描述: 二矿食堂承包商拖欠12名帮厨工资两个月" in after
    assert "    包案领导: liu-jianjun\n    责任人: xie-guangming" in after

    again = import_(office, filled)  # importing the same return twice changes nothing
    assert "无变化" in again.stdout and "新增隐患 0 条，新增进展 0 条" in again.stdout
    assert import_(office, filled, apply=True).returncode == 0
    assert (data / "risks/er-kuang.yaml").read_text("utf-8") == after

    rebuilt = run_cli("forms", "--data", str(data), "--out", str(out), "--quiet")
    assert rebuilt.returncode == 0, rebuilt.stderr
    ledger = Document(out / "文档/北辰能源/二矿/二矿-信访隐患排查台账-2026年11月.docx")
    cells = {c.text for t in ledger.tables for r in t.rows for c in r.cells}
    assert "ek-2026-006" in cells
    assert any("2026-11-18 与职工代表第三次座谈" in c for c in cells)
    sheet = openpyxl.load_workbook(out / BOOK)["隐患报送"]
    assert "ek-2026-006" in entry_ids(sheet) and "ek-2026-003" not in entry_ids(sheet)


def test_a_field_both_sides_changed_is_a_conflict_and_the_office_value_stays(office, tmp_path):
    data, out = office
    filled = fill(out / BOOK, tmp_path / "r.xlsx", {(FIRST, "化解时限"): dt.datetime(2027, 1, 31),
                                                   (FIRST, "涉及人数"): 330})
    path = data / "risks/er-kuang.yaml"
    path.write_text(path.read_text("utf-8").replace("化解时限: 2026-12-31\n    挂号日期: 2026-03-12",
                                                    "化解时限: 2027-01-15\n    挂号日期: 2026-03-12"), "utf-8")
    result = import_(office, filled, apply=True)
    assert result.returncode == 0, result.stderr
    assert ("  冲突 ek-2026-001 化解时限（隐患报送!I4）：下发时为 2026-12-31，办公室已改为 2027-01-15，"
            "单位填报 2027-01-31；保留办公室的值，请与单位核实") in result.stdout
    assert "  ek-2026-001 涉及人数 由 320 改为 330" in result.stdout
    text = path.read_text("utf-8")
    assert "化解时限: 2027-01-15\n    挂号日期: 2026-03-12" in text and "涉及人数: 330" in text


def test_a_return_issued_for_an_earlier_data_date_says_so(office, tmp_path):
    data, out = office
    filled = typical_return(office, tmp_path)
    enterprise = data / "enterprise.yaml"
    enterprise.write_text(enterprise.read_text("utf-8").replace("2026-11-20", "2026-11-27"), "utf-8")
    result = import_(office, filled)
    assert result.returncode == 0, result.stderr
    assert "注意：此报送表按 2026-11-20 的数据下发，当前数据日期为 2026-11-27" in result.stdout


def test_every_problem_of_every_row_at_once_with_sheet_and_cell(office, tmp_path):
    data, out = office
    rows = len(entry_ids(openpyxl.load_workbook(out / BOOK)["隐患报送"]))
    bad = {**NEW_ENTRY, "包案领导": None, "化解时限": "下个月", "涉及人数": "12人", "问题类别": "工资"}
    edits = {**new_row(rows, bad), (FIRST, "新进展内容"): "只写了内容", (FIRST + 1, "责任人"): "查无此人",
             (FIRST + 2, "新进展日期"): "2026/11/25", (FIRST + 2, "新进展内容"): "日期晚于数据日期",
             (rows + FIRST + 1, "问题描述"): "超长" * 2600}
    filled = fill(out / BOOK, tmp_path / "bad.xlsx", edits)
    before = sorted((p.name, p.read_bytes()) for p in (data / "risks").iterdir())
    result = import_(office, filled, apply=True)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    n = FIRST + rows
    assert result.stderr.splitlines() == [
        f"bad.xlsx 隐患报送!B{n + 1}  问题描述: 内容过长（5200 字），一个单元格不得超过 5000 字",
        f"bad.xlsx 隐患报送!C{n}  问题类别: “工资”不是允许的值（可选：工资待遇、社会保险、岗位调整、工伤赔偿、"
        "退休人员社会化管理、三供一业、去产能关闭、历史遗留问题、劳动合同、住房拆迁、其他），是否应为“工资待遇”？",
        f"bad.xlsx 隐患报送!D{n}  涉及人数: 只填数字，不要带“人”字：应为 12",
        f"bad.xlsx 隐患报送!G{FIRST + 1}  责任人: 人员“查无此人”不存在（请从下拉列表中选择；新来的人员须先加入 people.yaml）",
        f"bad.xlsx 隐患报送!I{n}  化解时限: “下个月”不是有效日期；日期应写作 2026-11-22"
        "（也可写 2026/11/22、2026.11.22 或 2026年11月22日）",
        f"bad.xlsx 隐患报送!P{FIRST}  新进展日期: 填写了新进展内容，还须填写进展日期",
        "报送表有 6 处错误，未写入任何数据（data/ 保持不变）。",
    ]
    assert sorted((p.name, p.read_bytes()) for p in (data / "risks").iterdir()) == before


def test_a_date_after_the_data_date_is_a_warning_as_in_check(office, tmp_path):
    data, out = office
    filled = fill(out / BOOK, tmp_path / "late.xlsx", {(FIRST + 2, "新进展日期"): "2026/11/25",
                                                      (FIRST + 2, "新进展内容"): "日期晚于数据日期"})
    result = import_(office, filled)
    assert result.returncode == 0, result.stderr
    assert (f"  注意：隐患报送!P{FIRST + 2}  新进展日期: 进展日期 2026-11-25 晚于数据日期 2026-11-20（enterprise.yaml），"
            "是否写错了年份或月份？") in result.stdout


def test_red_entry_without_leader_is_refused_on_the_level_cell(office, tmp_path):
    data, out = office
    rows = len(entry_ids(openpyxl.load_workbook(out / BOOK)["隐患报送"]))
    filled = fill(out / BOOK, tmp_path / "red.xlsx", new_row(rows, {**NEW_ENTRY, "包案领导": None}))
    result = import_(office, filled)
    assert result.returncode == 2
    assert f"red.xlsx 隐患报送!E{FIRST + rows}  风险等级: 红色隐患必须明确包案领导" in result.stderr


@pytest.mark.parametrize("written", ["2026/11/5", "2026年11月5日", "2026.11.5", 46331, "46331", "2026-11-05"])
def test_dates_typed_the_usual_ways_are_accepted(written):
    from xinfang.returns.cells import as_date
    assert as_date(written) == dt.date(2026, 11, 5)


@pytest.mark.parametrize("written", ["11/5", "2026-13-01", "2026年2月30日", "明天"])
def test_other_date_text_is_refused(written):
    from xinfang.returns.cells import CellError, as_date
    with pytest.raises(CellError, match="不是有效日期"):
        as_date(written)


def test_names_resolve_to_people_and_ambiguous_names_list_the_candidates(example):
    from xinfang.returns.cells import CellError
    from xinfang.returns.plan import People
    someone = next(iter(example.people.values()))
    assert People(example).resolve(f"{someone.name}（{someone.post}）") == someone.id
    assert People(example).resolve(someone.id) == someone.id
    bracketed = next(p for p in example.people.values() if "（" in p.post)  # 热电厂副厂长（分管供热）
    assert People(example).resolve(f"{bracketed.name}（{bracketed.post}）") == bracketed.id
    twin = type(someone)(**{**{f: getattr(someone, f) for f in ("name", "post", "unit")}, "id": "twin-x"})
    example.people["twin-x"] = twin
    try:
        with pytest.raises(CellError, match=f"“{someone.name}”有 2 人同名，请写明是哪一位"):
            People(example).resolve(someone.name)
    finally:
        del example.people["twin-x"]


def test_an_entry_of_another_unit_is_refused(office, tmp_path):
    data, out = office
    filled = fill(out / BOOK, tmp_path / "other.xlsx", {(FIRST, "编号"): "yk-2026-003"})
    result = import_(office, filled)
    assert result.returncode == 2
    assert f"other.xlsx 隐患报送!A{FIRST}  编号: 隐患“yk-2026-003”属于一矿，不能由二矿的报送表修改" in result.stderr


def test_another_units_workbook_renamed_is_refused(office, tmp_path):
    data, out = office
    renamed = tmp_path / "一矿-信访隐患报送表-2026年11月.xlsx"
    shutil.copy(out / BOOK, renamed)
    result = import_(office, renamed)
    assert result.returncode == 2
    assert "文件名表明是一矿的报送表，内容却是二矿的（是否把其他单位的报送表改了名？）" in result.stderr


def _meta_edited(source: Path, target: Path, key: str, value: str) -> Path:
    book = openpyxl.load_workbook(source)
    for row in book["报送信息"].iter_rows():
        if row[0].value == key:
            row[1].value = value
    book.save(target)
    return target


def _zip_with(source: Path, target: Path, name: str, content: bytes) -> Path:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for item in old.infolist():
            new.writestr(item, old.read(item.filename))
        new.writestr(name, content)
    return target


def _long_sheet(target: Path) -> Path:
    book = xlsxwriter.Workbook(str(target), {"constant_memory": True})
    sheet = book.add_worksheet("隐患报送")
    meta = book.add_worksheet("报送信息")
    for row, (key, value) in enumerate({"表格": "信访隐患报送表", "格式版本": "1", "单位编号": "er-kuang"}.items()):
        meta.write_row(row, 0, [key, value])
    sheet.write_row(2, 0, HEADERS)
    for row in range(3, 5200):
        sheet.write_number(row, 3, row)
    book.close()
    return target


def _bomb(target: Path) -> Path:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", b"<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (300 * 1024 * 1024))
    return target


def test_files_that_are_not_a_clean_return_are_refused_with_a_clear_message(office, tmp_path):
    data, out = office
    source = out / BOOK
    formula = fill(source, tmp_path / "formula.xlsx", {(FIRST, "涉及人数"): "=SUM(1,2)"})
    text = tmp_path / "记事本.xlsx"
    text.write_text("不是工作簿", "utf-8")
    locked_file = tmp_path / "加密.xlsx"
    locked_file.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    cases = {
        text: "记事本.xlsx  不是 Excel 工作簿（.xlsx）或 Word 文档（.docx），无法导入",
        locked_file: "加密.xlsx  文件设置了打开密码，或是旧版 .xls/.doc 格式：请在 Excel/WPS 中取消密码，"
                     "另存为 .xlsx（Word 表格另存为 .docx）后再导入",
        _zip_with(source, tmp_path / "宏.xlsx", "xl/vbaProject.bin", b"macro"):
            "宏.xlsx  文件含有宏（.xlsm/.docm），为安全起见不予导入：请另存为不含宏的 .xlsx/.docx",
        _zip_with(source, tmp_path / "链接.xlsx", "xl/externalLinks/externalLink1.xml", b"<x/>"):
            "链接.xlsx  工作簿含有指向其他文件的外部链接，不予导入：请复制后“选择性粘贴—数值”去掉链接再报送",
        _bomb(tmp_path / "炸弹.xlsx"): "炸弹.xlsx  文件解压后异常巨大（疑似恶意构造的压缩文件），不予导入",
        _long_sheet(tmp_path / "百万行.xlsx"): "百万行.xlsx  工作表“隐患报送”超过 5000 行，不像是报送表，不予导入",
        out / "文档/北辰能源/北辰能源-信访隐患排查台账-2026年11月.xlsx":
            "北辰能源-信访隐患排查台账-2026年11月.xlsx  不是信访隐患报送表：缺少“隐患报送”或“报送信息”工作表"
            "（请用信访办公室下发的报送表填写，不要删除或改名工作表）",
        _meta_edited(source, tmp_path / "旧版.xlsx", "格式版本", "9"):
            "旧版.xlsx  报送表的格式版本“9”无法识别（本工具为第 1 版）：请使用信访办公室最新下发的报送表",
        _meta_edited(source, tmp_path / "他表.xlsx", "表格", "满意度评价表"):
            "他表.xlsx  不是信访隐患报送表（可能是其他表格的工作簿），无法导入",
        formula: f"formula.xlsx 隐患报送!D{FIRST}  涉及人数: 单元格含有公式，请改为直接填写内容（复制后“选择性粘贴—数值”）",
    }
    result = import_(office, *cases)
    assert result.returncode == 2, result.stdout
    for message in cases.values():
        assert message in result.stderr.splitlines(), message
    assert result.stderr.splitlines()[-1] == f"报送表有 {len(cases)} 处错误，未写入任何数据（data/ 保持不变）。"


def test_a_folder_imports_every_return_in_it(office, tmp_path):
    data, out = office
    folder = tmp_path / "收到的报送"
    folder.mkdir()
    typical_return(office, folder)
    shutil.copy(out / "报送表/北辰能源/一矿/一矿-信访隐患报送表-2026年11月.xlsx", folder)
    (folder / "~$二矿回报.xlsx").write_bytes(b"lock")  # Excel's lock file is skipped
    result = import_(office, folder)
    assert result.returncode == 0, result.stderr
    assert "一矿（一矿-信访隐患报送表-2026年11月.xlsx）：\n  无变化" in result.stdout
    assert "共 2 份报送表：新增隐患 1 条" in result.stdout


def test_a_filled_word_blank_ledger_is_imported_through_its_table(office, tmp_path):
    data, out = office
    run_cli("blanks", "--data", str(data), "--out", str(out), "--quiet")
    blank = out / "空白模板/北辰能源/一矿/一矿-信访隐患排查台账.docx"
    document = Document(blank)
    table = next(t for t in document.tables if "问题描述" in [c.text for c in t.rows[0].cells])
    header = [c.text for c in table.rows[0].cells]
    values = {"问题描述": "一矿澡堂热水供应时间缩短，夜班职工意见较大。", "问题类别": "其他", "涉及人数": "40",
              "风险等级": "绿", "责任人": "宋建华", "化解措施": "恢复夜班热水供应时段。", "化解时限": "2026/12/10",
              "挂号日期": "2026年11月12日", "进展情况": "2026-11-15 已与后勤协调。"}
    for name, value in values.items():
        table.rows[1].cells[header.index(name)].text = value
    filled = tmp_path / "一矿台账.docx"
    document.save(filled)
    result = import_(office, filled, apply=True)
    assert result.returncode == 0, result.stderr
    assert "新增隐患 yk-2026-004（绿，其他，40 人）：一矿澡堂热水供应时间缩短，夜班职工意见较大。" in result.stdout
    text = (data / "risks/yi-kuang.yaml").read_text("utf-8")
    assert "  - 编号: yk-2026-004\n    问题描述: 一矿澡堂热水供应时间缩短" in text
    assert "      - 日期: 2026-11-15\n        内容: 已与后勤协调。" in text
    assert "    责任人: song-jianhua" in text


@pytest.mark.slow
def test_a_return_resaved_by_libreoffice_keeps_validations_and_imports(office, tmp_path):
    data, out = office
    filled = typical_return(office, tmp_path)
    resaved_dir = tmp_path / "resaved"
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to",
                    "xlsx:Calc MS Excel 2007 XML", "--outdir", str(resaved_dir), str(filled)],
                   check=True, capture_output=True, timeout=300)
    resaved = resaved_dir / filled.name
    book = openpyxl.load_workbook(resaved)
    sheet = book["隐患报送"]
    kinds = {dv.type for dv in sheet.data_validations.dataValidation}
    assert {"list", "whole", "date"} <= kinds
    assert book["报送信息"].sheet_state == "hidden" and sheet.protection.sheet
    result = import_(office, resaved)
    assert result.returncode == 0, result.stderr
    assert "ek-2026-002 风险等级 由 红 改为 黄" in result.stdout
    assert "新增隐患 ek-2026-006（红，工资待遇，12 人）" in result.stdout


def test_one_zip_holds_every_units_workbook_for_the_office_to_send(built):
    with zipfile.ZipFile(built / "报送表/北辰能源-信访隐患报送表-2026年11月-全部单位.zip") as archive:
        names = archive.namelist()
        assert f"北辰能源/{UNIT}/{UNIT}-信访隐患报送表-2026年11月.xlsx" in names
        assert archive.read(BOOK.removeprefix("报送表/")) == (built / BOOK).read_bytes()
    assert len(names) == len(list((built / "报送表").rglob("*.xlsx")))


def test_an_entry_the_office_removed_since_issue_is_not_recreated(office, tmp_path):
    data, out = office
    filled = fill(out / BOOK, tmp_path / "r.xlsx", {(FIRST + 1, "涉及人数"): 90})
    path = data / "risks/er-kuang.yaml"
    text = path.read_text("utf-8")
    start = text.index("  - 编号: ek-2026-002")
    path.write_text(text[:start] + text[text.index("  - 编号: ek-2026-003"):], "utf-8")
    result = import_(office, filled, apply=True)
    assert result.returncode == 0, result.stderr
    assert (f"注意：隐患 ek-2026-002（隐患报送!A{FIRST + 1}）下发后已从数据中删除，单位对它的填报未导入，"
            "请与单位核实") in result.stdout
    assert "编号: ek-2026-002" not in path.read_text("utf-8")


def test_an_id_typed_into_a_workbook_that_names_no_entry_is_refused(office, tmp_path):
    data, out = office
    rows = len(entry_ids(openpyxl.load_workbook(out / BOOK)["隐患报送"]))
    filled = fill(out / BOOK, tmp_path / "r.xlsx", {**new_row(rows), (FIRST + rows, "编号"): "ek-2026-099"})
    result = import_(office, filled)
    assert result.returncode == 2
    assert (f"r.xlsx 隐患报送!A{FIRST + rows}  编号: 编号“ek-2026-099”不存在：新增隐患请将编号留空，由导入时统一编号"
            in result.stderr)


def test_guide_sheet_names_the_enterprises_deadline_and_office(built):
    book = openpyxl.load_workbook(built / BOOK, read_only=True)
    guide = "\n".join(str(row[0]) for row in book["填写说明"].iter_rows(values_only=True) if row and row[0])
    assert "文件名可以保留不变，每月25日前发送给信访办公室。" in guide


def test_a_new_entry_of_a_unit_without_a_risk_file_starts_one(office, tmp_path):
    data, out = office
    book = out / "报送表/北辰能源/法务部/法务部-信访隐患报送表-2026年11月.xlsx"
    rows = len(entry_ids(openpyxl.load_workbook(book)["隐患报送"]))
    (data / "risks/fawu.yaml").unlink()  # e.g. the office archived it since the workbook was issued
    entry = {**NEW_ENTRY, "问题描述": "法务部代理的劳动争议案件当事人要求面谈。", "风险等级": "绿",
             "包案领导": None}
    filled = fill(book, tmp_path / "法务部.xlsx", new_row(rows, entry))
    result = import_(office, filled, apply=True)
    assert result.returncode == 0, result.stderr
    text = (data / "risks/fawu.yaml").read_text("utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schema/risks.schema.json\n# 法务部信访隐患排查台账")
    assert "单位: fawu" in text and "问题描述: 法务部代理的劳动争议案件当事人要求面谈。" in text
    assert run_cli("check", "--data", str(data), "--quiet").returncode == 0


def test_apply_after_a_preview_writes_what_the_preview_checked_without_checking_again(office, tmp_path, monkeypatch):
    from xinfang.cli import Reporter
    from xinfang.returns import importer
    data, out = office
    filled = typical_return(office, tmp_path)
    before = (data / "risks/er-kuang.yaml").read_text("utf-8")
    run = lambda apply: importer.run_import([filled], data_dir=data, out_dir=out, apply=apply,  # noqa: E731
                                            reporter=Reporter(quiet=True))
    preview = run(False)
    monkeypatch.setattr(importer.loader, "load", lambda *a, **k: pytest.fail("apply loaded the data again"))
    applied = run(True)
    assert applied.split("\n\n")[0] == preview.split("\n\n")[0]
    assert "已写入 1 个数据文件：risks/er-kuang.yaml" in applied
    assert "ek-2026-006" in (data / "risks/er-kuang.yaml").read_text("utf-8") != before
    assert not list((out / importer.PREVIEWS).glob("*/*.pickle"))  # spent: applying again checks afresh


def test_a_data_edit_after_the_preview_is_checked_afresh_on_apply(office, tmp_path):
    """The office changes the data between preview and apply: apply must not write the texts
    the preview made from the old data (it would undo the office's edit)."""
    data, _ = office
    filled = fill(office[1] / BOOK, tmp_path / "r.xlsx", {(FIRST, "化解时限"): dt.datetime(2027, 1, 31)})
    assert "ek-2026-001 化解时限 由 2026-12-31 改为 2027-01-31" in import_(office, filled).stdout
    path = data / "risks/er-kuang.yaml"
    path.write_text(path.read_text("utf-8").replace("化解时限: 2026-12-31\n    挂号日期: 2026-03-12",
                                                    "化解时限: 2027-01-15\n    挂号日期: 2026-03-12"), "utf-8")
    applied = import_(office, filled, apply=True)
    assert applied.returncode == 0, applied.stderr
    assert "冲突 ek-2026-001 化解时限" in applied.stdout
    assert "化解时限: 2027-01-15\n    挂号日期: 2026-03-12" in path.read_text("utf-8")


def test_apply_of_a_missing_file_is_a_clear_error_not_a_crash(office, tmp_path):
    result = import_(office, tmp_path / "没有这个文件.xlsx", apply=True)
    assert result.returncode == 2, result.stderr
    assert "没有这个文件.xlsx" in result.stderr and "Traceback" not in result.stderr and "内部错误" not in result.stderr


def test_returns_read_on_all_cores_give_what_reading_them_one_by_one_gives(office, tmp_path, monkeypatch):
    """Many returns are read and planned in forked processes; previews and problems must be
    exactly those of the one-by-one reading, in the files' order."""
    from xinfang.cli import Reporter
    from xinfang.errors import DataError
    from xinfang.returns import importer
    data, out = office
    issued = sorted(p for p in (out / "报送表").rglob("*.xlsx") if UNIT not in p.name)
    good = [*issued, typical_return(office, tmp_path)]
    text = tmp_path / "记事本.xlsx"
    text.write_text("不是工作簿", "utf-8")
    formula = fill(out / BOOK, tmp_path / "formula.xlsx", {(FIRST, "涉及人数"): "=SUM(1,2)"})
    bad = [text, *good, issued[0], formula]  # a second return of one unit, and a third of 二矿

    def outcome(files, min_items):
        monkeypatch.setattr(importer, "PARALLEL_MIN_FILES", min_items)
        try:
            return importer.run_import(files, data_dir=data, out_dir=out, apply=False, reporter=Reporter(quiet=True))
        except DataError as exc:
            return [(p.pos.file, p.path, p.message) for p in exc.problems]

    assert len(good) >= 4
    preview = outcome(good, 0)
    assert "新增隐患 ek-2026-006" in preview and preview == outcome(good, 10**6)
    problems = outcome(bad, 0)
    assert problems == outcome(bad, 10**6)
    assert ("记事本.xlsx", "", "不是 Excel 工作簿（.xlsx）或 Word 文档（.docx），无法导入") in problems
    assert any("同一单位一次只能导入一份报送表" in message for _, _, message in problems)
