"""The command line: parse arguments, run a build step, report in Chinese."""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import os
import re
import signal
import sys
import time
import traceback
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from . import __version__
from .errors import DataError, XinfangError

COMMANDS = {
    "all": "检查数据并生成全部：表格文档、空白模板和操作手册网站（默认）",
    "check": "只检查数据，不生成任何文件",
    "forms": "生成填好数据的表格文档（DOCX）",
    "blanks": "生成供基层单位下载填写的空白模板",
    "site": "生成操作手册网站（先更新网站提供下载的表格文档和空白模板，输出目录见 --out）",
    "diff": "比较两份数据（两个目录或两个 git 版本）：generate.py diff A B",
    "lint": "检查所有模板与数据模型是否匹配",
    "schema": "重新生成数据文件的 JSON Schema（供编辑器校验和补全）",
    "import": "导入各单位报送回来的报送表（.xlsx）或填好的台账（.docx）：generate.py import 文件或目录…",
    "who": "查某人在数据中的全部职务和显示其姓名的文档：generate.py who 姓名或编号",
    "handover": "人员交接：generate.py handover 离任人 接任人，先预览，加 --apply 才修改数据",
}
# Commands that take a fixed number of words after them, and how to write them.
WORDS = {
    "diff": (2, "diff 命令需要两个参数：两个数据目录或两个 git 版本，如 generate.py diff HEAD~1 HEAD"),
    "who": (1, "who 命令需要一个参数：人员的姓名或编号，如 generate.py who 赵国强"),
    "handover": (2, "handover 命令需要两个参数：离任人和接任人（姓名或编号），如 generate.py handover 赵国强 王军"),
}
TARGETS = ("forms", "blanks", "site")  # output commands that may be combined
EXIT_OK, EXIT_INTERNAL, EXIT_BAD_INPUT = 0, 1, 2


class _ChineseHelp(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, prefix="用法：")


class _ChineseParser(argparse.ArgumentParser):
    """argparse with its usage errors in Chinese and exit status 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        wrong = re.search(r"invalid choice: '([^']*)'", message)
        if wrong:
            close = difflib.get_close_matches(wrong.group(1), list(COMMANDS), n=1)
            hint = f"，是否应为“{close[0]}”？" if close else ""
            message = f"无效的命令“{wrong.group(1)}”{hint}（可用命令：{'、'.join(COMMANDS)}）"
        message = (message.replace("argument ", "参数 ")
                   .replace("invalid choice", "无效的命令")
                   .replace("unrecognized arguments", "无法识别的参数")
                   .replace("expected one argument", "缺少参数值")
                   .replace("choose from", "可选"))
        self.print_usage(sys.stderr)
        print(f"错误：{message}", file=sys.stderr)
        sys.exit(EXIT_BAD_INPUT)


def make_parser() -> argparse.ArgumentParser:
    commands = "\n".join(f"  {name:<10}{text}" for name, text in COMMANDS.items())
    parser = _ChineseParser(
        prog="generate.py",
        description="信访工作文档与操作手册生成器：从 data/ 中的数据生成标准表格、空白模板和操作手册网站。",
        epilog=f"命令：\n{commands}",
        formatter_class=_ChineseHelp,
        add_help=False,
    )
    parser.add_argument("command", nargs="?", default="all", choices=list(COMMANDS), metavar="命令",
                        help="要执行的命令，默认 all")
    parser.add_argument("extra", nargs="*", metavar="…",
                        help="diff 的两份数据（diff A B）；who 的人员；handover 的离任人和接任人；"
                             "或再加 forms/blanks/site 一并生成（如 forms blanks）")
    parser.add_argument("--data", type=Path, default=Path("data"), metavar="目录", help="数据目录（默认 data/）")
    parser.add_argument("--out", type=Path, default=Path("build"), metavar="目录", help="文档输出目录（默认 build/）")
    parser.add_argument("--site-dir", type=Path, default=Path("site"), metavar="目录", help="网站输出目录（默认 site/）")
    parser.add_argument("--apply", action="store_true",
                        help="import、handover：确认写入 data/（不加时只预览，不改数据）")
    handover = parser.add_argument_group("handover 命令的选项")
    handover.add_argument("--role", action="append", metavar="类别",
                          help="只交接这类职务（可写多次）：领导小组、领导小组办公室、单位、责任、接访、包案、"
                               "专项排查、应急、隐患、重点人员（含帮扶档案）、联席会议；不写则交接全部职务，并记录离任日期")
    handover.add_argument("--date", type=_date, metavar="日期", help="离任日期（默认为数据日期），如 2026-12-01")
    handover.add_argument("--name", metavar="姓名", help="接任人是新人员时：姓名（接任人参数即为其新编号）")
    handover.add_argument("--post", metavar="职务", help="新人员的职务")
    handover.add_argument("--unit", metavar="单位编号", help="新人员所在单位的编号")
    handover.add_argument("--office-phone", metavar="电话", help="新人员的办公电话（座机）")
    handover.add_argument("--mobile", metavar="手机", help="新人员的手机号")
    parser.add_argument("--quiet", action="store_true", help="不显示进度，只显示结果")
    parser.add_argument("--debug", action="store_true", help="出错时显示完整的技术细节（traceback）")
    parser.add_argument("-h", "--help", action="help", help="显示本帮助并退出")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}", help="显示版本号")
    parser._positionals.title = "参数"
    parser._optionals.title = "选项"
    return parser


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}”不是有效日期，日期应写作 YYYY-MM-DD，如 2026-12-01") from None


def _newcomer(args) -> dict | None:
    """The new successor's details given with --name etc., or None."""
    fields = {"name": args.name, "post": args.post, "unit": args.unit,
              "office_phone": args.office_phone, "mobile": args.mobile}
    return fields if any(fields.values()) else None


