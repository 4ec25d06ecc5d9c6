"""The manual site, built once from the example data and read back as HTML."""

from __future__ import annotations

import html
import io
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from conftest import DATA, REPO, copy_data, make_site
from xinfang import forms
from xinfang.forms import petition_forms
from xinfang.forms.declaration import declared_jobs
from xinfang.site import filled_forms
from xinfang.errors import DataError

NAV_PAGES = ["index", "attention", "learning-path", "organisation", "procedure", "screening", "ledger-howto", "reception",
             "visits", "key-groups", "reporting", "emergency", "supervision", "assessment", "checklists", "faq",
             "downloads", "units/index", "contacts", "changes"]
LINK = re.compile(r'(?:href|src)="([^"]*)"')
INLINE_TAG = re.compile(r"</?(?:a|strong|em|b|i|span)\b[^>]*>")
OUTSIDE = re.compile(r"""(?:\b(?:src|href)\s*=\s*["']?|url\(\s*["']?)\s*(?:https?:)?//""", re.I)


def page(site: Path, name: str) -> str:
    return (site / f"{name}.html").read_text("utf-8")


def text_of(markup: str) -> str:
    """The visible text of a page's article, tags dropped and entities decoded."""
    article = markup.split('<article', 1)[1].split("</article>", 1)[0]
    article = INLINE_TAG.sub("", article)  # a phone's tel: link or bold text stays one word with its neighbours
    return html.unescape(re.sub(r"<[^>]+>", " ", article))


def all_files(site: Path):
    return sorted(p for p in site.rglob("*") if p.is_file())


def test_every_page_and_unit_page_exists(site, example):
    for name in NAV_PAGES:
        assert (site / f"{name}.html").is_file(), name
    for unit in example.units.values():
        text = text_of(page(site, f"units/{unit.id}"))
        assert unit.name in text


def test_every_internal_link_resolves(site):
    checked = 0
    for path in site.rglob("*.html"):
        for target in LINK.findall(path.read_text("utf-8")):
            parts = urlsplit(html.unescape(target))
            if parts.scheme or parts.netloc or not parts.path:
                continue  # outward links and same-page anchors
            base = site if parts.path.startswith("/") else path.parent  # 404.html uses site-absolute paths
            resolved = (base / unquote(parts.path).lstrip("/")).resolve()
            if resolved.is_dir():
                resolved = resolved / "index.html"
            assert resolved.is_file(), f"{path.relative_to(site)} → {target}"
            checked += 1
    assert checked > 500


def test_downloads_are_real_docx_and_cover_every_blank(site, example):
    jobs = forms.blank_jobs(example)
    assert jobs, "the forms package offers no blank templates"
    listed = set()
    for name in ["downloads"] + [f"units/{u}" for u in example.units]:
        path = site / f"{name}.html"
        for target in LINK.findall(path.read_text("utf-8")):
            if "downloads/" in target:
                listed.add((path.parent / unquote(target)).resolve())
    docx = [p for p in listed if p.suffix == ".docx"]
    examples = declared_jobs(petition_forms.DECLARATION, example, False)  # the filled 示例 offered beside the blanks
    filled = filled_forms.choose(example)[0]  # one filled example of each standard form
    assert len(docx) == len(jobs) + len(examples) + len(filled)
    for path in docx:
        with zipfile.ZipFile(path) as z:
            assert "word/document.xml" in z.namelist()
            assert "<w:body>" in z.read("word/document.xml").decode("utf-8")
    downloads = text_of(page(site, "downloads"))
    for job in jobs:
        assert job.title in downloads


def test_unit_page_offers_its_own_downloads(site, example):
    unit = example.units["yi-kuang"]
    markup = page(site, "units/yi-kuang")
    own = [j for j in forms.blank_jobs(example) if j.path.rsplit("/", 2)[-2] == unit.label]
    assert own
    for job in own:
        assert job.title in text_of(markup)
    assert 'href="../downloads/yi-kuang/' in markup


def test_nothing_is_loaded_from_outside(site):
    scanned = 0
    for path in all_files(site):
        if path.suffix in (".html", ".js", ".css"):
            text = path.read_text("utf-8", errors="replace")
            found = OUTSIDE.findall(text)
            assert not found, f"{path.relative_to(site)} loads {found[:3]}"
            scanned += 1
    assert scanned > 30
    assert "fonts.googleapis" not in page(site, "index")


