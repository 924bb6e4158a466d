"""The URL map: web pages, the API under /api/v1, the admin and a health check."""

from django.contrib import admin
from django.urls import include, path

from repbook.api.app import api

urlpatterns = [
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
    path("", include("repbook.web.urls")),
]
