"""What goes on the clipboard: one QMimeData holding every form of a copy at once.

A paste target takes the form it reads best: a word processor or mail client the HTML,
a plain editor the text, a spreadsheet the tab-separated form. That form goes under
``text/tab-separated-values`` (the IANA type for TSV); Excel, LibreOffice Calc and Google
Sheets also split tab-separated *plain text* into cells, which is why "Copy as
tab-separated" puts the TSV in text/plain too, with an HTML table of the same cells.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QMimeData
from PySide6.QtWidgets import QApplication

from viewer.core.cite import Clipping

TSV_MIME = "text/tab-separated-values"


def clipping_mime(clipping: Clipping) -> QMimeData:
    """The lines and citation as text/plain and text/html, the table under TSV_MIME."""
    mime = QMimeData()
    mime.setText(clipping.text)
    mime.setHtml(clipping.html)
    mime.setData(TSV_MIME, clipping.tsv.encode("utf-8"))
    return mime


def tsv_mime(tsv: str) -> QMimeData:
    """Tab-separated cells as text/plain and TSV_MIME, and as an HTML table of the same cells."""
    mime = QMimeData()
    mime.setText(tsv)
    mime.setHtml(tsv_table_html(tsv))
    mime.setData(TSV_MIME, tsv.encode("utf-8"))
    return mime


def text_mime(text: str, html_text: str | None = None) -> QMimeData:
    """Plain text, and HTML where there is a formatted form."""
    mime = QMimeData()
    mime.setText(text)
    if html_text is not None:
        mime.setHtml(html_text)
    return mime


def tsv_table_html(tsv: str) -> str:
    """An HTML table of tab-separated rows, the first row as header, every cell escaped."""
    rows = [line.split("\t") for line in tsv.splitlines()]
    if not rows:
        return "<table></table>\n"
    out = ["<table>"]
    out.append("<tr>" + "".join(f"<th>{_cell(c)}</th>" for c in rows[0]) + "</tr>")
    out += ["<tr>" + "".join(f"<td>{_cell(c)}</td>" for c in row) + "</tr>" for row in rows[1:]]
    out.append("</table>")
    return "\n".join(out) + "\n"


def _cell(text: str) -> str:
    return html.escape(text, quote=False)


def put(mime: QMimeData) -> None:
    """Replace the clipboard's content (the clipboard takes ownership of mime)."""
    QApplication.clipboard().setMimeData(mime)
