"""The command-line contract: help, errors, exit codes, summaries, and the README's two commands."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import time

import pytest

from conftest import REPO, copy_data, replace_in, run_cli
from xinfang import cli, distribution
from xinfang.cli import COMMANDS, make_parser

BROKEN_UNIT_TYPE = ("\n    类型: 二级单位\n", "\n    类型: 二级单价\n")  # a data line, not the header comment


def break_data(data) -> None:
    """Make one unit's type invalid (a data error, not a crash)."""
    path = data / "units.yaml"
    text = path.read_text(encoding="utf-8")
    assert BROKEN_UNIT_TYPE[0] in text
    path.write_text(text.replace(BROKEN_UNIT_TYPE[0], BROKEN_UNIT_TYPE[1], 1), encoding="utf-8")


def snapshot(folder) -> dict:
    """Every output file's bytes; the loader's private parse cache is not an output."""
    files = {p.relative_to(folder).as_posix(): p for p in sorted(folder.rglob("*")) if p.is_file()}
    return {name: p.read_bytes() for name, p in files.items() if not name.startswith(".cache/")}


def test_help_lists_every_command_in_chinese():
    proc = run_cli("--help")
    assert proc.returncode == 0
    assert proc.stdout.startswith("用法：generate.py")
    for name, text in COMMANDS.items():
        assert re.search(rf"^  {name}\s+{re.escape(text)}$", proc.stdout, re.M), name
    for option in ("--data", "--out", "--site-dir", "--debug"):
        assert option in proc.stdout
    assert "数据目录（默认 data/）" in proc.stdout


def test_unknown_command_is_a_chinese_usage_error():
    proc = run_cli("chek")
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr.splitlines()[-1] == (
        f"错误：无效的命令“chek”，是否应为“check”？（可用命令：{'、'.join(COMMANDS)}）")
    assert "Traceback" not in proc.stderr


def test_unknown_option_is_a_chinese_usage_error():
    proc = run_cli("check", "--fast")
    assert proc.returncode == 2
    assert proc.stderr.splitlines()[-1] == "错误：无法识别的参数: --fast"


def test_default_command_is_all():
    args = make_parser().parse_args([])
    assert args.command == "all"
    assert (str(args.data), str(args.out), str(args.site_dir)) == ("data", "build", "site")


def test_check_prints_chinese_summary(example, tmp_path):
    proc = run_cli("check", "--out", str(tmp_path / "out"))  # default data/
    assert proc.returncode == 0, proc.stderr
    levels = [sum(r.level == level for r in example.risks) for level in "红黄绿"]
    assert proc.stdout == (
        f"数据检查通过：单位 {len(example.units)} 个，人员 {len(example.people)} 人，"
        f"隐患 {len(example.risks)} 条（红 {levels[0]}、黄 {levels[1]}、绿 {levels[2]}），"
        f"重点人员 {len(example.key_persons)} 人；警告 {len(example.warnings)} 条。\n")
    assert proc.stderr.splitlines()[0] == "▶ 读取并检查数据：data"
    warnings = [line for line in proc.stderr.splitlines() if line.startswith("警告：")]
    assert warnings == [f"警告：{w}" for w in example.warnings]


def test_data_error_traceback_only_with_debug(tmp_path):
    data = copy_data(tmp_path)
    break_data(data)
    plain = run_cli("check", "--data", str(data), "--out", str(tmp_path / "out"))
    debug = run_cli("check", "--debug", "--data", str(data), "--out", str(tmp_path / "out"))
    assert plain.returncode == debug.returncode == 2
    assert "Traceback" not in plain.stderr
    assert "Traceback (most recent call last)" in debug.stderr and "DataError" in debug.stderr
    error = [line for line in plain.stderr.splitlines() if "二级单价" in line]
    assert len(error) == 1 and re.fullmatch(
        r"units\.yaml:\d+:\d+  单位\[\d+\]\.类型: “二级单价”不是允许的值（可选：企业、职能部门、二级单位、基层单位、班组），"
        r"是否应为“二级单位”？", error[0])
    assert plain.stderr.splitlines()[-1] == "数据有 1 处错误，未生成任何文件（原有输出保持不变）。"


def test_default_command_checks_data_first(tmp_path):
    data = copy_data(tmp_path)
    break_data(data)
    out, site = tmp_path / "out", tmp_path / "site"
    proc = run_cli("--data", str(data), "--out", str(out), "--site-dir", str(site))
    assert proc.returncode == 2
    assert "二级单价" in proc.stderr
    assert not site.exists()
    assert not out.exists() or snapshot(out) in ({}, {".lock": b""})


