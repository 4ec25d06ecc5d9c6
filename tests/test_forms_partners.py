"""联席会议纪要, 退休人员社会化移交台账 and 困难退休人员帮扶档案卡: data, documents, errors, secrecy."""

from __future__ import annotations

import copy
import io
import zipfile

import pytest

from conftest import copy_data, fresh_copy, replace_in, run_cli
from datacase import check
from formdocs import all_text, find_table, open_docx, render, xml_parts
from xinfang.forms import blank_jobs, form_jobs, hardship_card, joint_meeting, transfer_ledger
from xinfang.forms.common import output_path

MEETING, LEDGER = "联席会议纪要", "退休人员社会化移交台账"


def _hardship_secrets(example) -> set[str]:
    values = set()
    for h in example.hardship:
        values |= {v for v in (h.name, h.id_number, h.address, h.mobile, h.family) if v}
        values |= {r.note for r in h.records}
    assert len(values) > 10
    return values


# --- 联席会议（碰头会）纪要 -----------------------------------------------------

def test_minutes_list_standing_members_and_every_community(built, example):
    doc = open_docx(built / output_path(example, example.root, MEETING, "2026年"))
    text = all_text(doc)
    assert "信访维稳联席会议（碰头会）纪要" in text
    assert "牵头单位 | 新乡市红旗区人民政府 | 会议周期 | 每季度" in text
    [members] = find_table(doc, "类别", "单位", "参会人", "电话", "签到")
    sides = [r[0] for r in members[1:]]
    assert sides == ["政府", "信访", "政法", "公安", "街道社区", "本企业", "本企业", "本企业"]
    assert ["公安", "新乡市公安局红旗分局", "分管副局长", "0373-2058110", ""] in members
    assert ["本企业", "党群工作部（信访办公室）", "马丽华（党群工作部部长、信访办公室主任）"] == \
        [r for r in members if "马丽华" in r[2]][0][:3]
    [communities] = find_table(doc, "序号", "社区（街道）", "所在县区", "对接单位")
    assert [r[1] for r in communities[1:]] == [c.name for c in example.partners.communities]
    assert "议定事项由责任单位按时限办理" in text and "填写说明" not in text


def test_a_paired_unit_gets_minutes_with_its_own_communities_only(built, example):
    unit = example.units["er-kuang"]
    doc = open_docx(built / output_path(example, unit, MEETING, "2026年"))
    [communities] = find_table(doc, "序号", "社区（街道）")
    assert [r[1] for r in communities[1:]] == ["辉县市薄壁镇矿区社区居民委员会"]


def test_minutes_go_to_the_root_and_paired_units_only(example):
    labels = [j.path.rsplit("/", 1)[-1].split("-")[0] for j in joint_meeting.DECLARATION.jobs(example, blank=False)]
    assert labels == ["北辰能源", "二矿", "退管中心"]
    assert [j.path for j in joint_meeting.DECLARATION.jobs(example, blank=True)] == [
        output_path(example, example.units[u], MEETING, "", blank=True) for u in ("hq", "er-kuang", "tuiguan")]


def test_no_partners_file_means_no_minutes_but_a_blank(example):
    data = copy.deepcopy(example)
    data.partners = type(data.partners)()
    assert joint_meeting.DECLARATION.jobs(data, blank=False) == []
    assert transfer_ledger.DECLARATION.jobs(data, blank=False) == []
    assert [j.path for j in joint_meeting.DECLARATION.jobs(data, blank=True)] == [
        output_path(data, data.root, MEETING, "", blank=True)]


def test_blank_minutes_have_empty_rows(built, example):
    doc = open_docx(built / output_path(example, example.root, MEETING, "", blank=True))
    [members] = find_table(doc, "类别", "单位", "参会人", "电话", "签到")
    assert len(members) == 1 + joint_meeting.BLANK_MEMBERS and all(not any(r) for r in members[1:])
    text = all_text(doc)
    assert "填写说明" in text and "新乡市公安局红旗分局" not in text


# --- 退休人员社会化移交台账 -------------------------------------------------------

