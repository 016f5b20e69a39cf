"""Settings for E-Learniverse, read once from the environment.

With no environment at all the project runs in development mode: SQLite in the
project folder, a development secret key and Celery on the filesystem
transport. ``DJANGO_ENV=production`` turns on the production checks and
refuses to start without a real ``SECRET_KEY``.
"""

from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured

from django_docker_project.logformat import LOG_FORMAT

BASE_DIR = Path(__file__).resolve().parent.parent
DEV_SECRET_KEY = "django-insecure-development-key-do-not-use-in-production"

# Settings come from the process environment only. The .env file at the root
# belongs to docker-compose, which hands its values to the containers; reading
# it here too would put every local command in the stack's production mode.
env = environ.Env()

DJANGO_ENV = env.str("DJANGO_ENV", default="development")
if DJANGO_ENV not in {"development", "production"}:
    raise ImproperlyConfigured(
        f"DJANGO_ENV must be 'development' or 'production', not {DJANGO_ENV!r}."
    )
PRODUCTION = DJANGO_ENV == "production"

DEBUG = env.bool("DEBUG", default=not PRODUCTION)
SECRET_KEY = env.str("SECRET_KEY", default=DEV_SECRET_KEY)
if PRODUCTION and (SECRET_KEY == DEV_SECRET_KEY or len(SECRET_KEY) < 50):
    raise ImproperlyConfigured(
        "Production needs SECRET_KEY: at least 50 random characters, "
        "not the development key."
    )

ALLOWED_HOSTS = env.list(
    "ALLOWED_HOSTS",
    default=[] if PRODUCTION else ["localhost", "127.0.0.1", "[::1]", "0.0.0.0"],
)
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_celery_beat",
    "django_docker_project.journal",
    "lessons.lesson01_views",
    "lessons.lesson02_orm",
    "lessons.lesson03_celery",
    "lessons.lesson04_gunicorn",
    "lessons.lesson05_rest_api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "lessons.lesson01_views.middleware.RequestTimingMiddleware",
]

ROOT_URLCONF = "django_docker_project.urls"
WSGI_APPLICATION = "django_docker_project.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django_docker_project.journal.context_processors.lessons",
            ],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://e-learniverse")}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"django.contrib.auth.password_validation.{name}"}
    for name in (
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    )
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
# Outside production the files are served from the apps' folders, so that
# gunicorn serves the journal with its styles before any collectstatic.
WHITENOISE_USE_FINDERS = not PRODUCTION
WHITENOISE_AUTOREFRESH = DEBUG

