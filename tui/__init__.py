"""The terminal interface: the Textual app, its command line, widgets and styles.

Importing this package does not import Textual, so ``werkboek check`` starts fast.
"""
