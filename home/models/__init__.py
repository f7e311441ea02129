from .images import ImageAltTextMixin, SiteImage, SiteRendition
from .pages import ContentPage, HomePage
from .settings import LegalPages

__all__ = [
    "ContentPage", "HomePage", "ImageAltTextMixin", "LegalPages", "SiteImage", "SiteRendition",
]
