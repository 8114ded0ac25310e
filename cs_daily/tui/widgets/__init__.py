"""Widgets reused by more than one screen, one per module."""