EMAIL_BACKEND = env.str(
    "EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="journal@e-learniverse.test")

# Where the lesson runner records each lesson's last test run.
LESSON_PROGRESS_FILE = Path(
    env.str("LESSON_PROGRESS_FILE", default=str(BASE_DIR / ".lesson-progress.json"))
)
NOTES_DIR = BASE_DIR / "notes"

# Security: strict in production, where a proxy terminates TLS.
if PRODUCTION:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

# Django REST framework, used from lesson 01 on and in full by lesson 05.
# Throttle counters live in the default cache. NUM_PROXIES=0 keys anonymous
# clients by REMOTE_ADDR, so a forged X-Forwarded-For buys no fresh budget;
# behind N trusted proxies set API_NUM_PROXIES=N.
# region: rest-framework
REST_FRAMEWORK = {
    # drf-spectacular's AutoSchema, plus the error responses of each operation.
    "DEFAULT_SCHEMA_CLASS": "lessons.lesson05_rest_api.schema.ApiAutoSchema",
    # Token first: DRF answers an anonymous request with the first class's
    # challenge, so a client gets 401 and WWW-Authenticate, not a bare 403.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": [
        "rest_framework.permissions.IsAuthenticatedOrReadOnly",
    ],
    "DEFAULT_THROTTLE_CLASSES": [
        "lessons.lesson05_rest_api.throttling.AnonThrottle",
        "lessons.lesson05_rest_api.throttling.UserThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env.str("API_THROTTLE_ANON", default="100/minute"),
        "user": env.str("API_THROTTLE_USER", default="1000/minute"),
        "credentials": env.str("API_THROTTLE_CREDENTIALS", default="10/minute"),
    },
    "NUM_PROXIES": env.int("API_NUM_PROXIES", default=0),
    "DEFAULT_PAGINATION_CLASS": (
        "lessons.lesson05_rest_api.pagination.PageNumberWithSizePagination"
    ),
    "PAGE_SIZE": 20,
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}
# endregion: rest-framework
SPECTACULAR_SETTINGS = {
    "TITLE": "E-Learniverse API",
    "DESCRIPTION": (
        "Browse the catalogue, enrol, record progress, get certificates.\n\n"
        "1. `POST /api/auth/register/` (or `/api/auth/login/`) returns a token; "
        "send it on every request as `Authorization: Token <token>`.\n"
        "2. `GET /api/courses/` and `GET /api/courses/{slug}/` list the courses "
        "and a course's chapters.\n"
        '3. `POST /api/enrollments/` with `{"course": slug}` enrols.\n'
        '4. `POST /api/progress/` with `{"course": slug, "chapter": id}` '
        "records a chapter; the last one queues the certificate.\n"
        "5. `GET /api/certificates/` lists the certificates once issued.\n\n"
        "Errors: 400 names each wrong field; 401 means no or a bad token; "
        "404 also hides other learners' records; 429 carries `Retry-After`."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/",
    "PREPROCESSING_HOOKS": ["lessons.lesson05_rest_api.schema.only_api_endpoints"],
    # Separate request and response components, so a client sees which
    # fields it sends and which it only reads.
    "COMPONENT_SPLIT_REQUEST": True,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "SWAGGER_UI_SETTINGS": {"persistAuthorization": True},
    "REDOC_DIST": "SIDECAR",
}

# Celery: the broker comes from the environment. With none set, kombu's
# filesystem transport keeps messages in a folder, so a worker and Beat run
# with no server to install. The folders are created when the Celery app is
# configured (django_docker_project/celery.py).
# region: celery-broker
CELERY_DATA_DIR = Path(env.str("CELERY_DATA_DIR", default=str(BASE_DIR / ".celery")))
REDIS_URL = env.str("REDIS_URL", default="")
CELERY_BROKER_URL = env.str(
    "CELERY_BROKER_URL", default=REDIS_URL or "filesystem://localhost/"
)
CELERY_RESULT_BACKEND = env.str(
    "CELERY_RESULT_BACKEND",
    default=REDIS_URL or f"file://{CELERY_DATA_DIR / 'results'}",
)
if CELERY_BROKER_URL.startswith("filesystem://"):
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(CELERY_DATA_DIR / "queue"),
        "data_folder_out": str(CELERY_DATA_DIR / "queue"),
        "processed_folder": str(CELERY_DATA_DIR / "processed"),
        "control_folder": str(CELERY_DATA_DIR / "control"),
        "store_processed": False,
        # A folder cannot wake a waiting worker: it is listed this often.
        "polling_interval": env.float("CELERY_POLLING_INTERVAL", default=0.2),
    }
else:
    # Redis gives a message that is not acknowledged within the visibility
    # timeout to another worker: a task longer than it, or an ETA further
    # away than it, runs twice. Workers look for such messages every
    # restore interval (the throttle of 1 makes every look a real scan).
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=3600),
        "unacked_restore_interval": env.int("CELERY_RESTORE_INTERVAL", default=10),
        "unacked_restore_throttle": 1,
        # Lets several projects, or test runs, share one Redis database.
        "global_keyprefix": env.str("CELERY_BROKER_KEY_PREFIX", default=""),
    }
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# endregion: celery-broker
# region: celery-queues
CELERY_TASK_DEFAULT_QUEUE = "e_learniverse_default_queue"
CELERY_TASK_QUEUES = {
    name: {"exchange": name, "routing_key": name}
    for name in ("e_learniverse_default_queue", "custom_queue")
}
CELERY_TASK_ROUTES = {
    "lessons.lesson03_celery.tasks.course_report_build": {"queue": "custom_queue"},
}
# Each worker process reserves one unacknowledged message. For an acks_late
# task that is the one it runs, so no message waits behind a long task.
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TRACK_STARTED = True
# Results carry the task's name, queue and worker, which the lesson page shows.
CELERY_RESULT_EXTENDED = True
CELERY_RESULT_EXPIRES = 24 * 3600
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
# endregion: celery-queues
CELERY_TIMEZONE = TIME_ZONE
DIGEST_BATCH_SIZE = env.int("DIGEST_BATCH_SIZE", default=200)

LOG_LEVEL = env.str("LOG_LEVEL", default="INFO")
# LOG_FORMAT comes from logformat.py, which gunicorn.conf.py reads too.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"standard": {"format": LOG_FORMAT}},
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "standard",
        }
    },
    "root": {"handlers": ["stdout"], "level": LOG_LEVEL},
    "loggers": {
        "django": {"handlers": ["stdout"], "level": LOG_LEVEL, "propagate": False},
        "celery": {"handlers": ["stdout"], "level": LOG_LEVEL, "propagate": False},
        "gunicorn.error": {"level": LOG_LEVEL},
    },
}

# ``manage.py test`` runs the pytest suite.
TEST_RUNNER = "django_docker_project.test_runner.PytestTestRunner"
