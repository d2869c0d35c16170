"""The library: every letter the viewer opened, and the user's decisions on matched names.

GUI-free; one SQLite file in the platform's data folder (database.py). The records are in
entry.py, the database in letters.py (Library), verdicts on matches in decisions.py.
"""
