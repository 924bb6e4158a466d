"""Repbook: a self-hosted strength-training log."""

__version__ = "0.1.0"
