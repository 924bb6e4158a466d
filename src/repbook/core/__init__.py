"""The pure domain of Repbook: formulas, rules and schemas.

Standard library only: no Django, no I/O, no clock (callers pass `today`).
"""
