"""Exercises: the catalog, names, custom exercises and per-exercise stats."""
