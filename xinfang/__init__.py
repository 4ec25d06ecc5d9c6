"""Document and manual generator for an enterprise petition office (信访办)."""

__version__ = "0.1.0"
