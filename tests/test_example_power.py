"""The second example enterprise (examples/hengchuan-power): a city power-supply company of
three levels (市公司 → 县公司 → 供电所) that reports its results as percentages only.

Built once into temporary folders and read back, so both shapes of enterprise stay working.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

from conftest import REPO, QuietReporter
from xinfang.site.build import build_site
from datacase import check
from golden import dump_text
from xinfang import loader
from xinfang.build import build_documents
from xinfang.jsonschema import schemas

EXAMPLE = REPO / "examples" / "hengchuan-power"
ROOT = "衡川供电"
# What the example's data warns about on purpose: 2027's holidays are a tentative sample, and
# one red entry is past its deadline so that the documents show 超期.
INTENDED_WARNINGS = ("holidays.yaml:20:9  节假日[1].暂定", "risks/fenglin.yaml:32:11  隐患[1].化解时限")


@pytest.fixture(scope="module")
def power():
    return loader.load(EXAMPLE)


@pytest.fixture(scope="module")
def power_built(tmp_path_factory, power) -> Path:
    out = tmp_path_factory.mktemp("power-build")
    build_documents(power, ["forms", "blanks"], out, QuietReporter())
    return out


@pytest.fixture(scope="module")
def power_site(tmp_path_factory, power, power_built) -> Path:
    site_dir = tmp_path_factory.mktemp("power-site") / "site"
    build_site(EXAMPLE, site_dir, power_built, data=power)
    return site_dir


def doc(built: Path, *parts: str) -> str:
    """The text dump of one filled document under 文档/衡川供电/…, found by a name pattern."""
    folder = built.joinpath("文档", ROOT, *parts[:-1])
    found = sorted(folder.glob(parts[-1]))
    assert len(found) == 1, f"{folder}/{parts[-1]}: {[p.name for p in found]}"
    return dump_text(found[0])


def all_documents(built: Path) -> dict[str, str]:
    return {p.relative_to(built).as_posix(): dump_text(p)
            for pattern in ("*.docx", "*.xlsx") for p in sorted(built.rglob(pattern))}


def site_text(site: Path) -> dict[str, str]:
    """Every site file as text, DOCX and XLSX unpacked. A unit's zip holds the very files
    published beside it (asserted byte for byte), so it is not read a second time."""
    def unpacked(data: bytes) -> str:
        if data[:2] == b"PK":
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                return "\n".join([*z.namelist(), *(z.read(n).decode("utf-8", "replace") for n in z.namelist())])
        return data.decode("utf-8", "replace")
    texts = {}
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        if path.suffix == ".zip":
            with zipfile.ZipFile(path) as z:
                for member in z.namelist():
                    assert z.read(member) == (path.parent / Path(member).name).read_bytes(), member
            continue
        text = unpacked(path.read_bytes())
        if path.name == "search_index.json":
            text = text.replace("\\u200b", "").replace("\u200b", "")
        texts[path.relative_to(site).as_posix()] = text
    return texts


def test_check_passes_with_only_the_intended_warnings(tmp_path, capsys):
    result = check(EXAMPLE, capsys, "--out", str(tmp_path / "out"))
    assert result.code == 0, result.stderr
    warnings = [w.removeprefix("警告  ") for w in result.warnings]
    assert len(warnings) == len(INTENDED_WARNINGS)
    assert all(w.startswith(intended) for w, intended in zip(sorted(warnings), sorted(INTENDED_WARNINGS)))


def test_schema_folder_is_current(power):
    """Editors validate the example with its own schema/ folder, as they do data/."""
    expected = schemas(power)
    assert sorted(p.name for p in (EXAMPLE / "schema").glob("*.json")) == sorted(expected)
    for name, schema in expected.items():
        assert json.loads((EXAMPLE / "schema" / name).read_text("utf-8")) == schema, name


def test_three_levels_each_have_their_folder(power_built):
    station = power_built / "文档" / ROOT / "云溪公司" / "石桥供电所"
    assert sorted(p.name for p in station.glob("*信访隐患排查台账*.docx")) == ["石桥供电所-信访隐患排查台账-2026年11月.docx"]
    assert (power_built / "报送表" / ROOT / "云溪公司" / "石桥供电所").is_dir()
    assert (power_built / "空白模板" / ROOT / "枫林公司" / "大坪供电所").is_dir()


def test_a_stations_entry_rolls_up_under_its_county_company_and_the_company(power_built):
    station = doc(power_built, "云溪公司", "石桥供电所", "石桥供电所-信访隐患排查台账-*.docx")
    county = doc(power_built, "云溪公司", "云溪公司-信访隐患排查台账-*.docx")
    company = doc(power_built, f"{ROOT}-信访隐患排查台账-*.docx")
    workbook = doc(power_built, f"{ROOT}-信访隐患排查台账-*.xlsx")
    for text in (station, county, company, workbook):
        assert "sq-2026-001" in text
    assert "yx-2026-001" in county and "yx-2026-001" not in station
    assert "fl-2026-001" in company and "fl-2026-001" not in county
    # The company's per-unit subtotal counts the station's entry with its county company.
    subtotal = company.split("分单位小计", 1)[1]
    assert "云溪公司 | 2 | 0 | 2 | 0 | 46 |" in subtotal
    assert "石桥供电所 |" not in subtotal


def test_percentage_results_are_worded_with_their_period(power_built, power_site):
    report = doc(power_built, f"{ROOT}-专项排查报告-*.docx")
    assert ("2026年（截至11月20日），退休人员上访率同比下降57%，信访工作总量同比下降16.7%，"
            "闹访、缠访总量同比下降31.9%，到省上访同比下降36%。") in report
    index = (power_site / "index.html").read_text("utf-8")
    assert "2026年（截至11月20日）：退休人员上访率同比下降57%" in index
    # Each year's percentages are a paragraph of their own.
    assert "<p>2025年：信访工作总量同比下降12.5%，网上信访占比同比上升8%。</p>" in index
    assert "<p>2026年（截至11月20日）：退休人员上访率" in index
    attention = (power_site / "attention.html").read_text("utf-8")
    assert "2026年（截至11月20日）报告的同比变化" in attention and "下降57%" in attention
    texts = [report, index, attention]
    for bad in ("同比−", "同比-", "同比+", "2026年，退休人员上访率", "2026年：退休人员上访率"):
        assert not any(bad in t for t in texts), bad


def test_the_inspection_scope_names_each_unit_once(power_built):
    report = doc(power_built, f"{ROOT}-专项排查报告-*.docx")
    scope = "云溪县供电公司及所属3个单位、枫林县供电公司及所属2个单位、退休人员服务中心"
    assert f"排查范围：{scope}。" in report and f"在{scope}范围内开展" in report
    assert "城关供电所" not in report  # counted under its county company, not named again


def test_partner_communities_and_transfer_ledger(power_built):
    ledger = doc(power_built, f"{ROOT}-退休人员社会化移交台账-*.docx")
    for community in ("雁湖区蒸水街道电力社区居民委员会", "云溪县城关镇电业社区居民委员会",
                      "枫林县枫林镇城郊新村社区居民委员会"):
        assert community in ledger
    assert "612" in ledger and "6份人事档案缺少工龄认定材料" in ledger
    assert "协议尚未签订" in ledger
    county = doc(power_built, "云溪公司", "云溪公司-退休人员社会化移交台账-*.docx")
    assert "云溪县城关镇电业社区居民委员会" in county and "电力社区居民委员会" not in county
    meeting = doc(power_built, f"{ROOT}-联席会议纪要-*.docx")
    for member in ("衡川市人民政府", "衡川市信访局", "中共衡川市委政法委员会", "衡川市公安局雁湖分局",
                   "衡川市雁湖区蒸水街道办事处"):
        assert member in meeting
    assert "供电企业退休人员信访解纷维稳碰头会" in meeting


def test_the_enterprises_own_body_names_and_rhythm(power_built):
    plan = doc(power_built, f"{ROOT}-年度信访维稳工作方案-*.docx")
    assert "成立信访稳定工作领导小组" in plan and "（二）稳定办" in plan
    assert "“小事不出供电所、大事不出县公司、矛盾不上交”的工作格局" in plan
    emergency = doc(power_built, f"{ROOT}-突发信访事件应急预案-*.docx")
    assert "信访稳定突发事件应急处置指挥部" in emergency and "应急处置办公室" in emergency
    assert "现场劝导组" in emergency and "综合协调组" not in emergency
    ledger = doc(power_built, f"{ROOT}-信访隐患排查台账-*.docx")
    assert "台账每周一更新、每月一汇总" in ledger
    workbook = dump_text(next((power_built / "报送表" / ROOT / "云溪公司").glob("*.xlsx")))
    assert "每月向稳定办报送" in workbook and "信访办公室" not in workbook


def test_no_document_carries_the_first_examples_defaults(power_built):
    defaults = ("北辰", "信访维稳工作领导小组", "突发信访事件应急指挥部", "信访办公室", "小事不出班组", "煤矿")
    for name, text in all_documents(power_built).items():
        found = [d for d in defaults if d in text]
        assert not found, f"{name} holds {found}"


@pytest.mark.slow  # builds a site (or runs many CLI commands) of its own
def test_nothing_confidential_reaches_the_site(power, power_site):
    secrets = {v for kp in power.key_persons for v in (kp.name, kp.id_number, kp.address, kp.mobile) if v}
    secrets |= {v for h in power.hardship for v in (h.name, h.id_number, h.address, h.mobile) if v}
    assert len(secrets) >= 10
    texts = site_text(power_site)
    assert "index.html" in texts and "search/search_index.json" in texts
    for name, text in texts.items():
        leaked = sorted(s for s in secrets if s in text)
        assert not leaked, f"{name} holds {leaked}"
    assert "信访办公室" not in texts["downloads.html"]


@pytest.mark.slow
def test_company_documents_convert_to_pdf(power_built, tmp_path):
    """The company-wide documents of this shape go through LibreOffice too (test_pdf does every
    document of the shipped example); each PDF holds the enterprise's name."""
    import shutil
    import subprocess
    from test_pdf import PDFTOTEXT, SOFFICE, convert
    if not (SOFFICE and PDFTOTEXT):
        pytest.skip("LibreOffice (soffice) and pdftotext are needed")
    docs = sorted((power_built / "文档" / ROOT).glob("*.docx"))
    assert len(docs) >= 10
    pdfs = {}
    for i, path in enumerate(docs):
        target = tmp_path / f"{i:03d}.docx"
        shutil.copyfile(path, target)
        pdfs[target.with_suffix(".pdf")] = path.name
    convert(tmp_path, sorted(pdfs))
    for pdf, name in pdfs.items():
        assert pdf.exists(), f"LibreOffice did not convert {name}"
        text = subprocess.run([PDFTOTEXT, "-raw", "-enc", "UTF-8", str(pdf), "-"], check=True,
                              capture_output=True).stdout.decode("utf-8")
        assert "衡川" in text, name
