"""Use cases with their own transactions. Every write goes through here."""
