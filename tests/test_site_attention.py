"""需要关注: the lists, charts and year figures read back from the built page; nothing confidential."""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import re

from test_site import page, text_of
from xinfang.forms.case_ownership import is_backlog
from xinfang.site import svg
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
