"""Citations of the letter, of its signatories and of quoted passages (GUI-free).

Styles: Chicago 17 note and bibliography, APA 7, MLA 9, BibTeX, RIS, CSL-JSON and a plain
line (see STYLES for ids and menu labels). The author is the organiser (the publisher) as
group author where the letter names one, else (or when chosen) the signatories. Names are
split into given and family name where the document states it or the rules of names.py can
decide it, and cited as written otherwise; titles and post-nominals are never cited. The
rules are hand-written from the guides (each module's docstring names them); no CSL processor
is needed at run time (the tests compare with citeproc-py and the official CSL styles).
"""

from viewer.core.cite.facts import (
    AUTHOR_MODE_LABELS,
    AUTHOR_MODES,
    DEFAULT_AUTHORS,
    DateParts,
    Facts,
    PersonName,
    facts_for,
    organiser_available,
    parse_date,
)
from viewer.core.cite.quotes import (
    BodyParagraph,
    body_paragraphs,
    cite_quote,
    cite_quote_html,
    paragraph_at,
    paragraph_spans,
    paragraphs_of_text,
)
from viewer.core.cite.signatories import (
    Clipping,
    cite_signatories,
    signatory_line,
    signatory_names,
)
from viewer.core.cite.styles import (
    DEFAULT_STYLE,
    STYLE_IDS,
    STYLES,
    Style,
    UnknownStyleError,
    cite_letter,
    cite_letter_html,
    get_style,
    style_label,
)

__all__ = [
    "AUTHOR_MODES",
    "AUTHOR_MODE_LABELS",
    "DEFAULT_AUTHORS",
    "DEFAULT_STYLE",
    "STYLES",
    "STYLE_IDS",
    "BodyParagraph",
    "Clipping",
    "DateParts",
    "Facts",
    "PersonName",
    "Style",
    "UnknownStyleError",
    "body_paragraphs",
    "cite_letter",
    "cite_letter_html",
    "cite_quote",
    "cite_quote_html",
    "cite_signatories",
    "facts_for",
    "get_style",
    "organiser_available",
    "paragraph_at",
    "paragraph_spans",
    "paragraphs_of_text",
    "parse_date",
    "signatory_line",
    "signatory_names",
    "style_label",
]
