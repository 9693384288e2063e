"""Settings come from the environment, fail loudly on bad values, and pass --deploy."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": "k3Vq9-production-secret-" + "x7Yp2" * 10,
    "ALLOWED_HOSTS": "smartcv.example.com",
}


def _run(code: str, **env: str) -> subprocess.CompletedProcess:
    clean = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(
            ("DATABASE_", "REDIS_", "DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "CELERY_", "STORAGE_")
        )
    }
    clean.update(env)
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import django, os; "
            "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'smartcv.settings'); django.setup(); "
            + code,
        ],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
    )


def _settings(expr: str, **env: str) -> str:
    result = _run(f"from django.conf import settings as s; print({expr})", **env)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_embedded_default_is_sqlite_eager_and_local_files():
    assert _settings("s.DATABASES['default']['ENGINE']") == "django.db.backends.sqlite3"
    assert _settings("s.CELERY_TASK_ALWAYS_EAGER") == "True"
    assert _settings("s.STORAGES['default']['BACKEND']") == "django.core.files.storage.FileSystemStorage"
    assert _settings("s.CACHES['default']['BACKEND']").endswith("LocMemCache")


def test_database_and_redis_urls_are_used():
    env = {
        "DATABASE_URL": "postgresql://app:pw@db.internal:5433/smartcv",
        "REDIS_URL": "redis://cache:6379/2",
    }
    assert _settings(
        "s.DATABASES['default']['ENGINE'], s.DATABASES['default']['NAME'], "
        "s.DATABASES['default']['PORT']",
        **env,
    ) == ("django.db.backends.postgresql smartcv 5433")
    assert (
        _settings("s.CELERY_BROKER_URL, s.CELERY_TASK_ALWAYS_EAGER", **env)
        == "redis://cache:6379/2 False"
    )
    assert _settings("s.CACHES['default']['BACKEND']", **env).endswith("RedisCache")


def test_s3_storage_settings():
    env = {"STORAGE_BUCKET_NAME": "cvs", "STORAGE_ENDPOINT_URL": "http://minio:9000"}
    assert _settings(
        "s.STORAGES['default']['BACKEND'], s.STORAGES['default']['OPTIONS']['endpoint_url']", **env
    ) == ("storages.backends.s3.S3Storage http://minio:9000")


def test_media_root_from_env(tmp_path):
    assert _settings("s.MEDIA_ROOT", MEDIA_ROOT=str(tmp_path)) == str(tmp_path)


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"DEBUG": "maybe"}, "DEBUG must be a boolean"),
        ({"DATABASE_URL": "mysql://x/y"}, "DATABASE_URL must start with postgresql:// or sqlite:///"),
        ({"DATABASE_URL": "postgresql://host:5432"}, "needs a database name"),
        ({"REDIS_URL": "http://localhost:6379"}, "REDIS_URL must be a redis://"),
        ({"DEBUG": "false"}, "SECRET_KEY must be set when DEBUG is false"),
        ({"SMARTCV_ANONYMOUS_RATE_LIMIT": "lots"}, "SMARTCV_ANONYMOUS_RATE_LIMIT must be an integer"),
        ({"CELERY_EAGER": "false"}, "CELERY_EAGER=false needs REDIS_URL"),
    ],
)
def test_bad_values_fail_loudly(env, message):
    result = _run("print('started')", **env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert message in result.stderr


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_", "REDIS_", "DEBUG"))}
    env.update(PRODUCTION, DATABASE_URL=f"sqlite:///{tmp_path}/db.sqlite3")
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
