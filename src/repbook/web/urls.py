from django.contrib.auth import views as auth_views
from django.urls import path

from repbook.web.views import accounts, exercises, home

urlpatterns = [
    path("", home.home, name="home"),
    path("healthz", home.healthz, name="healthz"),
    path("login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("register/", accounts.register, name="register"),
    path("settings/", accounts.settings_page, name="settings"),
    path("settings/tokens/", accounts.create_token, name="token-create"),
    path("settings/tokens/<int:token_id>/revoke/", accounts.revoke_token, name="token-revoke"),
    path("exercises/", exercises.exercise_list, name="exercises"),
    path("exercises/new/", exercises.custom_create, name="exercise-new"),
    path("exercises/<slug:slug>/", exercises.exercise_detail, name="exercise"),
    path("exercises/<slug:slug>/edit/", exercises.custom_edit, name="exercise-edit"),
    path("exercises/<slug:slug>/delete/", exercises.custom_delete, name="exercise-delete"),
]
