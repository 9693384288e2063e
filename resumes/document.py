"""The ResumeDocument: the one canonical, validated shape of a resume's content.

A ``Resume`` (built in the editor) stores one, a ``Candidate`` (parsed from a file) produces
one, and every renderer consumes one. The shapes of the four published APIs (smartcv
``contentJson``, the profile ``resume`` object, the parserpro candidate, the reader
``resumeData``) and JSON Resume are conversions to and from it (``resumes.convert``).

Pure: no Django imports. Dates are partial ISO dates as printed on a CV — ``YYYY``,
``YYYY-MM`` or ``YYYY-MM-DD`` — or empty; an ongoing role has ``end_date == "present"``
(``is_current`` says the same thing and is kept in step).
"""

from __future__ import annotations

import json
import re
import uuid
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    field_validator,
    model_validator,
)

# The largest serialised document accepted (CONTENT_TOO_LARGE beyond it). A dense two-page
# CV is ~10 KB of JSON; 256 KiB leaves room for long careers and many custom sections while
# keeping rendering and storage bounded.
MAX_DOCUMENT_BYTES = 256 * 1024

PRESENT = "present"
_DATE_RE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")

Text = Annotated[str, StringConstraints(strip_whitespace=True, max_length=300)]
LongText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=20_000)]
Url = Annotated[str, StringConstraints(strip_whitespace=True, max_length=2048)]


def new_id() -> str:
    return uuid.uuid4().hex[:12]


def normalise_date(value: Any, *, allow_present: bool = False) -> str:
    """'' for nothing; 'present' for ongoing (when allowed); else YYYY[-MM[-DD]] or ValueError."""
    if value is None:
        return ""
    text = str(value).strip()
    if not text:
        return ""
    if allow_present and text.lower() in {"present", "current", "now", "ongoing", "today"}:
        return PRESENT
    if _DATE_RE.match(text):
        return text
    raise ValueError(
        "must be a date as YYYY, YYYY-MM or YYYY-MM-DD" + (" or 'present'" if allow_present else "")
    )


class _Part(BaseModel):
    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True, validate_assignment=True)


class Link(_Part):
    label: Text = ""
    url: Url


class PersonalInfo(_Part):
    name: Text = ""
    title: Text = ""  # headline, e.g. "Senior Software Engineer"
    email: Text = ""
    phone: Text = ""
    location: Text = ""  # address or city, as the person wrote it
    website: Url = ""
    linkedin: Url = ""
    github: Url = ""
    twitter: Url = ""
    links: list[Link] = Field(default_factory=list, max_length=30)  # any other profiles
    image_url: Url = ""
    birth_date: str = ""
    nationality: Text = ""

    @field_validator("birth_date", mode="before")
    @classmethod
    def _birth_date(cls, value: Any) -> str:
        return normalise_date(value)

    @field_validator("email")
    @classmethod
    def _email(cls, value: str) -> str:
        if value and not re.match(r"^[^@\s]+@[^@\s]+\.[^@\s]+$", value):
            raise ValueError("is not a valid email address")
        return value


class _Dated(_Part):
    start_date: str = ""
    end_date: str = ""

    @field_validator("start_date", mode="before")
    @classmethod
    def _start(cls, value: Any) -> str:
        return normalise_date(value)

    @field_validator("end_date", mode="before")
    @classmethod
    def _end(cls, value: Any) -> str:
        return normalise_date(value, allow_present=True)


class WorkItem(_Dated):
    id: str = Field(default_factory=new_id, max_length=64)
    company: Text = ""
    position: Text = ""
    location: Text = ""
    is_current: bool = False
    description: LongText = ""
    highlights: list[LongText] = Field(default_factory=list, max_length=100)

    @model_validator(mode="after")
    def _current(self) -> WorkItem:
        # One truth for "ongoing": end_date 'present' and is_current agree.
        if self.end_date == PRESENT:
            object.__setattr__(self, "is_current", True)
        elif self.is_current and not self.end_date:
            object.__setattr__(self, "end_date", PRESENT)
        return self


class EducationItem(_Dated):
    id: str = Field(default_factory=new_id, max_length=64)
    institution: Text = ""
    degree: Text = ""
    field: Text = ""
    location: Text = ""
    grade: Text = ""
    description: LongText = ""


