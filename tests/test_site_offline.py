"""The site opened from a file share (file://): search runs through the vendored iframe-worker
shim and the inlined index, with nothing fetched from outside."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from test_site import page
from test_site_browser import settled_results

SHIM = Path(__file__).resolve().parents[1] / "templates" / "site" / "static" / "assets" / "javascripts"
# sha256 of shim/index.js in the npm package iframe-worker 1.0.4 (tarball sha1 c801d9a6…ce94).
SHIM_SHA256 = "e8e412dbcfea9b7e31b5ffa288d7b6035915e714c542f4176a0cdbe262fc9609"


def test_vendored_shim_is_the_published_one_with_its_licence():
    header, code = (SHIM / "iframe-worker-shim.js").read_bytes().split(b"\n", 1)
    assert b"iframe-worker 1.0.4" in header and b"MIT" in header
    assert hashlib.sha256(code).hexdigest() == SHIM_SHA256
    assert "Martin Donath" in (SHIM / "iframe-worker.LICENSE.txt").read_text("utf-8")


def test_every_page_loads_the_local_shim_before_the_bundle(site):
    for name, shim in (("index", "assets/javascripts/iframe-worker-shim.js"),
                       ("units/er-kuang-caimei", "../assets/javascripts/iframe-worker-shim.js")):
        markup = page(site, name)
        assert f'<script src="{shim}"></script>' in markup
        assert markup.index(shim) < markup.index("assets/javascripts/bundle.")
        assert "unpkg.com" not in markup and "iframe-worker/shim" not in markup
    assert (site / "assets" / "javascripts" / "iframe-worker-shim.js").is_file()


def test_search_index_is_inlined_for_file_urls(site):
    inlined = (site / "search" / "search_index.js").read_text("utf-8")
    index = (site / "search" / "search_index.json").read_text("utf-8")
    assert inlined == f"var __index = {index}"
    assert "15\\u65e5" in index  # "15日" joined by search_terms before the offline plugin copied the index


@pytest.mark.slow
@pytest.mark.parametrize("term, expected", [("15日", "procedure.html"), ("60日", "procedure.html"),
                                            ("退管中心", "units/tuiguan.html"), ("二矿", "units/er-kuang.html")])
def test_search_works_from_a_file_url(site, term, expected):
    from test_site_browser import CHROMEDRIVER, CHROMIUM
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.common.by import By
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        pytest.skip("Debian's chromium and chromium-driver are not installed")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", "--window-size=1280,1000"):
        options.add_argument(arg)
    browser = webdriver.Chrome(options=options, service=webdriver.ChromeService(str(CHROMEDRIVER)))
    try:
        browser.get((site / "index.html").as_uri())
        box = browser.find_element(By.CSS_SELECTOR, "input.md-search__input")
        box.click()
        box.send_keys(term)
        hrefs = settled_results(browser)
        assert any(expected in h for h in hrefs), hrefs[:10]
        assert all(h.startswith("file://") for h in hrefs)
        errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
        assert not errors, errors
    finally:
        browser.quit()
