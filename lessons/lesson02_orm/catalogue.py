# ruff: noqa: E501 (chapter bodies are prose, one string each)
"""The demo catalogue that ``load_catalogue`` puts in the database.

Plain data, so that the loader, the demo and the tests agree on one
catalogue. Chapter bodies are markdown.
"""

from __future__ import annotations

COURSES: list[dict] = [
    {
        "slug": "flexbox",
        "title": "Flexbox from the ground up",
        "level": "beginner",
        "published": True,
        "chapters": [
            (
                "The flex container",
                "Set `display: flex` on a parent and its children line up along the **main axis**.",
            ),
            (
                "Main axis and cross axis",
                "`flex-direction` picks the main axis; `justify-content` and `align-items` place items along each axis.",
            ),
            (
                "Growing and shrinking",
                "`flex: 1 1 0` lets items share free space; `flex-shrink: 0` keeps a sidebar from being squeezed.",
            ),
            (
                "Wrapping lines",
                "`flex-wrap: wrap` starts a new line when items run out of room; `align-content` spaces the lines.",
            ),
            (
                "Ordering and gaps",
                "`gap` spaces items without margins; `order` changes the visual order but not the reading order.",
            ),
        ],
    },
    {
        "slug": "css-grid",
        "title": "CSS Grid layouts",
        "level": "intermediate",
        "published": True,
        "chapters": [
            (
                "Tracks and lines",
                "`grid-template-columns: 1fr 2fr` declares two tracks; lines are numbered from 1.",
            ),
            (
                "Placing items",
                "`grid-column: 1 / 3` spans two tracks; items without a place fill the next free cell.",
            ),
            (
                "Named areas",
                "`grid-template-areas` draws the layout as text, one string per row.",
            ),
            (
                "Responsive grids without media queries",
                "`repeat(auto-fill, minmax(12rem, 1fr))` fits as many columns as the width allows.",
            ),
            (
                "Subgrid",
                "`grid-template-columns: subgrid` lets nested items align with the parent's tracks.",
            ),
            (
                "Grid or flexbox?",
                "Grid lays out in two dimensions at once; flexbox distributes along one.",
            ),
        ],
    },
    {
        "slug": "django-views",
        "title": "Django views and URLs",
        "level": "beginner",
        "published": True,
        "chapters": [
            (
                "Requests and responses",
                "A view is a callable that takes an `HttpRequest` and returns an `HttpResponse`.",
            ),
            (
                "URL patterns",
                "`path('courses/<slug:slug>/', ...)` converts the slug and passes it as a keyword argument.",
            ),
            (
                "Templates",
                "`render()` fills a template with a context; template inheritance keeps pages consistent.",
            ),
            (
                "Class-based views",
                "`ListView` and `DetailView` cover the common cases; override `get_queryset()` to filter.",
            ),
            (
                "Forms and POST",
                "A form validates input; redirect after a successful POST so a reload does not submit twice.",
            ),
        ],
    },
    {
        "slug": "django-orm",
        "title": "The Django ORM",
        "level": "intermediate",
        "published": True,
        "chapters": [
            (
                "Models and migrations",
                "A model class is a table; `makemigrations` writes the change, `migrate` applies it.",
            ),
            (
                "Querysets are lazy",
                "Filtering builds SQL; iterating, `len()`, `list()` or `bool()` runs it.",
            ),
            (
                "Lookups, Q and F",
                "`Q(a) | Q(b)` combines conditions; `F('field')` refers to a column inside the query.",
            ),
            (
                "Aggregation",
                "`annotate(n=Count('chapters'))` adds a computed column per row; `aggregate()` returns one dict.",
            ),
            (
                "The N+1 trap",
                "`select_related` joins foreign keys; `prefetch_related` runs one query per relation.",
            ),
            (
                "Transactions",
                "`transaction.atomic` makes a block all-or-nothing; `select_for_update` locks rows until commit.",
            ),
        ],
    },
    {
        "slug": "celery",
        "title": "Background work with Celery",
        "level": "intermediate",
        "published": True,
        "chapters": [
            (
                "Why a task queue",
                "Slow work leaves the request cycle: the view enqueues, a worker executes.",
            ),
            (
                "Tasks and workers",
                "`@shared_task` declares a task; `celery -A proj worker` runs it.",
            ),
            (
                "Retries and idempotency",
                "A task may run twice: make it safe to repeat, then retry on transient errors.",
            ),
            (
                "Enqueue on commit",
                "`transaction.on_commit` sends the task only when the data it needs is saved.",
            ),
            (
                "Periodic tasks",
                "Celery Beat enqueues tasks on a schedule stored in the database.",
            ),
        ],
    },
    {
        "slug": "gunicorn",
        "title": "Serving Django with Gunicorn",
        "level": "advanced",
        "published": True,
        "chapters": [
            (
                "WSGI in one page",
                "Gunicorn's master forks workers; each calls the Django application per request.",
            ),
            (
                "Workers and threads",
                "Start from `2 * cores + 1` workers and measure; threads help with I/O waits.",
            ),
            (
                "Timeouts",
                "A worker that does not answer within `timeout` seconds is killed and replaced.",
            ),
            (
                "Behind a proxy",
                "Trust `X-Forwarded-Proto` only from your proxy; set `SECURE_PROXY_SSL_HEADER`.",
            ),
        ],
    },
    {
        "slug": "docker-for-django",
        "title": "Docker for Django (draft)",
        "level": "advanced",
        "published": False,
        "chapters": [
            (
                "Images and layers",
                "Copy the requirements before the code so dependency layers stay cached.",
            ),
            (
                "Compose for development",
                "One service per process: web, worker, database, broker.",
            ),
        ],
    },
]

# Demo learners: (username, {course slug: chapters completed}). Their
# passwords are unusable: `python manage.py changepassword ada` sets one.
LEARNERS: list[tuple[str, dict[str, int]]] = [
    ("ada", {"django-orm": 4, "django-views": 5, "celery": 1}),
    ("grace", {"flexbox": 2, "css-grid": 3}),
    ("linus", {"gunicorn": 1, "django-orm": 0}),
]
