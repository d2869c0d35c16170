"""Comparing letters: who signed which, matched by name and identifier (GUI-free)."""

from viewer.core.compare.comparison import (
    ComparedLetter,
    Comparison,
    Person,
    Suggestion,
    compare_documents,
)
from viewer.core.compare.filters import FILTERS, select_people

__all__ = [
    "FILTERS",
    "ComparedLetter",
    "Comparison",
    "Person",
    "Suggestion",
    "compare_documents",
    "select_people",
]
