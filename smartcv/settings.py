"""SmartCV settings: every value comes from the environment, with safe embedded defaults.

With no environment at all SmartCV runs embedded: SQLite in ``var/``, files in ``var/media``,
an in-process cache and Celery tasks executed eagerly. Production sets ``DATABASE_URL``,
``REDIS_URL``, ``SECRET_KEY``, ``ALLOWED_HOSTS`` and ``DEBUG=false`` (and ``STORAGE_*`` for
S3-compatible object storage). A value that cannot be understood stops the process at start
with a message naming the variable: a typo must never silently fall back to a default.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"
VAR_DIR.joinpath("static").mkdir(parents=True, exist_ok=True)  # embedded DB, media, static

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (true/false/1/0), got {raw!r}")


def env_int(name: str, default: int, *, minimum: int | None = None) -> int:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be an integer, got {raw!r}") from None
    if minimum is not None and value < minimum:
        raise ImproperlyConfigured(f"{name} must be at least {minimum}, got {value}")
    return value


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def database_from_url(url: str) -> dict:
    """Parse ``DATABASE_URL``: PostgreSQL (psycopg 3) or ``sqlite:///path``; nothing else."""
    import dj_database_url

    scheme = urlsplit(url).scheme
    if scheme not in {"postgres", "postgresql", "pgsql", "sqlite"}:
        raise ImproperlyConfigured(
            f"DATABASE_URL must start with postgresql:// or sqlite:///, got scheme {scheme!r}"
        )
    try:
        config = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    except Exception as exc:  # dj_database_url raises several types for garbage
        raise ImproperlyConfigured(f"DATABASE_URL cannot be parsed: {exc}") from None
    if scheme == "sqlite":
        config["CONN_MAX_AGE"] = 0
        if not config.get("NAME") or config["NAME"] == ":memory:":
            raise ImproperlyConfigured("DATABASE_URL sqlite:/// needs a file path")
        config.setdefault("OPTIONS", {}).update(timeout=20, transaction_mode="IMMEDIATE")
    elif not config.get("NAME"):
        raise ImproperlyConfigured("DATABASE_URL for PostgreSQL needs a database name")
    return config


def redis_url(name: str) -> str:
    url = env_str(name)
    if url and urlsplit(url).scheme not in {"redis", "rediss", "unix"}:
        raise ImproperlyConfigured(f"{name} must be a redis://, rediss:// or unix:// URL")
    return url


# --- Core -----------------------------------------------------------------------------------

DEBUG = env_bool("DEBUG", True)
# Only for the embedded run; refused below when DEBUG is off.
_DEV_SECRET = "embedded-dev-secret-key-not-for-production-use-0123456789abcdefghijkl"  # noqa: S105
SECRET_KEY = env_str("SECRET_KEY", _DEV_SECRET if DEBUG else "")
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is false")
if not DEBUG and SECRET_KEY == _DEV_SECRET:
    raise ImproperlyConfigured("SECRET_KEY must not be the embedded development key in production")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]", "testserver"])
if not DEBUG and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set when DEBUG is false")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
CSRF_FAILURE_VIEW = "smartcv.api.errors.csrf_failure"
# The public base URL used in links SmartCV hands out (share links, status URLs, downloads).
SITE_URL = env_str("SITE_URL", "http://localhost:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "smartcv",
    "resumes",
    "parsing",
    "matching",
    "rendering",
    "webhooks",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy (CONTENT_SECURITY_POLICY below) and Permissions-Policy.
    "smartcv.csp.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Rate limits and the X-RateLimit-* headers for every /api/ response (after auth).
    "smartcv.api.ratelimit.RateLimitMiddleware",
]

ROOT_URLCONF = "smartcv.urls"
WSGI_APPLICATION = "smartcv.wsgi.application"
AUTH_USER_MODEL = "smartcv.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "login"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------

