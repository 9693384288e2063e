"""Forms of the public share page."""

from __future__ import annotations

from django import forms

from resumes.services import SHARE_PASSWORD_MAX_LENGTH


class SharePasswordForm(forms.Form):
    password = forms.CharField(
        widget=forms.PasswordInput, max_length=SHARE_PASSWORD_MAX_LENGTH, strip=False, label="Password"
    )


class ShareCommentForm(forms.Form):
    name = forms.CharField(max_length=100, label="Your name")
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), max_length=5000, label="Comment")
