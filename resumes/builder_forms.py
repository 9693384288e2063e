"""Forms of the resume builder: each maps onto a part of the ResumeDocument."""

from __future__ import annotations

from typing import Any

from django import forms

from resumes.document import SECTIONS, ResumeDocument
from resumes.models import Resume, Template

SECTION_LABELS = {
    "personalInfo": "Personal info",
    "summary": "Summary",
    "workExperience": "Experience",
    "education": "Education",
    "skills": "Skills",
    "projects": "Projects",
    "certifications": "Certifications",
    "languages": "Languages",
    "extracurricular": "Activities",
    "customSections": "Other sections",
}
DATE_HELP = "YYYY or YYYY-MM"


def _lines(text: str) -> list[str]:
    return [line.strip(" •-\t") for line in (text or "").splitlines() if line.strip(" •-\t")]


def _items(text: str) -> list[str]:
    return [item.strip() for chunk in _lines(text) for item in chunk.split(",") if item.strip()]


class NewResumeForm(forms.Form):
    title = forms.CharField(max_length=200, initial="My resume")
    template = forms.ModelChoiceField(
        queryset=Template.objects.filter(is_active=True).order_by("sort_order"),
        required=False,
        empty_label="Default layout",
    )


class ImportForm(forms.Form):
    file = forms.FileField(help_text="PDF, DOCX, DOC, RTF, TXT or an image of a CV (1 credit).")


class MetaForm(forms.Form):
    title = forms.CharField(max_length=200)
    template = forms.ModelChoiceField(
        queryset=Template.objects.filter(is_active=True).order_by("sort_order"),
        required=False,
        empty_label="Default layout",
        label="Layout",
    )
    status = forms.ChoiceField(choices=Resume.Status.choices)
    target_job_description = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        label="Target job description",
        help_text="Paste a job ad to see the ATS and keyword analysis against it.",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for section in SECTIONS:
            self.fields[f"show_{section}"] = forms.BooleanField(
                required=False, label=SECTION_LABELS[section], initial=True
            )

    def visibility(self) -> dict[str, bool]:
        return {section: bool(self.cleaned_data.get(f"show_{section}")) for section in SECTIONS}


class PersonalForm(forms.Form):
    name = forms.CharField(max_length=300, required=False)
    title = forms.CharField(max_length=300, required=False, label="Headline")
    email = forms.EmailField(max_length=300, required=False)
    phone = forms.CharField(max_length=300, required=False)
    location = forms.CharField(max_length=300, required=False)
    website = forms.CharField(max_length=2048, required=False)
    linkedin = forms.CharField(max_length=2048, required=False, label="LinkedIn")
    github = forms.CharField(max_length=2048, required=False, label="GitHub")
    summary = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}), required=False, max_length=20_000
    )
    skills = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text="Comma-separated or one per line.",
    )
    languages = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text="One per line, level in brackets: English (Native).",
    )
    extracurricular = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        label="Activities",
        help_text="One per line.",
    )


class _EntryForm(forms.Form):
    start_date = forms.CharField(max_length=10, required=False, help_text=DATE_HELP)
    end_date = forms.CharField(max_length=10, required=False, help_text=DATE_HELP + " or present")
    highlights = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}), required=False, help_text="One bullet per line."
    )


class WorkForm(_EntryForm):
    position = forms.CharField(max_length=300, required=False)
    company = forms.CharField(max_length=300, required=False)
    location = forms.CharField(max_length=300, required=False)
    description = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False)
    field_order = [
        "position",
        "company",
        "location",
        "start_date",
        "end_date",
        "description",
        "highlights",
    ]


class EducationForm(_EntryForm):
    institution = forms.CharField(max_length=300, required=False)
    degree = forms.CharField(max_length=300, required=False)
    field = forms.CharField(max_length=300, required=False)
    grade = forms.CharField(max_length=300, required=False)
    field_order = ["institution", "degree", "field", "grade", "start_date", "end_date", "highlights"]


class ProjectForm(_EntryForm):
    name = forms.CharField(max_length=300, required=False)
    url = forms.CharField(max_length=2048, required=False)
    technologies = forms.CharField(max_length=2000, required=False, help_text="Comma-separated.")
    description = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False)
    field_order = ["name", "url", "technologies", "start_date", "end_date", "description", "highlights"]


WorkFormSet = forms.formset_factory(WorkForm, extra=1, can_delete=True, can_order=True, max_num=100)
EducationFormSet = forms.formset_factory(
    EducationForm, extra=1, can_delete=True, can_order=True, max_num=50
)
ProjectFormSet = forms.formset_factory(
    ProjectForm, extra=1, can_delete=True, can_order=True, max_num=100
)


