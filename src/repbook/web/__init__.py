"""The web app: views, forms, templates and static files (own CSS/JS/SVG, htmx from django-htmx)."""
