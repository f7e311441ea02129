import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "smartcity.settings.production")

from smartcity.pagecache import serve_hits  # noqa: E402 (needs the settings module named)

application = serve_hits(get_wsgi_application())
