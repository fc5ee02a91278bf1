"""Sprout's desktop IDE (PySide6): editor, console and Run/Stop over the engine."""
