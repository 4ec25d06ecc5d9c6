"""Monthly returns: per-unit XLSX workbooks out, filled returns checked and merged back into data/risks/."""
