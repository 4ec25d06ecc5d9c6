"""The YAML parser's problems, in the words a petition-office clerk understands.

libyaml (the C parser used when present) and PyYAML's pure-Python parser each
word their problems in English; every one of them is matched here, and what
matches nothing still gets a Chinese message, never the English text. Before
that, the slips clerks really make are recognised in the text itself: a
full-width colon after a key, and words pasted above the first key.
"""

from __future__ import annotations

import re

# (pattern on the parser's problem text, what to tell the clerk), first match wins.
HINTS: list[tuple[str, str]] = [
    (r"tab character|character '\\t'", "不能用 Tab 键缩进，请改用空格"),
    (r"mapping values are not allowed", "此处不能出现“键: 值”（冒号后的值含有冒号时请加引号，或检查缩进）"),
    (r"could not find expected ':'", "缺少冒号“:”（每个键后面要有英文冒号和一个空格）"),
    (r"undefined alias", "引用了未定义的锚点（别名 * 之前须有 & 定义）"),
    (r"did not find expected key|expected <block end>", "缩进不一致，或缺少“键:”"),
    (r"did not find expected '-' indicator", "列表项缩进不一致（应以“- ”开头并对齐）"),
    (r"sequence entries are not allowed", "此处不能开始列表项“- ”（列表应写在键的下一行，并比键多缩进）"),
    (r"mapping keys are not allowed", "此处不能以问号“?”开头（如果是文字，请给整个值加英文引号）"),
    (r"unexpected end of stream", "引号没有闭合"),
    (r"unexpected document (indicator|separator)", "引号没有闭合（引号内遇到了“---”或“...”行）"),
    (r"escape|hexadecimal number", "双引号中的反斜杠“\\”转义无效（要写反斜杠本身，请改用单引号）"),
    (r"single document|another document", "一个文件只能包含一个 YAML 文档（请删除多余的“---”）"),
    (r"duplicate anchor", "锚点名重复"),
    (r"duplicate key", "键重复"),
    (r"special characters|unacceptable character|control characters|invalid Unicode character",
     "文件中含有不允许的控制字符"),
    (r"UTF-8|UTF-16|octet|surrogate|input error", "文件编码有误（请在编辑器中以 UTF-8 格式另存）"),
    (r"input is too long", "文件过大"),
    (r"cannot start any token", "此处的字符不能作为值的开头（以 `、@、% 等符号开头的值请加英文引号）"),
    (r"node content", "缺少值（冒号或“- ”后面没有内容，或方括号里多了逗号）"),
    (r"',' or '\]'", "方括号列表 [ ] 没有闭合，或各项之间缺少逗号"),
    (r"',' or '}'", "花括号 { } 没有闭合，或各项之间缺少逗号"),
    (r"invalid indentation or unclosed", "缩进有误，或方括号 [ ]、花括号 { } 没有闭合"),
    (r"unexpected ':'", "冒号的位置不对（值里含有冒号时请给整个值加英文引号）"),
    (r"alphabetic or numeric|non-alphabetical", "“&”或“*”后面应为锚点名（字母或数字）；如果是文字，请给整个值加英文引号"),
    (r"indentation indicator|chomping", "“|”或“>”后面的写法有误（多行文字只写“|”，换行后缩进书写）"),
    (r"comment or (a )?line break", "此处应换行：“|”“>”或引号之后不能再写文字（注释以空格和“#”开头）"),
    (r"tag|URI|'!'|'>'", "不支持以“!”开头的标记（如果是文字，请给整个值加英文引号）"),
    (r"directive|version number|digit|incompatible YAML|whitespace|' '",
     "不支持以“%”开头的指令行（请删除该行；如果是文字，请给整个值加英文引号）"),
    (r"stream-start", "文件无法解析（请检查文件开头）"),
]
FALLBACK = "无法解析此处（请检查冒号、引号和缩进）"
DOCUMENT_START = r"document start"
EXTRA_DOCUMENT = "一个文件只能包含一个 YAML 文档（请删除多余的“---”）"
TEXT_OUTSIDE = "此处有多余的内容：除注释（以“#”开头）外，第一个键之前和最后一项之后不能再写文字"