# How skill groups read to a person: the profile dialect's groups and the skills vocabulary's
# categories (what the parser files skills under); anything else shows as written.
SKILL_CATEGORY_LABELS = {
    "languages": "Languages",
    "frameworksAndTools": "Frameworks & tools",
    "softSkills": "Soft skills",
    "language": "Programming languages",
    "framework": "Frameworks",
    "library": "Libraries",
    "tool": "Tools",
    "database": "Databases",
    "cloud": "Cloud",
    "domain": "Expertise",
    "soft": "Soft skills",
    "certification": "Certifications",
}


def skill_category_label(category: str) -> str:
    return SKILL_CATEGORY_LABELS.get(category, category[:1].upper() + category[1:])


class Skill(_Part):
    name: Text
    # Free category; the profile dialect groups by "languages", "frameworksAndTools" and
    # "softSkills", anything else is shown under its own heading.
    category: Text = ""
    level: Text = ""


class ProjectItem(_Dated):
    id: str = Field(default_factory=new_id, max_length=64)
    name: Text
    description: LongText = ""
    technologies: list[Text] = Field(default_factory=list, max_length=100)
    url: Url = ""
    highlights: list[LongText] = Field(default_factory=list, max_length=100)


class Certification(_Part):
    name: Text
    issuer: Text = ""
    date: str = ""
    url: Url = ""

    @field_validator("date", mode="before")
    @classmethod
    def _date(cls, value: Any) -> str:
        return normalise_date(value)


class Language(_Part):
    name: Text
    level: Text = ""


class CustomItem(_Part):
    title: Text = ""
    subtitle: Text = ""
    date: Text = ""  # free text here: "Spring 2021", "2019–2020"
    description: LongText = ""


class CustomSection(_Part):
    id: str = Field(default_factory=new_id, max_length=64)
    title: Text
    items: list[CustomItem] = Field(default_factory=list, max_length=200)


SECTIONS = (
    "personalInfo",
    "summary",
    "workExperience",
    "education",
    "skills",
    "projects",
    "certifications",
    "languages",
    "extracurricular",
    "customSections",
)


class ResumeDocument(_Part):
    personal: PersonalInfo = Field(default_factory=PersonalInfo)
    summary: LongText = ""
    work: list[WorkItem] = Field(default_factory=list, max_length=200)
    education: list[EducationItem] = Field(default_factory=list, max_length=100)
    skills: list[Skill] = Field(default_factory=list, max_length=500)
    projects: list[ProjectItem] = Field(default_factory=list, max_length=200)
    certifications: list[Certification] = Field(default_factory=list, max_length=200)
    languages: list[Language] = Field(default_factory=list, max_length=50)
    extracurricular: list[LongText] = Field(default_factory=list, max_length=200)
    custom_sections: list[CustomSection] = Field(default_factory=list, max_length=50)

    @property
    def skill_names(self) -> list[str]:
        return [skill.name for skill in self.skills]

    def to_json(self) -> dict[str, Any]:
        return self.model_dump(mode="json")


class DocumentError(ValueError):
    """The content is not a valid ResumeDocument: ``fields`` maps dotted paths to messages."""

    def __init__(self, fields: dict[str, list[str]]) -> None:
        self.fields = fields
        first_path, first_messages = next(iter(fields.items()))
        super().__init__(f"{first_path}: {first_messages[0]}" if first_path else first_messages[0])


class DocumentTooLarge(ValueError):
    def __init__(self, size: int) -> None:
        self.size = size
        super().__init__(f"Resume content is {size} bytes; the limit is {MAX_DOCUMENT_BYTES} bytes")


def _errors(exc: ValidationError, prefix: str = "") -> dict[str, list[str]]:
    fields: dict[str, list[str]] = {}
    for error in exc.errors():
        path = ".".join(str(part) for part in error["loc"])
        message = error["msg"].removeprefix("Value error, ")
        fields.setdefault(f"{prefix}.{path}" if prefix and path else prefix or path, []).append(message)
    return fields


def document_size(data: Any) -> int:
    return len(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode())


def validate_document(data: Any, *, path: str = "") -> ResumeDocument:
    """A ResumeDocument from canonical JSON, or DocumentError / DocumentTooLarge."""
    size = document_size(data)
    if size > MAX_DOCUMENT_BYTES:
        raise DocumentTooLarge(size)
    if not isinstance(data, dict):
        raise DocumentError({path: ["must be an object"]})
    try:
        return ResumeDocument.model_validate(data)
    except ValidationError as exc:
        raise DocumentError(_errors(exc, path)) from None
