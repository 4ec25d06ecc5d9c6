"""One build of the manual, whatever the site builder: load the data, make the pages,
find the downloads in the output folder, finish each page's HTML, keep the change log.

A `Session` holds everything one build needs between the builder's steps; its creator
hands it to the builder (xinfang.site.mkdocs_glue keeps it in MkDocs' config), so no
module keeps state between builds. The steps, in the order a builder calls them:
`start` loads and checks the data (a DataError stops the build before anything is
written); `generate` makes every page's Markdown and collects the downloads from the
documents xinfang.build made in the output folder; `page_html` puts each page's ready
HTML back in after Markdown and links the phone numbers; `finish` writes the search
terms and the snapshot for the next build's change log.
"""

from __future__ import annotations

import calendar
from pathlib import Path

from .. import loader
from . import downloads, filled_forms, footer, history, html, navtree, phones, search_terms
from .pages import LIST_LIMIT, Site

# Folders a builder writes after the pages (the 404 page must know every folder of the site).
LATE_FOLDERS = ("search",)


class Session:
    """One build of the manual from `data_dir`, its downloads taken from `out_dir`.

    `state_dir` is where the previous build's snapshot is read (the published site);
    `data` is the Dataset when the caller loaded it already; `staged` tells the builder
    to only link the downloads: the caller syncs them into the site itself.
    """

    def __init__(self, data_dir: Path, out_dir: Path, state_dir: Path, *, data=None, staged: bool = False):
        self.data_dir, self.out_dir, self.state_dir = Path(data_dir), Path(out_dir), Path(state_dir)
        self.data = data
        self.staged = staged
        self.history: dict = {}
        self.changes = 0
        self.first = True
        self.marks: footer.Marks | None = None  # the footer line and the print heads (footer.py)
        self.unit_nav: list[navtree.Item] = []  # the unit pages as the tree under 各单位 (navtree.py)
        self.heads: set[str] = set()  # the unit pages that head their unit's section in the navigation
        self.fragments: dict = {}
        self.downloads: list[downloads.Download] = []
        self.folders: list[str] = []  # the site's top folders, for the 404 page to find the site's root
        self.summary: dict = {}

    def start(self, title: str):
        """Load and check the data (raises DataError), read the previous build's snapshot; the Dataset."""
        if self.data is None:
            self.data = loader.load(self.data_dir)
        previous = history.read(self.state_dir)
        self.history, self.changes = history.advance(previous, self.data)
        self.first = "snapshot" not in previous
        self.marks = footer.marks(title, self.data)
        self.unit_nav = navtree.units(self.data, LIST_LIMIT)
        self.heads = navtree.heads(self.unit_nav)
        search_terms.prepare()
        return self.data

    def generate(self) -> tuple[dict[str, str], list[downloads.Download]]:
        """Every page's Markdown by uri, and every download (a file of the output folder)."""
        found, filled = downloads.collect(self.data, self.out_dir)
        site = Site(self.data, found, self.history["history"], filled)
        pages = site.pages()
        self.fragments = site.fragments
        self.downloads = found
        self.summary = {"pages": len(pages), "downloads": len(found),
                        "bundles": sum(dl.uri.endswith(".zip") for dl in found),
                        "workbooks": sum(dl.uri.endswith(".xlsx") for dl in found),
                        "examples": sum(dl.title.endswith("（示例）") for dl in found),
                        "filled": sum(dl.unit == filled_forms.UNIT for dl in found), "changes": self.changes,
                        "first": self.first}
        return pages, found

    def note_files(self, paths) -> None:
        """Every file the site will hold (pages, downloads, the theme's and our static files), by site path."""
        self.folders = sorted({p.split("/", 1)[0] for p in paths if "/" in p} | set(LATE_FOLDERS))

    def page_html(self, uri: str, page: str) -> str:
        """A page's HTML after Markdown, with its ready HTML Blocks back in (html.py) and
        tap-to-call phone numbers; ValueError when a Block went missing."""
        fragments = self.fragments.get(uri)
        if fragments:
            page = html.restore(page, fragments)
        return phones.linked(page)

    def finish(self, site_dir: Path) -> None:
        """After the builder wrote the site and its search index."""
        search_terms.rewrite_index(Path(site_dir), list(self.data.units.values()))
        history.write(Path(site_dir), self.history)

    def download_sources(self) -> dict[str, Path]:
        """The downloads the caller puts into the site itself (`staged`): site path → file in the output folder."""
        return {dl.uri: dl.source for dl in self.downloads}


def epoch(day) -> str:
    return str(calendar.timegm(day.timetuple()))
