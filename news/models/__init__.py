from .pages import NewsIndexPage, NewsPage, NewsPageTag, TopicChoice
from .snippets import PressContact, Topic

__all__ = ["NewsIndexPage", "NewsPage", "NewsPageTag", "PressContact", "Topic", "TopicChoice"]
