"""build_site: build the manual (through mkdocs_glue, the only MkDocs-specific module) into a fresh folder, then sync it in.

A failed build (bad data, a broken link under strict mode) leaves the previous
site untouched: only a complete build is synced into the site folder, file by
file, so a rebuild rewrites only the files whose bytes changed (xinfang.site.sync).
The downloads are the documents xinfang.build made in the output folder; the caller
brings that folder up to date first (the sections in xinfang.site.downloads.SECTIONS),
and they are synced from there directly, never rendered again nor copied by MkDocs.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import tempfile
from pathlib import Path

from .. import loader
from ..outputs import locked
from . import mkdocs_glue, sync
from .session import Session, epoch

CONFIG = Path(__file__).resolve().parents[2] / "mkdocs.yml"


def build_site(data_dir: Path, site_dir: Path, out_dir: Path, data=None, strict: bool = True) -> str:
    """Build the site from `data_dir` into `site_dir`, its downloads taken from the documents
    in `out_dir` (made by build_documents from the same data); return a one-line Chinese summary."""
    data_dir, site_dir = Path(data_dir).resolve(), Path(site_dir).resolve()
    data = data or loader.load(data_dir)  # errors surface here, before anything is written
    with locked(site_dir, "网站目录"):
        temp = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-", dir=site_dir.parent))
        try:
            session = Session(data_dir, Path(out_dir).resolve(), site_dir, data=data, staged=True)
            with _quiet_builder(), _build_date(data.today):
                mkdocs_glue.run(CONFIG, temp, strict, session)
            sources = sync.tree(temp)
            sources.update(session.download_sources())
            result = sync.sync(sources, site_dir)
        finally:
            shutil.rmtree(temp, ignore_errors=True)
    s = session.summary
    # The site counts only what it may show (site.public); the change list counts every data change.
    changed = ("首次生成" if s["first"] else f"公开内容的数据变化 {s['changes']} 处" if s["changes"]
               else "公开内容与上次生成时相同")
    files = (f"网站文件新增 {len(result.new)} 个、修改 {len(result.changed)} 个、"
             f"未变 {result.unchanged} 个、删除 {len(result.removed)} 个")
    # Counted as the document summary counts them: blank templates (DOCX), each unit's zip and
    # return workbook apart; the petition-handling forms' examples and the standard forms' filled
    # examples (xinfang.site.filled_forms) on their own.
    blanks = s['downloads'] - s['bundles'] - s['workbooks'] - s['examples'] - s['filled']
    examples = f"示例 {s['examples']} 份、" if s['examples'] else ""
    examples += f"填好的示例 {s['filled']} 份、" if s['filled'] else ""
    downloads = (f"下载文件 {s['downloads']} 个（空白模板 {blanks} 份、{examples}空白模板压缩包 {s['bundles']} 个、"
                 f"报送表 {s['workbooks']} 份）")
    return (f"操作手册网站：页面 {s['pages']} 个，{downloads}，{changed}；{files}；"
            f"输出目录 {site_dir}")


@contextlib.contextmanager
def _build_date(day):
    """Reproducible output: MkDocs dates the sitemap from SOURCE_DATE_EPOCH; use the data date."""
    before = os.environ.get("SOURCE_DATE_EPOCH")
    if before is None:
        os.environ["SOURCE_DATE_EPOCH"] = epoch(day)
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)


@contextlib.contextmanager
def _quiet_builder():
    """MkDocs' and jieba's INFO lines would drown the CLI's progress; keep warnings."""
    logs = [logging.getLogger(name) for name in ("mkdocs", "jieba")]
    levels = [log.level for log in logs]
    for log in logs:
        log.setLevel(logging.WARNING)
    try:
        yield
    finally:
        for log, level in zip(logs, levels):
            log.setLevel(level)
