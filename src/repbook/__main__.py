"""`python -m repbook` is the `repbook` command."""

from repbook.cli import main

main()
