"""The ceiling for bench/load.py: a minimal Django app with no middleware answering "ok",
served by the same gunicorn (``gunicorn -c gunicorn.conf.py bare_wsgi:application``)."""

from django.conf import settings
from django.http import HttpResponse
from django.urls import path

settings.configure(DEBUG=False, SECRET_KEY="bench-bare-view", ALLOWED_HOSTS=["*"],
                   ROOT_URLCONF=__name__, MIDDLEWARE=[], INSTALLED_APPS=[])


def ok(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("", ok)]

from django.core.wsgi import get_wsgi_application  # noqa: E402

application = get_wsgi_application()
