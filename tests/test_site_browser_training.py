"""The training manual in headless Chromium: searching a time limit, the flowchart at phone
width (screenshots kept under /tmp for a person to look at), and a printed A4 page."""

from __future__ import annotations

import base64
import shutil
import subprocess
from pathlib import Path

import pytest

from test_site_browser import browser, downloads, search, server  # noqa: F401 - Chromium and the HTTP server

pytestmark = pytest.mark.slow
SHOTS = Path("/tmp/xinfang-site-shots")
PHONE_WIDTH = 390


@pytest.mark.parametrize("term", ["15日", "60日", "30日"])
def test_search_finds_a_time_limit_on_the_procedure_page(browser, server, term):
    from selenium.webdriver.common.by import By
    hrefs = search(browser, server, term)
    assert any("procedure.html" in href for href in hrefs[:5]), hrefs[:5]
    browser.get(next(h for h in hrefs if "procedure.html" in h))
    assert term in browser.find_element(By.CSS_SELECTOR, "article").text


@pytest.fixture
def phone(browser):
    """The browser narrowed to a phone's width for one test."""
    browser.set_window_size(PHONE_WIDTH, 900)
    yield browser
    browser.set_window_size(1280, 1600)


@pytest.mark.parametrize("name", ["procedure", "emergency"])
def test_flowchart_is_readable_at_phone_width(phone, server, name):
    from selenium.webdriver.common.by import By
    phone.get(f"{server}/{name}.html")
    inner = phone.execute_script("return window.innerWidth")
    assert inner <= PHONE_WIDTH + 20, f"the window is {inner}px wide, not a phone's"
    svg = phone.find_element(By.CSS_SELECTOR, "svg.xf-flow")
    phone.execute_script("arguments[0].scrollIntoView()", svg)
    box = phone.execute_script("const r = arguments[0].getBoundingClientRect();"
                               "return [r.left, r.right, arguments[0].viewBox.baseVal.width];", svg)
    left, right, view_width = box
    assert left >= 0 and right <= inner, "the flowchart runs off the screen"
    scale = (right - left) / view_width
    assert scale >= 0.85, f"text drawn at {14 * scale:.1f}px"  # 14px text stays at 12px or more
    overflow = phone.execute_script("return document.scrollingElement.scrollWidth")
    assert overflow <= inner, "the page scrolls sideways at phone width"
    SHOTS.mkdir(exist_ok=True)
    shot = SHOTS / f"{name}-flow-390.png"
    assert svg.screenshot(str(shot))
    assert shot.stat().st_size > 20_000
    page_shot = SHOTS / f"{name}-390.png"
    phone.execute_script("window.scrollTo(0, 0)")
    assert phone.save_screenshot(str(page_shot))


def test_phone_number_stays_on_one_line_and_can_be_tapped(phone, server):
    from selenium.webdriver.common.by import By
    phone.get(f"{server}/contacts.html")
    links = phone.find_elements(By.CSS_SELECTOR, "article a.xf-tel")
    assert links
    for link in links[:20]:
        assert link.get_attribute("href").startswith("tel:")
        assert link.value_of_css_property("white-space") == "nowrap"
        rects = phone.execute_script("return arguments[0].getClientRects().length", link)
        assert rects == 1, f"{link.text} breaks over {rects} lines"
    SHOTS.mkdir(exist_ok=True)
    assert phone.save_screenshot(str(SHOTS / "contacts-390.png"))


def _pdf_text(browser, url: str, path: Path) -> tuple[str, int]:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
    browser.get(url)
    # The manual's page itself, fully loaded (not a browser error page, which prints as Letter).
    WebDriverWait(browser, 30).until(lambda b: b.execute_script("return document.readyState") == "complete"
                                     and b.find_elements(By.CSS_SELECTOR, "article.md-content__inner"))
    # As a person's "Print" does: the page's own @page size (WebDriver's print would force Letter).
    pdf = browser.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True})
    path.write_bytes(base64.b64decode(pdf["data"]))
    if not shutil.which("pdftotext") or not shutil.which("pdfinfo"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    size = next(line for line in info.splitlines() if line.startswith("Page size:"))
    assert "(A4)" in size, size
    return text, pages


def test_printed_pages_are_marked_and_keep_every_column(browser, server, tmp_path, example):
    from xinfang.jinja import cn_date
    text, pages = _pdf_text(browser, f"{server}/procedure.html", tmp_path / "procedure.pdf")
    assert pages >= 2
    date = cn_date(example.enterprise.data_date)
    assert text.count("内部资料") == pages, "every printed page carries 内部资料"
    assert text.count(f"数据日期 {date}") == pages
    assert text.count("信访工作规范化操作手册") >= pages
    wide, _ = _pdf_text(browser, f"{server}/units/index.html", tmp_path / "units.pdf")
    for header in ("单位", "类型", "上级单位", "主要领导", "信访联络员", "信访电话"):
        assert header in wide, header  # the last column is printed, not cut off
    last = example.units["yi-kuang"].phone
    assert last in wide
