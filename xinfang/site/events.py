"""What the MkDocs hook does at each build event: load data, add pages, keep the change log.

on_config loads and checks the data (a DataError stops the build before MkDocs
writes anything); on_files adds the generated pages and downloads (rendered in the background
until on_env, or until build_site syncs them); on_page_content puts the pages'
ready HTML back in after Markdown;
on_post_build stores the snapshot for the next build's change log.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.exceptions import BuildError
from mkdocs.structure.files import File

from .. import loader
from ..errors import DataError
from . import downloads, footer, history, html, phones, search_terms
from .pages import Site

ENV_VAR = "XINFANG_DATA"
ENV_CACHE = "XINFANG_SITE_CACHE"
EXTRA_DATA = "xinfang_data"  # config.extra key build_site sets
EXTRA_STATE = "xinfang_state_dir"  # where the previous snapshot is read from, if not site_dir
EXTRA_STAGED = "xinfang_staged_downloads"  # build_site copies the downloads itself (see _Staged)

_state: dict = {}
preloaded: dict = {}  # resolved data dir → Dataset already loaded by the caller


class _Staged(File):
    """A download MkDocs must know (links to it are checked) but need not copy: build_site
    syncs it straight from the cache into the site, instead of copying ~400 MB twice."""

    def copy_file(self, dirty: bool = False) -> None:
        pass


class SiteDataError(DataError, BuildError):
    """Raised in the hook when the data has problems; MkDocs prints the Chinese list and aborts."""

    def __init__(self, problems):
        DataError.__init__(self, problems)
        self.message = str(self)


def data_dir(config) -> Path:
    if config.extra.get(EXTRA_DATA):
        return Path(config.extra[EXTRA_DATA])
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR])
    return Path(config.config_file_path).resolve().parent / "data"


def on_config(config):
    folder = data_dir(config).resolve()
    data = preloaded.pop(folder, None)
    if data is None:
        try:
            data = loader.load(folder)
        except DataError as exc:
            raise SiteDataError(exc.problems) from None
    if not config.extra.get(EXTRA_DATA):
        # Plain `mkdocs build`, a process of its own: make the sitemap dates come
        # from the data, not the clock (build_site does this for its build only).
        os.environ.setdefault("SOURCE_DATE_EPOCH", epoch(data.today))
    state_dir = config.extra.get(EXTRA_STATE) or config.site_dir
    _state.clear()
    previous = history.read(Path(state_dir))
    state, count = history.advance(previous, data)
    _state.update(data=data, history=state, changes=count, first="snapshot" not in previous)
    footer.configure(config, data)
    search_terms.prepare()
    return config


def cache_dir(config) -> Path:
    """Rendered downloads, kept between builds (.cache/ is git-ignored)."""
    if os.environ.get(ENV_CACHE):
        return Path(os.environ[ENV_CACHE])
    return Path(config.config_file_path).resolve().parent / ".cache" / "site-downloads"


def on_files(files, config):
    data = _state["data"]
    cache = cache_dir(config)
    cancel_downloads()  # a previous build's leftovers, if it died between on_files and the end
    found, _state["pending"] = downloads.collect(data, cache)
    downloads.prune(cache)
    state = _state["history"]
    site = Site(data, found, state["history"])
    pages = site.pages()
    _state["fragments"] = site.fragments
    for uri, text in pages.items():
        files.append(File.generated(config, uri, content=text))
    kind = _Staged if config.extra.get(EXTRA_STAGED) else File
    for dl in found:
        files.append(kind.generated(config, dl.uri, abs_src_path=str(dl.source)))
    _state["staged"] = {dl.uri: dl.source for dl in found} if kind is _Staged else {}
    _state["summary"] = {"pages": len(pages), "downloads": len(found),
                         "bundles": sum(dl.uri.endswith(".zip") for dl in found),
                         "workbooks": sum(dl.uri.endswith(".xlsx") for dl in found),
                         "examples": sum(dl.title.endswith("（示例）") for dl in found), "changes": _state["changes"],
                         "first": _state["first"]}
    return files


def on_env(env, config, files):
    """MkDocs copies the downloads right after this: they must be complete by then
    (build_site syncs them itself, after the pages, and waits only there)."""
    if not config.extra.get(EXTRA_STAGED):
        finish_downloads()
    return env


def on_build_error(error):
    cancel_downloads()


def finish_downloads() -> None:
    """Wait for the downloads still being rendered; a worker's error is raised here."""
    pending = _state.pop("pending", None)
    if pending is not None:
        pending.wait()


def cancel_downloads() -> None:
    pending = _state.pop("pending", None)
    if pending is not None:
        pending.cancel()


def on_page_content(page_html, page, config, files):
    """Put back the HTML Blocks the page builders kept out of Markdown (xinfang.site.html),
    then make the phone numbers tap-to-call links."""
    fragments = _state.get("fragments", {}).get(page.file.src_uri)
    if fragments:
        try:
            page_html = html.restore(page_html, fragments)
        except ValueError as exc:
            raise BuildError(f"{page.file.src_uri}: {exc}") from None
    return phones.linked(page_html)


def on_post_build(config):
    """Runs after the search plugin's on_post_build (hooks come after plugins), so its index exists."""
    search_terms.join_limits(Path(config.site_dir))
    history.write(Path(config.site_dir), _state["history"])


def staged() -> dict[str, Path]:
    """The downloads build_site must put into the site itself: site path → cached file."""
    return dict(_state.get("staged", {}))


def summary() -> dict:
    return dict(_state.get("summary", {}))


def epoch(day) -> str:
    import calendar
    return str(calendar.timegm(day.timetuple()))
