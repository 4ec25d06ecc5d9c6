"""Helpers for validation tests: patch a data copy, run `check`, read the problems."""

from __future__ import annotations

import shutil
import signal
from dataclasses import dataclass
from pathlib import Path

import yaml

from xinfang import cli

TESTS = Path(__file__).resolve().parent
MINI = TESTS / "fixtures" / "mini"
CORPUS = TESTS / "corpus"


def mini_copy(tmp_path: Path) -> Path:
    """A private copy of the small dataset the corpus patches."""
    target = tmp_path / "data"
    shutil.copytree(MINI, target, ignore=shutil.ignore_patterns("README.md"))
    return target


def apply_patch(data_dir: Path, op: dict) -> None:
    """Apply one corpus operation: find/replace, write a whole file, delete, re-encode."""
    path = data_dir / op["file"]
    if op.get("delete"):
        path.unlink()
    elif "text" in op:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(op["text"], encoding="utf-8")
    elif "encoding" in op:
        path.write_bytes(path.read_text(encoding="utf-8").encode(op["encoding"]))
    else:
        text = path.read_text(encoding="utf-8")
        # A patch that silently matches nothing (or twice) would test nothing.
        assert text.count(op["find"]) == 1, f"{op['file']}: find text must occur exactly once"
        path.write_text(text.replace(op["find"], op["replace"]), encoding="utf-8")


@dataclass
class Result:
    code: int
    stdout: str
    stderr: str

    @property
    def problems(self) -> list[str]:
        """The located problem lines as the CLI prints them (no progress or summary)."""
        return [line for line in self.stderr.splitlines()
                if line and not line.startswith(("▶", "数据有 ", "警告："))]

    @property
    def warnings(self) -> list[str]:
        """The warnings of a check that passed, written as the corpus writes them ("警告  …")."""
        return [f"警告  {line.removeprefix('警告：')}" for line in self.stderr.splitlines()
                if line.startswith("警告：")]


def check(data_dir: Path, capsys, *extra: str) -> Result:
    """Run the real CLI's `check` in-process (fast) and capture what a user sees."""
    capsys.readouterr()
    # A private --out: the parse cache kept there must not answer for this data.
    out = Path(data_dir).parent / "out"
    term = signal.getsignal(signal.SIGTERM)  # main() installs its own; keep pytest's
    try:
        code = cli.main(["check", "--quiet", "--data", str(data_dir), "--out", str(out), *extra])
    finally:
        signal.signal(signal.SIGTERM, term)
    out, err = capsys.readouterr()
    return Result(code, out, err)


def load_case(path: Path) -> dict:
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    case.setdefault("exit", 2)
    case.setdefault("expect", [])
    case.setdefault("cli", False)
    return case


def case_paths() -> list[Path]:
    return sorted(CORPUS.glob("*.yaml"))
