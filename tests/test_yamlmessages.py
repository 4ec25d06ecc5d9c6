"""Every problem the YAML parsers can report reaches the clerk in Chinese."""

from __future__ import annotations

import re

import pytest
import yaml

from xinfang.yamlio import compose
from xinfang.yamlmessages import FALLBACK, TEXT_OUTSIDE, EXTRA_DOCUMENT, clerk_slip, translate

# The problem texts of libyaml (scanner, parser, reader, loader), as its sources word them.
LIBYAML_PROBLEMS = """
block sequence entries are not allowed in this context
control characters are not allowed
could not find expected ':'
could not find expected directive name
did not find URI escaped octet
did not find expected '!'
did not find expected ',' or ']'
did not find expected ',' or '}'
did not find expected '-' indicator
did not find expected <document start>
did not find expected <stream-start>
did not find expected alphabetic or numeric character
did not find expected comment or line break
did not find expected digit or '.' character
did not find expected hexadecimal number
did not find expected key
did not find expected node content
did not find expected tag URI
did not find expected version number
did not find expected whitespace or line break
did not find expected whitespace
did not find the expected '>'
expected low surrogate area
found a tab character that violates indentation
found a tab character where an indentation space is expected
found an incorrect leading UTF-8 octet
found an incorrect trailing UTF-8 octet
found an indentation indicator equal to 0
found character that cannot start any token
found duplicate %TAG directive
found duplicate %YAML directive
found duplicate anchor; first occurrence
found extremely long version number
found incompatible YAML document
found invalid Unicode character escape code
found undefined alias
found undefined tag handle
found unexpected ':'
found unexpected document indicator
found unexpected end of stream
found unexpected non-alphabetical character
found unknown directive name
found unknown escape character
incomplete UTF-16 character
incomplete UTF-16 surrogate pair
incomplete UTF-8 octet sequence
input error
input is too long
invalid Unicode character
invalid leading UTF-8 octet
invalid length of a UTF-8 sequence
invalid trailing UTF-8 octet
mapping keys are not allowed in this context
mapping values are not allowed in this context
unexpected low surrogate area
expected a single document in the stream
but found another document
""".strip().splitlines()

# PyYAML's pure-Python parser (used where libyaml is missing), its %r filled in.
PYTHON_PROBLEMS = """
could not find expected ':'
duplicate tag handle '!a!'
expected ' ', but found 'x'
expected '!', but found 'x'
expected ',' or ']', but got '<block end>'
expected ',' or '}', but got '<block end>'
expected '<document start>', but found '<block mapping start>'
expected '>', but found 'x'
expected <block end>, but found '<block mapping start>'
expected URI escape sequence of 2 hexadecimal numbers, but found 'x'
expected URI, but found 'x'
expected a comment or a line break, but found 'x'
expected a digit or ' ', but found 'x'
expected a digit or '.', but found 'x'
expected a digit, but found 'x'
expected a single document in the stream
expected alphabetic or numeric character, but found 'x'
expected chomping or indentation indicators, but found 'x'
expected escape sequence of 4 hexadecimal numbers, but found 'x'
expected indentation indicator in the range 1-9, but found 0
expected the node content, but found '<block end>'
found character '\\t' that cannot start any token
found character '`' that cannot start any token
found duplicate YAML directive
found duplicate anchor 'a'; first occurrence
found duplicate key
found incompatible YAML document (version 1.* is required)
found non-specific tag '!'
found undefined alias 'a'
found undefined tag handle '!a!'
found unexpected document separator
found unexpected end of stream
found unknown escape character 'q'
invalid indentation or unclosed '[' or '{'
mapping keys are not allowed here
mapping values are not allowed here
sequence entries are not allowed here
special characters are not allowed
unacceptable character #x0007: special characters are not allowed
""".strip().splitlines()

ALLOWED_LATIN = re.compile(r"YAML|Tab|UTF-8")


def latin_words(message: str) -> list[str]:
    return re.findall(r"[A-Za-z]{2,}", ALLOWED_LATIN.sub("", message))


@pytest.mark.parametrize("problem", LIBYAML_PROBLEMS + PYTHON_PROBLEMS)
def test_every_parser_problem_has_a_chinese_hint(problem):
    message = translate(problem, "", "")
    assert message != FALLBACK, problem
    assert latin_words(message) == [], message


def test_unknown_problem_still_comes_in_chinese():
    assert translate("something new in a later libyaml", "", "") == FALLBACK
    assert latin_words(FALLBACK) == []


def test_document_start_mentions_a_separator_only_when_there_is_one():
    problem = "did not find expected <document start>"
    assert translate(problem, "", "a: 1\n") == TEXT_OUTSIDE
    assert "---" not in TEXT_OUTSIDE
    assert translate(problem, "", "a: 1\n---\nb: 2\n") == EXTRA_DOCUMENT


BROKEN = [
    "a: [1, 2\n", "a: {b: 1\n", "a: 'x\n", 'a: "\\q"\n', "a: *nope\n", "a: !!python/name:os.system x\n",
    "a: b: c\n", "a:\n  - 1\n  b: 2\n", "a: 1\n b: 2\n", "%YAML 9.9\n---\na: 1\n", "a: |0\n  x\n",
    "a: &\n", "a: `x`\n", "- a\nb: 1\n", "a: 1\n---\nb: 2\n", "a: \"x\" y\n", "? a\n: b\n- c\n",
    "a:\n\t- 1\n", "[a, b]]\n", "a: @x\n", "a: >9x\n", "a: !<x\n",
]


@pytest.mark.parametrize("text", BROKEN)
def test_real_parser_errors_come_in_chinese(text):
    node, problems = compose(text, "x.yaml")
    for problem in problems:
        assert problem.message.startswith("YAML 格式错误："), problem.message
        assert latin_words(problem.message) == [], problem.message


def test_full_width_colon_is_found_on_its_own_line():
    text = "领导小组:\n  名称: 领导小组\n  组长：zhao-yi\n  副组长: [a]\n"
    with pytest.raises(yaml.YAMLError):
        yaml.safe_load(text)
    assert clerk_slip(text, 3) == (3, 5, "键“组长”后面用了中文冒号“：”，请改为英文冒号“:”，并在冒号后加一个空格（组长: …）")


def test_full_width_colon_inside_a_value_is_not_blamed():
    assert clerk_slip("职责: 负责：协调\nb c\n", 1) is None
