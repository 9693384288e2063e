"""Forms of the job pages: the job fields, weighted-skill rows and the job-text parser."""

from __future__ import annotations

from django import forms

from matching.models import EducationLevel, JobStatus, PipelineStatus

# Empty rows offered under the skills already set (more are added with the "Add skill" button).
EXTRA_SKILL_ROWS = 3


class JobForm(forms.Form):
    title = forms.CharField(label="Title", max_length=300)
    company = forms.CharField(label="Company", max_length=200, required=False)
    reference = forms.CharField(label="Reference", max_length=120, required=False)
    status = forms.ChoiceField(label="Status", choices=JobStatus.choices, initial=JobStatus.ACTIVE)
    city = forms.CharField(label="City", max_length=120, required=False)
    country = forms.CharField(label="Country", max_length=64, required=False)
    preferred_locations = forms.CharField(
        label="Preferred locations", required=False, help_text="Comma-separated"
    )
    min_experience_years = forms.FloatField(
        label="Minimum years", min_value=0, max_value=80, required=False
    )
    max_experience_years = forms.FloatField(
        label="Maximum years", min_value=0, max_value=80, required=False
    )
    experience = forms.CharField(
        label="Experience (as written)", max_length=120, required=False, help_text="e.g. 5+ years"
    )
    education = forms.CharField(label="Education (as written)", max_length=200, required=False)
    education_level = forms.ChoiceField(
        label="Education level", choices=EducationLevel.choices, initial=EducationLevel.ANY
    )
    salary_min = forms.IntegerField(
        label="Salary from", min_value=0, max_value=2_000_000_000, required=False
    )
    salary_max = forms.IntegerField(
        label="Salary to", min_value=0, max_value=2_000_000_000, required=False
    )
    description = forms.CharField(
        label="Description", required=False, widget=forms.Textarea(attrs={"rows": 6})
    )
    profile = forms.CharField(
        label="Profile sought", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def clean_preferred_locations(self) -> list[str]:
        items = [p.strip()[:120] for p in self.cleaned_data["preferred_locations"].split(",")]
        return [p for p in items if p][:50]


class SkillRowForm(forms.Form):
    skill = forms.CharField(label="Skill", max_length=120, required=False)
    weight = forms.FloatField(
        label="Weight",
        min_value=0.0,
        max_value=1.0,
        initial=1.0,
        required=False,
        widget=forms.NumberInput(attrs={"step": "0.1", "min": "0", "max": "1"}),
    )


SkillFormSet = forms.formset_factory(
    SkillRowForm, extra=EXTRA_SKILL_ROWS, can_delete=True, max_num=100, absolute_max=200
)


def skill_rows(formset) -> list[dict]:
    """The rows kept: named, not marked for removal; a blank weight counts as 1.0."""
    rows = []
    for form in formset.forms:
        data = getattr(form, "cleaned_data", None) or {}
        if data.get("DELETE") or not (data.get("skill") or "").strip():
            continue
        weight = data.get("weight")
        rows.append({"skill": data["skill"].strip(), "weight": 1.0 if weight is None else weight})
    return rows


class JobTextForm(forms.Form):
    text = forms.CharField(
        label="Job description text",
        required=False,
        max_length=100_000,
        widget=forms.Textarea(attrs={"rows": 6, "placeholder": "Paste a job ad here"}),
    )
    file = forms.FileField(label="…or a job description file", required=False)

    def clean(self):
        data = super().clean()
        if not (data.get("text") or "").strip() and not data.get("file"):
            raise forms.ValidationError("Paste the job text or choose a file.")
        return data


class PipelineForm(forms.Form):
    status = forms.ChoiceField(label="Move to", choices=PipelineStatus.choices)
