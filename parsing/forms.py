"""Forms of the candidate pages; they validate input shape, services do the rest."""

from __future__ import annotations

from django import forms

from parsing.models import ParseStatus


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class UploadForm(forms.Form):
    files = forms.FileField(
        label="CV files",
        widget=MultipleFileInput(
            attrs={"multiple": True, "accept": ".pdf,.docx,.doc,.rtf,.txt,.png,.jpg,.jpeg,.tif,.tiff"}
        ),
        help_text="PDF, DOCX, DOC, RTF, TXT or images; up to 20 files of 10 MB each. One credit per CV.",
        required=False,
    )


class CandidateFilterForm(forms.Form):
    q = forms.CharField(
        label="Search",
        required=False,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": "Name, email or title"}),
    )
    status = forms.ChoiceField(
        label="Status", required=False, choices=[("", "Any status"), *ParseStatus.choices]
    )
    skills = forms.CharField(
        label="Skills", required=False, widget=forms.TextInput(attrs={"placeholder": "python, sql"})
    )
    tag = forms.ChoiceField(label="Tag", required=False, choices=[("", "Any tag")])
    sort = forms.ChoiceField(
        label="Sort",
        required=False,
        choices=[
            ("newest", "Newest"),
            ("oldest", "Oldest"),
            ("name", "Name"),
            ("confidence", "Confidence"),
        ],
    )

    def __init__(self, *args, tags=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tag"].choices = [("", "Any tag"), *((t.name, t.name) for t in tags)]


def _list_field(label: str) -> forms.CharField:
    return forms.CharField(label=label, required=False, help_text="Comma-separated")


class CandidateEditForm(forms.Form):
    """The parserpro PATCH fields (``parsing.services.EDITABLE_FIELDS``)."""

    full_name = forms.CharField(label="Full name", max_length=300, required=False)
    email = forms.CharField(label="Email", max_length=300, required=False)
    phone = forms.CharField(label="Phone", max_length=64, required=False)
    location = forms.CharField(label="Location", max_length=300, required=False)
    current_title = forms.CharField(label="Current title", max_length=300, required=False)
    years_of_experience = forms.FloatField(
        label="Years of experience", min_value=0, max_value=80, required=False
    )
    skills = _list_field("Skills")
    languages = _list_field("Languages")
    linkedin_url = forms.URLField(
        label="LinkedIn URL", max_length=2048, required=False, assume_scheme="https"
    )
    github_url = forms.URLField(
        label="GitHub URL", max_length=2048, required=False, assume_scheme="https"
    )
    portfolio_url = forms.URLField(
        label="Portfolio URL", max_length=2048, required=False, assume_scheme="https"
    )
    ai_summary = forms.CharField(
        label="Summary", max_length=5000, required=False, widget=forms.Textarea(attrs={"rows": 4})
    )

    @classmethod
    def initial_for(cls, candidate) -> dict:
        initial = {name: getattr(candidate, name) for name in cls.base_fields}
        initial["skills"] = ", ".join(str(s) for s in candidate.skills or [])
        initial["languages"] = ", ".join(str(s) for s in candidate.languages or [])
        return initial

    def clean_skills(self) -> list[str]:
        return _split(self.cleaned_data["skills"])

    def clean_languages(self) -> list[str]:
        return _split(self.cleaned_data["languages"])


def _split(value: str) -> list[str]:
    seen: list[str] = []
    for item in (value or "").split(","):
        item = item.strip()[:120]
        if item and item.lower() not in {s.lower() for s in seen}:
            seen.append(item)
    return seen


class TagForm(forms.Form):
    name = forms.CharField(label="New tag", max_length=60)
