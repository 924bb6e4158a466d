"""WSGI entry point for production servers."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "repbook.settings")
application = get_wsgi_application()

# A server started without `repbook serve` still keeps its sessions' secret key in the data dir.
from repbook.services.system.data_dir import prepare_data_dir  # noqa: E402

prepare_data_dir()