def _unpacked(data: bytes) -> str:
    """Bytes as text; a zip (DOCX, or a unit's zip of DOCX files) is unpacked, recursively."""
    if data[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return "\n".join([*z.namelist(), *(_unpacked(z.read(n)) for n in z.namelist())])
    return data.decode("utf-8", "replace")


def _readable(path: Path) -> str:
    return _unpacked(path.read_bytes())


@pytest.mark.slow
def test_no_confidential_value_anywhere_in_site(site, key_person_secrets):
    files = all_files(site)
    assert any(p.name == "search_index.json" for p in files)
    for path in files:
        text = _readable(path)
        if path.name == "search_index.json":
            text = text.replace("\\u200b", "").replace("\u200b", "")
        leaked = [s for s in key_person_secrets if s in text]
        assert not leaked, f"{path.relative_to(site)} holds {leaked}"


def test_search_index_finds_chinese_terms_on_the_right_pages(site):
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    assert index["config"]["lang"] == ["zh"]
    assert "\\u200b" in index["config"]["separator"]
    pages: dict[str, str] = {}
    for doc in index["docs"]:
        pages.setdefault(doc["location"].split("#")[0], "")
        pages[doc["location"].split("#")[0]] += doc["title"] + doc["text"]
    assert any("\u200b" in text for text in pages.values()), "Chinese text was not segmented"
    plain = {loc: text.replace("\u200b", "") for loc, text in pages.items()}
    assert "包案" in plain["reception.html"]
    assert "销号" in plain["screening.html"]
    assert "应急" in plain["emergency.html"]


def test_unit_tree_svg_lists_every_unit(site, example):
    markup = page(site, "organisation")
    svg = re.search(r'<svg class="xf-diagram xf-tree".*?</svg>', markup, re.S).group(0)
    labels = [html.unescape(t) for t in re.findall(r"<text[^>]*>([^<]*)</text>", svg)]
    for unit in example.units.values():
        assert unit.label in labels
        assert f'href="units/{unit.id}.html"' in svg


def test_flows_are_drawn_from_the_data(site, example):
    procedure = page(site, "procedure")
    svg = re.search(r'<svg class="xf-diagram xf-flow".*?</svg>', procedure, re.S).group(0)
    for step in example.procedure.steps:
        assert html.escape(step.name, quote=False) in svg
    emergency = flat(page(site, "emergency"))
    assert "须在 30分钟内报告信访办公室" in emergency
    assert example.emergency.post.office.phone in emergency
    assert "60 分钟" not in emergency and "分钟内 到达现场" not in emergency


def flat(markup: str) -> str:
    """text_of with every run of white space made one space."""
    return re.sub(r"\s+", " ", text_of(markup))


def test_arrival_times_in_hours_as_in_the_plan(site, example):
    """The site words times as the emergency plan does: whole hours as hours."""
    emergency = flat(page(site, "emergency"))
    assert "事发单位人员须在 1小时内到达现场" in emergency
    assert ("新乡市 公司所在地 1小时 2小时 郑州市 省会 1小时 2小时 北京市 进京 — 6小时" in emergency)
    unit = flat(page(site, "units/redian"))
    assert "新乡市 公司所在地 1小时" in unit and "郑州市 省会 2小时" in unit
    assert "120 分钟" not in unit and "60 分钟" not in unit


def test_site_uses_the_enterprises_own_names_and_rules(site, example):
    text = re.sub(r"\s+", " ", text_of(page(site, "screening")))
    assert "各单位按“季、月、旬”常态化排查信访隐患：每季度全面排查一次，每月25日前完成一次自查，每旬跟踪排查一次；" in text
    assert "台账每日一更新、每月一汇总，实行周调度、月销号。" in text
    assert "每月25日前将台账报信访办公室（电话 0373-3512110）" in text
    reception = re.sub(r"\s+", " ", text_of(page(site, "reception")))
    assert "接访的时间、地点提前 3 个工作日在企业内网、公告栏公告。" in reception
    assert "职工可通过电话、线上平台预约接访。" in reception
    assert "接待室配备录音录像设备" in reception
    emergency = re.sub(r"\s+", " ", text_of(page(site, "emergency")))
    assert "风险预控日报告 每天下班前 所在单位领导" in emergency
    assert "重大风险专报 发现重大群体性事件苗头动向后第一时间 公司信访办公室" in emergency
    assert "应急备用金：50 万元，由财务部管理" in emergency
    assert "一矿备用金：20 万元 二矿备用金：30 万元" in emergency  # one list item each
    assert "热电厂备用金：额度由本单位按需核定" in emergency
    organisation = flat(page(site, "organisation"))
    assert "信访办公室 设在：党群工作部" in organisation
    assert "本手册由信访办公室（设在" in text_of(page(site, "index"))


@pytest.mark.slow
def test_contacts_show_only_public_fields(site, example):
    contacts = text_of(page(site, "contacts"))
    hidden = [p for p in example.people.values() if p.mobile and "手机" not in p.public]
    shown = [p for p in example.people.values() if p.mobile and "手机" in p.public]
    assert hidden and shown
    for p in shown:
        assert p.mobile in contacts
    for path in all_files(site):
        text = _readable(path)
        for p in hidden:
            assert p.mobile not in text, f"{p.name}'s mobile is not public but is in {path.relative_to(site)}"
    for c in example.contacts:
        assert (c.phone in contacts) == (c.public == "是")


def test_key_groups_page_has_policy_and_no_names(site, example):
    text = text_of(page(site, "key-groups"))
    for policy in example.key_groups.policies:
        assert policy.frequency in text
    for kp in example.key_persons:
        assert kp.name not in text


def test_nav_stays_small_on_unit_pages(site, example):
    """Unit pages are in the nav (test_site_nav), but pruned: a page shows its own branch only."""
    markup = page(site, "units/yi-kuang")
    nav = markup.split('class="md-sidebar md-sidebar--primary"', 1)[1].split("</nav>", 1)[0]
    assert len(re.findall(r'class="md-nav__link', nav)) <= len(NAV_PAGES) + len(example.root.children) + 3


def test_print_stylesheet_hides_navigation(site):
    assert 'href="assets/manual.css"' in page(site, "index")
    css = (site / "assets" / "manual.css").read_text("utf-8")
    block = css.split("@media print", 1)[1]
    for selector in (".md-header", ".md-sidebar", ".md-search"):
        assert selector in block


@pytest.mark.slow
def test_change_log_words_a_change_and_failed_build_keeps_old_site(tmp_path):
    data = copy_data(tmp_path)
    site_dir = tmp_path / "site"
    first = make_site(data, site_dir)
    assert "首次生成" in first
    assert "首次生成" in text_of(page(site_dir, "changes"))
    again = tmp_path / "again"
    make_site(data, again)
    assert {p.relative_to(again): p.read_bytes() for p in all_files(again)} == \
        {p.relative_to(site_dir): p.read_bytes() for p in all_files(site_dir)}, "same data, different site"
    shutil.rmtree(again)
    people = data / "people.yaml"
    people.write_text(people.read_text("utf-8").replace("姓名: 赵国强", "姓名: 李某某"), "utf-8")
    second = make_site(data, site_dir)
    assert re.search(r"公开内容的数据变化 [1-9]\d* 处", second)
    changes = text_of(page(site_dir, "changes"))
    # A renamed person is one change of that person, not one per role the person holds.
    assert "人员“李某某”·姓名 由 赵国强 改为 李某某" in changes
    assert "组长 由" not in changes
    assert "李某某" in text_of(page(site_dir, "organisation"))

    before = {p: p.read_bytes() for p in all_files(site_dir)}
    (data / "units.yaml").write_text((data / "units.yaml").read_text("utf-8").replace(
        "主要领导: zhao-guoqiang", "主要领导: nobody-here", 1), "utf-8")
    with pytest.raises(DataError) as failure:
        make_site(data, site_dir)
    assert "nobody-here" in str(failure.value)
    assert {p: p.read_bytes() for p in all_files(site_dir)} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["build", "data", "site"]  # no temp folders left


@pytest.mark.slow
def test_mkdocs_itself_builds_strict_and_reports_data_errors(tmp_path):
    env = dict(os.environ, XINFANG_DATA=str(DATA), XINFANG_OUT=str(tmp_path / "build"))
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir"]
    ok = subprocess.run(mkdocs + [str(tmp_path / "ok")], cwd=REPO, env=env,
                        capture_output=True, text=True, timeout=300)
    assert ok.returncode == 0, ok.stderr
    assert (tmp_path / "ok" / "units" / "yi-kuang.html").is_file()
    # Plain mkdocs brings the documents up to date in XINFANG_OUT and copies its downloads from there.
    zips = sorted((tmp_path / "build" / "空白模板").rglob("*.zip"))
    offered = {p.name: p for p in (tmp_path / "ok" / "downloads").rglob("*.zip")}
    assert zips and {z.name for z in zips} == set(offered)
    assert all(offered[z.name].read_bytes() == z.read_bytes() for z in zips)
    assert (tmp_path / "build" / "涉密文档").is_dir() and not any((tmp_path / "ok").rglob("*涉密*"))

    bad = copy_data(tmp_path)
    shutil.copy(bad / "units.yaml", bad / "units.yaml.bak")
    (bad / "units.yaml").write_text((bad / "units.yaml").read_text("utf-8").replace(
        "信访联络员: han-xue", "信访联络员: han-xeu", 1), "utf-8")
    (bad / "units.yaml.bak").unlink()
    env["XINFANG_DATA"] = str(bad)
    failed = subprocess.run(mkdocs + [str(tmp_path / "bad")], cwd=REPO, env=env,
                            capture_output=True, text=True, timeout=300)
    assert failed.returncode != 0
    assert "引用的人员“han-xeu”不存在，是否应为“han-xue”（韩雪）？" in failed.stderr
    assert not (tmp_path / "bad" / "index.html").exists()


def _stamps(site: Path) -> dict[str, tuple]:
    return {p.relative_to(site).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns, p.read_bytes())
            for p in site.rglob("*") if p.is_file()}


