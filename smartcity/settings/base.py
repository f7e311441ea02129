"""Settings shared by every environment; the overlays (dev, test, production) change little.

Configuration comes from the environment (12-factor): DATABASE_URL, REDIS_URL,
ELASTICSEARCH_URL, EMAIL_URL, SECRET_KEY, ALLOWED_HOSTS. Without them the site runs on
SQLite, Wagtail's database search backend and a local-memory cache.
"""

import datetime
from pathlib import Path

import environ
from django.utils.translation import gettext_lazy as _

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

env = environ.Env()

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env.str("SECRET_KEY", default="")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "home",
    "strategy",
    "news",
    "events",
    "search",
    "participation",
    "editorial",
    "smartcity.pagecache",
    "django_tasks_db",
    "smartcity.operations",
    "allauth",
    "allauth.account",
    "axes",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.redirects",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.settings",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
]

MIDDLEWARE = [
    # Outermost: an entry is the response as it finally left (security headers, CSP), and a
    # cached page is answered before sessions, CSRF and authentication.
    "smartcity.pagecache.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "smartcity.request_memo.RequestMemoMiddleware",
    "smartcity.middleware.CacheOutageMiddleware",
    "csp.middleware.CSPMiddleware",
    "smartcity.middleware.RequestBodyLimitMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last: locks the admin (and citizen) log-in after repeated failures.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "smartcity.urls"
WSGI_APPLICATION = "smartcity.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "smartcity.pagecache.context_processor",
            ],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0)
# A persistent connection that PostgreSQL closed (restart, pg_terminate_backend) is noticed
# before the next request uses it and replaced: servers recover without a restart.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env.str("REDIS_URL", default="")
# Without an answer from Redis within these seconds the request goes on without the cache.
REDIS_OPTIONS = {"socket_connect_timeout": env.float("REDIS_CONNECT_TIMEOUT", default=0.5),
                 "socket_timeout": env.float("REDIS_TIMEOUT", default=0.5)}
if REDIS_URL:
    CACHES = {
        # Pages, fragments, renditions, site root paths: a miss when Redis is down.
        "default": {
            "BACKEND": "smartcity.cache.TolerantRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env.str("CACHE_KEY_PREFIX", default="smartcity"),
            "OPTIONS": REDIS_OPTIONS,
        },
        # Rate limits and log-in lockouts: an error when Redis is down (never silently off).
        "ratelimit": {
            "BACKEND": "smartcity.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env.str("CACHE_KEY_PREFIX", default="smartcity"),
            "OPTIONS": REDIS_OPTIONS,
        },
    }
    RATELIMIT_CACHE = "ratelimit"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    RATELIMIT_CACHE = "default"
    # One process, one local cache: django-axes counts correctly there (production has Redis).
    SILENCED_SYSTEM_CHECKS = ["axes.W001"]

# The anonymous page cache (smartcity/pagecache/): on in production, off elsewhere unless set.
PAGE_CACHE_ENABLED = env.bool("PAGE_CACHE_ENABLED", default=False)
PAGE_CACHE_TIMEOUT = env.int("PAGE_CACHE_TIMEOUT", default=600)

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="smartcity@jena.example")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses a locked-out login at once
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

# Citizens' accounts (django-allauth): e-mail and password, a verified address before taking
# part, logout by POST only. Staff keep logging in to the Wagtail admin at /admin/.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "participation.accounts.SignupForm"
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True  # in the browser that signed up: straight in
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Smart City Jena] "
ACCOUNT_EMAIL_NOTIFICATIONS = True  # mails on password and address changes
ACCOUNT_ADAPTER = "smartcity.accounts.AccountAdapter"
ACCOUNT_DEFAULT_HTTP_PROTOCOL = env.str("ACCOUNT_DEFAULT_HTTP_PROTOCOL", default="https")
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"

