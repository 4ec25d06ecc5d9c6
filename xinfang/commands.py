"""Carry out one CLI command: load and check the data, then hand it to the command's module."""

from __future__ import annotations

import gc
from pathlib import Path

from . import loader
from .build import CACHE, SECTIONS, build_documents, check_summary
from .errors import DataError
from .site.downloads import SECTIONS as SITE_SECTIONS

MAX_WARNINGS_SHOWN = 20


def run(command: str, *, data_dir: Path, out_dir: Path, site_dir: Path, reporter,
        extra: list[str] = (), options: dict | None = None) -> str:
    """Carry out one CLI command and return its Chinese summary.

    `extra` holds diff's two versions, who's person, handover's two people, or
    more output targets (`forms blanks`); `options` handover's options.
    """
    if command == "diff":
        from .datadiff import report
        return report(extra[0], extra[1], Path(data_dir))
    if command == "who":
        from .who import report
        return report(loader.load(Path(data_dir)), extra[0])
    if command == "handover":
        from .handover import run as handover
        return handover(Path(data_dir), Path(out_dir), extra[0], extra[1], **(options or {}))
    if command == "schema":
        from .jsonschema import write_schemas
        try:  # the existing people and units become the editor's completions
            data, note = loader.load(Path(data_dir)), ""
        except DataError:
            data, note = None, "（数据有错误，未加入人员和单位编号的补全提示；改正后请再运行一次）"
        written = write_schemas(Path(data_dir) / "schema", data)
        return f"已生成 {len(written)} 个 JSON Schema 文件：{Path(data_dir) / 'schema'}{note}"
    reporter.step(f"读取并检查数据：{data_dir}")
    # `check` writes nothing, not even the cache; builds reuse validated files.
    cache = None if command == "check" else Path(out_dir) / CACHE
    data = loader.load(Path(data_dir), cache_dir=cache)
    # The loaded data lives as long as the command and holds no garbage: keep the
    # cyclic collector from rescanning its millions of objects at every collection.
    gc.freeze()
    try:
        return _run_loaded(command, data, out_dir=Path(out_dir), site_dir=Path(site_dir), data_dir=Path(data_dir),
                           reporter=reporter, extra=extra)
    finally:
        gc.unfreeze()


def _run_loaded(command: str, data: loader.Dataset, *, data_dir: Path, out_dir: Path, site_dir: Path, reporter,
                extra) -> str:
    shown = data.warnings if command == "check" else data.warnings[:MAX_WARNINGS_SHOWN]
    for warning in shown:
        reporter.warn(str(warning))
    if len(shown) < len(data.warnings):
        reporter.warn(f"……另有 {len(data.warnings) - len(shown)} 条警告，运行 generate.py check 可查看全部。")
    if command == "check":
        return check_summary(data)
    if command == "lint":
        from .lint import lint_templates
        reporter.step("检查模板")
        return lint_templates(data)
    lines = [check_summary(data)]
    wanted = {command, *extra}
    site = bool(wanted & {"all", "site"})
    # The site offers documents of the output folder: bring their sections up to date with the rest.
    sections = [s for s in SECTIONS if wanted & {"all", s} or (site and s in SITE_SECTIONS)]
    if sections:
        lines.append(build_documents(data, sections, Path(out_dir), reporter))
    if site:
        from .site.build import build_site
        reporter.step(f"生成操作手册网站：{site_dir}")
        lines.append(build_site(Path(data_dir), Path(site_dir), Path(out_dir), data=data))
    lines.append(f"用时 {reporter.elapsed():.1f} 秒。")
    return "\n".join(lines)