class Reporter:
    """Progress lines on stderr while working; the summary goes to stdout."""

    def __init__(self, quiet: bool = False):
        self.quiet = quiet
        self.started = time.monotonic()

    def step(self, message: str) -> None:
        if not self.quiet:
            print(f"▶ {message}", file=sys.stderr, flush=True)

    def warn(self, message: str) -> None:
        print(f"警告：{message}", file=sys.stderr)

    def elapsed(self) -> float:
        return time.monotonic() - self.started


_main_pid = 0


def _interrupt_on_term(signum, frame) -> None:
    # A polite kill (SIGTERM) unwinds like Ctrl-C, so staged files are cleaned up. A worker
    # forked from this process (cores.map_forked) inherits the handler: it dies as SIGTERM
    # would, since unwinding there could run the rest of the command a second time.
    if os.getpid() != _main_pid:
        signal.signal(signum, signal.SIG_DFL)
        os.kill(os.getpid(), signum)
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    global _main_pid
    _main_pid = os.getpid()
    signal.signal(signal.SIGTERM, _interrupt_on_term)
    parser = make_parser()
    args = parser.parse_args(argv)
    if args.command in WORDS and len(args.extra) != WORDS[args.command][0]:
        parser.error(WORDS[args.command][1])
    if args.command == "import" and not args.extra:
        parser.error("import 命令需要要导入的文件或目录，如 generate.py import 收到的报送/")
    if args.apply and args.command not in ("import", "handover"):
        parser.error("--apply 只用于 import 和 handover 命令")
    combinable = args.command in TARGETS and all(word in TARGETS for word in args.extra)
    if args.command not in WORDS and args.command != "import" and args.extra and not combinable:
        parser.error(f"{args.command} 命令后不能再跟“{' '.join(args.extra)}”"
                     f"（只有 {'、'.join(TARGETS)} 可以一起写，如 generate.py forms blanks）")
    reporter = Reporter(args.quiet)
    try:
        if args.command == "import":
            from .returns.importer import run_import
            summary = run_import([Path(p) for p in args.extra], data_dir=args.data, out_dir=args.out,
                                 apply=args.apply, reporter=reporter)
        else:
            from .commands import run
            summary = run(args.command, data_dir=args.data, out_dir=args.out,
                          site_dir=args.site_dir, reporter=reporter, extra=args.extra,
                          options={"apply_changes": args.apply, "roles": args.role or [],
                                   "newcomer": _newcomer(args), "left_on": args.date})
    except DataError as exc:
        errors = [p for p in exc.problems if not p.warning]
        for problem in exc.problems:
            prefix = "警告  " if problem.warning else ""
            print(f"{prefix}{problem}", file=sys.stderr)
        print(f"{exc.subject}有 {len(errors)} 处错误，{exc.outcome}", file=sys.stderr)
        if args.debug:
            traceback.print_exc()
        return EXIT_BAD_INPUT
    except XinfangError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        if args.debug:
            traceback.print_exc()
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("已中断，原有输出保持不变。", file=sys.stderr)
        return 130
    except BrokenProcessPool:
        if args.debug:
            traceback.print_exc()
        print("错误：一个工作进程意外退出（常见原因是内存不足），原有输出和数据保持不变。"
              "请关闭其他程序后重新运行；仍然出错时加 --debug 运行，并把输出发给维护人员。", file=sys.stderr)
        return EXIT_INTERNAL
    except Exception as exc:  # noqa: BLE001 - the last line of defence for users
        if args.debug:
            traceback.print_exc()
        else:
            print(f"内部错误：{type(exc).__name__}: {exc}\n请加 --debug 重新运行，并把输出发给维护人员。",
                  file=sys.stderr)
        return EXIT_INTERNAL
    print(summary)
    return EXIT_OK
