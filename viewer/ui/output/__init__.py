"""Export and print: File > Export, Print and PDF."""
