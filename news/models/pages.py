import datetime
import uuid
from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db import models
from django.http import Http404
from django.utils.functional import SimpleLazyObject
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import StreamField
from wagtail.images import get_image_model, get_image_model_string
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.models import ImageAltTextMixin
from news.blocks import NewsStreamBlock
from news.forms import NewsFilterForm
from strategy.relations import RelatedChaptersMixin

from .snippets import Topic


@dataclass(frozen=True)
class TopicChoice:
    slug: str
    label: str


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "news.NewsPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class NewsPageQuerySet(PageQuerySet):
    def for_cards(self):
        """Live, public, newest first, with the image renditions fetched in one query."""
        return (
            self.live()
            .public()
            .prefetch_related(
                models.Prefetch(
                    "main_image", queryset=get_image_model().objects.prefetch_renditions()
                )
            )
            .order_by("-date", "-first_published_at", "-pk")
        )


NewsPageManager = PageManager.from_queryset(NewsPageQuerySet)


class NewsIndexPage(RoutablePageMixin, Page):
    """The news of one language: listing, topic filter and feeds."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsPage"]
    max_count_per_parent = 1

    per_page = 10
    query_form = NewsFilterForm

    class Meta:
        verbose_name = _("news index")

    def news(self, topic: Tag | None = None):
        """Live news below this index, newest first, ready for cards (no query per item)."""
        news = NewsPage.objects.child_of(self).filter(locale_id=self.locale_id).for_cards()
        if topic is not None:
            news = news.filter(tagged_items__tag=topic)
        return news

    def topics(self) -> list[TopicChoice]:
        """The topics of this index's live news, labelled in its language."""
        tags = Tag.objects.filter(
            news_newspagetag_items__content_object__in=self.news().values("pk")
        ).distinct().order_by("name")
        labels = Topic.labels(tags, self.locale)
        return sorted(
            (TopicChoice(tag.slug, labels[tag.pk]) for tag in tags), key=lambda t: t.label.lower()
        )

    def topic_for(self, slug: str | None) -> Tag | None:
        """The tag a ``topic`` parameter names; Http404 for one that does not exist."""
        form = self.query_form({"topic": slug or ""})
        if not form.is_valid():
            raise Http404(_("There is no such topic."))
        return form.cleaned_data["topic"]

    def topic_label(self, tag: Tag) -> str:
        return Topic.labels([tag], self.locale)[tag.pk]

    def feed_urls(self, tag: Tag | None = None) -> dict[str, str]:
        args = [tag.slug] if tag else []
        suffix = "_topic" if tag else ""
        return {
            kind: self.url + self.reverse_subpage(f"feed_{kind}{suffix}", args=args)
            for kind in ("rss", "atom")
        }

    @path("")
    def index_route(self, request):
        form = self.query_form(request.GET)
        if not form.is_valid():
            response = self.render(request, context_overrides={"unknown_topic": True})
            response.status_code = 404
            return response
        topic = form.cleaned_data["topic"]
        paginator = Paginator(self.news(topic), self.per_page)
        page_obj = paginator.get_page(request.GET.get("page"))
        return self.render(
            request,
            context_overrides={
                "news": page_obj.object_list,
                "page_obj": page_obj,
                # read only when the listing's fragment is not in the cache
                "topics": SimpleLazyObject(self.topics),
                "topic": topic,
                "topic_label": self.topic_label(topic) if topic else "",
                "query": urlencode({"topic": topic.slug}) if topic else "",
                "feeds": self.feed_urls(topic),
            },
        )

    @path("feed/rss/", name="feed_rss")
    def feed_rss(self, request):
        from news.feeds import NewsRssFeed

        return NewsRssFeed(self)(request)

    @path("feed/atom/", name="feed_atom")
    def feed_atom(self, request):
        from news.feeds import NewsAtomFeed

        return NewsAtomFeed(self)(request)

    @re_path(r"^feed/rss/(?P<topic>[-\w]+)/$", name="feed_rss_topic")
    def feed_rss_topic(self, request, topic):
        from news.feeds import NewsRssFeed

        return NewsRssFeed(self, self.topic_for(topic))(request)

    @re_path(r"^feed/atom/(?P<topic>[-\w]+)/$", name="feed_atom_topic")
    def feed_atom_topic(self, request, topic):
        from news.feeds import NewsAtomFeed

        return NewsAtomFeed(self, self.topic_for(topic))(request)


class NewsPage(ImageAltTextMixin, RelatedChaptersMixin, Page):
    """One story. The German copy is the source; the English one is made with wagtail-localize."""

    date = models.DateField(_("publication date"), default=datetime.date.today)
    lead = models.TextField(
        _("lead"), max_length=600, help_text=_("Two or three sentences; shown on teaser cards.")
    )
    main_image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("main image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    main_image_alt_text = models.CharField(
        _("alternative text"),
        max_length=255,
        blank=True,
        help_text=_(
            "Filled in with the image's alternative text, to adapt to this story and to "
            "translate. Choosing another image replaces it unless you change it as well."
        ),
    )
    main_image_caption = models.CharField(_("caption"), max_length=300, blank=True)
    main_image_credit = models.CharField(
        _("credit"),
        max_length=255,
        blank=True,
        help_text=_("Leave empty to use the credit stored with the image."),
    )
    body = StreamField(NewsStreamBlock(), verbose_name=_("body"), blank=True)
    tags = ClusterTaggableManager(
        through=NewsPageTag, blank=True, verbose_name=_("topics"),
        help_text=_("The same topics apply to every language of the story."),
    )
    related_chapters = ParentalManyToManyField(
        "strategy.StrategyChapterPage",
        verbose_name=_("related strategy chapters"),
        blank=True,
        related_name="news_pages",
    )
    press_contact = models.ForeignKey(
        "news.PressContact",
        verbose_name=_("press contact"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("lead"),
        MultiFieldPanel(
            [
                FieldPanel("main_image"),
                FieldPanel("main_image_alt_text"),
                FieldPanel("main_image_caption"),
                FieldPanel("main_image_credit"),
            ],
            heading=_("Main image"),
        ),
        FieldPanel("body"),
        FieldPanel("tags"),
        FieldPanel("related_chapters"),
        FieldPanel("press_contact"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("lead"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    # Date, image and topics are the same story in every language; related chapters are
    # mirrored from the German page (RelatedChaptersMixin).
    override_translatable_fields = [
        SynchronizedField("date", overridable=False),
        SynchronizedField("main_image", overridable=False),
        SynchronizedField("related_chapters", overridable=False),
    ]

    objects = NewsPageManager()
    image_alt_text_fields = {"main_image": "main_image_alt_text"}

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")

    def search_result_date(self):
        return self.date

    @property
    def feed_guid(self) -> str:
        """The story's id in feeds: kept when its slug, title or place in the tree changes,
        different for each language copy (feed readers would merge equal ids)."""
        language = self.locale.language_code
        return f"urn:uuid:{uuid.uuid5(self.translation_key, language)}"

    @property
    def image_credit(self) -> str:
        if self.main_image_credit:
            return self.main_image_credit
        return self.main_image.credit if self.main_image else ""

    def topic_choices(self) -> list[TopicChoice]:
        tags = list(self.tags.all())
        labels = Topic.labels(tags, self.locale)
        return [TopicChoice(tag.slug, labels[tag.pk]) for tag in tags]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # read only when the article's fragment is not in the cache
        context["index"] = SimpleLazyObject(lambda: self.get_parent().specific)
        return context
