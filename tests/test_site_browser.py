"""The built site in headless Chromium over a local HTTP server: search, download, print."""

from __future__ import annotations

import base64
import functools
import shutil
import subprocess
import threading
import time
import zipfile
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest


CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
pytestmark = [pytest.mark.slow, pytest.mark.skipif(
    not (CHROMIUM.exists() and CHROMEDRIVER.exists()),
    reason="Debian's chromium and chromium-driver are not installed (.ci/run installs them)")]
webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (requirements-dev.txt)")
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as ec  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server(site):
    handler = functools.partial(_Quiet, directory=str(site))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def downloads(tmp_path_factory):
    return tmp_path_factory.mktemp("downloads")


@pytest.fixture(scope="module")
def browser(downloads):
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1280,1600",
                "--disable-dev-shm-usage"):
        options.add_argument(arg)
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                              "download.prompt_for_download": False})
    driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(str(CHROMEDRIVER)))
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()


def search(browser, base: str, term: str) -> list[str]:
    """Type `term` into the site's search box; return the result links' hrefs."""
    browser.get(f"{base}/index.html")
    box = WebDriverWait(browser, 20).until(ec.element_to_be_clickable((By.CSS_SELECTOR, "input.md-search__input")))
    box.click()
    box.send_keys(term)
    return settled_results(browser)


def settled_results(browser, timeout: float = 30) -> list[str]:
    """The result links once they stop changing (each typed character searches anew)."""
    deadline, last = time.monotonic() + timeout, None
    while time.monotonic() < deadline:
        # Read in one script: the list is redrawn as results arrive, so element handles go stale.
        hrefs = browser.execute_script(
            "return Array.from(document.querySelectorAll('.md-search-result__item a.md-search-result__link'),"
            " a => a.href)")
        if hrefs and hrefs == last:
            return hrefs
        last = hrefs
        time.sleep(0.7)
    raise AssertionError(f"no search results within {timeout} s: {last}")


@pytest.mark.parametrize("term, expected", [("包案", "reception.html"), ("销号", "screening.html"),
                                            ("应急", "emergency.html")])
def test_chinese_search_finds_the_right_page(browser, server, term, expected):
    hrefs = search(browser, server, term)
    assert any(expected in href for href in hrefs[:5]), hrefs[:5]
    first = next(h for h in hrefs if expected in h)
    browser.get(first)
    assert term in browser.find_element(By.CSS_SELECTOR, "article").text


@pytest.mark.parametrize("term, page", [("一矿", "yi-kuang"), ("二矿", "er-kuang"), ("退管中心", "tuiguan"),
                                        ("二矿机电队", "er-kuang-jidian"), ("掘进二队", "juejin-erdui"),
                                        ("采煤一队", "er-kuang-caimei")])
def test_unit_short_name_finds_the_units_own_page_first(browser, server, term, page):
    hrefs = search(browser, server, term)
    assert hrefs[0].split("?")[0].endswith(f"/units/{page}.html"), hrefs[:3]


def test_download_link_gives_a_docx(browser, server, downloads):
    browser.get(f"{server}/downloads.html")
    links = [a for a in browser.find_elements(By.CSS_SELECTOR, "article a")
             if "/downloads/" in (a.get_attribute("href") or "")]
    assert links
    links[0].click()
    deadline = time.monotonic() + 30
    done = []
    while time.monotonic() < deadline and not done:
        done = [p for p in downloads.iterdir() if p.suffix == ".docx"]
        time.sleep(0.2)
    assert done, f"nothing downloaded: {list(downloads.iterdir())}"
    with zipfile.ZipFile(done[0]) as z:
        assert "word/document.xml" in z.namelist()


def test_printed_page_has_no_navigation(browser, server, tmp_path):
    browser.get(f"{server}/emergency.html")
    pdf = tmp_path / "emergency.pdf"
    pdf.write_bytes(base64.b64decode(browser.print_page()))
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "应急指挥部" in text and "指挥部办公室" in text
    assert "表格下载" not in text and "通讯录" not in text  # the navigation is not printed


def test_screenshots(browser, server, tmp_path_factory):
    """Home, a unit page and the emergency page as a person sees them (kept in the tmp folder)."""
    folder = tmp_path_factory.mktemp("screenshots")
    for name in ("index", "units/yi-kuang", "emergency"):
        browser.get(f"{server}/{name}.html")
        path = folder / (name.replace("/", "_") + ".png")
        assert browser.save_screenshot(str(path))
        assert path.stat().st_size > 10_000
