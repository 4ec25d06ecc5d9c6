"""需要关注: the lists, charts and year figures read back from the built page; nothing confidential."""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import re

from test_site import page, text_of
from xinfang.forms.case_ownership import is_backlog
from xinfang.site import public, svg
from xinfang.site.attention import is_stale, last_update


def plain(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", markup)).strip()


def sections(markup: str) -> dict[str, str]:
    """The page's text under each h2 of the article, by heading."""
    article = markup.split("<article", 1)[1].split("</article>", 1)[0]
    parts = re.split(r"<h2[^>]*>(.*?)</h2>", article)
    return {plain(parts[i]): plain(parts[i + 1]) for i in range(1, len(parts) - 1, 2)}


def listed(section: str, example) -> set[str]:
    return {r.id for r in example.risks if r.id in section}


def test_each_list_holds_exactly_its_entries(site, example):
    today = example.today
    s = sections(page(site, "attention"))
    open_ = [r for r in example.risks if r.state != "已销号"]
    red = {r.id for r in open_ if r.level == "红"}
    overdue = {r.id for r in open_ if r.deadline < today}
    stale = {r.id for r in open_ if r.level == "红" and (today - last_update(r)).days > 1}
    backlog = {r.id for r in open_ if is_backlog(example, r)}
    assert red and overdue and stale and backlog and stale < red
    assert listed(s["在办红色隐患"], example) == red
    assert listed(s["超期未销号"], example) == overdue
    assert listed(s["红色隐患超过1天未更新"], example) == stale
    assert listed(s["积案"], example) == backlog
    closed = {r.id for r in example.risks if r.state == "已销号"}
    assert not closed & listed(text_of(page(site, "attention")), example)


def test_counts_and_days_are_worded_from_the_data_date(site, example):
    text = text_of(page(site, "attention"))
    open_ = [r for r in example.risks if r.state != "已销号"]
    assert f"全公司在办隐患 {len(open_)} 条" in text
    s = sections(page(site, "attention"))
    rl = next(r for r in open_ if r.id == "rl-2026-001")  # red, past its deadline, last note 8 days ago
    assert f"{(example.today - rl.deadline).days}天" in s["超期未销号"]
    assert f"{(example.today - last_update(rl)).days}天" in s["红色隐患超过1天未更新"]


def test_charts_are_svg_bars_of_open_entries_by_unit_and_level(site, example):
    markup = page(site, "attention")
    assert "<script" not in markup.split('class="xf-charts"', 1)[1].split("</div>", 1)[0]
    charts = re.findall(r'<svg class="xf-diagram xf-bars".*?</svg>', markup, re.S)
    assert len(charts) == 3  # by unit, by level, the two years
    by_unit, by_level, years = charts
    open_ = [r for r in example.risks if r.state != "已销号"]
    per_unit = {}
    for r in open_:
        per_unit[r.unit] = per_unit.get(r.unit, 0) + 1
    labels = re.findall(r'font-size="13" fill="#212121">([^<]+)</text>', by_unit)
    assert labels == sorted(labels, key=lambda label: -per_unit[next(
        u.id for u in example.units.values() if u.label == label)])
    for unit_id, count in per_unit.items():
        assert f">{example.units[unit_id].label}</text>" in by_unit
    values = [int(v) for v in re.findall(r">(\d+)条</text>", by_unit)]
    assert sorted(values, reverse=True) == sorted(per_unit.values(), reverse=True)
    for level in ("红", "黄", "绿"):
        n = sum(r.level == level for r in open_)
        assert re.search(rf">{level}色</text>.*?>{n}条</text>", by_level, re.S)
    figures = {f.year: f for f in example.enterprise.figures}
    assert f">{figures[2025].batches}</text>" in years and f">{figures[2026].people}</text>" in years


def test_year_figures_not_compared_across_different_periods(site, example):
    s = sections(page(site, "attention"))["信访总量同比"]
    assert "2026年（截至11月20日）" in s and "不计算同比" in s
    assert "退休人员上访率：下降57%" in s


def test_no_confidential_or_non_public_value_on_the_page(site, example, key_person_secrets):
    markup = page(site, "attention")
    assert not [value for value in key_person_secrets if value in markup]
    hidden = [p for p in example.people.values() if p.mobile and "手机" not in p.public]
    assert hidden
    for p in hidden:
        assert p.mobile not in markup
    for case in example.reception.cases:
        assert case.plan not in markup  # case plans are working papers


def test_stale_means_red_open_and_quiet_for_more_than_a_day(example):
    red = next(r for r in example.risks if r.level == "红" and r.state != "已销号")
    today = dt.date(2026, 11, 20)
    fresh = dataclasses.replace(red, registered=dt.date(2026, 11, 1), progress=[])
    assert is_stale(fresh, today)
    note = dataclasses.replace(red.progress[0], date=today - dt.timedelta(days=1))
    assert not is_stale(dataclasses.replace(fresh, progress=[note]), today)
    assert not is_stale(dataclasses.replace(fresh, level="黄"), today)


def test_bars_scale_to_the_largest_value_and_are_deterministic():
    rows = [{"label": "甲", "values": [4]}, {"label": "乙", "values": [2]}, {"label": "丙", "values": [0]}]
    chart = str(svg.bars(rows, "测试", unit="条"))
    widths = [float(w) for w in re.findall(r'<rect x="12" y="\d+" width="([\d.]+)"', chart)]
    assert widths[0] == 2 * widths[1] and widths[2] == 0
    assert chart == str(svg.bars(rows, "测试", unit="条"))
    assert ">测试</text>" in chart


def entry_tables(markup: str) -> list[str]:
    return re.findall(r'<table class="xf-entries">.*?</table>', markup, re.S)


def test_entry_tables_give_the_description_its_own_column_and_short_dates(site, example):
    tables = entry_tables(page(site, "attention"))
    assert len(tables) == 4  # red, overdue, stale, backlog
    red = tables[0]
    headers = [plain(h) for h in re.findall(r"<th>(.*?)</th>", red)]
    assert headers == ["编号", "等级", "问题描述", "单位", "涉及人数", "包案领导", "化解时限", "最近更新"]
    rl = next(r for r in example.risks if r.id == "rl-2026-001")
    row = next(r for r in re.findall(r"<tr>(.*?)</tr>", red) if "rl-2026-001" in r)
    desc = re.search(r'<td class="xf-desc">(.*?)</td>', row).group(1)
    assert plain(desc).startswith(rl.category) and rl.description[:20] in plain(desc)
    # every fact cell carries its header, which a phone shows in front of the value
    facts = re.findall(r'<td data-label="([^"]+)">(.*?)</td>', row)
    assert [label for label, _ in facts] == headers[3:]
    assert dict(facts)["化解时限"] == rl.deadline.isoformat()  # 2026-10-31: fits a narrow column
    assert "年" not in "".join(value for _, value in facts)


def test_backlog_case_leader_and_deadline_in_separate_columns(site, example):
    backlog = entry_tables(page(site, "attention"))[3]
    taken = {c.risk: c for c in example.reception.cases}
    assert set(taken) & listed(backlog, example) and listed(backlog, example) - set(taken)  # both kinds shown
    for row in re.findall(r"<tr>(.*?)</tr>", backlog)[1:]:
        risk_id = plain(re.search(r'<td class="xf-id">(.*?)</td>', row).group(1))
        facts = dict(re.findall(r'<td data-label="([^"]+)">(.*?)</td>', row))
        case = taken.get(risk_id)
        leader = case and (public.person(example, case.leader)["name"] or "已包案")
        assert facts["包案"] == (leader or "尚未落实")
        assert facts["包案时限"] == (case.deadline.isoformat() if case else "—")


def test_css_cards_only_on_screen_and_prints_the_entry_tables_as_tables(site):
    css = (site / "assets" / "manual.css").read_text("utf-8")
    cards = css.split("@media screen and (max-width: 59.9375em)", 1)[1].split("\n}\n", 1)[0]
    assert "thead { display: none; }" in cards and "attr(data-label)" in cards
    # the print rules for the entry tables come after the screen rules they must override
    screen = css.index(".md-typeset .xf-entries th, .md-typeset .xf-entries td {")
    printed = [block.split("\n}\n", 1)[0] for block in css.split("@media print")[1:]]
    last = css.rindex("@media print")
    assert last > screen and ".xf-entries th, .md-typeset .xf-entries td { border: 1px solid" in printed[-1]
    assert not any("xf-entries thead" in block for block in printed)  # the header row is printed


def test_page_has_no_side_table_of_contents_and_its_counts_link_to_the_lists(site):
    markup = page(site, "attention")
    assert re.search(r'md-sidebar--secondary"[^>]*data-md-type="toc"\s+hidden>', markup)  # the tables get the width
    assert not re.search(r'md-sidebar--secondary"[^>]*data-md-type="toc"\s+hidden>', page(site, "procedure"))
    summary = markup.split("全公司在办隐患", 1)[1].split("</p>", 1)[0]
    anchors = re.findall(r'href="#([^"]+)"', summary)
    assert anchors == ["在办红色隐患", "超期未销号", "红色隐患超过1天未更新", "积案"]
    for anchor in anchors:
        assert f'id="{anchor}"' in markup


def article_parts(markup: str, tag: str = "h2") -> dict[str, str]:
    """The article's raw HTML under each heading of `tag`, by heading text."""
    article = markup.split("<article", 1)[1].split("</article>", 1)[0]
    parts = re.split(rf"<{tag}[^>]*>(.*?)</{tag}>", article)
    return {plain(parts[i]): parts[i + 1] for i in range(1, len(parts) - 1, 2)}


def test_training_pages_send_the_reader_to_the_attention_page(site):
    attention = page(site, "attention")
    first_day = article_parts(page(site, "learning-path"))["第一天：知道找谁"]
    assert 'href="attention.html"' in first_day
    checklists = article_parts(page(site, "checklists"))
    liaison_daily = article_parts("<article>" + checklists["信访联络员"] + "</article>", "h3")["每日"]
    office = article_parts("<article>" + checklists["信访办（信访办公室）"] + "</article>", "h3")
    for part in (liaison_daily, checklists["包案领导"], office["每日"], office["每周"]):
        assert 'href="attention.html' in part
    targets = re.findall(r'href="attention\.html#([^"]+)"', page(site, "checklists"))
    assert targets
    for anchor in targets:
        assert f'id="{anchor}"' in attention
