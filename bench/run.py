#!/usr/bin/env python3
"""The performance benchmark (`make bench`): one run, one table of figures.

1. a full build of forms and blanks, and of the site, of a synthetic enterprise;
2. a rebuild after one person's phone number changes (files rewritten, time);
3. a sample of the documents of units with no units below them rendered the naive
   ways (python-docx adding table rows one by one, docxtpl loading the template per
   document) and the floor (only zipping already-rendered parts), as ratios;
4. the XLSX workbooks' share of the full build, and importing a filled return
   from every unit (preview, then apply).

    python bench/run.py [--units 2000] [--sample 300] [--skip-site]
"""

from __future__ import annotations

import argparse
import io
import os
import posixpath
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

import returns  # noqa: E402
import synthetic  # noqa: E402

from xinfang import forms, loader  # noqa: E402
from xinfang.cores import usable as usable_cores  # noqa: E402
from xinfang.render import renderer_for  # noqa: E402
from xinfang.render import Job, is_workbook  # noqa: E402

PY = sys.executable
RUNS = 3  # rebuild measurements, of which the median is reported


def _descendants(pid: int) -> list[int]:
    """`pid` and every process below it, from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as handle:
                    parent = int(handle.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            children.setdefault(parent, []).append(int(entry))
    found, stack = [], [pid]
    while stack:
        current = stack.pop()
        found.append(current)
        stack.extend(children.get(current, []))
    return found


def _pss_kib(pid: int) -> int:
    """Proportional set size: shared pages split among the processes sharing them."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


class TreeMemory(threading.Thread):
    """Samples the summed PSS of a process and its workers every 250 ms; keeps the peak.

    Reading smaps_rollup walks a process's page tables: sampled more often, a large build
    would share a core with its own measurement.
    """

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid, self.peak_kib, self.done = pid, 0, threading.Event()

    def run(self) -> None:
        while not self.done.wait(0.25):
            self.peak_kib = max(self.peak_kib, sum(_pss_kib(p) for p in _descendants(self.pid)))


def timed_child(args: list[str], env: dict | None = None) -> tuple[float, float, str]:
    """Run a child process; return (seconds, peak MiB of it and its workers together, stdout)."""
    started = time.perf_counter()
    proc = subprocess.Popen(args, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            env={**os.environ, **(env or {})}, text=True)
    sampler = TreeMemory(proc.pid)
    sampler.start()
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    sampler.done.set()
    sampler.join()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"命令失败：{' '.join(args)}")
    return seconds, max(sampler.peak_kib, usage.ru_maxrss) / 1024, out


def rewritten(summary: str) -> int:
    match = re.search(r"新建 (\d+) 份，更新 (\d+) 份", summary)
    return int(match.group(1)) + int(match.group(2)) if match else -1


def change_one_phone(data_dir: Path, new: str) -> str:
    """Give the first person's office phone the number `new`; return the old number."""
    people = data_dir / "people.yaml"
    text = people.read_text("utf-8")
    match = re.search(r"办公电话: (0373-\d{7})", text)
    assert match, "no office phone to change"
    people.write_text(text.replace(match.group(0), f"办公电话: {new}", 1), "utf-8")
    return match.group(1)


