from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    label = "news"
    verbose_name = _("News")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from home import related
        from news.models import NewsIndexPage
        from news.related import latest_news_for_chapter
        from news.signals import put_new_index_under_review

        related.register(latest_news_for_chapter)
        post_save.connect(
            put_new_index_under_review,
            sender=NewsIndexPage,
            dispatch_uid="news_index_under_review",
        )
