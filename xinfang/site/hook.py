"""MkDocs hook named in mkdocs.yml: hands MkDocs' events to xinfang.site.mkdocs_glue.

MkDocs imports this file by path, not as part of the package, so the repository
root is put on sys.path first and the real work lives in an ordinary module
(which build_site imports too).
"""

import sys
from pathlib import Path

_REPO = str(Path(__file__).resolve().parents[2])
if _REPO not in sys.path:
    sys.path.insert(0, _REPO)

from xinfang.site.mkdocs_glue import (  # noqa: E402,F401
    on_config, on_files, on_nav, on_page_content, on_post_build, on_template_context)
