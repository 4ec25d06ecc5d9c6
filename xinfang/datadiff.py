"""`generate.py diff A B`: the data changes between two versions, and what they touch.

A and B are data folders, or git revisions whose data/ folder is read from the
repository (e.g. `HEAD~1 HEAD`, `v2026.10 main`).
"""

from __future__ import annotations

import contextlib
import io
import subprocess
import tarfile
import tempfile
from pathlib import Path

from . import changes, loader
from .errors import XinfangError


@contextlib.contextmanager
def data_folder(spec: str, data_dir: Path):
    """Yield a folder holding the data named by `spec` (a folder or a git revision)."""
    if Path(spec).is_dir():
        yield Path(spec)
        return
    repo = subprocess.run(["git", "rev-parse", "--show-toplevel"], capture_output=True, text=True,
                          cwd=data_dir if data_dir.is_dir() else ".")
    if repo.returncode != 0:
        raise XinfangError(f"“{spec}”既不是数据目录，也不在 git 仓库中，无法比较")
    top = Path(repo.stdout.strip())
    inside = data_dir.resolve().relative_to(top).as_posix()
    archive = subprocess.run(["git", "archive", "--format=tar", spec, "--", inside],
                             capture_output=True, cwd=top)
    if archive.returncode != 0:
        raise XinfangError(f"“{spec}”既不是数据目录，也不是有效的 git 版本（或该版本没有 {inside}/）")
    with tempfile.TemporaryDirectory(prefix="xinfang-diff-") as temp:
        with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
            tar.extractall(temp, filter="data")
        yield Path(temp) / inside


def affected_outputs(old: loader.Dataset, new: loader.Dataset) -> dict[str, list[str]]:
    """Output path → how it is affected, comparing the data each shows.

    "更新", "新建", or "归档": no longer made, so a build would archive it.
    """
    from .forms import jobs_for
    from .render import renderer_for
    old_renderer, new_renderer = renderer_for(old), renderer_for(new)
    result: dict[str, list[str]] = {"更新": [], "新建": [], "归档": []}
    for section in ("forms", "blanks"):
        before = {j.path: j.input_digest(old_renderer.template_digest(j.template)) for j in jobs_for(section, old)}
        after = {j.path: j for j in jobs_for(section, new)}
        for path, job in sorted(after.items()):
            digest = job.input_digest(new_renderer.template_digest(job.template))
            if path not in before:
                result["新建"].append(path)
            elif before[path] != digest:
                result["更新"].append(path)
        result["归档"] += sorted(set(before) - set(after))
    return result


def report(spec_a: str, spec_b: str, data_dir: Path) -> str:
    with data_folder(spec_a, data_dir) as a, data_folder(spec_b, data_dir) as b:
        old, new = loader.load(a), loader.load(b)
        found = changes.diff(changes.snapshot(old), changes.snapshot(new), changes.namer(new, old))
        outputs = affected_outputs(old, new)
    lines = [f"数据变化 {len(found)} 处（{spec_a} → {spec_b}）："]
    lines += [f"  - {change}" for change in found] or ["  （无）"]
    for kind, paths in outputs.items():
        if paths:
            lines += ["", f"需{kind}的文档 {len(paths)} 份："] + [f"  - {p}" for p in paths]
    if not any(outputs.values()):
        lines += ["", "没有文档受影响。"]
    return "\n".join(lines)
