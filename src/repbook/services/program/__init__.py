"""Programs: the active program, plans and their JSON form."""
