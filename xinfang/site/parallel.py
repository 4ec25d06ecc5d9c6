"""Both cores for MkDocs' last step: a forked child writes half of the unit pages.

MkDocs lays out every page with the theme one after another; for a group with
2,000 unit pages that is the biggest serial step left. When it reaches the first
page, the process forks: the child lays out half of the unit pages that stay out
of the search index (their layout has no effect on any other file), and the
parent skips those and does all the rest. The parent waits for the child before
MkDocs' build returns to build_site, which syncs nothing unless both succeeded.

This wraps mkdocs.commands.build._build_page (MkDocs is pinned in
requirements.txt); `mkdocs build` run directly does not use it.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import sys
import traceback

from mkdocs.commands import build as mkdocs_build

from ..errors import XinfangError

MIN_PAGES = 200  # below this, a fork costs more than it saves


def _delegable(page) -> bool:
    search = page.meta.get("search") or {}
    return page.file.src_uri.startswith("units/") and bool(search.get("exclude"))


@contextlib.contextmanager
def two_cores():
    """Within this block, MkDocs' page layout runs in two processes (where fork exists)."""
    if not hasattr(os, "fork") or (os.cpu_count() or 1) < 2:
        yield
        return
    original = mkdocs_build._build_page
    state: dict = {"decided": False, "pid": None, "theirs": set()}

    def build_page(page, config, doc_files, nav, env, dirty=False, excluded=False):
        if not state["decided"]:
            state["decided"] = True
            pages = [f.page for f in doc_files if f.page is not None and _delegable(f.page)]
            if len(pages) >= MIN_PAGES:
                theirs = pages[1::2]
                state["pid"] = _fork(lambda: [original(p, config, doc_files, nav, env, dirty, False)
                                              for p in theirs], strict=config.strict)
                state["theirs"] = {id(p) for p in theirs}
        if id(page) in state["theirs"]:
            return
        original(page, config, doc_files, nav, env, dirty, excluded)

    mkdocs_build._build_page = build_page
    try:
        yield
        if state["pid"] is not None:
            _, status = os.waitpid(state["pid"], 0)
            state["pid"] = None
            if os.waitstatus_to_exitcode(status) != 0:
                raise XinfangError("操作手册网站生成失败：并行生成单位页面的子进程出错（详见上方信息）。")
    finally:
        mkdocs_build._build_page = original
        if state["pid"] is not None:  # the parent failed or was interrupted: stop the child too
            with contextlib.suppress(ProcessLookupError):
                os.kill(state["pid"], signal.SIGKILL)
            os.waitpid(state["pid"], 0)


def _fork(work, strict: bool) -> int:
    """Run `work` in a child process; the child never returns into the caller's code."""
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid:
        return pid
    code = 1
    try:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the parent stops us; no cleanup of its files here
        warnings = _WarningCount()
        logging.getLogger("mkdocs").addHandler(warnings)
        work()
        code = 1 if strict and warnings.count else 0  # as MkDocs' strict mode counts them
    except BaseException:
        traceback.print_exc()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


class _WarningCount(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record):
        self.count += 1
