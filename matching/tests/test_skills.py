"""The shared skills vocabulary: aliases, versions, categories and finding skills in text."""

import json

from matching.skills import (
    DATA_FILE,
    category,
    find_skills,
    normalise,
    related,
    vocabulary_size,
)
from matching.skills.build_vocabulary import build


def test_aliases_normalise_to_the_canonical_name():
    assert normalise("k8s") == "Kubernetes"
    assert normalise("JS") == "JavaScript"
    assert normalise("ecmascript") == "JavaScript"
    assert normalise("postgres") == "PostgreSQL"
    assert normalise("psql") == "PostgreSQL"
    assert normalise("C Sharp") == "C#"


def test_case_punctuation_and_spacing_do_not_matter():
    assert normalise("NODEJS") == "Node.js"
    assert normalise("node js") == "Node.js"
    assert normalise("Spring-Boot") == "Spring Boot"
    assert normalise("SpringBoot") == "Spring Boot"
    assert normalise("ci cd") == "CI/CD"


def test_versions_glued_or_spaced_are_dropped():
    assert normalise("Bootstrap3") == "Bootstrap"
    assert normalise("Python 3.11") == "Python"
    assert normalise("Angular 15") == "Angular"


def test_versioned_names_that_are_skills_of_their_own_are_kept():
    assert normalise("HTML5") == "HTML5"
    assert normalise("CSS3") == "CSS3"


def test_unknown_and_empty_skills_are_none():
    assert normalise("underwater basket weaving") is None
    assert normalise("") is None
    assert normalise("   ") is None


def test_category_and_related():
    assert category("Django") == "framework"
    assert category("postgres") == "database"
    assert category("Teamwork") == "soft"
    assert category("no such skill") == ""
    assert "Python" in related("Django")
    assert related("no such skill") == []


def test_find_skills_prefers_the_longest_match():
    assert find_skills("Built apps with React Native and Spring Boot") == ["React Native", "Spring Boot"]


def test_find_skills_in_prose_needs_context_for_short_ambiguous_names():
    text = "Go to the office. Excel at talking to people. I like C and R grades."
    assert find_skills(text) == []


def test_find_skills_accepts_ambiguous_names_next_to_other_skills():
    assert find_skills("Languages used: Python, Go and C every day") == ["Python", "Go", "C"]


def test_find_skills_accepts_ambiguous_names_in_a_skills_section():
    assert find_skills("C, R, Go, Excel", in_section=True) == ["C", "R", "Go", "Excel"]


def test_everyday_words_that_are_skill_names_need_context():
    text = "Make sure to express ideas with unity and planning. Shipped it in Docker and Express."
    assert find_skills(text) == ["Docker", "Express"]


def test_ambiguous_alias_in_prose_is_never_enough():
    assert find_skills("He gave his word to the oracle") == []


def test_slash_separated_skills_split_but_ci_cd_stays_whole():
    assert find_skills("HTML5/CSS3 and CI/CD pipelines") == ["HTML5", "CSS3", "CI/CD"]


def test_vocabulary_has_thousands_of_surface_forms():
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    surfaces = sum(1 + len(s["aliases"]) for s in data["skills"])
    assert vocabulary_size() == len(data["skills"]) >= 3000
    assert surfaces >= 5000


def test_data_file_is_what_the_builder_generates():
    assert json.loads(DATA_FILE.read_text(encoding="utf-8")) == build()