_KEY_LINE = re.compile(r"^[^\s#'\"\-?:,\[\]{}&*!|>%@`][^:#]*:(?:\s|$)")
_FULL_WIDTH_KEY = re.compile(r"^(\s*(?:-\s+)?)([^\s#'\"\-?:,\[\]{}&*!|>%@`][^:#：]*?)\s*：")
_NO_SPACE_KEY = re.compile(r"^(\s*(?:-\s+)?)([^\s#'\"\-?:,\[\]{}&*!|>%@`][^:#\s]*):(?=[^\s:/])")
# A key or list item indented with full-width spaces (a block text's own "　　" paragraph indent is not).
_FULL_WIDTH_INDENT = re.compile(r"^ *\u3000[ \u3000]*(?:-\s|[^\s:：#]+[:：](?:\s|$))")
_DASH_NO_SPACE = re.compile(r"^\s*-(?=[^\s\-])")
_CONTENT = re.compile(r"^\s*[^\s#]")
# How many lines above the parser's complaint a full-width colon may sit: it
# notices one on the line after (a mapping) or at the next key.
FULL_WIDTH_REACH = 2


def translate(problem: str, context: str, text: str) -> str:
    """The Chinese for one parser problem; `text` is the file, to see whether a `---` is there."""
    words = f"{context} {problem}"
    if re.search(DOCUMENT_START, words):
        has_separator = any(line.rstrip() == "---" for line in text.splitlines())
        return EXTRA_DOCUMENT if has_separator else TEXT_OUTSIDE
    for pattern, hint in HINTS:
        if re.search(pattern, problem or ""):
            return hint
    for pattern, hint in HINTS:  # some problems say little; their context says what was read
        if re.search(pattern, context or ""):
            return hint
    return FALLBACK


def clerk_slip(text: str, error_line: int, key_line: int | None = None) -> tuple[int, int, str] | None:
    """(line, column, message) of a slip that explains a syntax error at `error_line` (0-based), or None.

    Words pasted above the first key; on the lines just above the error,
    indentation with full-width spaces, a full-width colon "：" after a key, a key's colon without a space after it, a
    list item's "-" without one; else, when the parser was reading a key that
    never got its colon (`key_line`), a line of text among the keys.
    """
    lines = text.splitlines()
    pasted = _pasted_above(lines)
    if pasted is not None and error_line <= pasted[1] + 1:
        first, _ = pasted
        return first + 1, _indent(lines[first]) + 1, (
            f"第一个键之前有多余的文字“{_excerpt(lines[first])}”：请删除，或在行首加“# ”改为注释")
    for number in range(min(error_line, len(lines) - 1), max(error_line - FULL_WIDTH_REACH, 0) - 1, -1):
        line = lines[number]
        found = _FULL_WIDTH_INDENT.match(line)
        if found:
            return number + 1, line.index("\u3000") + 1, "行首用了全角空格（中文输入法的空格）缩进，请改用半角空格"
        found = _FULL_WIDTH_KEY.match(line)
        if found:
            key = found.group(2)
            return number + 1, found.end(), (f"键“{key}”后面用了中文冒号“：”，请改为英文冒号“:”，"
                                               f"并在冒号后加一个空格（{key}: …）")
        found = _NO_SPACE_KEY.match(line)
        if found:
            key = found.group(2)
            return number + 1, found.end(), f"键“{key}”的冒号后面缺少空格，请在“:”后加一个空格（{key}: …）"
        found = _DASH_NO_SPACE.match(line)
        if found:
            return number + 1, found.end(), "列表项的“-”后面缺少空格，请写作“- ”"
    if key_line is not None and key_line < len(lines) and ":" not in lines[key_line]:
        return key_line + 1, _indent(lines[key_line]) + 1, (
            f"这一行“{_excerpt(lines[key_line])}”不是“键: 值”：如是说明文字，请删除或在行首加“# ”改为注释；"
            "如是键，请在键后加英文冒号和一个空格")
    return None


def _pasted_above(lines: list[str]) -> tuple[int, int] | None:
    """(first, last) 0-based lines of text without any colon before the first top-level key."""
    content = [i for i, line in enumerate(lines) if _CONTENT.match(line) and line.rstrip() != "---"]
    block = []
    for i in content:
        if _KEY_LINE.match(lines[i]):
            break
        if ":" in lines[i] or "：" in lines[i] or lines[i].lstrip().startswith("- "):
            return None
        block.append(i)
    else:
        return None
    return (block[0], block[-1]) if block else None


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _excerpt(line: str, limit: int = 20) -> str:
    line = line.strip()
    return line if len(line) <= limit else line[:limit] + "…"
