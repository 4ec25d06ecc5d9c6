"""One build: load and check everything first, then render, then write."""

from __future__ import annotations

from pathlib import Path

from . import distribution, docdiff, loader, tracking
from .reads import Values
from .snapshots import SnapshotStore
from .errors import XinfangError
from .forms import jobs_for, return_workbook
from .forms.blank_bundle import stage_bundles
from .forms.common import BLANK_DIR, CONFIDENTIAL_DIR
from .outputs import OutputFolder, Outcome, locked, read_manifest, write_atomic, write_manifest
from .render import Job, Renderer, render_all, renderer_for

SECTIONS = {"forms": "表格文档", "blanks": "空白模板"}
CHANGE_LIST = "变更清单.txt"
PROGRESS_EVERY = 1000
CACHE = ".cache/parsed"  # under the output folder: validated data files, by content
SNAPSHOT = ".snapshot"  # folder: the last build's facts, per data file


def build_documents(data: loader.Dataset, sections: list[str], out_dir: Path, reporter) -> str:
    """Render every section's documents, then commit all sections together.

    Forms see the data through a tracking view, so each document's manifest
    entry names the data it read; see xinfang.tracking.
    """
    renderer = renderer_for(data)
    values = Values(data)
    with locked(out_dir), tracking.Tracked(data) as view:
        folders = []
        manifest = read_manifest(out_dir)
        comparisons = {}
        try:
            for section in sections:
                folder = OutputFolder(out_dir, section, manifest)
                folders.append(folder)
                jobs = jobs_for(section, view)
                stage(folder, renderer, jobs, values, reporter, SECTIONS[section])
                if section == "blanks":  # each unit's blanks also as one zip (forms.blank_bundle)
                    stage_bundles(folder, jobs)
                else:  # every unit's return workbook in one zip for the office to send out
                    return_workbook.stage_bundle(folder, view, jobs)
            for folder in folders:  # what changed in each document, while the old versions are in place
                comparisons.update(distribution.compare_staged(folder, data.today))
        except BaseException:
            for folder in folders:
                folder.discard()
            raise
        outcome = Outcome()
        for folder in folders:
            outcome.merge(folder.commit())
        write_manifest(out_dir, manifest)
        listed = distribution.entries(outcome, comparisons)
        write_change_list(out_dir, data, outcome, listed)
        distribution.write(out_dir, listed, data.today)
    return f"{outcome_summary(outcome, listed)}；输出目录 {out_dir}"


def outcome_summary(outcome: Outcome, listed: list[distribution.Entry]) -> str:
    """What a build did to the documents, in the same words for the CLI and the change list.

    Documents are the DOCX and XLSX files (as the progress lines count them); each unit's
    zip of blanks is counted apart, as the site counts it.
    """
    docs = {name: [p for p in getattr(outcome, name) if distribution.is_document(p)]
            for name in ("new", "changed", "unchanged")}
    archived = [p for p in outcome.archived if distribution.is_document(p)]
    made = docs["new"] + docs["changed"] + docs["unchanged"]
    blanks = sum(p.startswith(BLANK_DIR + "/") for p in made)
    secret = sum(p.startswith(CONFIDENTIAL_DIR + "/") for p in made)
    parts = []
    if len(made) > blanks:
        parts.append(f"表格文档 {len(made) - blanks} 份" + (f"（含涉密文档 {secret} 份）" if secret else ""))
    if blanks:
        parts.append(f"空白模板 {blanks} 份")
    n = distribution.counts(listed)
    quiet = f"仅日期更新 {n[docdiff.DATE_ONLY]} 份" + (
        f"，仅版式更新 {n[docdiff.LAYOUT_ONLY]} 份" if n[docdiff.LAYOUT_ONLY] else "")
    line = (f"文档 {len(made)} 份" + (f"，其中{'、'.join(parts)}" if parts else "")
            + f"；新建 {len(docs['new'])} 份，更新 {len(docs['changed'])} 份，未变 {len(docs['unchanged'])} 份，"
            f"归档 {len(archived)} 份（需重新下发 {n[docdiff.REISSUE] + n[distribution.NEW]} 份，{quiet}）")
    zips = {name: _blank_zips(getattr(outcome, name)) for name in docs}
    zips["archived"] = _blank_zips(outcome.archived)
    if any(zips.values()):
        line += (f"；空白模板压缩包：新建 {zips['new']} 个，更新 {zips['changed']} 个，"
                 f"未变 {zips['unchanged']} 个，归档 {zips['archived']} 个")
    return line


