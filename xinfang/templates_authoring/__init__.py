"""Author the .docx form templates under templates/forms/ (python -m xinfang.templates_authoring)."""

from pathlib import Path

TEMPLATE_DIR = Path(__file__).resolve().parent.parent.parent / "templates" / "forms"
