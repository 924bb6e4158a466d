"""Progress: training stats, their words and JSON, and guidance."""
