from django.db.models import Q
from django.http import HttpResponse, HttpResponseServerError
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap
from wagtail.models import Page


def server_error(request):
    """Render the translated 500 page from a template that needs no database."""
    return HttpResponseServerError(render_to_string("500.html", request=None))


@require_GET
@cache_control(max_age=60 * 60 * 24, public=True)
def robots_txt(request):
    sitemap_url = request.build_absolute_uri(reverse("sitemap"))
    lines = ["User-agent: *", "Disallow: /admin/", f"Sitemap: {sitemap_url}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


class LocalizedSitemap(Sitemap):
    """Every live page in every language, each with hreflang alternates for its translations.

    Wagtail's own sitemap lists only the descendants of the site's root page, which here is
    the German home page: the English tree, a sibling of it, would be missing.
    """

    def items(self):
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_any_language = Q()
        for root in roots:
            in_any_language |= Q(path__startswith=root.path)
        return (
            Page.objects.filter(in_any_language)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        translations = {}
        for translation in (
            Page.objects.live()
            .public()
            .filter(translation_key__in={p.translation_key for p in pages})
            .select_related("locale")
            .order_by("locale__language_code")
        ):
            translations.setdefault(translation.translation_key, []).append(translation)
        urls = []
        for item in pages:
            versions = translations.get(item.translation_key, [])
            alternates = [
                {"lang_code": v.locale.language_code, "location": v.get_full_url(self.request)}
                for v in versions
            ]
            for url_info in item.get_sitemap_urls(self.request):
                if len(alternates) > 1:
                    url_info.setdefault("alternates", alternates)
                urls.append(url_info)
        last_mods = {url_info.get("lastmod") for url_info in urls}
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls


@require_GET
@cache_control(max_age=60 * 60, public=True)
def sitemap(request):
    return wagtail_sitemap(request, sitemaps={"pages": LocalizedSitemap(request)})
