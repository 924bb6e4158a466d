from django.contrib.auth import views as auth_views
from django.urls import path

from repbook.web.views import accounts, home

urlpatterns = [
    path("", home.home, name="home"),
    path("healthz", home.healthz, name="healthz"),
    path(
        "login/",
        auth_views.LoginView.as_view(redirect_authenticated_user=True),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("register/", accounts.register, name="register"),
    path("settings/", accounts.settings_page, name="settings"),
    path("settings/tokens/", accounts.create_token, name="token-create"),
    path("settings/tokens/<int:token_id>/revoke/", accounts.revoke_token, name="token-revoke"),
]
