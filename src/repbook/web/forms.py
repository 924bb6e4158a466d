"""Forms of the account pages."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import password_validation

from repbook.storage.models import User, UserSettings


class RegistrationForm(forms.Form):
    username = forms.CharField(max_length=150, label="User name")
    password = forms.CharField(widget=forms.PasswordInput, label="Password")
    password_again = forms.CharField(widget=forms.PasswordInput, label="Password again")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        password = data.get("password")
        if password and password != data.get("password_again"):
            self.add_error("password_again", "The two passwords differ.")
        elif password:
            try:
                password_validation.validate_password(
                    password, User(username=data.get("username", ""))
                )
            except forms.ValidationError as exc:
                self.add_error("password", exc)
        return data


class UserSettingsForm(forms.ModelForm[UserSettings]):
    class Meta:
        model = UserSettings
        fields = ["unit", "bar_kg", "default_rest_s", "sex"]
        labels = {
            "unit": "Unit",
            "bar_kg": "Barbell weight (kg)",
            "default_rest_s": "Default rest (seconds)",
            "sex": "Sex (for strength scores)",
        }

    def clean_bar_kg(self) -> Any:
        value = self.cleaned_data["bar_kg"]
        if not 0 <= value <= 50:
            raise forms.ValidationError("A bar weighs between 0 and 50 kg.")
        return value

    def clean_default_rest_s(self) -> Any:
        value = self.cleaned_data["default_rest_s"]
        if not 0 <= value <= 1800:
            raise forms.ValidationError("Rest is between 0 and 1800 seconds.")
        return value


class TokenForm(forms.Form):
    name = forms.CharField(max_length=100, label="Token name")
