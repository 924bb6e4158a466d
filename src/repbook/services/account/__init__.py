"""Accounts: sign-up, passwords, tokens, deletion."""
