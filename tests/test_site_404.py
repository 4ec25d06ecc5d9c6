"""The 404 page when the manual is served under a sub-path (http://host/manual/): styled, with
working links and search, for a missing page at the top, in a unit folder or among the downloads."""

from __future__ import annotations

import functools
import re
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest

from test_site import page
from test_site_browser import browser, downloads, settled_results  # noqa: F401 - Chromium, shared with the other browser tests

PREFIX = "/manual/"


def test_404_page_has_no_root_relative_link(site):
    markup = page(site, "404")
    absolute = [u for u in re.findall(r'(?:href|src)="([^"]*)"', markup) if u.startswith("/")]
    assert not absolute, absolute[:5]
    assert '"base": "."' in markup
    assert "页面不存在" in markup and "Not found" not in markup
    folders = re.search(r"var folders = (\[[^\]]*\]);", markup).group(1)
    assert all(f'"{name}"' in folders for name in ("assets", "downloads", "search", "units"))
    # The <base> is set before the first asset is named.
    assert markup.index("document.head.appendChild(base)") < markup.index('href="./assets/')


class _SubPath(SimpleHTTPRequestHandler):
    """The site under PREFIX; a missing file answered with 404.html, as nginx's error_page does."""

    def translate_path(self, path):
        path = path.split("?", 1)[0].split("#", 1)[0]
        if not path.startswith(PREFIX):
            return "/nonexistent"
        return super().translate_path("/" + path[len(PREFIX):])

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        body = (self.site / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def sub_path_server(site):
    handler = functools.partial(type("Handler", (_SubPath,), {"site": site}), directory=str(site))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}{PREFIX}"
    httpd.shutdown()
    httpd.server_close()


@pytest.mark.slow
@pytest.mark.parametrize("missing", ["no-such-page.html", "units/no-such-unit.html", "downloads/yi-kuang/old.docx"])
def test_404_under_a_sub_path_is_styled_and_its_links_work(browser, sub_path_server, missing):
    from selenium.webdriver.common.by import By
    browser.get(sub_path_server + missing)
    assert browser.find_element(By.CSS_SELECTOR, "article h1").text == "页面不存在"
    header = browser.find_element(By.CSS_SELECTOR, ".md-header")
    assert header.value_of_css_property("position") == "sticky"  # the theme's stylesheet loaded
    assert header.value_of_css_property("background-color") != "rgba(0, 0, 0, 0)"
    links = {a.text: a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "article a")}
    assert links["首页"] == sub_path_server + "index.html"
    assert links["各单位"] == sub_path_server + "units/index.html"
    nav = browser.find_element(By.CSS_SELECTOR, ".md-sidebar--primary a[href$='procedure.html']")
    assert nav.get_attribute("href") == sub_path_server + "procedure.html"
    box = browser.find_element(By.CSS_SELECTOR, "input.md-search__input")
    box.click()
    box.send_keys("15日")
    hrefs = settled_results(browser)
    assert any(h.startswith(sub_path_server + "procedure.html") for h in hrefs), hrefs[:5]
    browser.get(links["各单位"])
    assert browser.find_element(By.CSS_SELECTOR, "article h1").text == "各单位"

