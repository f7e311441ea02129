from wagtail import hooks

from . import mark_cacheable


# After Wagtail's own view-restriction check: a page that answers with a login redirect or a
# password form is never a 200 without a cookie, and so never stored.
@hooks.register("before_serve_page", order=100)
def page_is_cacheable(page, request, serve_args, serve_kwargs):
    mark_cacheable(request, page.translation_key)
