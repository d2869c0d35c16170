"""The GUI-free core of the letter viewer: no PySide6, no pyqtgraph.

Data flows one way: file -> reader -> Document -> query -> view.
"""

from viewer.core.errors import ParseError
from viewer.core.model import Document, Letter, Metadata, Signatory

__all__ = ["Document", "Letter", "Metadata", "ParseError", "Signatory"]
