"""One build of the manual, whatever the site builder: load the data, make the pages and
downloads, finish each page's HTML, keep the change log.

The steps, in the order a builder calls them (xinfang.site.mkdocs_glue is the one
module that knows MkDocs and calls them from its events):
`start` loads and checks the data (a DataError stops the build before anything is
written); `generate` makes every page's Markdown and collects the downloads
(rendered in the background until `finish_downloads`); `page_html` puts each page's
ready HTML back in after Markdown and links the phone numbers; `finish` writes the
search terms and the snapshot for the next build's change log.
"""

from __future__ import annotations

import calendar
import os
from pathlib import Path

from .. import loader
from . import downloads, filled_forms, footer, history, html, navtree, phones, search_terms
from .pages import LIST_LIMIT, Site

ENV_CACHE = "XINFANG_SITE_CACHE"
# Folders a builder writes after the pages (the 404 page must know every folder of the site).
LATE_FOLDERS = ("search",)

_state: dict = {}
preloaded: dict = {}  # resolved data dir → Dataset already loaded by the caller


def start(data_dir: Path, state_dir: Path, title: str):
    """Load and check the data (raises DataError), read the previous build's snapshot; the Dataset."""
    folder = Path(data_dir).resolve()
    data = preloaded.pop(folder, None)
    if data is None:
        data = loader.load(folder)
    _state.clear()
    previous = history.read(Path(state_dir))
    state, count = history.advance(previous, data)
    _state.update(data=data, history=state, changes=count, first="snapshot" not in previous,
                  marks=footer.marks(title, data))
    units = navtree.units(data, LIST_LIMIT)
    _state.update(units=units, heads=navtree.heads(units))
    search_terms.prepare()
    return data


def marks() -> footer.Marks:
    """The footer line and the print heads (see footer.py)."""
    return _state["marks"]


def unit_nav() -> list[navtree.Item]:
    """The unit pages as the tree under 各单位 (navtree.py)."""
    return _state["units"]


def heads() -> set[str]:
    """The unit pages that head their unit's section in the navigation."""
    return _state["heads"]


def cache_dir(repo: Path) -> Path:
    """Rendered downloads, kept between builds (.cache/ is git-ignored)."""
    if os.environ.get(ENV_CACHE):
        return Path(os.environ[ENV_CACHE])
    return Path(repo) / ".cache" / "site-downloads"


def generate(cache: Path) -> tuple[dict[str, str], list[downloads.Download]]:
    """Every page's Markdown by uri, and every download (still being rendered: finish_downloads)."""
    data = _state["data"]
    cancel_downloads()  # a previous build's leftovers, if it died between generate and the end
    found, _state["pending"], filled = downloads.collect(data, cache)
    downloads.prune(cache)
    site = Site(data, found, _state["history"]["history"], filled)
    pages = site.pages()
    _state["fragments"] = site.fragments
    _state["summary"] = {"pages": len(pages), "downloads": len(found),
                         "bundles": sum(dl.uri.endswith(".zip") for dl in found),
                         "workbooks": sum(dl.uri.endswith(".xlsx") for dl in found),
                         "examples": sum(dl.title.endswith("（示例）") for dl in found),
                         "filled": sum(dl.unit == filled_forms.UNIT for dl in found), "changes": _state["changes"],
                         "first": _state["first"]}
    return pages, found


def note_files(paths) -> None:
    """Every file the site will hold (pages, downloads, the theme's and our static files), by site path."""
    _state["folders"] = sorted({p.split("/", 1)[0] for p in paths if "/" in p} | set(LATE_FOLDERS))


def folders() -> list[str]:
    """The site's top folders, for the 404 page to find the site's root under any sub-path."""
    return _state.get("folders", [])


def stage(found: list[downloads.Download]) -> None:
    """The caller will put these downloads into the site itself (the builder only links them)."""
    _state["staged"] = {dl.uri: dl.source for dl in found}


def page_html(uri: str, page: str) -> str:
    """A page's HTML after Markdown, with its ready HTML Blocks back in (html.py) and
    tap-to-call phone numbers; ValueError when a Block went missing."""
    fragments = _state.get("fragments", {}).get(uri)
    if fragments:
        page = html.restore(page, fragments)
    return phones.linked(page)


def finish(site_dir: Path) -> None:
    """After the builder wrote the site and its search index."""
    search_terms.rewrite_index(Path(site_dir), list(_state["data"].units.values()))
    history.write(Path(site_dir), _state["history"])


def finish_downloads() -> None:
    """Wait for the downloads still being rendered; a worker's error is raised here."""
    pending = _state.pop("pending", None)
    if pending is not None:
        pending.wait()


def cancel_downloads() -> None:
    pending = _state.pop("pending", None)
    if pending is not None:
        pending.cancel()


def staged() -> dict[str, Path]:
    """The downloads build_site must put into the site itself: site path → cached file."""
    return dict(_state.get("staged", {}))


def summary() -> dict:
    return dict(_state.get("summary", {}))


def epoch(day) -> str:
    return str(calendar.timegm(day.timetuple()))