def test_ledger_rows_totals_and_summary(built, example):
    doc = open_docx(built / output_path(example, example.root, LEDGER, "2026年11月"))
    [table] = find_table(doc, "序号", "接收社区（街道）", "所在县区", "移交单位", "移交协议")
    body, total = table[1:-1], table[-1]
    assert [r[3] for r in body] == ["退管中心", "物业公司", "退管中心", "二矿"]
    assert body[0][5:10] == ["2025年6月30日", "1460", "268", "1460", "100.0%"]
    assert body[3][5] == "未签订" and body[3][9] == "0.0%"
    assert body[2][10] == "1.28份人事档案缺少工龄认定材料，正与市人社局核对\n2.退休党员活动经费未落实"
    assert body[1][10] == "无"
    assert total[1] == "合计" and total[6:11] == ["2950", "438", "2368", "80.3%", "5项"]
    text = all_text(doc)
    assert ("共向3个社区（街道）移交退休人员2950人，其中转接组织关系的党员438人；人事档案已移交2368份，占80.3%；"
            "尚有1项移交协议未签订；遗留问题5项。") in text


def test_unit_ledger_holds_its_own_transfers(built, example):
    doc = open_docx(built / output_path(example, example.units["wuye"], LEDGER, "2026年11月"))
    [table] = find_table(doc, "序号", "接收社区（街道）")
    assert [r[1] for r in table[1:-1]] == ["红旗区东街街道北站社区居民委员会"]
    assert "移交协议均已签订；没有遗留问题。" in all_text(doc)


def test_ledger_goes_to_the_root_and_handover_units(example):
    folders = [j.path.rsplit("/", 1)[-1].split("-")[0] for j in transfer_ledger.DECLARATION.jobs(example, blank=True)]
    assert folders == ["北辰能源", "二矿", "物业公司", "退管中心"]
    assert len(transfer_ledger.DECLARATION.jobs(example, blank=False)) == 4


def test_bad_transfer_counts_name_file_line_and_field(tmp_path, capsys):
    data = copy_data(tmp_path)
    replace_in(data / "partners.yaml", "        党员: 18\n", "        党员: 180\n")
    replace_in(data / "partners.yaml", "    对接单位: er-kuang\n", "    对接单位: er-kuan\n")
    result = check(data, capsys)
    assert result.code == 2
    problems = [p for p in result.problems if p.startswith("partners.yaml")]
    assert problems == [
        "partners.yaml:66:13  联建社区[1].社会化移交[2].党员: 移交党员 180 人多于移交退休人员 120 人",
        "partners.yaml:89:11  联建社区[3].对接单位: 引用的单位“er-kuan”不存在，是否应为“er-kuang”？",
    ]


# --- 困难退休人员帮扶档案卡 (涉密) -----------------------------------------------

def test_each_card_is_confidential_in_its_former_units_folder(built, example):
    jobs = hardship_card.DECLARATION.jobs(example, blank=False)
    assert [j.path for j in jobs] == [
        "涉密文档/北辰能源/二矿/二矿-困难退休人员帮扶档案卡-bf-001.docx",
        "涉密文档/北辰能源/二矿/二矿-困难退休人员帮扶档案卡-bf-002.docx"]
    assert all(j.confidential for j in jobs)
    doc = open_docx(built / jobs[0].path)
    text = all_text(doc)
    assert example.enterprise.documents.secret_mark in text
    assert "姓名 | 牛桂英 | 身份证号 | 410702195011082026" in text
    assert "所在社区 | 红旗区东街街道北站社区居民委员会" in text
    assert "帮扶责任人 | 高淑珍（退管中心主任）" in text
    [records] = find_table(doc, "日期", "走访、慰问、救助内容", "金额（元）")
    assert records[-1] == ["合计", "", "3500"]
    assert records[2] == ["2026年6月20日", "协助办理医疗救助，发放工会帮扶金。", "3000"]


def test_no_card_without_the_confidential_file(example):
    data = copy.deepcopy(example)
    data.hardship = []
    assert hardship_card.DECLARATION.jobs(data, blank=False) == []
    assert len(hardship_card.DECLARATION.jobs(data, blank=True)) == 4


def test_blank_card_is_empty_and_holds_no_hardship_value(built, example):
    secrets = _hardship_secrets(example)
    jobs = [j for j in blank_jobs(example) if j.template == hardship_card.TEMPLATE]
    assert jobs and not any(j.confidential for j in jobs)
    for job in jobs:
        data = (built / job.path).read_bytes()
        for part, xml in xml_parts(data).items():
            assert not [s for s in secrets if s in xml], f"{job.path}/{part}"
    text = all_text(open_docx(built / jobs[0].path))
    assert "填写说明" in text and example.enterprise.documents.secret_mark not in text


