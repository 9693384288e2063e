"""matching models (built by its own issue)."""
