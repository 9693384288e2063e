"""Forms of the render-settings and PDF-batch pages. They only shape the request into the
JSON the services already validate (``settings_validate``, ``resume_ids_parse``), so the
pages and the API accept exactly the same values."""

from __future__ import annotations

import base64
from typing import Any

from django import forms

from rendering.models import Layout, RenderSettings
from rendering.privacy import NAME_MODES
from rendering.services import LOGO_MAX_BYTES, PRIVACY_FLAGS, SETTINGS_FIELDS, SETTINGS_RANGES

PRIVACY_LABELS = {
    "hide_name": "Hide the candidate's name",
    "hide_email": "Hide e-mail",
    "hide_phone": "Hide phone",
    "hide_address": "Hide address",
    "hide_links": "Hide links and profiles",
    "hide_photo": "Hide photo",
    "hide_birth_date": "Hide birth date",
    "hide_age": "Hide age",
}
_LABELS = {
    "fontSize": ("Font size (pt)", 0.5),
    "lineHeight": ("Line height", 0.05),
    "marginTop": ("Top margin (mm)", 1),
    "marginBottom": ("Bottom margin (mm)", 1),
    "marginX": ("Side margins (mm)", 1),
    "sectionSpacing": ("Space between sections (pt)", 1),
}
# Service error keys (camelCase, "privacy.x") → the form field that shows them.
ERROR_FIELDS = {
    "layout": "layout",
    "agencyLogo": "agency_logo",
    "privacy.nameMode": "name_mode",
    **SETTINGS_FIELDS,
    **{f"privacy.{key}": field for key, field in PRIVACY_FLAGS.items()},
}


def _number(key: str) -> forms.FloatField:
    low, high = SETTINGS_RANGES[key]
    label, step = _LABELS[key]
    # No min/max here: the service owns the ranges and its message is shown on the field.
    return forms.FloatField(
        label=label,
        help_text=f"{low:g}–{high:g}",
        widget=forms.NumberInput(attrs={"step": step, "min": low, "max": high}),
    )


