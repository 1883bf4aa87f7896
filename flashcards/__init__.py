"""Turn Markdown study sheets into Anki decks."""