_database_url = env_str("DATABASE_URL")
DATABASES = {
    "default": database_from_url(_database_url)
    if _database_url
    else {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": VAR_DIR / "smartcv.sqlite3",
        # BEGIN IMMEDIATE: a write transaction waits for the lock (up to timeout) instead of
        # failing "database is locked" when two requests write at once (threaded runserver).
        "OPTIONS": {"timeout": 20, "transaction_mode": "IMMEDIATE"},
    }
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Redis: broker, cache, rate-limit counters ----------------------------------------------

REDIS_URL = redis_url("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "smartcv"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# --- Files ----------------------------------------------------------------------------------

MEDIA_ROOT = Path(env_str("MEDIA_ROOT") or VAR_DIR / "media")
MEDIA_URL = "/media/"
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]

STORAGE_BUCKET_NAME = env_str("STORAGE_BUCKET_NAME")
if STORAGE_BUCKET_NAME:
    # S3-compatible object storage (AWS S3, MinIO, Ceph, R2…) through django-storages.
    _default_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": STORAGE_BUCKET_NAME,
            "endpoint_url": env_str("STORAGE_ENDPOINT_URL") or None,
            "access_key": env_str("STORAGE_ACCESS_KEY_ID") or None,
            "secret_key": env_str("STORAGE_SECRET_ACCESS_KEY") or None,
            "region_name": env_str("STORAGE_REGION") or None,
            "location": env_str("STORAGE_LOCATION"),
            "default_acl": None,
            "file_overwrite": False,
            "querystring_auth": True,  # private objects, presigned URLs
            "querystring_expire": 3600,
        },
    }
else:
    _default_storage = {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": MEDIA_ROOT},
    }
STORAGES = {
    "default": _default_storage,
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# --- Celery ---------------------------------------------------------------------------------
# Without a broker everything runs eagerly in-process (the embedded default). CELERY_EAGER
# forces either mode explicitly.

CELERY_BROKER_URL = REDIS_URL or "memory://localhost/"
CELERY_RESULT_BACKEND = REDIS_URL or None
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_EAGER", not REDIS_URL)
CELERY_TASK_EAGER_PROPAGATES = True
if not REDIS_URL and not CELERY_TASK_ALWAYS_EAGER:
    raise ImproperlyConfigured("CELERY_EAGER=false needs REDIS_URL for the broker")

# --- Auth -----------------------------------------------------------------------------------

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# --- Security (production) ------------------------------------------------------------------

SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("BEHIND_PROXY", False) else None
)
# Sent in every mode (the embedded run too), so what is tested is what production sends.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"  # views that frame their own pages say @xframe_options_sameorigin
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    # Sent only on HTTPS requests (behind a proxy: BEHIND_PROXY=true and X-Forwarded-Proto).
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000, minimum=0)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
# django-csp (smartcv/csp.py): nothing inline, nothing from elsewhere. Pages keep their script in
# static/js and their styles in static/css; resume pages send their own, stricter policy.
# With object storage, signed download URLs and preview images point at the bucket's origin
# (an export form redirects there, which form-action governs).
_storage_origin = (
    "{0.scheme}://{0.netloc}".format(urlsplit(env_str("STORAGE_ENDPOINT_URL")))
    if env_str("STORAGE_ENDPOINT_URL")
    else "https://*.amazonaws.com"
)
# Links SmartCV hands out (signed downloads, canvas previews) start with SITE_URL, which may be
# another origin than the one a page was served from (a proxy, another port).
_site_origin = "{0.scheme}://{0.netloc}".format(urlsplit(SITE_URL))
_files = [_site_origin] + ([_storage_origin] if STORAGE_BUCKET_NAME else [])
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *_files],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'", *_files],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'", *_files],
        "frame-ancestors": ["'none'"],
    }
}
SILENCED_SYSTEM_CHECKS = ["security.W021"] if not env_bool("SECURE_HSTS_PRELOAD", False) else []

# --- REST framework and OpenAPI -------------------------------------------------------------

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "smartcv.api.authentication.ApiKeyAuthentication",
        # The browser's session cookie; DRF enforces CSRF on unsafe methods.
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [
        "rest_framework.parsers.JSONParser",
        "rest_framework.parsers.MultiPartParser",
        "rest_framework.parsers.FormParser",
    ],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "EXCEPTION_HANDLER": "smartcv.api.errors.exception_handler",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    "DATETIME_FORMAT": "%Y-%m-%dT%H:%M:%S.%fZ",
}

