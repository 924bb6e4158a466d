from django.contrib.auth import views as auth_views
from django.urls import path

from repbook.web.views import accounts, exercises, home, sets, workouts

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
    path("workouts/", workouts.history, name="workouts"),
    path("workouts/start/", workouts.start, name="workout-start"),
    path("workouts/<int:workout_id>/", workouts.detail, name="workout"),
    path("workouts/<int:workout_id>/add/", workouts.add_exercise, name="workout-add"),
    path("workouts/<int:workout_id>/entries/<int:entry_id>/sets/", workouts.log_set, name="workout-log-set"),
    path("workouts/<int:workout_id>/quick/", workouts.quick_log, name="workout-quick"),
    path("workouts/<int:workout_id>/edit/", workouts.edit, name="workout-edit"),
    path("workouts/<int:workout_id>/finish/", workouts.finish, name="workout-finish"),
    path("workouts/<int:workout_id>/summary/", workouts.summary, name="workout-summary"),
    path("workouts/<int:workout_id>/repeat/", workouts.repeat, name="workout-repeat"),
    path("workouts/<int:workout_id>/delete/", workouts.delete, name="workout-delete"),
    path("entries/<int:entry_id>/move/<str:direction>/", workouts.move_entry, name="entry-move"),
    path("entries/<int:entry_id>/superset/", workouts.superset, name="entry-superset"),
    path("sets/<int:set_id>/edit/", sets.edit, name="set-edit"),
    path("sets/<int:set_id>/delete/", sets.delete, name="set-delete"),
]
