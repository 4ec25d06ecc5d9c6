"""One build: load and check everything first, then render, then write."""

from __future__ import annotations

import json
from pathlib import Path

from . import loader
from .docx.engine import FontRole
from .errors import XinfangError
from .outputs import OutputFolder, Outcome, locked
from .render import Job, Renderer, render_all

SECTIONS = {"forms": "表格文档", "blanks": "空白模板"}


def fonts_of(data: loader.Dataset) -> dict[str, FontRole]:
    f = data.enterprise.documents.fonts
    return {
        "title": FontRole(f.title, f.title_fallback),
        "body": FontRole(f.body, f.body_fallback),
        "heading1": FontRole(f.heading1, f.heading1_fallback),
        "heading2": FontRole(f.heading2, f.heading2_fallback),
        "page_number": FontRole(f.page_number, "宋体"),
    }


def renderer_for(data: loader.Dataset) -> Renderer:
    return Renderer(fonts_of(data), data.enterprise.documents.issuer, data.today)


def jobs_for(section: str, data: loader.Dataset) -> list[Job]:
    from . import forms
    return forms.form_jobs(data) if section == "forms" else forms.blank_jobs(data)


def run(command: str, *, data_dir: Path, out_dir: Path, site_dir: Path, reporter) -> str:
    """Carry out one CLI command and return its Chinese summary."""
    if command == "schema":
        from .jsonschema import write_schemas
        written = write_schemas(Path(data_dir) / "schema")
        return f"已生成 {len(written)} 个 JSON Schema 文件：{Path(data_dir) / 'schema'}"
    reporter.step(f"读取并检查数据：{data_dir}")
    data = loader.load(Path(data_dir))
    for warning in data.warnings:
        reporter.warn(str(warning))
    if command == "check":
        return check_summary(data)
    if command == "lint":
        from .lint import lint_templates
        reporter.step("检查模板")
        return lint_templates(data)
    lines = [check_summary(data)]
    sections = [s for s in SECTIONS if command in ("all", s)]
    if sections:
        lines.append(build_documents(data, sections, Path(out_dir), reporter))
    if command in ("all", "site"):
        from .site.build import build_site
        reporter.step(f"生成操作手册网站：{site_dir}")
        lines.append(build_site(Path(data_dir), Path(site_dir)))
    lines.append(f"用时 {reporter.elapsed():.1f} 秒。")
    return "\n".join(lines)


def build_documents(data: loader.Dataset, sections: list[str], out_dir: Path, reporter) -> str:
    """Render every section's documents, then commit all sections together."""
    renderer = renderer_for(data)
    with locked(out_dir):
        folders = []
        try:
            for section in sections:
                reporter.step(f"生成{SECTIONS[section]}")
                folder = OutputFolder(out_dir, section)
                folders.append(folder)
                stage(folder, renderer, jobs_for(section, data))
        except BaseException:
            for folder in folders:
                folder.discard()
            raise
        outcome = Outcome()
        for folder in folders:
            outcome.merge(folder.commit())
    return (f"文档：新建 {len(outcome.new)} 份，更新 {len(outcome.changed)} 份，"
            f"未变 {len(outcome.unchanged)} 份，删除 {len(outcome.removed)} 份；输出目录 {out_dir}")


def stage(folder: OutputFolder, renderer: Renderer, jobs: list[Job]) -> None:
    seen: set[str] = set()
    todo = []
    for job in jobs:
        if job.path in seen:
            raise XinfangError(f"两份文档的输出路径相同：{job.path}（单位简称是否重复？）")
        seen.add(job.path)
        digest = job.input_digest(renderer.template_digest(job.template))
        if not folder.is_current(job.path, digest):
            todo.append(job)
    digests = {job.path: job.digest for job in todo}
    for path, content in render_all(renderer, todo):
        folder.put(path, content, digests[path])


def check_summary(data: loader.Dataset) -> str:
    levels = {level: sum(r.level == level for r in data.risks) for level in ("红", "黄", "绿")}
    confidential = f"重点人员 {len(data.key_persons)} 人" if data.has_confidential else "未提供涉密的重点人员数据"
    return (f"数据检查通过：单位 {len(data.units)} 个，人员 {len(data.people)} 人，"
            f"隐患 {len(data.risks)} 条（红 {levels['红']}、黄 {levels['黄']}、绿 {levels['绿']}），"
            f"{confidential}；警告 {len(data.warnings)} 条。")


def dump(value) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)
