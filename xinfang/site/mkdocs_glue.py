"""The one module that knows MkDocs: config, events, nav and build call, around xinfang.site.session.

Everything the manual shows is made by our own code (session.py, pages.py, Jinja
templates, svg.py); this module only hands it to MkDocs and mkdocs-material and
takes the HTML back. Moving to another builder means rewriting this module, the
theme overrides (templates/site/overrides/) and mkdocs.yml, and dropping parallel.py
(an optional speed-up that wraps MkDocs' page writer); README's developer section
lists what each part needs from the builder.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, BuildError
from mkdocs.structure.files import File
from mkdocs.structure.nav import Section
from mkdocs.structure.pages import Page

from ..errors import DataError, XinfangError
from . import navtree, session

ENV_VAR = "XINFANG_DATA"
EXTRA_DATA = "xinfang_data"  # config.extra key run() sets
EXTRA_STATE = "xinfang_state_dir"  # where the previous snapshot is read from, if not site_dir
EXTRA_STAGED = "xinfang_staged_downloads"  # build_site copies the downloads itself (see _Staged)


def run(config_file: Path, site_dir: Path, strict: bool, data_dir: Path, state_dir: Path) -> None:
    """Build the site into `site_dir`; the downloads are left for the caller (session.staged())."""
    config = load_config(config_file=str(config_file), site_dir=str(site_dir), strict=strict)
    config.extra[EXTRA_DATA] = str(data_dir)
    config.extra[EXTRA_STATE] = str(state_dir)
    config.extra[EXTRA_STAGED] = True
    try:
        build(config)
    except Abort as exc:
        cause = exc.__context__
        if isinstance(cause, DataError):
            raise DataError(cause.problems) from None
        raise XinfangError(f"操作手册网站生成失败：{exc}") from None


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


def _repo(config) -> Path:
    return Path(config.config_file_path).resolve().parent


def data_dir(config) -> Path:
    if config.extra.get(EXTRA_DATA):
        return Path(config.extra[EXTRA_DATA])
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR])
    return _repo(config) / "data"


# --- MkDocs events (hook.py hands them here) ----------------------------------

def on_config(config):
    try:
        data = session.start(data_dir(config), config.extra.get(EXTRA_STATE) or config.site_dir,
                             config.site_name)
    except DataError as exc:
        raise SiteDataError(exc.problems) from None
    if not config.extra.get(EXTRA_DATA):
        # Plain `mkdocs build`, a process of its own: make the sitemap dates come
        # from the data, not the clock (build_site does this for its build only).
        os.environ.setdefault("SOURCE_DATE_EPOCH", session.epoch(data.today))
    marks = session.marks()
    config.copyright = marks.footer
    config.extra["xf_print"] = marks.print_heads
    config.nav = _with_units(config.nav, session.unit_nav())
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
    pages, found = session.generate(session.cache_dir(_repo(config)))
    for uri, text in pages.items():
        files.append(File.generated(config, uri, content=text))
    staged = bool(config.extra.get(EXTRA_STAGED))
    for dl in found:
        files.append((_Staged if staged else File).generated(config, dl.uri, abs_src_path=str(dl.source)))
    if staged:
        session.stage(found)
    session.note_files(f.dest_uri for f in files)
    return files


class _SectionHead(Page):
    """A unit page heading its unit's section: with navigation.indexes the section's title
    links to it, as it does to an index.md (MkDocs only counts pages named index)."""

    @property
    def is_index(self) -> bool:
        return True


def on_nav(nav, config, files):
    heads = session.heads()

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
        context["xf_site_folders"] = session.folders()
    return context


def on_env(env, config, files):
    """MkDocs copies the downloads right after this: they must be complete by then
    (build_site syncs them itself, after the pages, and waits only there)."""
    if not config.extra.get(EXTRA_STAGED):
        session.finish_downloads()
    return env


def on_build_error(error):
    session.cancel_downloads()


def on_page_content(page_html, page, config, files):
    try:
        return session.page_html(page.file.src_uri, page_html)
    except ValueError as exc:
        raise BuildError(f"{page.file.src_uri}: {exc}") from None


def on_post_build(config):
    """Runs after the search plugin's on_post_build (hooks come after plugins), so its index
    exists, and before the offline plugin's (priority -100) inlines it for file:// use."""
    session.finish(Path(config.site_dir))
