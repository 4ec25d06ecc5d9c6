"""需要关注 in headless Chromium: the entry tables at 1280 px, cards and charts at phone width,
and a printed A4 page that keeps every column (screenshots kept under /tmp for a person to look at)."""

from __future__ import annotations

import pytest

from test_site_browser import browser, downloads, server  # noqa: F401 - Chromium and the HTTP server
from test_site_browser_training import PHONE_WIDTH, SHOTS, _pdf_text, phone  # noqa: F401

pytestmark = pytest.mark.slow
SHORT = ["编号", "等级", "单位", "涉及人数", "包案领导", "化解时限", "最近更新"]

BOXES = """
const article = document.querySelector("article").getBoundingClientRect();
return [...document.querySelectorAll("table.xf-entries")].map(t => {
  const r = t.getBoundingClientRect(), heads = [...t.querySelectorAll("th")].map(th => th.textContent);
  const cells = [...t.querySelector("tbody tr").children];
  return {left: r.left, right: r.right, articleLeft: article.left, articleRight: article.right,
          widths: cells.map(c => c.getBoundingClientRect().width),
          descWidth: cells[heads.indexOf("问题描述")].getBoundingClientRect().width};
});
"""
# How many lines a cell's content takes: its height over the cell's line height.
LINES = """
const range = document.createRange(); range.selectNodeContents(arguments[0]);
return range.getBoundingClientRect().height / parseFloat(getComputedStyle(arguments[0]).lineHeight);
"""


@pytest.mark.parametrize("width", [960, 1280])  # 960: the narrowest screen that shows tables, not cards
def test_entry_tables_fit_the_page_and_give_the_description_the_room(browser, server, width):
    from selenium.webdriver.common.by import By
    browser.set_window_size(width, 1000)
    browser.get(f"{server}/attention.html")
    tables = browser.execute_script(BOXES)
    assert len(tables) == 4
    for t in tables:
        assert t["articleLeft"] - 1 <= t["left"] and t["right"] <= t["articleRight"] + 1, "the table is cut off"
        assert t["descWidth"] >= 0.4 * (t["right"] - t["left"]), t["widths"]  # 问题描述 gets the room
    # the short columns stay on one line: no cell of theirs is taller than one line of text
    for cell in browser.find_elements(By.CSS_SELECTOR, "table.xf-entries td:not(.xf-desc)"):
        lines = browser.execute_script(LINES, cell)
        assert lines < 1.5, f"{cell.text!r} takes {lines:.1f} lines"
    assert browser.execute_script("return document.scrollingElement.scrollWidth") <= width
    SHOTS.mkdir(exist_ok=True)
    browser.execute_script("document.getElementById('在办红色隐患').scrollIntoView()")
    assert browser.save_screenshot(str(SHOTS / f"attention-{width}.png"))
    browser.set_window_size(1280, 1600)  # as the other tests expect it


def test_phone_shows_each_entry_as_a_card_and_the_charts_fit(phone, server):
    from selenium.webdriver.common.by import By
    phone.get(f"{server}/attention.html")
    inner = phone.execute_script("return window.innerWidth")
    assert inner <= PHONE_WIDTH + 20
    assert phone.execute_script("return document.scrollingElement.scrollWidth") <= inner, "the page scrolls sideways"
    head = phone.find_element(By.CSS_SELECTOR, "table.xf-entries thead")
    assert not head.is_displayed()
    fact = phone.find_element(By.CSS_SELECTOR, "table.xf-entries td[data-label='化解时限']")
    label = phone.execute_script("return getComputedStyle(arguments[0], '::before').content", fact)
    assert "化解时限" in label  # each fact is labelled in the card
    for svg in phone.find_elements(By.CSS_SELECTOR, "svg.xf-bars"):
        left, right = phone.execute_script("const r = arguments[0].getBoundingClientRect(); return [r.left, r.right]", svg)
        assert left >= 0 and right <= inner, "a chart runs off the screen"
    SHOTS.mkdir(exist_ok=True)
    phone.execute_script("document.getElementById('在办红色隐患').scrollIntoView()")
    assert phone.save_screenshot(str(SHOTS / "attention-390.png"))


def test_printed_attention_page_keeps_every_column(browser, server, tmp_path, example):
    text, pages = _pdf_text(browser, f"{server}/attention.html", tmp_path / "attention.pdf")
    assert pages >= 2 and text.count("内部资料") == pages
    for header in SHORT + ["问题描述", "超期", "未更新", "挂号日期", "包案时限"]:
        assert header in text, header
    rl = next(r for r in example.risks if r.id == "rl-2026-001")
    assert rl.deadline.isoformat() in text
