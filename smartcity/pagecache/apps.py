from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PageCacheConfig(AppConfig):
    name = "smartcity.pagecache"
    label = "pagecache"
    verbose_name = _("Page cache")

    def ready(self):
        from smartcity import request_memo

        from . import routes, signals

        signals.connect()
        request_memo.install()
        routes.install()
