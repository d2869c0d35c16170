"""File formats: a file's bytes, the project's JSON, CSV, the plain-text letter layout.

Readers and writers of each format; every reader raises ParseError. They sit below
viewer.core.textimport and never import it."""
