"""Settings for Pestgesprek, read from the environment with safe defaults."""
import datetime
import os
from pathlib import Path

import dj_database_url
import fontpkg_atkinson_hyperlegible
import fontpkg_noto_sans
import fontpkg_noto_sans_arabic
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)

# Development defaults exist only with DEBUG on; production must say what it wants.
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("Set SECRET_KEY in the environment (or DEBUG=1 for development).")
    SECRET_KEY = "development-only-key-do-not-use-in-production"  # nosec B105 # only with DEBUG on

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]" if DEBUG else "")
if not ALLOWED_HOSTS and not DEBUG:
    raise ImproperlyConfigured("Set ALLOWED_HOSTS in the environment, for example 'pestgesprek.nl'.")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# The site's public address, for links in PDFs (e.g. https://pestgesprek.nl). Empty: the
# address each request came in on, which is right unless a proxy rewrites the host.
SITE_URL = os.environ.get("SITE_URL", "").rstrip("/")
# Who runs this site, for the privacy page. The demo says plainly that it is not set.
SITE_OPERATOR_NAME = os.environ.get("SITE_OPERATOR_NAME", "")
SITE_OPERATOR_EMAIL = os.environ.get("SITE_OPERATOR_EMAIL", "")

INSTALLED_APPS = [
    # Before the admin, as django-modeltranslation asks.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "crispy_forms",
    "crispy_forms_gds",
    "csp",
    "axes",
    "wizard",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "pestgesprek.middleware.RequestSizeLimitMiddleware",
    # Near the top, so that responses made by the middleware below (a 400 for a bad
    # host name, say) get these headers too.
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "pestgesprek.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "pestgesprek.middleware.PreferredLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

# Staff log-in: django-axes locks out guessing. After AXES_FAILURE_LIMIT wrong passwords for
# one account or from one address, that account or address waits STAFF_LOCKOUT_MINUTES. The
# counts live in the database, so they hold across every app server.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_FAILURE_LIMIT = int(os.environ.get("STAFF_LOGIN_ATTEMPTS", "10"))
STAFF_LOCKOUT_MINUTES = int(os.environ.get("STAFF_LOCKOUT_MINUTES", "30"))
AXES_COOLOFF_TIME = datetime.timedelta(minutes=STAFF_LOCKOUT_MINUTES)
AXES_LOCKOUT_PARAMETERS = ["ip_address", "username"]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "wizard.ratelimit.client_address"
AXES_LOCKOUT_CALLABLE = "wizard.views.staff.locked_out"

ROOT_URLCONF = "pestgesprek.urls"
WSGI_APPLICATION = "pestgesprek.wsgi.application"

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
                "wizard.context_processors.retention",
                "wizard.context_processors.languages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=60, conn_health_checks=True
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Saving a step reads and writes in one transaction: take the write lock at its start,
    # so concurrent saves wait their turn instead of failing with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"transaction_mode": "IMMEDIATE", "timeout": 20, "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "nl"
# Each language by its own name, as the language choice shows it. Dutch needs no URL prefix;
# the others live under /en/, /ar/, ... (pestgesprek/urls.py).
LANGUAGES = [
    ("nl", "Nederlands"),
    ("en", "English"),
    ("ar", "العربية"),
    ("tr", "Türkçe"),
    ("pl", "Polski"),
    ("uk", "Українська"),
]
LANGUAGE_COOKIE_NAME = "pestgesprek_taal"
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
# Support contacts' texts per language (wizard/translation.py); the fixture holds them all.
MODELTRANSLATION_DEFAULT_LANGUAGE = "nl"
MODELTRANSLATION_LANGUAGES = ("nl", "en", "ar", "tr", "pl", "uk")
MODELTRANSLATION_FALLBACK_LANGUAGES = ("nl",)
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [
    BASE_DIR / "static",
    # The fonts are installed from PyPI, not copied into the repo. Noto Sans covers Turkish's
    # İ and Ukrainian, Noto Sans Arabic the Arabic script (static/css/print.css).
    ("fonts", Path(fontpkg_atkinson_hyperlegible.__file__).parent / "files"),
    ("fonts/noto-sans", Path(fontpkg_noto_sans.__file__).parent / "files"),
    ("fonts/noto-sans-arabic", Path(fontpkg_noto_sans_arabic.__file__).parent / "files"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# The cache holds rate-limit counts, render locks and the last PDFs of each draft (never on
# disk). Embedded default: in the memory of each process. With REDIS_URL, one Redis shared by
# every worker and every app server, so limits and the PDF cache hold across all of them; it
# fails open (pestgesprek/cache.py) and gives up on a silent server after half a second.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    _redis = {
        "BACKEND": "pestgesprek.cache.FailOpenRedisCache",
        "LOCATION": REDIS_URL,
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
    }
    CACHES = {
        "default": {**_redis, "KEY_PREFIX": "pestgesprek"},
        "documents": {**_redis, "KEY_PREFIX": "pestgesprek-documents"},
    }
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pestgesprek"},
        "documents": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "pestgesprek-documents",
            # Bounded in entries here, and in bytes per PDF by PDF_CACHE_MAX_BYTES.
            "OPTIONS": {"MAX_ENTRIES": 64},
        },
    }

CRISPY_ALLOWED_TEMPLATE_PACKS = ["gds"]
CRISPY_TEMPLATE_PACK = "gds"

# A parent's answers are kept this long after the last change, then purged. With a follow-up
# date, at least FOLLOW_UP_KEEP_DAYS after it, but never more than DRAFT_MAX_RETENTION_DAYS
# after the last change (wizard/drafts.py keep_until).
DRAFT_RETENTION_DAYS = int(os.environ.get("DRAFT_RETENTION_DAYS", "30"))
FOLLOW_UP_KEEP_DAYS = int(os.environ.get("FOLLOW_UP_KEEP_DAYS", "14"))
DRAFT_MAX_RETENTION_DAYS = int(os.environ.get("DRAFT_MAX_RETENTION_DAYS", "120"))

# What one client may ask of the site: sizes, throttles and PDF render limits.
from .limits import *  # noqa: E402,F403

# The session holds only the draft's id. It outlives the draft by this many days, so a parent
# who returns just after the purge is told the answers were deleted, instead of finding
# an empty form without a word.
DRAFT_EXPIRED_NOTICE_DAYS = 7

# Sessions live in the database: the cookie holds only a random key, never answers.
SESSION_ENGINE = "wizard.sessions"
SESSION_COOKIE_AGE = (DRAFT_RETENTION_DAYS + DRAFT_EXPIRED_NOTICE_DAYS) * 24 * 60 * 60
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = not DEBUG and env_bool("SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
CSRF_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "wizard.views.csrf_failure"

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)

# Everything a page needs comes from our own origin: no inline code, no other sites.
# Our HTML has no inline scripts or style attributes; a test keeps it that way.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'none'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'"],
        "font-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
    }
}
# Browser features the site never uses, switched off for it and anything it might embed.
PERMISSIONS_POLICY = [
    "accelerometer", "camera", "display-capture", "geolocation", "gyroscope", "magnetometer",
    "microphone", "midi", "payment", "usb",
]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"one_line": {"()": "pestgesprek.middleware.OneLineSecurityLogs"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "console_one_line": {"class": "logging.StreamHandler", "filters": ["one_line"]},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    "loggers": {
        # WeasyPrint logs refused URLs; those could echo what a parent typed.
        "weasyprint": {"level": "ERROR", "handlers": ["console"], "propagate": False},
        # Django keeps its loggers at INFO already; these two are pinned so that no one
        # turns them up by accident. At DEBUG they log SQL with its parameters and each
        # missing template variable with the whole page context: both hold the answers.
        "django.db.backends": {"level": "INFO"},
        "django.template": {"level": "INFO"},
        # A refused request (too large, too many fields, a bad host name) is one line, not a traceback.
        "django.security": {"handlers": ["console_one_line"], "propagate": False},
    },
}
