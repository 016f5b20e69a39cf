"""Pagination of the API's lists: numbered pages with a ceiling on their size."""

from rest_framework.pagination import PageNumberPagination


class PageNumberWithSizePagination(PageNumberPagination):
    """Pages of ``PAGE_SIZE`` items; ``?page_size=`` asks for up to 100."""

    page_size_query_param = "page_size"
    max_page_size = 100