def _blank_zips(paths) -> int:
    """The blanks' zips, as the site counts them (the one zip of all return workbooks is left out)."""
    return sum(p.startswith(BLANK_DIR + "/") and p.endswith(".zip") for p in paths)


def stage(folder: OutputFolder, renderer: Renderer, jobs: list[Job], values: Values, reporter,
          label: str) -> None:
    """Render the jobs whose inputs changed into the folder's staging area.

    A job is current when its code, template and title are as before and every
    data value it read last time is unchanged; its context is then never built.
    """
    seen: set[str] = set()
    todo = []
    folder.reads.refresh(values)
    for job in jobs:
        if job.path in seen:
            raise XinfangError(f"两份文档的输出路径相同：{job.path}（单位简称是否重复？）")
        seen.add(job.path)
        fixed = job.fixed_digest(renderer.template_digest(job.template))
        if not folder.is_current(job.path, fixed, reads_data=True):
            todo.append((job, fixed))
    reporter.step(f"生成{label}：共 {len(jobs)} 份，其中 {len(todo)} 份的数据或模板有变化，需要重新生成")
    fixed_digests = {job.path: fixed for job, fixed in todo}
    reads: dict[str, str] = {}

    def sent(job: Job) -> None:
        # Its data keys join the manifest's table in the jobs' order, whatever order the
        # documents come back in: the same build writes the same manifest.
        reads[job.path] = folder.reads.encode(job.reads, values)
        job.release()

    for done, (path, digest, written) in enumerate(render_all(renderer, [job for job, _ in todo], folder, sent), 1):
        folder.record(path, digest, written, fixed_digests[path], reads.pop(path))
        if done % PROGRESS_EVERY == 0:
            reporter.step(f"  已生成 {done}/{len(todo)} 份")


def write_change_list(out_dir: Path, data: loader.Dataset, outcome: Outcome,
                      listed: list[distribution.Entry]) -> None:
    """build/变更清单.txt: what changed in the data, and which documents changed and how.

    The documents' reasons are those of the distribution list: words each document shows.
    """
    store = SnapshotStore(out_dir / SNAPSHOT)
    first = store.empty
    data_changes = store.compare(data)
    lines = [f"信访工作文档变更清单（数据日期 {data.today.isoformat()}）", ""]
    if first:
        lines.append("首次生成，没有可比较的上一版数据。")
    else:
        lines.append(f"数据变化 {len(data_changes)} 处：")
        lines += [f"  - {change}" for change in data_changes] or ["  （无）"]
    lines += ["", outcome_summary(outcome, listed) + "。"]
    groups = (("需重新下发的文档（内容有变化）", docdiff.REISSUE),
              ("新建的文档", distribution.NEW), ("归档的文档（不再生成，已移入归档目录）", distribution.ARCHIVED),
              ("仅日期更新的文档（不需重新下发）", docdiff.DATE_ONLY),
              ("仅版式更新的文档（文字未变，不需重新下发）", docdiff.LAYOUT_ONLY))
    for title, kind in groups:
        entries = sorted((e for e in listed if e.kind == kind), key=lambda e: e.path)
        if not entries or (kind == distribution.NEW and first):
            continue
        lines += ["", f"{title}："]
        for entry in entries:
            detail = entry.reasons or ([f"移至 {entry.archived_to}"] if entry.archived_to else [])
            lines.append(f"  - {entry.path}" + (f"：{'；'.join(detail)}" if detail else ""))
    zips = sorted(p for p in outcome.archived if not distribution.is_document(p))
    if zips:
        lines += ["", "归档的压缩包："] + [f"  - {p}：移至 {outcome.archived[p]}" for p in zips]
    write_atomic(out_dir / CHANGE_LIST, "".join(line + "\n" for line in lines).encode("utf-8"))
    store.save()


def check_summary(data: loader.Dataset) -> str:
    levels = {level: sum(r.level == level for r in data.risks) for level in ("红", "黄", "绿")}
    confidential = f"重点人员 {len(data.key_persons)} 人" if data.has_confidential else "未提供涉密的重点人员数据"
    return (f"数据检查通过：单位 {len(data.units)} 个，人员 {len(data.people)} 人，"
            f"隐患 {len(data.risks)} 条（红 {levels['红']}、黄 {levels['黄']}、绿 {levels['绿']}），"
            f"{confidential}；警告 {len(data.warnings)} 条。")