@pytest.mark.slow
def test_changed_phone_rewrites_only_the_files_that_show_it(tmp_path, example):
    data = copy_data(tmp_path)
    sources = "\n".join(p.read_text("utf-8") for p in sorted(data.rglob("*.yaml")))
    # A leader whose office phone is public and appears nowhere else in the data.
    person = next(p for p in example.people.values()
                  if "办公电话" in p.public and p.office_phone and sources.count(p.office_phone) == 1
                  and any(u.leader == p.id for u in example.units.values()))
    old, new = person.office_phone, "0373-7654321"
    assert new not in sources
    site_dir = tmp_path / "site"
    make_site(data, site_dir)
    before = _stamps(site_dir)
    shown = {rel for rel in before if old in _readable(site_dir / rel)}
    assert f"units/{person.unit}.html" in shown and "contacts.html" in shown

    people = data / "people.yaml"
    people.write_text(people.read_text("utf-8").replace(f"办公电话: {old}", f"办公电话: {new}"), "utf-8")
    summary = make_site(data, site_dir)
    after = _stamps(site_dir)
    assert after.keys() == before.keys()
    rewritten = {rel for rel in after if after[rel][:2] != before[rel][:2]}
    assert all(after[rel][2] != before[rel][2] for rel in rewritten), "a file was rewritten with equal bytes"
    assert all(after[rel][2] == before[rel][2] for rel in after.keys() - rewritten)
    necessary = {"changes.html", ".xinfang-site.json", "search/search_index.json", "search/search_index.js",
                 "sitemap.xml", "sitemap.xml.gz"}
    assert shown <= rewritten, "a file showing the phone kept the old number"
    assert rewritten - shown <= necessary, f"rewritten without showing the phone: {sorted(rewritten - shown - necessary)}"
    assert {"changes.html", ".xinfang-site.json"} <= rewritten
    assert f"网站文件新增 0 个、修改 {len(rewritten)} 个、未变 {len(after) - len(rewritten)} 个、删除 0 个" in summary
    # They name the old number (search_index.js is the index inlined for file://).
    history = {"changes.html", ".xinfang-site.json", "search/search_index.json", "search/search_index.js"}
    assert [rel for rel in shown - history if old in _readable(site_dir / rel)] == []
    assert f"办公电话 由 {old} 改为 {new}" in text_of(page(site_dir, "changes"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["build", "data", "site"]  # no temporary files or folders


@pytest.mark.slow
def test_removed_unit_page_is_removed_from_site(tmp_path):
    data = copy_data(tmp_path)
    site_dir = tmp_path / "site"
    make_site(data, site_dir)
    stray = site_dir / "units" / "old-unit.html"
    stray.write_text("<p>旧页面</p>", "utf-8")
    (site_dir / "units" / ".old-unit.html.tmp").write_text("half", "utf-8")  # a killed sync's leftover
    summary = make_site(data, site_dir)
    assert not stray.exists() and not (site_dir / "units" / ".old-unit.html.tmp").exists()
    assert "修改 0 个" in summary and "删除 2 个" in summary


@pytest.mark.slow
def test_killed_site_build_leaves_whole_files_and_no_temporaries(tmp_path):
    data = copy_data(tmp_path)
    site_dir, ref = tmp_path / "site", tmp_path / "ref"
    make_site(data, site_dir)
    old = {rel: v[2] for rel, v in _stamps(site_dir).items()}
    people = data / "people.yaml"
    people.write_text(people.read_text("utf-8").replace("姓名: 赵国强", "姓名: 李某某"), "utf-8")
    shutil.copytree(site_dir, ref)
    make_site(data, ref)  # what a complete rebuild gives
    new = {rel: v[2] for rel, v in _stamps(ref).items()}

    proc = subprocess.Popen([sys.executable, str(REPO / "generate.py"), "site", "--data", str(data),
                             "--site-dir", str(site_dir), "--out", str(tmp_path / "build")],
                            cwd=REPO, stderr=subprocess.PIPE, text=True)
    while proc.poll() is None and not list(tmp_path.glob(".site-*/sitemap.xml")):
        pass  # MkDocs writes the sitemap last; the sync follows
    proc.send_signal(signal.SIGTERM)
    stderr = proc.communicate(timeout=60)[1]
    assert "Traceback" not in stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["build", "data", "ref", "site"]  # no temporary folder
    after = {rel: v[2] for rel, v in _stamps(site_dir).items()}
    assert not [rel for rel in after if rel.endswith(".tmp")]
    assert set(after) <= set(old) | set(new)
    assert [rel for rel, content in after.items() if content not in (old.get(rel), new.get(rel))] == []
    make_site(data, site_dir)  # the next build completes the job
    assert {rel: v[2] for rel, v in _stamps(site_dir).items()} == new


def test_sync_interrupted_mid_way_leaves_old_or_new_files_and_no_temporaries(tmp_path, monkeypatch):
    from xinfang.site import sync
    site_dir, new = tmp_path / "site", tmp_path / "new"
    for folder, text in ((site_dir, "旧"), (new, "新")):
        for name in ("a.html", "b/c.html", "b/d.html", "e.html"):
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_text(f"{text}{name}", "utf-8")
    (site_dir / "gone.html").write_text("旧", "utf-8")
    real_replace, calls = os.replace, []

    def replace(src, dst):
        calls.append(dst)
        if len(calls) == 3:
            raise KeyboardInterrupt  # SIGTERM, as the CLI turns it
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)  # write_atomic's rename into place
    with pytest.raises(KeyboardInterrupt):
        sync.sync(sync.tree(new), site_dir)
    files = {p.relative_to(site_dir).as_posix(): p.read_text("utf-8") for p in site_dir.rglob("*") if p.is_file()}
    assert files == {"a.html": "新a.html", "b/c.html": "新b/c.html", "b/d.html": "旧b/d.html",
                     "e.html": "旧e.html", "gone.html": "旧"}
    monkeypatch.undo()
    result = sync.sync(sync.tree(new), site_dir)
    assert (result.changed, result.unchanged, result.removed) == (["b/d.html", "e.html"], 2, ["gone.html"])
    assert {p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*")} == {"a.html", "b", "b/c.html",
                                                                                 "b/d.html", "e.html"}


def test_home_shows_targets_and_year_on_year_change_like_the_report(site, example):
    text = text_of(page(site, "index"))
    for target in example.enterprise.targets:
        assert target.indicator in text and target.value in text
    # 2026 is counted to 2026-11-20: never set against 2025's whole year as 同比.
    assert "−24.81%" not in text and "24.81" not in text and "47.94" not in text
    assert "未满全年的统计数字不与上年全年数字作同比，同比一栏为“—”。" in text
    assert "2026年（截至11月20日）：退休人员上访率同比下降57%，进京上访批次同比下降100%。" in text


@pytest.mark.slow  # builds a site (or runs many CLI commands) of its own
def test_whole_years_worded_and_bracketed_posts_not_nested(tmp_path):
    """One modified site: two whole years, and a commander whose post has parentheses."""
    data = copy_data(tmp_path)
    path = data / "enterprise.yaml"
    path.write_text(path.read_text("utf-8").replace("    统计截止: 2026-11-20\n", ""), "utf-8")
    people = data / "people.yaml"
    people.write_text(people.read_text("utf-8").replace("职务: 党委书记、董事长", "职务: 党委书记、董事长（兼）", 1),
                      "utf-8")
    make_site(data, tmp_path / "site")
    text = re.sub(r"\s+", " ", text_of(page(tmp_path / "site", "index")))
    # The same figures, the same rule (cut after two decimals) as the inspection report, in words.
    assert "2026 全年 303 下降24.81% 469 下降47.94%" in text
    assert "−24.81%" not in text and "不与上年全年" not in text
    emergency = re.sub(r"\s+", " ", text_of(page(tmp_path / "site", "emergency")))
    assert "总指挥：党委书记、董事长（兼）赵国强" in emergency and "（兼））" not in emergency


def test_unit_page_offers_its_return_workbook_with_the_open_entries(site, example):
    markup = page(site, "units/er-kuang")
    links = [unquote(t) for t in LINK.findall(markup) if t.endswith(".xlsx")]
    assert links == ["../downloads/er-kuang/二矿-信访隐患报送表-2026年11月.xlsx"]
    with zipfile.ZipFile(site / "downloads/er-kuang/二矿-信访隐患报送表-2026年11月.xlsx") as book:
        assert "xl/worksheets/sheet1.xml" in book.namelist()
        strings = book.read("xl/sharedStrings.xml").decode("utf-8")
    assert all(r.id in strings for r in example.risks if r.unit == "er-kuang" and r.state == "在办")
    assert not any(p.name in strings for p in example.key_persons)


def test_home_with_percentages_only_has_no_empty_table(example):
    """A year reported only as percentages (seed 000): no count table, the changes in words."""
    import copy
    from xinfang.model import Change, YearFigures
    from xinfang.site.pages import Site
    data = copy.deepcopy(example)
    data.enterprise.figures = [YearFigures(year=2026, changes=[Change(indicator="信访工作总量", percent=-16.7),
                                                               Change(indicator="到省上访", percent=-36)])]
    markdown = Site(data, [], []).home()
    assert "## 信访总量" in markdown and "| 年度 |" not in markdown
    assert "2026年：信访工作总量同比下降16.7%，到省上访同比下降36%。" in markdown


def test_unit_page_opens_with_its_zip_and_return_workbook_then_each_blank(site):
    markup = page(site, "units/yi-kuang")
    section = markup.split('id="本单位表格下载"', 1)[1].split("<h2", 1)[0]
    names = [unquote(t).rsplit("/", 1)[-1] for t in LINK.findall(section) if "downloads/yi-kuang/" in t]
    assert names[0] == "一矿-全部空白模板.zip"
    assert names[1] == "一矿-信访隐患报送表-2026年11月.xlsx"
    assert names[2:] and all(n.endswith(".docx") for n in names[2:])
    titles = re.findall(r">([^<>]+)</a>", section)
    assert all(t.endswith("（空白）") for t in titles[2:len(names)])
    # the downloads come before everything but the unit's facts
    assert markup.index('id="本单位表格下载"') < markup.index('id="领导与信访联络员"')


def test_only_the_glue_imports_mkdocs():
    """The site builder stays replaceable (README): MkDocs is imported by mkdocs_glue.py alone."""
    site_code = REPO / "xinfang"
    importing = sorted(p.relative_to(site_code).as_posix() for p in site_code.rglob("*.py")
                       if re.search(r"^\s*(?:from|import) (?:mkdocs|material)\b", p.read_text("utf-8"), re.M))
    assert importing == ["site/mkdocs_glue.py"]
