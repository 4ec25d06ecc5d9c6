"""Parse YAML files into position-carrying nodes, refusing hostile input cleanly.

Only the composer runs here (no object construction), so no Python tag can
ever execute: values are built later by the schema, which knows every type.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from .errors import Pos, Problem
from .yamlmessages import clerk_slip, translate

try:  # libyaml is several times faster; fall back to pure Python where absent
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader

MAX_FILE_BYTES = 16 * 1024 * 1024


def _explain_syntax(exc: yaml.YAMLError, text: str) -> str:
    problem = getattr(exc, "problem", None) or str(exc)
    return f"YAML 格式错误：{translate(problem, getattr(exc, 'context', None) or '', text)}"


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
        reading_key = exc.context == "while scanning a simple key" and exc.context_mark
        slip = clerk_slip(text, mark.line, exc.context_mark.line if reading_key else None) if mark else None
        if slip:
            line, col, message = slip
            return None, [Problem(Pos(display, line, col), "", f"YAML 格式错误：{message}")]
        pos = Pos(display, mark.line + 1, mark.column + 1) if mark else Pos(display)
        return None, [Problem(pos, "", _explain_syntax(exc, text))]
    except yaml.YAMLError as exc:
        return None, [Problem(Pos(display), "", _explain_syntax(exc, text))]
    return node, []

