"""parsing models (built by its own issue)."""