SPECTACULAR_SETTINGS = {
    "TITLE": "SmartCV API",
    "DESCRIPTION": (
        "SmartCV speaks four published API dialects: smartcv (resumes, templates), profile "
        "(publish-resume), parserpro (parse, candidates, jobs, usage) and reader (parser, jobs, "
        "scores, resume-settings, webhook). Every API key works with every header form: "
        "`X-API-Key: <key>`, `Authorization: ApiKey <key>` or `Authorization: Bearer <key>`. "
        "Errors use the envelope of the dialect the URL belongs to. Every response carries "
        "X-RateLimit-Limit, X-RateLimit-Remaining and X-RateLimit-Reset."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "SCHEMA_PATH_PREFIX": r"/api",
    # The default, then the dialects' error envelopes on every operation (smartcv.api.schema):
    # last, because the enum hook rebuilds components/schemas from its registry.
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "smartcv.api.schema.add_error_responses",
    ],
    "ENUM_NAME_OVERRIDES": {
        "EducationLevelEnum": "matching.models.EducationLevel",
        "JobStatusEnum": "matching.models.JobStatus",
        "JobSourceEnum": "matching.models.JobSource",
        "PipelineStatusEnum": "matching.models.PipelineStatus",
        "CandidateSourceEnum": "parsing.models.CandidateSource",
        "ParseStatusEnum": "parsing.models.ParseStatus",
    },
}

# --- SmartCV --------------------------------------------------------------------------------

# Private hosts webhook deliveries may reach (development and tests only), e.g. "127.0.0.1,localhost".
SMARTCV_WEBHOOK_ALLOWED_HOSTS = env_list("SMARTCV_WEBHOOK_ALLOWED_HOSTS", [])
# Seconds one delivery attempt may take in all (connect, send, read).
SMARTCV_WEBHOOK_TIMEOUT = env_int("SMARTCV_WEBHOOK_TIMEOUT", 10, minimum=1)
# Seconds to wait before attempt 2, 3, …; after the last, the delivery is recorded as failed.
# SMARTCV_WEBHOOK_RETRY_DELAYS="1,2" shortens the schedule (fault tests).
SMARTCV_WEBHOOK_RETRY_DELAYS = [
    int(delay)
    for delay in env_list("SMARTCV_WEBHOOK_RETRY_DELAYS", ["30", "120", "600", "3600", "21600"])
]
# Seconds after which a claimed-but-unfinished parse or PDF item is presumed to have lost its
# worker and is handed to another (beat sweeps, every minute). Above the tasks' hard time
# limits (150 s for a parse, 300 s for a chunk of PDFs) so a live task is never doubled.
SMARTCV_PARSE_STALE_SECONDS = env_int("SMARTCV_PARSE_STALE_SECONDS", 300, minimum=1)
SMARTCV_PDF_STALE_SECONDS = env_int("SMARTCV_PDF_STALE_SECONDS", 600, minimum=1)
# Benchmarks only (benchmarks/load_bench.py): serve /bench/bare, a view with no database.
SMARTCV_BENCH_VIEWS = env_bool("SMARTCV_BENCH_VIEWS", False)
SMARTCV_DEFAULT_PLAN = env_str("SMARTCV_DEFAULT_PLAN", "free_trial")
# Days after which candidates and their CV files are purged unless an account sets its own.
SMARTCV_CANDIDATE_RETENTION_DAYS = env_int("SMARTCV_CANDIDATE_RETENTION_DAYS", 365, minimum=1)
# Requests per minute (base) for API calls without valid credentials, per client address.
SMARTCV_ANONYMOUS_RATE_LIMIT = env_int("SMARTCV_ANONYMOUS_RATE_LIMIT", 30, minimum=1)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "django.db.backends": {"level": "WARNING"},
    },
}

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "SmartCV <noreply@localhost>")