def median_of(runs: list[tuple[float, float, str]]) -> tuple[float, float, str, str]:
    """The run of median time, and the spread of all, as (seconds, peak MiB, stdout, spread)."""
    ordered = sorted(runs, key=lambda run: run[0])
    seconds, peak, out = ordered[len(ordered) // 2]
    return seconds, peak, out, f"{len(runs)} 次取中位数，{ordered[0][0]:.2f}—{ordered[-1][0]:.2f} s"


def add_one_risk(data_dir: Path) -> str:
    """Append a copy of the first entry of the last risk file, with a new ID; return the unit ID."""
    path = sorted((data_dir / "risks").glob("*.yaml"))[-1]
    text = path.read_text("utf-8")
    first = re.search(r"^- 编号: (\S+)\n(?:  .*\n)+", text, re.M)
    assert first, "no entry to copy"
    entry = first.group(0).replace(f"编号: {first.group(1)}", "编号: bench-new-entry", 1)
    path.write_text(text + ("" if text.endswith("\n") else "\n") + entry, "utf-8")
    return path.stem


def naive_python_docx(job: Job) -> bytes:
    """A document built the usual way: python-docx, one table row added at a time."""
    from docx import Document
    doc = Document()
    doc.add_heading(job.title, 0)
    rows = _table_rows(job.context)
    if rows:
        table = doc.add_table(rows=0, cols=len(rows[0]))
        for values in rows:
            for cell, value in zip(table.add_row().cells, values):
                cell.text = value
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _table_rows(context: dict) -> list[list[str]]:
    """The largest list of dicts in a context, as rows of text."""
    best: list = []
    stack = [context]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            stack.extend(value.values())
        elif isinstance(value, list):
            if value and all(isinstance(v, dict) for v in value) and len(value) > len(best):
                best = value
            stack.extend(value)
    if not best:
        return []
    keys = [k for k, v in best[0].items() if not isinstance(v, (dict, list))]
    return [keys] + [[str(row.get(k, "")) for k in keys] for row in best]


def naive_docxtpl(job: Job) -> bytes:
    """docxtpl as documented: load and render the template for every document."""
    from docxtpl import DocxTemplate
    template = DocxTemplate(str(REPO / "templates" / "forms" / job.template))
    template.render(job.context, autoescape=True)
    buffer = io.BytesIO()
    template.save(buffer)
    return buffer.getvalue()


def zip_floor(parts: dict[str, bytes], static: dict[str, bytes]) -> bytes:
    """The floor: only writing already-rendered parts into a zip."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in {**static, **parts}.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def per_document(label: str, jobs: list[Job], make) -> float:
    started = time.perf_counter()
    for job in jobs:
        make(job)
    seconds = (time.perf_counter() - started) / len(jobs)
    print(f"  {label}: {seconds * 1000:.2f} ms/份", file=sys.stderr)
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description="性能基准")
    parser.add_argument("--units", type=int, default=2000)
    parser.add_argument("--sample", type=int, default=300, help="与朴素做法对比时使用的文档份数")
    parser.add_argument("--skip-site", action="store_true")
    parser.add_argument("--keep", type=Path, help="保留合成数据和输出的目录")
    args = parser.parse_args()

    work = Path(args.keep or tempfile.mkdtemp(prefix="xinfang-bench-"))
    data_dir, out_dir, site_dir = work / "data", work / "build", work / "site"
    for folder in (data_dir, out_dir, site_dir):
        shutil.rmtree(folder, ignore_errors=True)
    synthetic.generate(args.units, data_dir)
    rows = []

    full, peak, summary = timed_child([PY, "generate.py", "forms", "blanks", "--quiet", "--data", str(data_dir),
                                       "--out", str(out_dir)])
    rows.append(("全量生成表格文档和空白模板", f"{full:.1f} s", f"{rewritten(summary)} 份；峰值内存 {peak:.0f} MiB"))
    if not args.skip_site:
        # The site's downloads are the documents just built: only the site itself is made here.
        site_s, site_peak, _ = timed_child([PY, "generate.py", "site", "--quiet", "--data", str(data_dir),
                                            "--out", str(out_dir), "--site-dir", str(site_dir)])
        pages = sum(1 for _ in site_dir.rglob("*.html"))
        rows.append(("全量生成操作手册网站", f"{site_s:.1f} s", f"{pages} 个页面；峰值内存 {site_peak:.0f} MiB"))

    rebuild = [PY, "generate.py", "forms", "blanks", "--quiet", "--data", str(data_dir), "--out", str(out_dir)]
    # Rebuilds take a couple of seconds, where a busy moment of the machine shows: the median of three.
    same_s, _, same_summary, spread = median_of([timed_child(rebuild) for _ in range(RUNS)])
    rows.append(("数据未改时重新生成", f"{same_s:.2f} s", f"重写 {rewritten(same_summary)} 份；{spread}"))
    runs, replaced = [], []
    for number in range(RUNS):  # each run changes the phone once more: a real edit every time
        replaced.append(change_one_phone(data_dir, f"0373-999999{number}"))
        runs.append(timed_child(rebuild))
    re_s, re_peak, re_summary, spread = median_of(runs)
    rows.append((f"改一个电话（{replaced[0]}）后重新生成", f"{re_s:.2f} s",
                 f"重写 {rewritten(re_summary)} 份；峰值内存 {re_peak:.0f} MiB；{spread}"))
    unit = add_one_risk(data_dir)
    risk_s, _, risk_summary = timed_child(rebuild)
    rows.append((f"一个单位（{unit}）新增一条隐患后重新生成", f"{risk_s:.2f} s",
                 f"重写 {rewritten(risk_summary)} 份（该单位及各级上级的台账等）"))

    filled = work / "returns"
    count = returns.fill_all(out_dir, filled)
    before = {p: p.read_bytes() for p in (data_dir / "risks").glob("*.yaml")}
    importing = [PY, "generate.py", "import", str(filled), "--quiet", "--data", str(data_dir), "--out", str(out_dir)]
    preview_s, preview_peak, preview = timed_child(importing)
    apply_s, _, _ = timed_child(importing + ["--apply"])
    changed = sum(1 for p, b in before.items() if p.read_bytes() != b)
    rows.append((f"导入 {count} 份填好的报送表：预览", f"{preview_s:.1f} s",
                 f"{preview.strip().splitlines()[-3].rstrip('。')}；峰值内存 {preview_peak:.0f} MiB"))
    rows.append((f"导入 {count} 份填好的报送表：写入", f"{apply_s:.1f} s",
                 f"改写 {changed} 个隐患文件；预览加写入共 {preview_s + apply_s:.1f} s"))

    data = loader.load(data_dir)
    renderer = renderer_for(data)
    books = [job for job in forms.form_jobs(data) if is_workbook(job.template)]
    started = time.perf_counter()
    for job in books:
        renderer.render(job)
    books_s = time.perf_counter() - started
    cores = usable_cores()
    rows.append((f"XLSX 工作簿（报送表 {len(books) - 1} 份、全公司台账 1 份）", f"{books_s:.1f} s 单核",
                 f"分到 {cores} 核约 {books_s / cores:.1f} s，使不含工作簿的全量生成增加约 "
                 f"{books_s / cores / (full - books_s / cores):.0%}"))
    jobs = [job for job in forms.form_jobs(data) if not is_workbook(job.template)]
    # Compared per document: those of units with no units below them. A roll-up grows with the
    # group (the company-wide ledger of 20,000 units has 200,000 rows, which python-docx would
    # add one by one for hours); the full build above includes them.
    folders = {posixpath.dirname(job.path) for job in jobs}
    above = {posixpath.dirname(folder) for folder in folders}
    jobs = [job for job in jobs if posixpath.dirname(job.path) not in above]
    step = max(1, len(jobs) // args.sample)
    sample = jobs[::step][: args.sample]
    print(f"对比样本：{len(sample)} 份文档（取自没有下级单位的单位）", file=sys.stderr)
    for job in sample:  # compile templates and static zip entries outside the timing
        renderer.render(job)
    ours = per_document("本项目引擎", sample, renderer.render)
    rendered = {id(job): renderer.template(job.template).render_parts(job.context) for job in sample}
    floor = per_document("只写 zip（下限）", sample,
                         lambda job: zip_floor(rendered[id(job)], renderer.template(job.template).static))
    docxtpl_s = per_document("docxtpl 每份加载模板", sample, naive_docxtpl)
    pydocx_s = per_document("python-docx 逐行建表", sample, naive_python_docx)
    rows.append(("本项目引擎（每份）", f"{ours * 1000:.2f} ms", f"为只写 zip 下限的 {ours / floor:.2f} 倍"))
    floor_all = floor * rewritten(summary)
    rows.append(("全量生成 ÷ 全部文档只写 zip 的下限", f"{full / floor_all:.2f} 倍",
                 f"下限估计 {floor_all:.1f} s（{rewritten(summary)} 份 × 每份 {floor * 1000:.2f} ms，单核）"))
    rows.append(("docxtpl 每份加载模板", f"{docxtpl_s * 1000:.2f} ms", f"本项目快 {docxtpl_s / ours:.1f} 倍"))
    rows.append(("python-docx 逐行建表", f"{pydocx_s * 1000:.2f} ms", f"本项目快 {pydocx_s / ours:.1f} 倍"))

    print(f"\n性能基准：{args.units} 个单位，{len(data.people)} 人，{len(data.risks)} 条隐患，CPU {os.cpu_count()} 核\n")
    print("| 项目 | 结果 | 说明 |\n| --- | ---: | --- |")
    for name, figure, note in rows:
        print(f"| {name} | {figure} | {note} |")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
