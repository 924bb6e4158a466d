"""Running Repbook: data directory, start-up, checks, client addresses."""
