"""resumes models (built by its own issue)."""
