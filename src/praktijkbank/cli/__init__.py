"""The `praktijkbank` command: parses arguments and prints Dutch messages; the work is done by the steps.

May import: every step and tool (`publish`, `contribute`, `checks`, …); nothing imports it. Not an engine.
"""