class RenderSettingsForm(forms.Form):
    layout = forms.ChoiceField(label="Layout", choices=Layout.choices)
    font_style = forms.CharField(label="Font", max_length=60, help_text="e.g. Calibri, Arial, Georgia")
    font_size = _number("fontSize")
    line_height = _number("lineHeight")
    margin_top = _number("marginTop")
    margin_bottom = _number("marginBottom")
    margin_x = _number("marginX")
    section_spacing = _number("sectionSpacing")
    agency_name = forms.CharField(label="Agency name", required=False, max_length=120)
    agency_website = forms.CharField(
        label="Agency website",
        required=False,
        max_length=300,
        widget=forms.URLInput(attrs={"placeholder": "https://acme.example"}),
    )
    agency_logo = forms.FileField(
        label="Agency logo",
        required=False,
        help_text="PNG or JPEG, at most 512 kB",
        widget=forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg"}),
    )
    remove_logo = forms.BooleanField(label="Remove the current logo", required=False)
    hide_name = forms.BooleanField(label=PRIVACY_LABELS["hide_name"], required=False)
    name_mode = forms.ChoiceField(
        label="Replace a hidden name with",
        choices=[
            (mode, {"reference": "Candidate reference", "initials": "Initials"}[mode])
            for mode in NAME_MODES
        ],
    )
    hide_email = forms.BooleanField(label=PRIVACY_LABELS["hide_email"], required=False)
    hide_phone = forms.BooleanField(label=PRIVACY_LABELS["hide_phone"], required=False)
    hide_address = forms.BooleanField(label=PRIVACY_LABELS["hide_address"], required=False)
    hide_links = forms.BooleanField(label=PRIVACY_LABELS["hide_links"], required=False)
    hide_photo = forms.BooleanField(label=PRIVACY_LABELS["hide_photo"], required=False)
    hide_birth_date = forms.BooleanField(label=PRIVACY_LABELS["hide_birth_date"], required=False)
    hide_age = forms.BooleanField(label=PRIVACY_LABELS["hide_age"], required=False)

    LAYOUT_FIELDS = ("layout", "font_style", "font_size", "line_height")
    SPACING_FIELDS = ("margin_top", "margin_bottom", "margin_x", "section_spacing")
    AGENCY_FIELDS = ("agency_name", "agency_website", "agency_logo", "remove_logo")
    NAME_FIELDS = ("hide_name", "name_mode")
    PRIVACY_FIELDS = tuple(f for f in PRIVACY_LABELS if f != "hide_name")

    @staticmethod
    def initial_for(render_settings: RenderSettings) -> dict[str, Any]:
        privacy = render_settings.privacy or {}
        initial: dict[str, Any] = {"layout": render_settings.layout}
        for field in SETTINGS_FIELDS.values():
            value = getattr(render_settings, field)
            # 12.0 → 12: the number inputs show what the recruiter typed, not a float repr.
            initial[field] = int(value) if isinstance(value, float) and value.is_integer() else value
        initial.update({field: bool(privacy.get(key)) for key, field in PRIVACY_FLAGS.items()})
        initial["name_mode"] = (
            privacy.get("nameMode") if privacy.get("nameMode") in NAME_MODES else "reference"
        )
        return initial

    def group(self, names: tuple[str, ...]) -> list[forms.BoundField]:
        return [self[name] for name in names]

    def layout_fields(self):
        return self.group(self.LAYOUT_FIELDS)

    def spacing_fields(self):
        return self.group(self.SPACING_FIELDS)

    def agency_fields(self):
        return self.group(self.AGENCY_FIELDS)

    def name_fields(self):
        return self.group(self.NAME_FIELDS)

    def privacy_fields(self):
        return self.group(self.PRIVACY_FIELDS)

    def clean_agency_logo(self):
        logo = self.cleaned_data.get("agency_logo")
        if logo and logo.size > LOGO_MAX_BYTES:
            raise forms.ValidationError("The logo must be at most 512 kB")
        return logo

    def settings_data(self) -> dict[str, Any]:
        """The cleaned form as the JSON object ``settings_update`` takes."""
        data: dict[str, Any] = {"layout": self.cleaned_data["layout"]}
        for key, field in SETTINGS_FIELDS.items():
            data[key] = self.cleaned_data[field]
        data["privacy"] = {key: self.cleaned_data[field] for key, field in PRIVACY_FLAGS.items()}
        data["privacy"]["nameMode"] = self.cleaned_data["name_mode"]
        logo = self.cleaned_data.get("agency_logo")
        if logo:
            kind = "png" if logo.content_type == "image/png" else "jpeg"
            data["agencyLogo"] = f"data:image/{kind};base64," + base64.b64encode(logo.read()).decode()
        elif self.cleaned_data.get("remove_logo"):
            data["agencyLogo"] = ""
        return data

    def add_service_errors(self, details: Any, message: str) -> None:
        """Put an ApplicationError's ``{key: [messages]}`` details on the matching fields."""
        if isinstance(details, dict):
            for key, texts in details.items():
                field = ERROR_FIELDS.get(key)
                for text in texts if isinstance(texts, list) else [texts]:
                    self.add_error(field if field in self.fields else None, str(text))
        if not self.errors:
            self.add_error(None, message)


class BatchForm(forms.Form):
    """Completed candidates to render in one bulk batch (choices set by the view)."""

    kind = forms.ChoiceField(
        label="Kind",
        choices=[
            ("bulk", "Standard PDFs, results by webhook"),
            ("format", "In my render settings (anonymised if set), by webhook or e-mail"),
            ("anonymised", "Anonymised PDFs (name, contacts, photo hidden), by webhook or e-mail"),
        ],
        initial="bulk",
    )
    candidates = forms.MultipleChoiceField(
        label="Candidates",
        help_text="Only parsed candidates can be rendered; hold Ctrl/⌘ to pick several.",
        widget=forms.SelectMultiple(attrs={"size": 10}),
    )

    def __init__(self, *args, choices: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["candidates"].choices = choices


class _IdList(forms.Field):
    """The checked boxes' values as strings; ``resume_ids_parse`` decides what is an id."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value: Any) -> list[str]:
        if not value:
            return []
        return [str(item) for item in (value if isinstance(value, list | tuple) else [value])]


class CandidateBatchForm(forms.Form):
    """The candidate list's "PDFs of the selected": the checked candidates, standard (the
    privacy flags decide) or anonymised (everything identifying hidden)."""

    candidates = _IdList(error_messages={"required": "Select at least one parsed candidate."})
    variant = forms.ChoiceField(
        choices=[("standard", "Standard PDFs"), ("anonymised", "Anonymised PDFs")],
        error_messages={"required": "Choose standard or anonymised PDFs."},
    )