def test_failed_build_leaves_earlier_outputs_untouched(tmp_path, built):
    out = tmp_path / "out"
    shutil.copytree(built, out)
    (out / "sentinel.txt").write_text("earlier output", encoding="utf-8")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("earlier site", encoding="utf-8")
    before, site_before = snapshot(out), snapshot(site)
    assert any(name.endswith(".docx") for name in before)
    data = copy_data(tmp_path)
    break_data(data)
    proc = run_cli("all", "--data", str(data), "--out", str(out), "--site-dir", str(site))
    assert proc.returncode == 2
    assert "未生成任何文件（原有输出保持不变）" in proc.stderr
    assert snapshot(out) == before
    assert snapshot(site) == site_before


def test_readme_names_the_two_commands():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert re.search(r"^make\s+#", readme, re.M)
    assert re.search(r"^make test\s+#", readme, re.M)
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^all:", makefile, re.M) and re.search(r"^test:", makefile, re.M)
    assert makefile.index("all:") < makefile.index("test:")  # `make` alone builds, not tests


def test_make_targets_dry_run():
    make = shutil.which("make")
    assert make, "make is required (README: Python 3.11 and make)"
    build = subprocess.run([make, "-n"], cwd=REPO, capture_output=True, text=True, timeout=60)
    test = subprocess.run([make, "-n", "test"], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert build.returncode == 0 and test.returncode == 0, build.stderr + test.stderr
    assert ".venv/bin/python generate.py all" in build.stdout
    assert ".venv/bin/python -m pytest" in test.stdout


@pytest.mark.slow  # builds a site (or runs many CLI commands) of its own
def test_readme_staffing_commands_run_on_the_example_data(tmp_path):
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"^\s*\.venv/bin/python generate\.py ((?:who|handover) [^#\n]*?)\s*(?:#.*)?$", readme, re.M)
    assert any(c.startswith("who ") for c in commands) and any(c.endswith("--apply") for c in commands)
    for command in commands:
        data = copy_data(tmp_path / str(len(list(tmp_path.iterdir()))))
        proc = run_cli(*command.split(), "--data", str(data), "--out", str(data.parent / "out"))
        assert proc.returncode == 0, (command, proc.stderr)
        assert proc.stdout.startswith("赵国强（编号 zhao-guoqiang）" if command.startswith("who") else "交接：赵国强")


def test_a_worker_killed_mid_build_is_an_error_not_a_hang(tmp_path, built, monkeypatch, capsys):
    """A comparing worker the system kills (out of memory) fails the build cleanly."""
    out = tmp_path / "out"
    shutil.copytree(built, out)
    before = snapshot(out)
    data = copy_data(tmp_path)
    people = data / "people.yaml"
    replace_in(people, "    办公电话: 0373-3512001", "    办公电话: 0373-3512099")  # shown in several documents
    parent = os.getpid()

    def killed(folder, path, today):
        if os.getpid() != parent:
            os.kill(os.getpid(), signal.SIGKILL)
        raise AssertionError("documents must be compared in worker processes")

    def hung(signum, frame):
        raise TimeoutError("the build waited for a dead worker")

    monkeypatch.setattr(distribution, "_compare_file", killed)
    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(120)
    try:
        assert cli.main(["forms", "blanks", "--quiet", "--data", str(data), "--out", str(out)]) == 1
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
    assert "工作进程意外退出（常见原因是内存不足），原有输出和数据保持不变" in capsys.readouterr().err
    assert snapshot(out) == before


def test_a_worker_forked_from_a_command_dies_of_sigterm_instead_of_running_on():
    """A forked worker inherits the command's SIGTERM handler; unwinding there would run the
    rest of the command in the worker too."""
    previous = signal.signal(signal.SIGTERM, cli._interrupt_on_term)
    cli._main_pid = os.getpid()
    try:
        pid = os.fork()
        if pid == 0:
            try:
                os.kill(os.getpid(), signal.SIGTERM)
                time.sleep(5)
            except BaseException:
                os._exit(99)
            os._exit(0)
        _, status = os.waitpid(pid, 0)
        assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGTERM, status
        with pytest.raises(KeyboardInterrupt):  # the command itself unwinds, cleaning up
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(5)
    finally:
        signal.signal(signal.SIGTERM, previous)
