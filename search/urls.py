from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

# Translated path: /de/suche/ and /en/search/, so the language switcher's translate_url()
# leads from one to the other.
urlpatterns = [path(_("search/"), views.search, name="site_search")]
