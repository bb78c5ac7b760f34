"""Praktijkbank: turns a folder of good practices (YAML) into a browsable, searchable website."""

__version__ = "0.1.0"
