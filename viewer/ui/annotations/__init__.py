"""The user's annotations in the window: signatories' statuses, saved views, filter undo."""