def initial_from_document(doc: ResumeDocument) -> dict[str, Any]:
    personal = doc.personal
    return {
        "personal": {
            "name": personal.name,
            "title": personal.title,
            "email": personal.email,
            "phone": personal.phone,
            "location": personal.location,
            "website": personal.website,
            "linkedin": personal.linkedin,
            "github": personal.github,
            "summary": doc.summary,
            "skills": ", ".join(doc.skill_names),
            "languages": "\n".join(
                f"{lang.name} ({lang.level})" if lang.level else lang.name for lang in doc.languages
            ),
            "extracurricular": "\n".join(doc.extracurricular),
        },
        "work": [
            {
                "position": w.position,
                "company": w.company,
                "location": w.location,
                "start_date": w.start_date,
                "end_date": w.end_date,
                "description": w.description,
                "highlights": "\n".join(w.highlights),
            }
            for w in doc.work
        ],
        "education": [
            {
                "institution": e.institution,
                "degree": e.degree,
                "field": e.field,
                "grade": e.grade,
                "start_date": e.start_date,
                "end_date": e.end_date,
                "highlights": e.description,
            }
            for e in doc.education
        ],
        "projects": [
            {
                "name": p.name,
                "url": p.url,
                "technologies": ", ".join(p.technologies),
                "start_date": p.start_date,
                "end_date": p.end_date,
                "description": p.description,
                "highlights": "\n".join(p.highlights),
            }
            for p in doc.projects
        ],
    }


def _ordered(formset) -> list[dict[str, Any]]:
    """The kept, non-empty rows of a formset in the order the user gave them."""
    rows = []
    for index, form in enumerate(formset.forms):
        data = getattr(form, "cleaned_data", None) or {}
        if not data or data.get("DELETE"):
            continue
        values = {k: v for k, v in data.items() if k not in ("ORDER", "DELETE")}
        if not any(str(v).strip() for v in values.values()):
            continue
        rows.append((data.get("ORDER") if data.get("ORDER") is not None else 10_000 + index, values))
    return [values for _, values in sorted(rows, key=lambda pair: pair[0])]


def document_from_forms(base: ResumeDocument, personal, work, education, projects) -> dict[str, Any]:
    """The new document as canonical JSON (validated by the service): the builder's sections
    replaced, everything it does not edit (certifications, custom sections, photo…) kept."""
    data = base.to_json()
    p = personal.cleaned_data
    data["personal"].update(
        {
            k: p[k]
            for k in ("name", "title", "email", "phone", "location", "website", "linkedin", "github")
        }
    )
    data["summary"] = p["summary"]
    data["skills"] = [{"name": name} for name in dict.fromkeys(_items(p["skills"]))]
    languages = []
    for line in _lines(p["languages"]):
        name, _, level = line.partition("(")
        languages.append({"name": name.strip(), "level": level.rstrip(")").strip()})
    data["languages"] = languages
    data["extracurricular"] = _lines(p["extracurricular"])
    data["work"] = [
        {
            "position": w["position"],
            "company": w["company"],
            "location": w["location"],
            "start_date": w["start_date"],
            "end_date": w["end_date"],
            "description": w["description"],
            "highlights": _lines(w["highlights"]),
        }
        for w in _ordered(work)
    ]
    data["education"] = [
        {
            "institution": e["institution"],
            "degree": e["degree"],
            "field": e["field"],
            "grade": e["grade"],
            "start_date": e["start_date"],
            "end_date": e["end_date"],
            "description": e["highlights"],
        }
        for e in _ordered(education)
    ]
    data["projects"] = [
        {
            "name": pr["name"] or "Untitled project",
            "url": pr["url"],
            "technologies": _items(pr["technologies"]),
            "start_date": pr["start_date"],
            "end_date": pr["end_date"],
            "description": pr["description"],
            "highlights": _lines(pr["highlights"]),
        }
        for pr in _ordered(projects)
    ]
    return data


class ShareForm(forms.Form):
    is_enabled = forms.BooleanField(required=False, initial=True, label="Link enabled")
    password = forms.CharField(
        required=False,
        widget=forms.PasswordInput(render_value=False),
        max_length=200,
        help_text="Leave empty for no password (or to keep the current one when updating).",
    )
    remove_password = forms.BooleanField(required=False, label="Remove the password")
    expires_at = forms.DateTimeField(
        required=False, widget=forms.DateTimeInput(attrs={"type": "datetime-local"}), label="Expires"
    )
    allow_download = forms.BooleanField(required=False, label="Visitors may download a PDF")
    allow_comments = forms.BooleanField(required=False, label="Visitors may leave comments")
