"""The one module that knows MkDocs: config, events, nav and build call, around a xinfang.site.session.Session.

Everything the manual shows is made by our own code (session.py, pages.py, Jinja
templates, svg.py); this module only hands it to MkDocs and mkdocs-material and
takes the HTML back. Moving to another builder means rewriting this module, the
theme overrides (templates/site/overrides/) and mkdocs.yml; README's developer section
lists what each part needs from the builder.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, BuildError
from mkdocs.structure.files import File
from mkdocs.structure.nav import Section
from mkdocs.structure.pages import Page

from .. import loader
from ..build import build_documents
from ..errors import DataError, XinfangError
from . import downloads, navtree
from .session import Session, epoch

log = logging.getLogger("mkdocs.plugins.xinfang")

ENV_DATA = "XINFANG_DATA"  # plain `mkdocs build`/`serve`: the data folder (default data/)
ENV_OUT = "XINFANG_OUT"  # plain `mkdocs build`/`serve`: the documents' output folder (default build/)
EXTRA_SESSION = "xinfang_session"  # config.extra key: the Session this build runs (run() sets it)


def run(config_file: Path, site_dir: Path, strict: bool, session: Session) -> None:
    """Build the site into `site_dir` for `session`; its downloads are left for the caller
    (`session.staged`: MkDocs only links them)."""
    config = load_config(config_file=str(config_file), site_dir=str(site_dir), strict=strict)
    config.extra[EXTRA_SESSION] = session
    try:
        build(config)
    except Abort as exc:
        cause = exc.__context__
        if isinstance(cause, DataError):
            raise DataError(cause.problems) from None
        raise XinfangError(f"操作手册网站生成失败：{exc}") from None


class _Staged(File):
    """A download MkDocs must know (links to it are checked) but need not copy: build_site
    syncs it straight from the output folder into the site, instead of copying ~400 MB twice."""

    def copy_file(self, dirty: bool = False) -> None:
        pass


class SiteDataError(DataError, BuildError):
    """Raised in the hook when the data has problems; MkDocs prints the Chinese list and aborts."""

    def __init__(self, problems):
        DataError.__init__(self, problems)
        self.message = str(self)


class _LogReporter:
    """build_documents' progress lines as MkDocs log lines (plain `mkdocs build`/`serve`)."""

    def step(self, message: str) -> None:
        log.info(message)

    def warn(self, message: str) -> None:
        log.warning(message)


def _repo(config) -> Path:
    return Path(config.config_file_path).resolve().parent


def _folder(config, env: str, default: str) -> Path:
    return Path(os.environ[env]) if os.environ.get(env) else _repo(config) / default


def _session(config) -> Session:
    return config.extra[EXTRA_SESSION]


def _own_session(config) -> Session:
    """Plain `mkdocs build`/`serve`, without build_site: the data from XINFANG_DATA or data/, and the
    site's documents brought up to date in XINFANG_OUT or build/ first, as `generate.py site` does."""
    session = Session(_folder(config, ENV_DATA, "data"), _folder(config, ENV_OUT, "build"), Path(config.site_dir))
    session.data = loader.load(session.data_dir)  # a DataError is reported by on_config
    build_documents(session.data, list(downloads.SECTIONS), session.out_dir, _LogReporter())
    # A process of its own: make the sitemap dates come from the data, not the clock
    # (build_site does this for its build only).
    os.environ.setdefault("SOURCE_DATE_EPOCH", epoch(session.data.today))
    return session


# --- MkDocs events (hook.py hands them here) ----------------------------------

def on_config(config):
    try:
        if not isinstance(config.extra.get(EXTRA_SESSION), Session):
            config.extra[EXTRA_SESSION] = _own_session(config)
        session = _session(config)
        session.start(config.site_name)
    except DataError as exc:
        raise SiteDataError(exc.problems) from None
    except XinfangError as exc:  # plain mkdocs: its document build failed (e.g. build/ in use)
        raise BuildError(str(exc)) from None
    config.copyright = session.marks.footer
    config.extra["xf_print"] = session.marks.print_heads
    config.nav = _with_units(config.nav, session.unit_nav)
    return config


def _with_units(nav: list, units: list[navtree.Item]) -> list:
    """mkdocs.yml's nav with the unit list's entry turned into the 各单位 section of unit pages."""
    def entry(it):
        if not it.children:
            return {it.title: it.uri}
        return {it.title: [it.uri, *(entry(c) for c in it.children)]}

    out = []
    for item in nav:
        if isinstance(item, dict) and list(item.values()) == [navtree.INDEX]:
            item = {next(iter(item)): [navtree.INDEX, *(entry(it) for it in units)]}
        out.append(item)
    return out


def on_files(files, config):
    session = _session(config)
    pages, found = session.generate()
    for uri, text in pages.items():
        files.append(File.generated(config, uri, content=text))
    for dl in found:
        files.append((_Staged if session.staged else File).generated(config, dl.uri, abs_src_path=str(dl.source)))
    session.note_files(f.dest_uri for f in files)
    return files


class _SectionHead(Page):
    """A unit page heading its unit's section: with navigation.indexes the section's title
    links to it, as it does to an index.md (MkDocs only counts pages named index)."""

    @property
    def is_index(self) -> bool:
        return True


def on_nav(nav, config, files):
    heads = _session(config).heads

    def mark(item):
        if isinstance(item, Section):
            first = item.children[0] if item.children else None
            if isinstance(first, Page) and first.file.src_uri in heads:
                first.__class__ = _SectionHead
            for child in item.children:
                mark(child)

    for item in nav.items:
        mark(item)
    return nav


def on_template_context(context, template_name, config):
    """The 404 page links relative to the root its own script finds (templates/site/overrides/404.html),
    not to "/": the manual may be served under a sub-path."""
    if template_name == "404.html":
        context["base_url"] = "."
        context["xf_site_folders"] = _session(config).folders
    return context


def on_page_content(page_html, page, config, files):
    try:
        return _session(config).page_html(page.file.src_uri, page_html)
    except ValueError as exc:
        raise BuildError(f"{page.file.src_uri}: {exc}") from None


def on_post_build(config):
    """Runs after the search plugin's on_post_build (hooks come after plugins), so its index
    exists, and before the offline plugin's (priority -100) inlines it for file:// use."""
    _session(config).finish(Path(config.site_dir))
