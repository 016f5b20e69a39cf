"""The ``markdown`` filter that renders a chapter's body."""

import markdown as markdown_lib
from django import template
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


@register.filter
def markdown(text: str) -> SafeString:
    """Render markdown written by staff in the admin as HTML."""
    # Bodies are trusted like templates are: only staff edit them. Text from
    # learners would need an HTML sanitizer here.
    return mark_safe(markdown_lib.markdown(text))
