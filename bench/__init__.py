"""The performance harness: data generators and load runners (not tests, not shipped)."""
