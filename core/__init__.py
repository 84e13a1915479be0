"""The headless core of the app: the open workbook, its changes and their way to the file (no Textual)."""
