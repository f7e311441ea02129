from wagtail import hooks

from home.rich_text import LocalizedPageLinkHandler


# After Wagtail's own registration (order 0), so this handler replaces its "page" link type.
@hooks.register("register_rich_text_features", order=10)
def register_localized_page_links(features):
    features.register_link_type(LocalizedPageLinkHandler)