def test_no_hardship_value_in_any_blank_or_unclassified_document(built, example):
    secrets = _hardship_secrets(example)
    public = [j for j in form_jobs(example) if not j.confidential] + blank_jobs(example)
    assert len(public) > 100
    for job in public:
        path = built / job.path
        blob = path.read_bytes()
        if path.suffix == ".docx":
            texts = xml_parts(blob).values()
        else:
            with zipfile.ZipFile(io.BytesIO(blob)) as z:
                texts = [z.read(n).decode("utf-8", "replace") for n in z.namelist()]
        for text in texts:
            assert not [s for s in secrets if s in text], job.path
    zips = sorted((built / "空白模板").rglob("*.zip"))
    assert zips
    for path in zips:
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                for part, xml in xml_parts(z.read(name)).items():
                    assert not [s for s in secrets if s in xml], f"{path.name}:{name}/{part}"


@pytest.mark.slow
def test_no_hardship_value_anywhere_in_site(site, example):
    secrets = _hardship_secrets(example)
    scanned = 0
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        blob = path.read_bytes()
        if blob[:2] == b"PK":
            with zipfile.ZipFile(io.BytesIO(blob)) as z:
                inner = [z.read(n) for n in z.namelist()]
            texts = []
            for part in inner:
                if part[:2] == b"PK":
                    with zipfile.ZipFile(io.BytesIO(part)) as zz:
                        texts += [zz.read(n).decode("utf-8", "replace") for n in zz.namelist()]
                else:
                    texts.append(part.decode("utf-8", "replace"))
        else:
            texts = [blob.decode("utf-8", "replace").replace("\u200b", "")]
        for text in texts:
            assert not [s for s in secrets if s in text], path.relative_to(site)
        scanned += 1
    assert scanned > 30


def test_hardship_file_is_checked_with_its_own_schema(tmp_path, capsys):
    data = copy_data(tmp_path)
    replace_in(data / "confidential" / "hardship.yaml", "所在社区: kuangqu-shequ", "所在社区: kuangqu")
    replace_in(data / "confidential" / "hardship.yaml", "    困难类型: 独居高龄\n", "")
    result = check(data, capsys)
    assert result.code == 2
    assert [p for p in result.problems if p.startswith("confidential/")] == [
        "confidential/hardship.yaml:42:5  帮扶对象[2].困难类型: 缺少必填项",
        "confidential/hardship.yaml:47:11  帮扶对象[2].所在社区: 引用的联建社区“kuangqu”不存在，是否应为“kuangqu-shequ”？",
    ]


def test_hardship_edit_remakes_only_its_card_and_words_nothing_of_it(built, tmp_path):
    data, out = fresh_copy(built, tmp_path)
    replace_in(data / "confidential" / "hardship.yaml", "困难类型: 独居高龄", "困难类型: 独居高龄老人")
    replace_in(data / "partners.yaml", "        党员: 268\n", "        党员: 270\n")
    result = run_cli("forms", "--data", str(data), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "更新 3 份" in result.stdout
    listing = (out / "变更清单.txt").read_text("utf-8")
    assert "联建社区“红旗区东街街道北站社区居民委员会”·社会化移交第1项·党员 由 268 改为 270" in listing
    assert "二矿-困难退休人员帮扶档案卡-bf-002.docx：涉密文档，有 1 处变化" in listing
    assert "独居高龄" not in listing and "宋振邦" not in listing


def test_card_repeats_the_secret_mark_on_later_pages_only_when_filled(example):
    mark = example.enterprise.documents.secret_mark
    filled = render(example, hardship_card.DECLARATION.jobs(example, blank=False)[0])
    blank = render(example, hardship_card.DECLARATION.jobs(example, blank=True)[0])
    assert filled.sections[0].header.paragraphs[0].text.startswith(mark)
    assert filled.sections[0].different_first_page_header_footer  # page 1 has the mark in its body
    assert mark not in blank.sections[0].header.paragraphs[0].text
    assert mark not in all_text(blank)
