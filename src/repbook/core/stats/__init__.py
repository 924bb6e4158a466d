"""Training statistics: pure functions over logged sets (kilograms, calendar days)."""
