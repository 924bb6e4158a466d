"""The exercise directory as data files (`exercises/*.toml`) and their loader."""
