from __future__ import annotations

import factory

from resumes.models import Resume, ShareLink, Template


class TemplateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Template
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"layout-{n}")
    name = factory.Sequence(lambda n: f"Layout {n}")
    category = Template.Category.MODERN
    html_template = '<div class="resume"><h1 class="name">{{ person.name }}</h1></div>'
    css_styles = "body { color: #111; }"
    sort_order = factory.Sequence(lambda n: n + 10)


class ResumeFactory(factory.django.DjangoModelFactory):
    """A resume row with valid canonical content (pass ``owner=``)."""

    class Meta:
        model = Resume

    title = factory.Sequence(lambda n: f"Resume {n}")
    content = factory.LazyFunction(
        lambda: {
            "personal": {"name": "Ada Lovelace", "email": "ada@example.com"},
            "summary": "Analyst and programmer.",
            "work": [
                {
                    "id": "w1",
                    "company": "Analytical Engines",
                    "position": "Programmer",
                    "start_date": "1842",
                }
            ],
            "skills": [{"name": "Mathematics"}],
        }
    )


class ShareLinkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ShareLink

    token = factory.Sequence(lambda n: f"token-{n:06d}-abcdefghijklmnop")
