from __future__ import annotations

from django import forms


class WebhookEndpointForm(forms.Form):
    url = forms.URLField(
        max_length=2048,
        label="Endpoint URL",
        assume_scheme="https",
        help_text="Where SmartCV POSTs signed events (public addresses only).",
    )
    description = forms.CharField(max_length=255, required=False)
    pdf_generated = forms.BooleanField(required=False, label="PDF generated")
    parser_results = forms.BooleanField(required=False, label="Parser results")
    scores = forms.BooleanField(required=False, label="Scores")
    is_active = forms.BooleanField(required=False, initial=True, label="Active")
