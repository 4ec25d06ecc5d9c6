"""Parse YAML files into position-carrying nodes, refusing hostile input cleanly.

Only the composer runs here (no object construction), so no Python tag can
ever execute: values are built later by the schema, which knows every type.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from .errors import Pos, Problem

try:  # libyaml is several times faster; fall back to pure Python where absent
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader

MAX_FILE_BYTES = 16 * 1024 * 1024

# PyYAML's English problem texts, in the words an office user understands.
_SYNTAX_HINTS = [
    (r"mapping values are not allowed", "此处不能出现“键: 值”（冒号后的值含有冒号时请加引号，或检查缩进）"),
    (r"found character '\\t'|found a tab character", "不能用 Tab 键缩进，请改用空格"),
    (r"could not find expected ':'", "缺少冒号“:”"),
    (r"found undefined alias", "引用了未定义的锚点（别名 * 之前须有 & 定义）"),
    (r"did not find expected key", "缩进不一致，或缺少“键:”"),
    (r"did not find expected '-' indicator", "列表项缩进不一致（应以“- ”开头并对齐）"),
    (r"found unexpected end of stream|while scanning a quoted scalar", "引号没有闭合"),
    (r"expected <document start>|but found another document|expected a single document", "一个文件只能包含一个 YAML 文档（请删除多余的“---”）"),
    (r"found duplicate anchor", "锚点名重复"),
    (r"special characters are not allowed|unacceptable character|control characters are not allowed", "文件中含有不允许的控制字符"),
    (r"found unknown escape character", "双引号字符串中有无效的转义字符（“\\”后的字符不被支持）"),
]


def _explain_syntax(exc: yaml.YAMLError) -> str:
    text = " ".join(str(getattr(exc, attr) or "") for attr in ("context", "problem"))
    for pattern, hint in _SYNTAX_HINTS:
        if re.search(pattern, text):
            return f"YAML 格式错误：{hint}"
    problem = getattr(exc, "problem", None) or str(exc)
    return f"YAML 格式错误：{problem}"


def _line_of_offset(data: bytes, offset: int) -> tuple[int, int]:
    before = data[:offset]
    line = before.count(b"\n") + 1
    col = offset - (before.rfind(b"\n") + 1) + 1
    return line, col


def decode(path: Path, data: bytes, display: str) -> tuple[str | None, list[Problem]]:
    """Decode file bytes as UTF-8, reporting where the first bad byte sits."""
    if len(data) > MAX_FILE_BYTES:
        size = len(data) / 1024 / 1024
        limit = MAX_FILE_BYTES // 1024 // 1024
        return None, [Problem(Pos(display), "", f"文件过大（{size:.1f} MB），单个数据文件不得超过 {limit} MB")]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, col = _line_of_offset(data, exc.start)
        return None, [Problem(Pos(display, line, col), "", "文件不是 UTF-8 编码（请在编辑器中以 UTF-8 格式另存）")]
    return text, []


def compose(text: str, display: str) -> tuple[yaml.Node | None, list[Problem]]:
    """Parse text into a node tree; syntax errors come back as problems."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if exc.context == "while scanning a quoted scalar" and exc.context_mark:
            mark = exc.context_mark  # where the quote opens, not the end of the file
        pos = Pos(display, mark.line + 1, mark.column + 1) if mark else Pos(display)
        return None, [Problem(pos, "", _explain_syntax(exc))]
    except yaml.YAMLError as exc:
        return None, [Problem(Pos(display), "", _explain_syntax(exc))]
    return node, []

