"""Khối desktop: the records of a Party cell, kept offline on the secretary's PC."""

__version__ = "0.1.0"
