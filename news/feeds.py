"""RSS 2.0 and Atom feeds of one news index (one language), optionally of one topic."""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from news.models import NewsIndexPage, NewsPage, Topic

FEED_LENGTH = 20


class NewsRssFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, index: NewsIndexPage, topic=None):
        self.index = index
        self.topic = topic
        self.language = index.locale.language_code

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.index

    def title(self, index):
        if self.topic is not None:
            return _("%(index)s: %(topic)s – Smart City Jena") % {
                "index": index.title,
                "topic": index.topic_label(self.topic),
            }
        return _("%(index)s – Smart City Jena") % {"index": index.title}

    def link(self, index):
        return index.get_url(self.request)

    def description(self, index):
        return index.intro or _("News from the Smart City project of the City of Jena.")

    subtitle = description

    def items(self, index):
        news = list(
            index.news(self.topic)
            .select_related("locale")
            .prefetch_related("tagged_items__tag")[:FEED_LENGTH]
        )
        tags = {item.tag for page in news for item in page.tagged_items.all()}
        self.labels = Topic.labels(tags, index.locale)
        return news

    def item_title(self, item: NewsPage):
        return item.title

    def item_description(self, item: NewsPage):
        return item.lead

    def item_link(self, item: NewsPage):
        return item.get_url(self.request)

    def item_guid(self, item: NewsPage):
        return item.feed_guid

    item_guid_is_permalink = False

    def item_pubdate(self, item: NewsPage):
        midnight = datetime.time(tzinfo=timezone.get_current_timezone())
        return datetime.datetime.combine(item.date, midnight)

    def item_updateddate(self, item: NewsPage):
        return item.last_published_at or self.item_pubdate(item)

    def item_categories(self, item: NewsPage):
        return [self.labels[tagged.tag_id] for tagged in item.tagged_items.all()]


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed
