"""Settings for the Innovation Alliance portal.

One module, driven by environment variables. With nothing set the portal runs on an
embedded default: a SQLite file, a local-memory cache and Celery running tasks in-process.
``DATABASE_URL`` switches to PostgreSQL, ``CELERY_BROKER_URL`` (or ``REDIS_URL``) to Redis.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

from alliance import countries as un_countries

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG")
DEVELOPMENT_SECRET_KEY = "insecure-development-key-never-use-in-production"
MIN_SECRET_KEY_LENGTH = 50  # as Django's deployment check (security.W009) asks
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise SystemExit(
            "alliance: DJANGO_SECRET_KEY is not set; set it (or DJANGO_DEBUG=1 for local development)."
        )
    SECRET_KEY = DEVELOPMENT_SECRET_KEY
elif not DEBUG and (len(SECRET_KEY) < MIN_SECRET_KEY_LENGTH or SECRET_KEY == DEVELOPMENT_SECRET_KEY):
    raise SystemExit(
        f"alliance: DJANGO_SECRET_KEY must be a random value of at least {MIN_SECRET_KEY_LENGTH} characters "
        "(python -c 'import secrets; print(secrets.token_urlsafe(50))')."
    )

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # modeltranslation must come before the admin to patch its forms.
    "modeltranslation",
    "alliance.admin_site.AllianceAdminConfig",  # the admin, its index grouped by vehicle
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_countries",
    "simple_history",
    "import_export",
    "axes",
    "csp",
    "django_celery_beat",
    # The staff's second factor: authenticator-app codes (TOTP) and single-use recovery codes.
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_otp_webauthn",
    "alliance",
    "alliance.reports",
    "alliance.notifications",
    # Django's widget templates, found by the project's form renderer (FORM_RENDERER below).
    "django.forms",
    "alliance.news",
    "centres",
    "board",
    "dtlab",
    "partnerships",
    "coordination",
]

MIDDLEWARE = [
    # Metrics by view wrap everything else (alliance.core.observability).
    "django_prometheus.middleware.PrometheusBeforeMiddleware",
    # First: drops X-Forwarded-* unless a trusted proxy sent them (before the HTTPS redirect).
    "alliance.core.middleware.TrustedProxyMiddleware",
    # Request ids on every log line and on the tasks a request queues.
    "alliance.core.middleware.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Before anything reads the body (CSRF reads the form); after Locale, for the 413 page.
    "alliance.core.middleware.RequestSizeLimitMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "alliance.second_factor.StaffSecondFactorMiddleware",
    # Permissions-Policy; no-store on what signed-in people see (reads request.user).
    "alliance.core.middleware.PrivacyHeadersMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Turns django-ratelimit's refusals into the 429 page (alliance.core.abuse.ratelimited).
    "django_ratelimit.middleware.RatelimitMiddleware",
    # Axes last: it reads the outcome of authentication.
    "axes.middleware.AxesMiddleware",
    "django_prometheus.middleware.PrometheusAfterMiddleware",
]

ROOT_URLCONF = "alliance.urls"
WSGI_APPLICATION = "alliance.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "alliance.context_processors.portal",
            ],
        },
    },
]

# Every form rendered as {{ form }} (or with includes/form.html) gets the project's template: an
# error summary linking each field, required fields marked and explained, errors described.
FORM_RENDERER = "alliance.forms.PortalFormRenderer"

# Connections are kept for DJANGO_CONN_MAX_AGE seconds and checked before reuse. Behind PgBouncer
# in transaction pooling (DJANGO_DB_TRANSACTION_POOLING=1, the web processes in docker-compose.yml)
# no cursor may outlive a transaction; session advisory locks (the report generation's) are taken
# only by workers, which connect to PostgreSQL directly.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if env_bool("DJANGO_DB_TRANSACTION_POOLING"):
    DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "alliance.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "after-login"
LOGOUT_REDIRECT_URL = "home"

# Staff reach nothing but the second-factor pages until they have entered a code (TOTP or a
# recovery code). Only `make run`'s demo may switch it off; production refuses to start so.
STAFF_SECOND_FACTOR = env_bool("ALLIANCE_STAFF_2FA", True)
if not STAFF_SECOND_FACTOR and not DEBUG:
    raise SystemExit("alliance: ALLIANCE_STAFF_2FA=0 is for the local demo only (with DJANGO_DEBUG=1).")
OTP_TOTP_ISSUER = "ITU Innovation Alliance"
# Passkeys and security keys (WebAuthn) as a second factor beside the authenticator app; never
# a way to sign in without the password. The relying party is the host the staff member is on
# (ALLOWED_HOSTS has vetted it) unless ALLIANCE_WEBAUTHN_RP_ID fixes it, e.g. "alliance.itu.int".
OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False
OTP_WEBAUTHN_RP_NAME = "ITU Innovation Alliance"
OTP_WEBAUTHN_RP_ID = os.environ.get("ALLIANCE_WEBAUTHN_RP_ID", "")
OTP_WEBAUTHN_RP_ID_CALLABLE = "" if OTP_WEBAUTHN_RP_ID else "alliance.second_factor.webauthn_rp_id"
OTP_WEBAUTHN_ALLOWED_ORIGINS = env_list("ALLIANCE_WEBAUTHN_ORIGINS")
OTP_WEBAUTHN_HELPER_CLASS = "alliance.second_factor.PortalWebAuthnHelper"
# Its check (otp_webauthn.E030, silenced below) wants a fixed list of origins; without one,
# PortalWebAuthnHelper accepts the origin of the request's own (ALLOWED_HOSTS-vetted) host and port.
# Secrets are never shown again in the admin, not even to superusers.
OTP_ADMIN_HIDE_SENSITIVE_DATA = True

# The reverse proxies (addresses or networks, e.g. "10.0.0.2,172.18.0.0/16") whose X-Forwarded-For
# and X-Forwarded-Proto are believed; anyone else's are dropped (alliance.core.middleware).
TRUSTED_PROXIES = env_list("DJANGO_TRUSTED_PROXIES")

# Failed-login lockout: five failures for one username from one client address (the proxy-aware
# one) lock that pair, not the account, for an hour (the locked-out page says so); BDT staff can
# unlock earlier by deleting the attempt in the admin (Axes > Access attempts).
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(hours=1)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "alliance.core.middleware.client_ip"

# Rate limits on the public forms, login and password reset (alliance/core/abuse.py), counted in the
# cache: Redis in production, shared by every process (the local-memory default counts per process).
RATELIMIT_ENABLE = env_bool("DJANGO_RATELIMIT_ENABLE", True)
RATELIMIT_VIEW = "alliance.core.abuse.ratelimited"
RATELIMIT_IP_META_KEY = "alliance.core.middleware.client_ip"
RATELIMIT_FAIL_OPEN = True  # with Redis down the forms stay open, as every page does
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True

# Internationalisation: the six UN languages on an equal footing.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("ar", "العربية"),
    ("zh-hans", "中文"),
    ("en", "English"),
    ("fr", "Français"),
    ("ru", "Русский"),
    ("es", "Español"),
]
LANGUAGES_BIDI = ["ar"]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "UTC"
USE_TZ = True
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_LANGUAGES = ("ar", "zh-hans", "en", "fr", "ru", "es")
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
# Countries under their UN names in the six languages (alliance/countries.py), not the ISO list.
COUNTRIES_OVERRIDE = un_countries.COUNTRIES_OVERRIDE
COUNTRIES_COMMON_NAMES = False
# One date format per language (alliance/formats/<language>/formats.py).
FORMAT_MODULE_PATH = ["alliance.formats"]

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))


def s3_storage(environ: dict[str, str]) -> dict:
    """The default storage on an S3-compatible bucket, from the AWS_* variables."""
    endpoint = environ.get("AWS_S3_ENDPOINT_URL") or None
    return {
        "BACKEND": "alliance.core.storage.PortalS3Storage",
        "OPTIONS": {
            "bucket_name": environ["AWS_STORAGE_BUCKET_NAME"],
            "endpoint_url": endpoint,
            "access_key": environ.get("AWS_ACCESS_KEY_ID") or None,
            "secret_key": environ.get("AWS_SECRET_ACCESS_KEY") or None,
            "region_name": environ.get("AWS_S3_REGION_NAME") or None,
            # MinIO and other stores on a host of their own answer at endpoint/bucket/key.
            "addressing_style": environ.get("AWS_S3_ADDRESSING_STYLE") or ("path" if endpoint else None),
        },
    }


# Media (uploads, generated reports): the local disk, or a bucket when several machines serve.
STORAGES = {
    # Uploads are stored under the extension their checked content calls for (alliance/core/media.py).
    "default": (s3_storage(dict(os.environ)) if os.environ.get("AWS_STORAGE_BUCKET_NAME")
                else {"BACKEND": "alliance.core.media.CheckedTypeStorage"}),
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if env_bool("DJANGO_MANIFEST_STATIC", not DEBUG)
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = not env_bool("DJANGO_MANIFEST_STATIC", not DEBUG)
# Uploads: documents up to 10 MB each (images 5 MB); form fields other than files up to 2.5 MB;
# a multipart request up to the application form's five documents and its fields. Bodies over
# these limits get 413 before they are read (alliance.core.middleware.RequestSizeLimitMiddleware).
MAX_UPLOAD_SIZE = 10 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024 // 2  # Django's default
DATA_UPLOAD_MAX_NUMBER_FILES = 10
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
MAX_REQUEST_SIZE = 5 * MAX_UPLOAD_SIZE + DATA_UPLOAD_MAX_MEMORY_SIZE

# Cache: Redis where configured, local memory in the embedded default.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    from alliance.core.cache import redis_cache_settings

    # django-redis, failing open (IGNORE_EXCEPTIONS): while Redis is down, pages come from the database.
    CACHES = {"default": redis_cache_settings(REDIS_URL), "ratelimit": redis_cache_settings(REDIS_URL)}
else:
    # The rate-limit counters must be shared by every process: in the database, not in local memory.
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
              "ratelimit": {"BACKEND": "alliance.core.cache.DatabaseCounterCache",
                            "LOCATION": "alliance_ratelimit_cache"}}
RATELIMIT_USE_CACHE = "ratelimit"

# Celery: with no broker configured, tasks run in-process (eagerly).
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL") or REDIS_URL
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_IGNORE_RESULT = True
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_VISIBILITY_TIMEOUT = int(os.environ.get("CELERY_VISIBILITY_TIMEOUT", "3600"))
CELERY_BROKER_TRANSPORT_OPTIONS = {
    # With acks_late, a message taken by a worker that died is delivered again after this...
    "visibility_timeout": CELERY_VISIBILITY_TIMEOUT,
    # ...as soon as a worker's sweep finds it: sweep every tenth of that time (kombu's default
    # of 10 s x a throttle of 10 would leave it waiting up to 100 s more).
    "unacked_restore_interval": max(1, min(60, CELERY_VISIBILITY_TIMEOUT // 10)),
    "unacked_restore_throttle": 1,
}
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
CELERY_TIMEZONE = TIME_ZONE

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "alliance.api_tokens.HashedTokenAuthentication",  # keys stored as SHA-256 digests only
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticatedOrReadOnly"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    # API writes per account (or address); reads are not throttled (alliance/core/abuse.py).
    "DEFAULT_THROTTLE_CLASSES": ["alliance.core.abuse.WriteRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"write": os.environ.get("DJANGO_API_WRITE_RATE", "60/min")},
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Innovation Alliance portal API",
    "DESCRIPTION": "Data of ITU's Innovation and Entrepreneurship Alliance for Digital Development.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # The error answers (400/401/403/404) each operation can give, which the default leaves out.
    "POSTPROCESSING_HOOKS": ["drf_spectacular.hooks.postprocess_schema_enums",
                             "alliance.core.api_schema.document_error_responses"],
    # Distinct names for choice sets whose field names collide across apps.
    "ENUM_NAME_OVERRIDES": {
        "RecommendationStatusEnum": "board.models.Recommendation.Status",
        "RecommendationKindEnum": "board.models.Recommendation.Kind",
        "MeetingDocumentKindEnum": "board.models.MeetingDocument.Kind",
        "ReportKindEnum": "alliance.reports.registry.ReportKind",
        "ReportStatusEnum": "alliance.reports.models.ReportStatus",
    },
}

EMAIL_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_FILE_PATH = os.environ.get("DJANGO_EMAIL_FILE_PATH", str(BASE_DIR / "sent-mail"))
EMAIL_HOST = os.environ.get("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("DJANGO_EMAIL_PORT", "25"))
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "innovation-alliance@itu.int")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
ALLIANCE_CONTACT_EMAIL = os.environ.get("ALLIANCE_CONTACT_EMAIL", "innovation-alliance@itu.int")
# Where the portal is served (e.g. https://alliance.itu.int): the one address of the absolute links
# in PDFs and e-mails (alliance.core.links.absolute_url), never the Host a request named. Empty
# gives site-relative links; `make run` sets it to the address it serves on.
PORTAL_BASE_URL = os.environ.get("DJANGO_PORTAL_BASE_URL", "").rstrip("/")

# Security headers. HTTPS-only settings are switched on by DJANGO_HTTPS (production).
HTTPS = env_bool("DJANGO_HTTPS")
SECURE_SSL_REDIRECT = HTTPS
# Probed over plain HTTP inside the deployment (healthchecks, the proxy, Prometheus).
SECURE_REDIRECT_EXEMPT = [r"^livez$", r"^readyz$", r"^healthz$", r"^metrics$"]
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = 31536000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
# Believed only from TRUSTED_PROXIES: TrustedProxyMiddleware drops the header from anyone else.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if HTTPS and TRUSTED_PROXIES else None
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}
SILENCED_SYSTEM_CHECKS: list[str] = [] if OTP_WEBAUTHN_ALLOWED_ORIGINS else ["otp_webauthn.E030"]

# Importing rows asks for the model's "add" permission and exporting for "view", like the admin's
# own pages: staff status alone opens neither (django-import-export asks none unless told).
IMPORT_EXPORT_IMPORT_PERMISSION_CODE = "add"
IMPORT_EXPORT_EXPORT_PERMISSION_CODE = "view"

# The admin exports CSV and XLSX only, with spreadsheet formulas neutralised
# (alliance/core/export_formats.py).
from alliance.core import export_formats as _exports  # noqa: E402 (format classes, as django-import-export wants)

EXPORT_FORMATS = _exports.EXPORT_FORMATS

# Logs: one JSON object per line (``DJANGO_LOG_FORMAT=json``, the default outside DEBUG), each
# with the request id of the request, or of the request that queued the task (Celery workers
# and beat log through this configuration too, see alliance.celery).
LOG_FORMAT = os.environ.get("DJANGO_LOG_FORMAT") or ("text" if DEBUG else "json")
# A line per task received and succeeded: off outside DEBUG, on with CELERY_TASK_LOG_LEVEL=INFO
# (when following one task through a worker; the service tests read these lines).
TASK_LOG_LEVEL = os.environ.get("CELERY_TASK_LOG_LEVEL") or ("INFO" if DEBUG else "WARNING")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "alliance.core.observability.RequestIdFilter"}},
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s %(process)d",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["request_id"],
                             "formatter": LOG_FORMAT}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    # Quiet: each warning and error once (through the root's handler only: Django's own console
    # handler on "django" is dropped), and no routine lines at INFO outside DEBUG: no SQL, no
    # "AXES: BEGIN…" at every command, no line per task received or succeeded (failures stay
    # ERROR), WeasyPrint only when a PDF has a problem.
    "loggers": {
        "django": {"handlers": [], "level": "INFO", "propagate": True},
        "django.db.backends": {"level": "INFO"},
        "axes": {"level": "INFO" if DEBUG else "WARNING"},
        "celery.app.trace": {"level": TASK_LOG_LEVEL},
        "celery.worker.strategy": {"level": TASK_LOG_LEVEL},
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

# Metrics (/metrics, alliance.core.metrics): from loopback without a proxy in between, or with this
# token as "Authorization: Bearer <token>".
METRICS_TOKEN = os.environ.get("METRICS_TOKEN", "")
# The release in ETags, cache keys and error reports (alliance.core.freshness.code_token).
ALLIANCE_RELEASE = os.environ.get("ALLIANCE_RELEASE", "")
SENTRY_DSN = os.environ.get("SENTRY_DSN", "")
if SENTRY_DSN:
    from alliance.core.observability import init_sentry

    init_sentry(SENTRY_DSN, release=ALLIANCE_RELEASE, environment=os.environ.get("SENTRY_ENVIRONMENT", ""))

ADMIN_SITE_HEADER = _("Innovation Alliance portal")

# The explorer's downloads (partnerships.views.CompilationDataView) stream the selection in chunks;
# a selection above this many pledges is refused with a message to narrow it, so that one
# visitor's download stays well within a web worker's time (gunicorn's timeout).
P2C_DOWNLOAD_MAX_PLEDGES = int(os.environ.get("P2C_DOWNLOAD_MAX_PLEDGES", "20000"))
# The PDF compilation of the explorer's selection (a worker lays it out) holds at most this many
# pledges; a larger selection is asked to be narrowed, or downloaded as a spreadsheet.
P2C_COMPILATION_MAX_PLEDGES = int(os.environ.get("P2C_COMPILATION_MAX_PLEDGES", "2000"))
