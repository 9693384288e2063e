"""rendering models (built by its own issue)."""
