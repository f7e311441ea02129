from .images import SiteImage, SiteRendition
from .pages import ContentPage, HomePage
from .settings import LegalPages

__all__ = ["ContentPage", "HomePage", "LegalPages", "SiteImage", "SiteRendition"]