# Failed log-ins (Wagtail admin and citizens) lock the account name and, separately, the
# address for 30 minutes after five failures (django-axes). Counted in the shared cache, never
# in the database, so no address is stored; unlock with `manage.py axes_reset_username NAME`
# or `axes_reset_ip ADDRESS` (or wait). Behind a proxy, name the header that carries the
# client's address in AXES_IPWARE_META_PRECEDENCE_ORDER (a spoofable X-Forwarded-For is not
# trusted by default).
AXES_HANDLER = "axes.handlers.cache.AxesCacheHandler"
AXES_CACHE = RATELIMIT_CACHE
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = datetime.timedelta(minutes=30)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_USERNAME_CALLABLE = "smartcity.accounts.login_name"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "429.html"
AXES_IPWARE_META_PRECEDENCE_ORDER = env.list("AXES_IPWARE_META_PRECEDENCE_ORDER",
                                             default=["REMOTE_ADDR"])

# A strict Content-Security-Policy on every public page: only the site's own scripts, styles,
# images and fonts; no inline script or style. The Wagtail admin is excluded, because
# wagtail-localize's translation editor needs inline code (it sets no policy of its own).
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    },
}

# Uploads: images only in formats a browser shows as images (no SVG), with size and pixel
# limits; documents are always downloaded as attachments, never shown inline.
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "gif", "avif"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440  # Django's default, stated: bigger bodies get a 400

# "Translate" creates the English copy as a draft even when the German page is live: otherwise
# English readers would see the German text at once, before anyone translated or reviewed it.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# Machine translation is off unless a DeepL key is configured (wagtail-localize's DeepL
# translator then offers a "Translate with DeepL" button in the translation editor).
DEEPL_API_KEY = env.str("DEEPL_API_KEY", default="")
if DEEPL_API_KEY:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": DEEPL_API_KEY},
    }

# Participation: rate limits on the shared cache (django-ratelimit); names citizens may not take.
RATELIMIT_USE_CACHE = RATELIMIT_CACHE
PARTICIPATION_RESERVED_NAMES = ["Stadt Jena", "City of Jena", "Moderation", "Administrator"]
PARTICIPATION_RULES_URL = "home.links.netiquette_url"
PARTICIPATION_MODERATION_CONTACT = env.str("PARTICIPATION_MODERATION_CONTACT",
                                           default="beteiligung@jena.example")

# Languages: German is the source language, English its translation.
LANGUAGE_CODE = "de"
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = WAGTAILADMIN_PERMITTED_LANGUAGES = [
    ("de", _("German")),
    ("en", _("English")),
]
# In a checkout the catalogues and the site's static files sit at the top (locale/, static/); an
# installed wheel carries them inside this package (see setup.py).
SITE_FILES_DIR = PROJECT_DIR if (PROJECT_DIR / "locale").is_dir() else BASE_DIR
LOCALE_PATHS = [SITE_FILES_DIR / "locale"]
USE_I18N = True
WAGTAIL_I18N_ENABLED = True
TIME_ZONE = "Europe/Berlin"
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [SITE_FILES_DIR / "static"]
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATIC_URL = "/static/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "Smart City Jena"
WAGTAILADMIN_BASE_URL = env.str("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
WAGTAILIMAGES_IMAGE_MODEL = "home.SiteImage"
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"avif": "avif", "webp": "webp", "gif": "gif", "bmp": "jpeg"}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
# No request to another host: no update check, no Gravatar.
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Language-aware subclasses of Wagtail's backends (search/backends/): German content is
# analysed as German, English as English; see the search section of the README.
ELASTICSEARCH_URL = env.str("ELASTICSEARCH_URL", default="")
if ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.elasticsearch",
            "URLS": [ELASTICSEARCH_URL],
            # modelsearch keeps one index per base model: <prefix>_wagtailcore_page, ...
            "INDEX_PREFIX": env.str("ELASTICSEARCH_INDEX", default="smartcity") + "_",
            "TIMEOUT": 10,
        }
    }
else:
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.database"}}

# Background work (notification e-mails, search-index updates, exports) goes through Django's
# task framework. TASKS_BACKEND=database queues it in PostgreSQL (django-tasks-db), run by
# `manage.py db_worker`; without it tasks run at once inside the request (development).
if env.str("TASKS_BACKEND", default="immediate") == "database":
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
else:
    TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
}
