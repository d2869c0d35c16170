"""The Qt part of the viewer; imports viewer.core, never the reverse."""
