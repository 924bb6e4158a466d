"""Storage: Django models, migrations, admin, read queries and owner scoping."""
