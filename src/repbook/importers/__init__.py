"""One module per foreign export format: a file in, core records out. No database here."""
