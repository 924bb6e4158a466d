"""Built-in programs as data files, and their loader."""
