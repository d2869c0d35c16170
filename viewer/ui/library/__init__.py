"""The library of letters in the window: the Letters dock and the Compare window."""
