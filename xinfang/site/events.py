"""What the MkDocs hook does at each build event: load data, add pages, keep the change log.

on_config loads and checks the data (a DataError stops the build before MkDocs
writes anything); on_files adds the generated pages and downloads;
on_post_build stores the snapshot for the next build's change log.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.exceptions import BuildError
from mkdocs.structure.files import File

from .. import loader
from ..errors import DataError
from . import downloads, history
from .pages import Site

ENV_VAR = "XINFANG_DATA"
ENV_CACHE = "XINFANG_SITE_CACHE"
EXTRA_DATA = "xinfang_data"  # config.extra key build_site sets
EXTRA_STATE = "xinfang_state_dir"  # where the previous snapshot is read from, if not site_dir

_state: dict = {}
preloaded: dict = {}  # resolved data dir → Dataset already loaded by the caller


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
    return config


def cache_dir(config) -> Path:
    """Rendered downloads, kept between builds (.cache/ is git-ignored)."""
    if os.environ.get(ENV_CACHE):
        return Path(os.environ[ENV_CACHE])
    return Path(config.config_file_path).resolve().parent / ".cache" / "site-downloads"


def on_files(files, config):
    data = _state["data"]
    cache = cache_dir(config)
    found = downloads.collect(data, cache)
    found += downloads.bundles(data, found, cache)
    downloads.prune(cache)
    state = _state["history"]
    pages = Site(data, found, state["history"]).pages()
    for uri, text in pages.items():
        files.append(File.generated(config, uri, content=text))
    for dl in found:
        files.append(File.generated(config, dl.uri, abs_src_path=str(dl.source)))
    _state["summary"] = {"pages": len(pages), "downloads": len(found), "changes": _state["changes"],
                         "first": _state["first"]}
    return files


def on_post_build(config):
    history.write(Path(config.site_dir), _state["history"])


def summary() -> dict:
    return dict(_state.get("summary", {}))


def epoch(day) -> str:
    import calendar
    return str(calendar.timegm(day.timetuple()))
