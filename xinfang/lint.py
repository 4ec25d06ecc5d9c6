"""`generate.py lint`: every form template compiles and finds every value it uses.

Each template under templates/forms/ is compiled as a build would compile it; then
the variables it names are checked against the contexts its forms really produce
(filled and blank), and it is rendered against each of them with StrictUndefined,
so a misspelt field fails here with the template's name instead of mid-build.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import jinja2
from jinja2 import meta

from . import forms
from .render import fonts_of
from .docx.engine import DocxTemplate
from .errors import TemplateError
from .forms.common import BLANK_DIR
from .render import TEMPLATE_DIR, Job, is_workbook


def lint_templates(data, template_dir: Path = TEMPLATE_DIR) -> str:
    """Check every template against the data's jobs; raise TemplateError listing every problem."""
    template_dir = Path(template_dir)
    filled, blank = forms.form_jobs(data), forms.blank_jobs(data)
    by_template: dict[str, list[Job]] = defaultdict(list)
    for job in filled + blank:
        if not is_workbook(job.template):  # workbooks are laid out by code, not from a template
            by_template[job.template].append(job)

    problems: list[str] = []
    compiled: dict[str, DocxTemplate] = {}
    fonts = fonts_of(data)
    for path in sorted(template_dir.glob("*.docx")):
        if path.name.startswith("~$"):  # Word's lock file while a template is open
            continue
        try:
            compiled[path.name] = DocxTemplate(path, fonts)
        except TemplateError as exc:
            problems.append(str(exc))
            continue
        if path.name not in by_template:
            problems.append(f"模板 {path.name} 没有任何表格使用（文件名是否改动过？多余的副本请移出 {template_dir}）")
    for name in sorted(set(by_template) - {p.name for p in template_dir.glob("*.docx")}):
        problems.append(f"模板 {name} 不存在：{by_template[name][0].path} 等 {len(by_template[name])} 份文档要用它")

    for name, template in compiled.items():
        problems += _check(name, template, by_template.get(name, []))
    if problems:
        raise TemplateError(f"模板检查发现 {len(problems)} 个问题：\n" + "\n".join(f"  - {p}" for p in problems))
    return (f"模板检查通过：{len(compiled)} 个模板，核对了 {len(filled) + len(blank)} 份文档的数据"
            f"（填写 {len(filled)} 份，空白 {len(blank)} 份）。")


def _check(name: str, template: DocxTemplate, jobs: list[Job]) -> list[str]:
    """Problems of one template against its jobs, each message once with an example document."""
    names = set()
    for source in template.sources.values():
        names |= meta.find_undeclared_variables(template.env.parse(source))
    found: dict[str, list[str]] = defaultdict(list)
    for job in jobs:
        kind = "空白" if job.path.startswith(BLANK_DIR + "/") else "填写"
        for missing in sorted(names - set(job.context)):
            found[f"模板 {name} 使用了变量“{missing}”，但{kind}表格的数据中没有它"].append(job.path)
        try:
            template.render_parts(job.context)
        except TemplateError as exc:
            found[str(exc)].append(job.path)
        except (jinja2.TemplateError, TypeError, ValueError) as exc:  # e.g. a filter given the wrong type
            found[f"模板 {name} 渲染出错：{exc}"].append(job.path)
    return [f"{message}（如 {paths[0]}，共 {len(paths)} 份）" for message, paths in found.items()]
