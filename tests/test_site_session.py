"""One site build's state lives in a Session that build_site hands to the MkDocs hook;
no module of xinfang/site/ keeps state of its own between builds."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import REPO

SITE_PACKAGE = REPO / "xinfang" / "site"
ALLOWED = {"log"}  # a module's logger


def _module_names(tree: ast.Module) -> list[str]:
    names = []
    for node in tree.body:
        if isinstance(node, ast.Assign):
            names += [ast.unparse(t) for t in node.targets]
        elif isinstance(node, ast.AnnAssign):
            names.append(ast.unparse(node.target))
    return names


def test_site_modules_keep_no_state():
    """Module-level names are constants (UPPER_CASE) and nothing rebinds them (`global`)."""
    found = []
    for path in sorted(SITE_PACKAGE.glob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        found += [f"{path.name}: {name}" for name in _module_names(tree)
                  if name not in ALLOWED and not name.lstrip("_").isupper()]
        found += [f"{path.name}: global {', '.join(node.names)}" for node in ast.walk(tree)
                  if isinstance(node, (ast.Global, ast.Nonlocal))]
    assert found == []


def test_the_hook_finds_its_session_in_the_config():
    """Every event but on_config reads the session from MkDocs' config, where build_site
    (or on_config, for plain `mkdocs`) put it."""
    glue = ast.parse((SITE_PACKAGE / "mkdocs_glue.py").read_text("utf-8"))
    events = {node.name: node for node in glue.body if isinstance(node, ast.FunctionDef) and node.name.startswith("on_")}
    assert {"on_config", "on_files", "on_nav", "on_page_content", "on_post_build"} <= set(events)
    for name, node in events.items():
        assert "config" in [a.arg for a in node.args.args], name
    hook = Path(SITE_PACKAGE / "hook.py").read_text("utf-8")
    assert all(name in hook for name in events)
