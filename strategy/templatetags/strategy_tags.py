from django import template

from strategy.models import StrategyIndexPage

register = template.Library()


@register.inclusion_tag("strategy/includes/strategy_teaser.html", takes_context=True)
def strategy_teaser(context):
    """The strategy below the current (home) page with its chapters as cards, if published."""
    page = context.get("page")
    index = (
        StrategyIndexPage.objects.child_of(page).live().public().first() if page else None
    )
    return {
        "request": context.get("request"),
        "index": index,
        "chapters": index.chapters() if index else [],
    }
